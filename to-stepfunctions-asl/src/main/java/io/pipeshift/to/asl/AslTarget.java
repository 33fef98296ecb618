package io.pipeshift.to.asl;

import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.spi.EmittedFiles;
import io.pipeshift.spi.PipelineTarget;
import io.pipeshift.spi.TargetOptions;

/** {@code pipeshift convert FILE --to asl}: an Amazon States Language state machine. */
public final class AslTarget implements PipelineTarget {

  @Override
  public String id() {
    return "asl";
  }

  @Override
  public String description() {
    return "AWS Step Functions state machine (Amazon States Language), with triggers and an IAM policy";
  }

  @Override
  public Translation<EmittedFiles> emit(Pipeline pipeline, TargetOptions options) {
    return AslWriter.write(pipeline, options);
  }
}
