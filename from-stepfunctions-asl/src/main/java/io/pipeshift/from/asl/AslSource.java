package io.pipeshift.from.asl;

import io.pipeshift.fidelity.Translation;
import io.pipeshift.spi.PipelineSource;
import io.pipeshift.yaml.LoadedPipeline;
import java.nio.file.Path;
import java.util.Locale;

/** Amazon States Language JSON as an input format ({@code convert}, {@code diff}, ...). */
public final class AslSource implements PipelineSource {

  @Override
  public String id() {
    return "asl";
  }

  /** A JSON object with "StartAt" and "States". */
  @Override
  public int confidence(Path file, String head) {
    String h = head.stripLeading();
    if (!h.startsWith("{") || !head.contains("\"StartAt\"") || !head.contains("\"States\"")) {
      return 0;
    }
    if (head.contains("\"AWSTemplateFormatVersion\"") || head.contains("\"Resources\"")) {
      return 0;
    }
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".json") || name.endsWith(".asl") ? 95 : 85;
  }

  @Override
  public Translation<LoadedPipeline> read(Path file) {
    return AslImporter.read(file);
  }
}
