package io.pipeshift.aws.blueprint;

import java.util.Optional;

/**
 * Choices of the user that shape a blueprint.
 *
 * @param name the deployed name instead of the pipeline's own ({@code --name})
 * @param roleArn an existing role for the pipeline or state machine ({@code --role}); without it the
 *     blueprint has a role of its own with the least-privilege policy
 */
public record BlueprintOptions(Optional<String> name, Optional<String> roleArn) {
  public static final BlueprintOptions DEFAULT = new BlueprintOptions(Optional.empty(), Optional.empty());
}
