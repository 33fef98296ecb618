package io.pipeshift.ir.kinds;

import io.pipeshift.ir.DefaultValue;
import io.pipeshift.ir.Immutables;
import io.pipeshift.ir.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs an ECS task and waits for it. */
public record EcsSpec(
    String cluster,
    String taskDefinition,
    @DefaultValue("fargate") LaunchType launchType,
    List<String> subnets,
    List<String> securityGroups,
    Optional<String> container,
    List<Value> command,
    Map<String, Value> environment)
    implements StepSpec {

  public EcsSpec {
    subnets = List.copyOf(subnets);
    securityGroups = List.copyOf(securityGroups);
    command = List.copyOf(command);
    environment = Immutables.map(environment);
  }

  public enum LaunchType {
    FARGATE,
    EC2
  }
}
