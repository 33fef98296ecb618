package io.pipeshift.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.diag.Diagnostic;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.testing.Examples;
import io.pipeshift.validate.PipelineValidator;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExamplesRoundTripTest {

  static Stream<Path> examples() {
    return Examples.valid().stream();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleIsValid(Path file) {
    LoadedPipeline loaded = new PipelineReader().read(file);
    List<Diagnostic> diagnostics = new PipelineValidator().validate(loaded);
    assertTrue(diagnostics.isEmpty(), () -> file + " has diagnostics:\n" + diagnostics);
  }

  @ParameterizedTest
  @MethodSource("examples")
  void writingThenReadingGivesTheSamePipeline(Path file) {
    Pipeline original = new PipelineReader().read(file).pipeline();
    String yaml = new PipelineWriter().write(original);
    Pipeline again = new PipelineReader().read("written.yaml", yaml).pipeline();
    assertEquals(original, again, yaml);
    assertEquals(yaml, new PipelineWriter().write(again), "the canonical form is stable");
    assertTrue(yaml.endsWith("\n"));
  }
}
