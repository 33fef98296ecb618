package io.pipeshift.oracles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Airflow's real DagBag loads a tiny DAG and reports a broken file as an import error. */
class AirflowDagBagSmokeTest {

  @Test
  void dagBagLoadsTinyDagAndReportsBrokenOne() throws URISyntaxException {
    Path dags = Path.of(getClass().getResource("/dags").toURI());

    JsonNode bag = OracleCalls.dagBag(dags);

    JsonNode tiny = bag.path("dags").path("pipeshift_tiny");
    assertTrue(tiny.isObject(), () -> "pipeshift_tiny not loaded: " + bag.toPrettyString());
    assertEquals("@daily", tiny.path("schedule").asText());
    JsonNode train = tiny.path("tasks").path("train");
    assertEquals("extract", train.path("upstream").path(0).asText());
    assertEquals("all_done", train.path("trigger_rule").asText());
    assertEquals(2, train.path("retries").asInt());
    assertEquals(30.0, train.path("retry_delay_seconds").asDouble());
    assertEquals("EmptyOperator", train.path("operator").asText());

    assertEquals(1, bag.path("dags").size(), () -> bag.path("dags").toPrettyString());
    assertEquals(1, bag.path("import_errors").size(), () -> bag.toPrettyString());
    String path = bag.path("import_errors").fieldNames().next();
    assertTrue(path.endsWith("broken_dag.py"), path);
    assertTrue(
        bag.path("import_errors").path(path).asText().contains("pipeshift deliberately broken DAG"));
  }
}
