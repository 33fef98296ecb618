package io.pipeshift.to.sagemaker;

import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.spi.EmittedFiles;
import io.pipeshift.spi.PipelineTarget;
import io.pipeshift.spi.TargetOptions;

/** {@code pipeshift convert FILE --to sagemaker}: the definition JSON, with the CloudFormation companion. */
public final class SageMakerTarget implements PipelineTarget {

  @Override
  public String id() {
    return "sagemaker";
  }

  @Override
  public String description() {
    return "SageMaker Pipelines definition JSON (+ CloudFormation for the pipeline and its triggers)";
  }

  @Override
  public Translation<EmittedFiles> emit(Pipeline pipeline, TargetOptions options) {
    return new SageMakerWriter().write(pipeline)
        .map(d -> EmittedFiles.streamed(d::writeJson, "json", d::companions));
  }
}
