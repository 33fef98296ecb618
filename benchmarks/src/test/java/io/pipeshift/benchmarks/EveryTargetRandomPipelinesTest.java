package io.pipeshift.benchmarks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipeshift.from.airflow.parse.ParseResult;
import io.pipeshift.from.airflow.parse.PythonSourceParser;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.spi.EmittedFiles;
import io.pipeshift.spi.PipelineTarget;
import io.pipeshift.spi.TargetOptions;
import io.pipeshift.testing.RandomPipelines;
import io.pipeshift.validate.PipelineValidator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Property: for random valid IR (core-model's {@link RandomPipelines}, 300 seeds, every shape option on),
 * every registered target emits without an exception, and its main document is well-formed for its
 * format's own reader: JSON (sagemaker, asl) parses, Python (airflow) parses without a syntax error.
 * What a target cannot express must be a fidelity note, never an exception. The failing seed is printed.
 */
class EveryTargetRandomPipelinesTest {

  private static final int SEEDS = 300;
  private final ObjectMapper json = new ObjectMapper();
  private final PythonSourceParser python = new PythonSourceParser();

  @Test
  void everyTargetEmitsWellFormedOutputOrNotesForRandomPipelines() {
    Map<String, PipelineTarget> targets = Inputs.targets();
    assertTrue(targets.keySet().containsAll(List.of("sagemaker", "asl", "airflow")), "targets: " + targets.keySet());
    int checked = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      Pipeline pipeline = RandomPipelines.generate(seed, RandomPipelines.Shape.everything(12));
      assertFalse(PipelineValidator.hasErrors(new PipelineValidator().validate(pipeline, "random")),
          "seed " + seed + ": RandomPipelines made an invalid pipeline");
      for (PipelineTarget target : targets.values()) {
        Translation<EmittedFiles> out;
        try {
          out = target.emit(pipeline, TargetOptions.NONE);
        } catch (RuntimeException e) {
          throw new AssertionError("seed " + seed + ", target " + target.id() + ": emit threw", e);
        }
        String main = out.artifact().main();
        assertTrue(main.endsWith("\n"), "seed " + seed + ", target " + target.id() + ": no trailing newline");
        wellFormed(seed, target.id(), out.artifact());
        checked++;
      }
    }
    assertTrue(checked >= SEEDS * 3);
  }

  private void wellFormed(long seed, String target, EmittedFiles files) {
    switch (files.extension()) {
      case "json" -> {
        try {
          json.readTree(files.main());
        } catch (Exception e) {
          fail("seed " + seed + ", target " + target + ": output is not JSON: " + e.getMessage());
        }
      }
      case "py" -> {
        ParseResult parsed = python.parse("random_dag.py", files.main());
        assertTrue(parsed.ok(), "seed " + seed + ", target " + target + ": Python syntax errors " + parsed.diagnostics());
      }
      default -> { } // other formats (the IR's YAML) are covered by their own round-trip tests
    }
  }
}
