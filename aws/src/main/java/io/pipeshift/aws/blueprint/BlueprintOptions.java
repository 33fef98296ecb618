package io.pipeshift.aws.blueprint;

import io.pipeshift.ir.Immutables;
import java.util.Map;
import java.util.Optional;

/**
 * Choices of the user that shape a blueprint.
 *
 * @param name the deployed name instead of the pipeline's own ({@code --name})
 * @param roleArn an existing role for the pipeline or state machine ({@code --role}); without it the
 *     blueprint has a role of its own with the least-privilege policy
 * @param substitutions values for the {@code ${name}} placeholders of a state machine definition
 *     ({@code --substitute name=value})
 */
public record BlueprintOptions(Optional<String> name, Optional<String> roleArn, Map<String, String> substitutions) {
  public static final BlueprintOptions DEFAULT = new BlueprintOptions(Optional.empty(), Optional.empty(), Map.of());

  public BlueprintOptions {
    substitutions = Immutables.map(substitutions);
  }

  public BlueprintOptions(Optional<String> name, Optional<String> roleArn) {
    this(name, roleArn, Map.of());
  }
}
