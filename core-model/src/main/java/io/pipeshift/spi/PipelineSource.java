package io.pipeshift.spi;

import io.pipeshift.fidelity.Translation;
import io.pipeshift.yaml.LoadedPipeline;
import java.nio.file.Path;

/**
 * An input format ({@code pipeshift convert IN}, {@code validate}, {@code analyze}, {@code diff} detect it).
 * The IR YAML source is built into core-model; each from-* spoke registers one in
 * {@code META-INF/services/io.pipeshift.spi.PipelineSource}.
 */
public interface PipelineSource {

  /** A short name: {@code ir}, {@code airflow}, {@code asl}, {@code sagemaker}, {@code cloudformation}. */
  String id();

  /**
   * How sure this source is that the file is its format, 0 (not mine) to 100 (certain), from the name and
   * the first few kilobytes. The CLI picks the highest.
   */
  int confidence(Path file, String head);

  /**
   * Reads the file into the IR. Bad input throws {@link io.pipeshift.diag.InvalidInputException} with
   * located diagnostics; what the IR cannot hold exactly becomes fidelity notes.
   */
  Translation<LoadedPipeline> read(Path file);

  /**
   * The {@code --to} target that writes this format, if any ({@code diff} compares a pipeline from another
   * format by sending it through this target and back, so both sides lose the same details). The source's own
   * id by default; a source of a container format (a CloudFormation template) names the format it holds.
   */
  default java.util.Optional<String> targetId() {
    return java.util.Optional.of(id());
  }
}
