package io.pipeshift.analyzer;

import java.util.List;
import java.util.Optional;

/** The three orchestrators a pipeline is scored against, with the {@code --to} ids of their emitters. */
public enum Orchestrator {
  SAGEMAKER_PIPELINES("sagemaker-pipelines", "SageMaker Pipelines", List.of("sagemaker")),
  STEP_FUNCTIONS("step-functions", "Step Functions", List.of("asl", "stepfunctions", "step-functions")),
  AIRFLOW("airflow", "Airflow/MWAA", List.of("airflow"));

  private final String id;
  private final String displayName;
  private final List<String> targetIds;

  Orchestrator(String id, String displayName, List<String> targetIds) {
    this.id = id;
    this.displayName = displayName;
    this.targetIds = targetIds;
  }

  /** Stable kebab-case id used in JSON, SARIF and config files. */
  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  /** The {@link io.pipeshift.spi.PipelineTarget#id()} values that emit for this orchestrator. */
  public List<String> targetIds() {
    return targetIds;
  }

  public static Optional<Orchestrator> forTarget(String targetId) {
    for (Orchestrator o : values()) {
      if (o.targetIds.contains(targetId)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
