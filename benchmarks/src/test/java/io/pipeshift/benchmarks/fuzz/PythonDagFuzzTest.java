package io.pipeshift.benchmarks.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pipeshift.from.airflow.parse.PythonSourceParser;
import io.pipeshift.from.airflow.AirflowDagReader;
import io.pipeshift.from.airflow.FileImport;
import java.nio.file.Path;

/**
 * Python DAG source: the parser alone (it reports syntax errors as diagnostics, never throws), and the
 * whole import. {@link AirflowDagReader} turns any internal exception into a failed import saying
 * "internal limit ... please report this file": that message is a crash here too.
 */
class PythonDagFuzzTest {

  private final PythonSourceParser parser = new PythonSourceParser();
  private final AirflowDagReader reader = new AirflowDagReader();

  @FuzzTest
  void parse(byte[] data) {
    String text = Hostile.text(data);
    Hostile.run("python parse", data, () -> parser.parse("fuzz_dag.py", text));
  }

  @FuzzTest
  void importDag(byte[] data) {
    String text = Hostile.text(data);
    FileImport result = Hostile.run("python import", data,
        () -> reader.read(Path.of("fuzz_dag.py"), "fuzz_dag.py", text));
    if (result != null && result.failure().isPresent() && result.failure().get().contains("internal limit")) {
      throw new AssertionError("python import: " + result.failure().get());
    }
  }
}
