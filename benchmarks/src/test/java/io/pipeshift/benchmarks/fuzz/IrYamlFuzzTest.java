package io.pipeshift.benchmarks.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pipeshift.validate.PipelineValidator;
import io.pipeshift.yaml.LoadedPipeline;
import io.pipeshift.yaml.PipelineReader;
import io.pipeshift.yaml.PipelineWriter;

/** IR YAML: read (with the default {@code ReaderLimits}), validate, and write back what validated. */
class IrYamlFuzzTest {

  private final PipelineReader reader = new PipelineReader();
  private final PipelineValidator validator = new PipelineValidator();

  @FuzzTest
  void readAndValidate(byte[] data) {
    String text = Hostile.text(data);
    Hostile.run("ir yaml", data, () -> {
      LoadedPipeline loaded = reader.read("fuzz.yaml", text);
      if (!PipelineValidator.hasErrors(validator.validate(loaded))) {
        new PipelineWriter().write(loaded.pipeline());
      }
      return loaded;
    });
  }
}
