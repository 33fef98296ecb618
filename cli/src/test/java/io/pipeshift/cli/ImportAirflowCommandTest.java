package io.pipeshift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipeshift.validate.PipelineLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pipeshift import airflow}: a folder in bulk, a summary, exit codes, and one bad file not stopping it. */
class ImportAirflowCommandTest {

  private static final String CLEAN = String.join("\n",
      "from airflow.sdk import DAG",
      "from airflow.providers.standard.operators.bash import BashOperator",
      "with DAG(dag_id='clean_one', schedule='@daily'):",
      "    BashOperator(task_id='a', bash_command='echo a') >> BashOperator(task_id='b', bash_command='echo b')",
      "");

  @Test
  void aCleanFolderImportsWithExitZeroAndOneIrFilePerDag(@TempDir Path tmp) throws Exception {
    Path dags = Files.createDirectories(tmp.resolve("dags"));
    Files.writeString(dags.resolve("one.py"), CLEAN);
    Files.writeString(dags.resolve("helper.py"), "def helper():\n    return 1\n");
    Path out = tmp.resolve("out");
    CliRun r = CliRun.of("import", "airflow", dags.toString(), "-o", out.toString());
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("DAGs: 1, tasks: 2"), r.out());
    assertTrue(r.out().contains("1 clean, 0 with warnings, 0 failed, 1 without a DAG"), r.out());
    assertEquals(2, new PipelineLoader().load(out.resolve("clean_one.yaml")).pipeline().steps().size());
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals(2, summary.get("files").asInt());
    assertEquals("clean_one.yaml", summary.get("entries").get(1).get("dags").get("clean_one").asText());
  }

  @Test
  void warningsAndBrokenFilesGiveExitOneWithoutStoppingTheBatch(@TempDir Path tmp) throws Exception {
    Path dags = Files.createDirectories(tmp.resolve("dags"));
    Files.writeString(dags.resolve("a_broken.py"), "with DAG(dag_id='x') as d\n    pass\n");
    Files.writeString(dags.resolve("b_variable.py"), CLEAN.replace("clean_one", "uses_variable")
        .replace("'echo a'", "Variable.get('cmd')").replace("from airflow.sdk import DAG",
            "from airflow.sdk import DAG\nfrom airflow.models import Variable"));
    Files.writeString(dags.resolve("c_clean.py"), CLEAN);
    Path out = tmp.resolve("out");
    CliRun r = CliRun.of("import", "airflow", dags.toString(), "-o", out.toString());
    assertEquals(1, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("1 clean, 1 with warnings, 1 failed"), r.out());
    assertTrue(r.out().contains("Variable.get"), r.out());
    assertTrue(Files.exists(out.resolve("clean_one.yaml")));
    assertTrue(Files.exists(out.resolve("uses_variable.yaml")));
    String summary = Files.readString(out.resolve("summary.json"));
    assertTrue(summary.contains("error AFI901: a_broken.py:1:26: found end of line"), summary);
    assertFalse((r.out() + r.err()).toLowerCase().contains("exception"), r.out() + r.err());
  }

  @Test
  void usageErrorsExitTwo(@TempDir Path tmp) {
    assertEquals(2, CliRun.of("import", "airflow", tmp.resolve("missing").toString(), "-o", tmp.toString()).exitCode());
    assertEquals(2, CliRun.of("import", "airflow", tmp.toString(), "-o", tmp.toString(), "--format", "nope").exitCode());
    assertEquals(2, CliRun.of("import", "airflow", tmp.toString()).exitCode());
  }
}
