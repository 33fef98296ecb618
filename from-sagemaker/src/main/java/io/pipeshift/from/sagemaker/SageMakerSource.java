package io.pipeshift.from.sagemaker;

import io.pipeshift.fidelity.Translation;
import io.pipeshift.spi.PipelineSource;
import io.pipeshift.yaml.LoadedPipeline;
import java.nio.file.Path;
import java.util.Locale;

/** SageMaker pipeline definition JSON as an input format ({@code convert}, {@code diff}, ...). */
public final class SageMakerSource implements PipelineSource {

  @Override
  public String id() {
    return "sagemaker";
  }

  /** A JSON object with "Version" and "Steps"; certain with the 2020-12-01 version. */
  @Override
  public int confidence(Path file, String head) {
    String h = head.stripLeading();
    if (!h.startsWith("{") || !head.contains("\"Steps\"")) {
      return 0;
    }
    if (head.contains("\"StartAt\"") || head.contains("\"AWSTemplateFormatVersion\"") || head.contains("\"Resources\"")) {
      return 0;
    }
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    int score = head.contains("\"Version\"") ? 80 : 50;
    if (head.contains("\"2020-12-01\"")) {
      score = 95;
    }
    return name.endsWith(".json") ? score : score - 10;
  }

  @Override
  public Translation<LoadedPipeline> read(Path file) {
    return SageMakerImporter.read(file);
  }
}
