package io.pipeshift.to.sagemaker;

import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.testing.Examples;
import io.pipeshift.validate.PipelineLoader;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example (and every fixture of this module) converts to the definition, notes and CloudFormation companion kept as golden files. */
class ExamplesGoldenTest {

  static Stream<Path> examples() {
    return Stream.concat(Examples.valid().stream(), Fixtures.all().stream());
  }

  @ParameterizedTest
  @MethodSource("examples")
  void exampleMatchesItsGoldenFiles(Path example) {
    Pipeline pipeline = new PipelineLoader().load(example).pipeline();
    Translation<SageMakerDefinition> t = new SageMakerWriter().write(pipeline);
    String name = example.getFileName().toString().replaceFirst("\\.yaml$", "");
    Golden.check(name + ".json", t.artifact().json());
    Golden.check(name + ".notes.txt", t.notes().stream().map(FidelityNote::render)
        .collect(Collectors.joining("\n", "", "\n")));
    t.artifact().companions().forEach((file, text) ->
        Golden.check(name + "." + file.replace('/', '.'), text));
  }
}
