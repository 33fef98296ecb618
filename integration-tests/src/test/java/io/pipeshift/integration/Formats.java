package io.pipeshift.integration;

import io.pipeshift.diag.Diagnostic;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.spi.EmittedFiles;
import io.pipeshift.spi.PipelineSource;
import io.pipeshift.spi.PipelineTarget;
import io.pipeshift.spi.TargetOptions;
import io.pipeshift.validate.PipelineValidator;
import io.pipeshift.yaml.LoadedPipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/** The registered targets and sources, and a round trip through one format. */
final class Formats {

  private Formats() {}

  static PipelineTarget target(String id) {
    return ServiceLoader.load(PipelineTarget.class).stream().map(ServiceLoader.Provider::get)
        .filter(t -> t.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no target " + id));
  }

  static PipelineSource source(String id) {
    return ServiceLoader.load(PipelineSource.class).stream().map(ServiceLoader.Provider::get)
        .filter(t -> t.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no source " + id));
  }

  /** What a target writes for a pipeline. */
  static Translation<EmittedFiles> emit(String format, Pipeline p) {
    return target(format).emit(p, TargetOptions.NONE);
  }

  /** The emitted text written to {@code dir/name.ext}. */
  static Path write(Path dir, String name, EmittedFiles files) {
    try {
      Path f = dir.resolve(name + "." + files.extension());
      Files.writeString(f, files.main());
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** IR -> format -> IR, through files in {@code dir}; the result must be a valid IR. */
  static RoundTrip roundTrip(String format, Pipeline p, Path dir, String name) {
    Translation<EmittedFiles> out = emit(format, p);
    Path file = write(dir, name, out.artifact());
    Translation<LoadedPipeline> back = source(format).read(file);
    List<Diagnostic> errors = new PipelineValidator().validate(back.artifact()).stream().filter(Diagnostic::isError).toList();
    if (!errors.isEmpty()) {
      throw new AssertionError(name + " through " + format + " reads back as an invalid IR: " + errors + "\n" + out.artifact().main());
    }
    return new RoundTrip(out.artifact().main(), out.notes(), back.artifact().pipeline(), back.notes());
  }

  record RoundTrip(String emitted, List<FidelityNote> emitNotes, Pipeline back, List<FidelityNote> importNotes) {}
}
