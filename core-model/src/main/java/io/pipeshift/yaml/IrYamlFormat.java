package io.pipeshift.yaml;

import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.spi.EmittedFiles;
import io.pipeshift.spi.PipelineSource;
import io.pipeshift.spi.PipelineTarget;
import io.pipeshift.spi.TargetOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** IR YAML as an input and output format of {@code convert} ({@code --to ir}). Lossless both ways. */
public final class IrYamlFormat implements PipelineSource, PipelineTarget {

  @Override
  public String id() {
    return "ir";
  }

  @Override
  public String description() {
    return "pipeshift IR YAML (canonical form)";
  }

  @Override
  public int confidence(Path file, String head) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean yamlName = name.endsWith(".yaml") || name.endsWith(".yml");
    if (head.contains("pipeshift:")) {
      return yamlName ? 100 : 80;
    }
    if (yamlName) {
      // a CloudFormation template is YAML too; its source claims it with more confidence
      return head.contains("AWSTemplateFormatVersion") || head.contains("Resources:") ? 20 : 60;
    }
    return 0;
  }

  @Override
  public Translation<LoadedPipeline> read(Path file) {
    return new Translation<>(new PipelineReader().read(file), List.of());
  }

  @Override
  public Translation<EmittedFiles> emit(Pipeline pipeline, TargetOptions options) {
    return new Translation<>(EmittedFiles.of(new PipelineWriter().write(pipeline), "yaml"), List.of());
  }
}
