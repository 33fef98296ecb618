package io.pipeshift.from.airflow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.diag.Diagnostic;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.validate.PipelineValidator;
import io.pipeshift.yaml.PipelineWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The project's own DAG fixtures ({@code src/test/resources/dags}) imported to IR YAML and notes, compared
 * with golden files ({@code -Dpipeshift.updateGolden=true} rewrites them). Every imported pipeline must be valid IR.
 */
class GoldenImportTest {

  @ParameterizedTest
  @ValueSource(strings = {"ml_platform", "taskflow_groups"})
  void importMatchesGoldenFiles(String name) throws Exception {
    Path file = Path.of("src/test/resources/dags", name + ".py");
    FileImport imported = new AirflowDagReader().read(file, name + ".py");
    assertTrue(imported.failure().isEmpty(), imported.failure().orElse(""));
    StringBuilder yaml = new StringBuilder();
    StringBuilder notes = new StringBuilder();
    imported.notes().forEach(n -> notes.append(n.render()).append('\n'));
    for (ImportedDag d : imported.dags()) {
      List<Diagnostic> problems = new PipelineValidator().validate(d.pipeline(), name);
      assertTrue(problems.stream().noneMatch(Diagnostic::isError), problems.toString());
      if (yaml.length() > 0) {
        yaml.append("---\n");
      }
      yaml.append(new PipelineWriter().write(d.pipeline()));
      for (FidelityNote n : d.notes()) {
        notes.append(n.render()).append('\n');
      }
    }
    Golden.check(name + ".yaml", yaml.toString());
    Golden.check(name + ".notes.txt", notes.toString());
  }
}
