package io.pipeshift.from.asl;

import io.pipeshift.diag.Diagnostics;
import io.pipeshift.document.JsonDocument;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.yaml.LoadedPipeline;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The entry point: an Amazon States Language state machine (JSONPath or JSONata) -> IR, with fidelity
 * notes. Bad input throws {@link io.pipeshift.diag.InvalidInputException} holding every located diagnostic
 * (JSON pointer in the message, line:col in the location); nothing else escapes.
 */
public final class AslImporter {

  private AslImporter() {}

  public static Translation<LoadedPipeline> read(Path file) {
    return read(JsonDocument.read(file), pipelineName(file));
  }

  public static Translation<LoadedPipeline> read(String fileName, String json) {
    return read(JsonDocument.parse(fileName, json), pipelineName(Path.of(fileName)));
  }

  /** Reads a machine document; a definition holds no name, so the caller gives one. */
  public static Translation<LoadedPipeline> read(JsonDocument definition, String pipelineName) {
    Diagnostics diagnostics = new Diagnostics();
    AslMachine machine = AslMachine.read(definition, diagnostics);
    diagnostics.throwIfErrors();
    return new AslReader(machine, pipelineName, diagnostics).read();
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
