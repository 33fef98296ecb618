package io.pipeshift.aws.blueprint;

import io.pipeshift.aws.DeployTarget;
import io.pipeshift.fidelity.FidelityNote;
import java.util.List;
import java.util.Optional;

/**
 * Everything one pipeline needs in an account, in creation order (a resource only refers to earlier ones),
 * with the notes of the emitter and of the blueprint itself.
 *
 * @param baseName the deployed pipeline's or state machine's name; other names derive from it
 * @param triggerPrefixes name prefixes of the schedules and rules this blueprint manages, so a later
 *     deployment can find and delete those whose trigger was removed
 */
public record Blueprint(DeployTarget target, String baseName, List<ResourceSpec> resources,
    List<String> triggerPrefixes, List<FidelityNote> notes) {

  public Blueprint {
    resources = List.copyOf(resources);
    triggerPrefixes = List.copyOf(triggerPrefixes);
    notes = List.copyOf(notes);
  }

  /** The pipeline or state machine. */
  public ResourceSpec main() {
    return resources.stream()
        .filter(r -> r instanceof ResourceSpec.SageMakerPipeline || r instanceof ResourceSpec.StateMachine)
        .findFirst().orElseThrow();
  }

  public Optional<ResourceSpec> resource(String logicalId) {
    return resources.stream().filter(r -> r.logicalId().equals(logicalId)).findFirst();
  }

  public <T extends ResourceSpec> List<T> resources(Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
