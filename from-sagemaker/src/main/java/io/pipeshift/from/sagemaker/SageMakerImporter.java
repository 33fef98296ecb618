package io.pipeshift.from.sagemaker;

import io.pipeshift.document.JsonDocument;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.yaml.LoadedPipeline;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The entry point: a SageMaker pipeline definition (JSON text, or a located document from a template) ->
 * IR, with fidelity notes. Bad input throws {@link io.pipeshift.diag.InvalidInputException} with located
 * diagnostics (JSON pointer in the message, line:col in the location); nothing else escapes.
 */
public final class SageMakerImporter {

  private SageMakerImporter() {}

  public static Translation<LoadedPipeline> read(Path file) {
    return read(JsonDocument.read(file), pipelineName(file));
  }

  public static Translation<LoadedPipeline> read(String fileName, String json) {
    return read(JsonDocument.parse(fileName, json), pipelineName(Path.of(fileName)));
  }

  /** Reads a definition document; the definition holds no pipeline name, so the caller gives one. */
  public static Translation<LoadedPipeline> read(JsonDocument definition, String pipelineName) {
    return new SageMakerReader(definition, pipelineName).read();
  }

  /** The file name without its extension, as a pipeline name. */
  static String pipelineName(Path file) {
    Path name = file.getFileName();
    String n = name == null ? "pipeline" : name.toString();
    int dot = n.indexOf('.');
    n = dot > 0 ? n.substring(0, dot) : n;
    n = n.replaceAll("[^A-Za-z0-9-]", "-").toLowerCase(Locale.ROOT);
    return n.isEmpty() ? "pipeline" : n;
  }
}
