package io.pipeshift.ir.kinds;

import io.pipeshift.ir.Immutables;
import io.pipeshift.ir.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs a container on Kubernetes. */
public record ContainerSpec(
    String image,
    List<Value> command,
    List<Value> args,
    Optional<String> namespace,
    Map<String, Value> environment,
    Optional<String> cpu,
    Optional<String> memory)
    implements StepSpec {

  public ContainerSpec {
    command = List.copyOf(command);
    args = List.copyOf(args);
    environment = Immutables.map(environment);
  }
}
