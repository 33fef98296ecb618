package io.pipeshift.validate;

import io.pipeshift.diag.Diagnostic;
import io.pipeshift.diag.InvalidInputException;
import io.pipeshift.yaml.LoadedPipeline;
import io.pipeshift.yaml.PipelineReader;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Reads and validates an IR file in one call: the way every command and spoke gets a pipeline. */
public final class PipelineLoader {

  private final PipelineReader reader = new PipelineReader();
  private final PipelineValidator validator = new PipelineValidator();

  /**
   * The valid pipeline; throws {@link InvalidInputException} with every error (and warning) when there is
   * any error. Warnings of a valid file go to {@code warnings}.
   */
  public LoadedPipeline load(Path file, Consumer<Diagnostic> warnings) {
    LoadedPipeline loaded = reader.read(file);
    List<Diagnostic> diagnostics = validator.validate(loaded);
    if (PipelineValidator.hasErrors(diagnostics)) {
      throw new InvalidInputException(diagnostics);
    }
    diagnostics.forEach(warnings);
    return loaded;
  }

  public LoadedPipeline load(Path file) {
    return load(file, d -> {});
  }
}
