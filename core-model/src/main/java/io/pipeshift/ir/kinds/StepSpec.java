package io.pipeshift.ir.kinds;

import java.util.Optional;
import java.util.Set;

/**
 * The typed fields of one step kind. One record per kind of the closed taxonomy (see
 * {@link io.pipeshift.ir.StepKind}); record component names are the YAML keys.
 */
public sealed interface StepSpec
    permits ProcessingSpec, TrainingSpec, TuningSpec, TransformSpec, CreateModelSpec, RegisterModelSpec,
        QualityCheckSpec, ClarifyCheckSpec, EmrSpec, NotebookJobSpec, ModelDeploySpec, ConditionSpec, FailSpec,
        WaitSpec, ForEachSpec, ApprovalSpec, CallbackSpec, LambdaSpec, GlueSpec, BatchSpec, EcsSpec, SnsSpec,
        SqsSpec, EventBridgePutSpec, AthenaSpec, StartStepFunctionsSpec, StartSageMakerPipelineSpec, HttpSpec,
        PythonSpec, BashSpec, ContainerSpec, SqlSpec, ExternalSpec {

  /**
   * The output names other steps may reference with {@code {output: {step, name}}}; empty when the kind
   * does not restrict them (its target decides).
   */
  default Optional<Set<String>> outputNames() {
    return Optional.empty();
  }
}
