package io.pipeshift.cli;

import io.pipeshift.diag.Diagnostic;
import io.pipeshift.diag.InvalidInputException;
import io.pipeshift.diag.Location;
import io.pipeshift.diag.Problem;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.spi.PipelineSource;
import io.pipeshift.validate.PipelineValidator;
import io.pipeshift.yaml.LoadedPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds the input format of a file among the registered sources, reads it and validates the IR. */
final class Inputs {

  private static final int HEAD_BYTES = 8192;

  private Inputs() {}

  static List<PipelineSource> sources() {
    return ServiceLoader.load(PipelineSource.class).stream().map(ServiceLoader.Provider::get)
        .sorted(Comparator.comparing(PipelineSource::id)).toList();
  }

  /** Reads and validates; bad input throws {@link InvalidInputException}. Warnings go to {@code warnings}. */
  static Translation<LoadedPipeline> load(Path file, java.util.function.Consumer<Diagnostic> warnings) {
    if (!Files.isRegularFile(file)) {
      throw InvalidInputException.of(Diagnostic.error(Problem.NOT_READABLE, Location.start(file.toString()),
          Files.exists(file) ? "not a regular file" : "no such file"));
    }
    String head = head(file);
    PipelineSource best = null;
    int bestScore = 0;
    for (PipelineSource s : sources()) {
      int score = s.confidence(file, head);
      if (score > bestScore) {
        best = s;
        bestScore = score;
      }
    }
    if (best == null) {
      String known = sources().stream().map(PipelineSource::id).collect(Collectors.joining(", "));
      throw InvalidInputException.of(Diagnostic.error(Problem.NOT_READABLE, Location.start(file.toString()),
          "cannot tell the format of this file; known formats: " + known));
    }
    Translation<LoadedPipeline> read = best.read(file);
    List<Diagnostic> diagnostics = new PipelineValidator().validate(read.artifact());
    if (PipelineValidator.hasErrors(diagnostics)) {
      throw new InvalidInputException(diagnostics);
    }
    diagnostics.forEach(warnings);
    return read;
  }

  private static String head(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw InvalidInputException.of(Diagnostic.error(Problem.NOT_READABLE, Location.start(file.toString()), e.getMessage()));
    }
  }
}
