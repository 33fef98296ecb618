package io.pipeshift.ir.kinds;

import io.pipeshift.ir.DefaultValue;
import io.pipeshift.ir.Value;
import java.util.Optional;

/** A SageMaker Model Monitor data- or model-quality check against a baseline. */
public record QualityCheckSpec(
    CheckType checkType,
    Value baselineDataset,
    @DefaultValue("csv") String datasetFormat,
    Value outputPath,
    String instanceType,
    @DefaultValue("1") int instanceCount,
    @DefaultValue("false") boolean skipCheck,
    @DefaultValue("false") boolean registerNewBaseline,
    Optional<Value> suppliedBaselineStatistics,
    Optional<Value> suppliedBaselineConstraints,
    Optional<String> modelPackageGroup)
    implements StepSpec {

  public enum CheckType {
    DATA_QUALITY,
    MODEL_QUALITY
  }
}
