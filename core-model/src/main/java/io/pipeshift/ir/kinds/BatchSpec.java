package io.pipeshift.ir.kinds;

import io.pipeshift.ir.Immutables;
import io.pipeshift.ir.Value;
import java.util.List;
import java.util.Map;

/** Submits an AWS Batch job and waits for it. */
public record BatchSpec(
    String jobName,
    String jobQueue,
    String jobDefinition,
    Map<String, Value> parameters,
    List<Value> command,
    Map<String, Value> environment)
    implements StepSpec {

  public BatchSpec {
    parameters = Immutables.map(parameters);
    command = List.copyOf(command);
    environment = Immutables.map(environment);
  }
}
