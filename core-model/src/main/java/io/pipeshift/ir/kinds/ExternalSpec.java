package io.pipeshift.ir.kinds;

import io.pipeshift.ir.Immutables;
import java.util.Map;

/**
 * The escape hatch: a step the IR has no kind for, kept verbatim from its source orchestrator.
 * {@code format} is where it came from ({@code airflow}, {@code asl}, {@code sagemaker}); {@code type} is
 * the operator's import path, the ASL resource ARN or the SageMaker step type; {@code arguments} its raw
 * arguments.
 */
public record ExternalSpec(String format, String type, Map<String, Object> arguments) implements StepSpec {

  public ExternalSpec {
    arguments = Immutables.treeMap(arguments);
  }
}
