package io.pipeshift.ir.kinds;

import io.pipeshift.ir.DefaultValue;
import io.pipeshift.ir.Value;
import java.util.Optional;
import java.util.Set;

/** A SageMaker batch transform job. Output {@code output}: the S3 URI of the results. */
public record TransformSpec(
    Value model,
    String instanceType,
    @DefaultValue("1") int instanceCount,
    Value input,
    Optional<String> contentType,
    @DefaultValue("none") SplitType splitType,
    Value outputPath,
    Optional<String> accept,
    @DefaultValue("none") AssembleWith assembleWith)
    implements StepSpec {

  public enum SplitType {
    NONE,
    LINE,
    RECORD_IO,
    TF_RECORD
  }

  public enum AssembleWith {
    NONE,
    LINE
  }

  @Override
  public Optional<Set<String>> outputNames() {
    return Optional.of(Set.of("output"));
  }
}
