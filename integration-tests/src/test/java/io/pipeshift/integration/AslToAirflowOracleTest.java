package io.pipeshift.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Step;
import io.pipeshift.oracles.OracleCalls;
import io.pipeshift.testing.Examples;
import io.pipeshift.validate.PipelineLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: {@code pipeshift convert <emitted ASL of multi-service> --to airflow} gives a DAG that Airflow's
 * DagBag loads with the same graph and retries as the DAG converted from the IR directly (task for task:
 * upstream tasks, retries, retry delay, trigger rule, timeout).
 */
class AslToAirflowOracleTest {

  @TempDir Path dir;

  @Test
  void aslOfMultiServiceConvertsToADagWithTheSameGraphAndRetries() throws Exception {
    Path asl = dir.resolve("m.json");
    Path dags = Files.createDirectories(dir.resolve("dags"));
    String example = Examples.file("multi-service.yaml").toString();
    Cli.run("convert", example, "--to", "asl", "-o", asl.toString()).expect(0);
    Cli.run("convert", asl.toString(), "--to", "airflow", "-o", dags.resolve("from_asl.py").toString()).expect(0);
    Pipeline original = new PipelineLoader().load(Examples.file("multi-service.yaml")).pipeline();
    Pipeline reference = new Pipeline("reference", original.description(), original.tags(), original.parameters(),
        original.triggers(), original.defaults(), original.steps(), original.extensions());
    Files.writeString(dags.resolve("reference.py"), Formats.emit("airflow", reference).artifact().main());

    JsonNode bag = OracleCalls.dagBag(dags);
    assertEquals(0, bag.path("import_errors").size(), bag.path("import_errors").toString());
    JsonNode fromAsl = bag.path("dags").path(original.name()).path("tasks");
    JsonNode direct = bag.path("dags").path("reference").path("tasks");
    assertEquals(original.allSteps().size(), fromAsl.size(), fromAsl.toString());
    Map<String, String> asAsl = original.allSteps().stream().collect(Collectors.toMap(s -> snake(s.id()), s -> snake(s.label())));
    for (Step s : original.allSteps()) {
      JsonNode a = direct.path(snake(s.id()));
      JsonNode b = fromAsl.path(snake(s.label()));
      assertTrue(!a.isMissingNode() && !b.isMissingNode(), s.id() + ": " + direct.fieldNames() + " / " + fromAsl);
      TreeSet<String> upstream = new TreeSet<>();
      a.path("upstream").forEach(u -> upstream.add(asAsl.get(u.asText())));
      TreeSet<String> upstreamFromAsl = new TreeSet<>();
      b.path("upstream").forEach(u -> upstreamFromAsl.add(u.asText()));
      assertEquals(upstream, upstreamFromAsl, s.id() + " upstream");
      for (String field : new String[] {"retries", "retry_delay_seconds", "retry_exponential_backoff",
          "max_retry_delay_seconds", "trigger_rule", "execution_timeout_seconds"}) {
        assertEquals(a.path(field), b.path(field), s.id() + " " + field);
      }
    }
  }

  /** Task ids as the Airflow emitter writes them: snake case of the step id. */
  private static String snake(String id) {
    return id.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }
}
