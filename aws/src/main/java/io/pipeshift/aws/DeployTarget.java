package io.pipeshift.aws;

import java.util.Locale;

/** Where {@code pipeshift deploy} and {@code package} put a pipeline, and the emitter that writes it. */
public enum DeployTarget {
  /** A SageMaker pipeline, written by the {@code sagemaker} target. */
  SAGEMAKER("sagemaker", "sagemaker", "sagemaker pipeline"),
  /** A Step Functions state machine, written by the {@code asl} target. */
  STEP_FUNCTIONS("stepfunctions", "asl", "state machine");

  private final String cliName;
  private final String emitterId;
  private final String resourceLabel;

  DeployTarget(String cliName, String emitterId, String resourceLabel) {
    this.cliName = cliName;
    this.emitterId = emitterId;
    this.resourceLabel = resourceLabel;
  }

  /** The {@code --target} value. */
  public String cliName() {
    return cliName;
  }

  /** The {@link io.pipeshift.spi.PipelineTarget#id()} of the emitter. */
  public String emitterId() {
    return emitterId;
  }

  /** How reports name the main resource, e.g. {@code sagemaker pipeline}. */
  public String resourceLabel() {
    return resourceLabel;
  }

  /** {@code sagemaker}, {@code stepfunctions} (also {@code step-functions}, {@code sfn}, {@code asl}). */
  public static DeployTarget parse(String text) {
    String t = text.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    return switch (t) {
      case "sagemaker" -> SAGEMAKER;
      case "stepfunctions", "sfn", "asl", "states" -> STEP_FUNCTIONS;
      default -> throw new IllegalArgumentException(
          "unknown target '" + text + "'; expected sagemaker or stepfunctions");
    };
  }
}
