package io.pipeshift.spi;

import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.Pipeline;

/**
 * An output format ({@code pipeshift convert --to ID}). Each to-* spoke provides one, registered in
 * {@code META-INF/services/io.pipeshift.spi.PipelineTarget}; the CLI finds them with ServiceLoader, so no
 * spoke and no CLI code names another spoke.
 */
public interface PipelineTarget {

  /** The {@code --to} name, e.g. {@code sagemaker}, {@code asl}, {@code airflow}. */
  String id();

  /** One line for {@code --help}. */
  String description();

  /** Translates a valid pipeline. Never throws for a valid IR: what cannot be expressed becomes a note. */
  Translation<EmittedFiles> emit(Pipeline pipeline, TargetOptions options);
}
