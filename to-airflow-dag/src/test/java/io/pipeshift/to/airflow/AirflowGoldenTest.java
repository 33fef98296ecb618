package io.pipeshift.to.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.spi.EmittedFiles;
import io.pipeshift.spi.TargetOptions;
import io.pipeshift.testing.Examples;
import io.pipeshift.validate.PipelineLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example converts to the DAG file (and notes) in its golden file, for Airflow 3 and 2. */
class AirflowGoldenTest {

  static Stream<Path> examples() {
    return Examples.valid().stream();
  }

  static Translation<EmittedFiles> convert(Path example, String version) {
    Pipeline p = new PipelineLoader().load(example).pipeline();
    return new AirflowTarget().emit(p, new TargetOptions(Map.of(
        AirflowVersion.OPTION, version, "source", example.getFileName().toString())));
  }

  @ParameterizedTest
  @MethodSource("examples")
  void exampleMatchesItsGoldenDagForAirflow3(Path example) {
    Translation<EmittedFiles> t = convert(example, "3");
    String base = example.getFileName().toString().replace(".yaml", "");
    Golden.check(base + ".py", t.artifact().main());
    Golden.check(base + ".notes.txt", t.notes().stream().map(FidelityNote::render).collect(Collectors.joining("\n", "", "\n")));
  }

  @ParameterizedTest
  @MethodSource("examples")
  void exampleMatchesItsGoldenDagForAirflow2(Path example) {
    Translation<EmittedFiles> t = convert(example, "2");
    String base = example.getFileName().toString().replace(".yaml", "");
    Golden.check(base + ".airflow2.py", t.artifact().main());
  }

  @ParameterizedTest
  @MethodSource("examples")
  void conversionIsDeterministic(Path example) {
    assertEquals(convert(example, "3").artifact().main(), convert(example, "3").artifact().main());
  }
}
