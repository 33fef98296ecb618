package io.pipeshift.from.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pipeshift.diag.Diagnostic;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.validate.PipelineValidator;
import io.pipeshift.yaml.LoadedPipeline;
import io.pipeshift.yaml.PipelineWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hand-written definition under src/test/resources/definitions imports into a valid IR equal to its golden
 * file (the IR YAML, then the fidelity notes as comments).
 */
class SageMakerImporterGoldenTest {

  static Stream<Path> definitions() throws IOException {
    Path dir = Golden.dir().resolveSibling("definitions");
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("definitions")
  void definitionImportsToItsGoldenIr(Path machine) {
    Translation<LoadedPipeline> t = SageMakerImporter.read(machine);
    List<Diagnostic> problems = new PipelineValidator().validate(t.artifact());
    assertEquals(List.of(), problems.stream().filter(Diagnostic::isError).toList(), "the imported IR is valid");
    StringBuilder out = new StringBuilder(new PipelineWriter().write(t.artifact().pipeline()));
    for (FidelityNote n : t.notes()) {
      out.append("# ").append(n.render()).append('\n');
    }
    String name = machine.getFileName().toString().replace(".json", ".yaml");
    Golden.check(name, out.toString());
  }
}
