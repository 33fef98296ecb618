package io.pipeshift.ir.kinds;

import io.pipeshift.ir.DefaultValue;
import io.pipeshift.ir.Immutables;
import io.pipeshift.ir.Value;
import java.util.Map;
import java.util.Optional;

/** A SageMaker Clarify bias or explainability check. {@code analysisConfig} is Clarify's own config. */
public record ClarifyCheckSpec(
    CheckType checkType,
    Value dataset,
    Value outputPath,
    String instanceType,
    @DefaultValue("1") int instanceCount,
    Map<String, Object> analysisConfig,
    @DefaultValue("false") boolean skipCheck,
    @DefaultValue("false") boolean registerNewBaseline,
    Optional<String> modelPackageGroup)
    implements StepSpec {

  public ClarifyCheckSpec {
    analysisConfig = Immutables.treeMap(analysisConfig);
  }

  public enum CheckType {
    DATA_BIAS,
    MODEL_BIAS,
    MODEL_EXPLAINABILITY
  }
}
