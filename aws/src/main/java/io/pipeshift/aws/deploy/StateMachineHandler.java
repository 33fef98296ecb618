package io.pipeshift.aws.deploy;

import io.pipeshift.aws.AwsFailure;
import io.pipeshift.aws.blueprint.BlueprintNote;
import io.pipeshift.aws.blueprint.Json;
import io.pipeshift.aws.blueprint.ResourceSpec;
import io.pipeshift.fidelity.FidelityNote;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;

/**
 * Step Functions state machines: definition (compared as JSON), role, type and tags. A new or changed
 * definition is first checked with ValidateStateMachineDefinition; an endpoint without that API (moto
 * answers HTTP 500) gives a note, not a failure. The type of an existing machine cannot change.
 */
final class StateMachineHandler implements ResourceHandler<ResourceSpec.StateMachine> {

  private final SfnClient sfn;
  private final Duration roleSettleTime;
  private final Consumer<FidelityNote> notes;

  StateMachineHandler(SfnClient sfn, Duration roleSettleTime, Consumer<FidelityNote> notes) {
    this.sfn = sfn;
    this.roleSettleTime = roleSettleTime;
    this.notes = notes;
  }

  @Override
  public Planned plan(ResourceSpec.StateMachine spec, Resolver r) {
    String arn = r.arn("states", "stateMachine:" + spec.name(), true);
    DescribeStateMachineResponse d;
    try {
      d = sfn.describeStateMachine(b -> b.stateMachineArn(arn));
    } catch (StateMachineDoesNotExistException e) {
      return Planned.create(arn);
    }
    if (d.typeAsString() != null && !d.typeAsString().equals(spec.type())) {
      throw new AwsFailure(AwsFailure.Kind.VALIDATION, "state machine " + spec.name() + " exists as "
          + d.typeAsString() + " but the pipeline needs " + spec.type()
          + "; the type cannot change: delete it or deploy under another --name");
    }
    List<String> reasons = new ArrayList<>();
    if (d.definition() == null || !Json.sameValue(Json.parse(d.definition()), spec.substitutedDefinition())) {
      reasons.add("definition");
    }
    if (!Objects.equals(d.roleArn(), r.resolve(spec.roleArn()))) {
      reasons.add("role");
    }
    if (!tags(arn).equals(spec.tags())) {
      reasons.add("tags");
    }
    return Planned.compare(reasons, d.stateMachineArn() == null ? arn : d.stateMachineArn());
  }

  @Override
  public String apply(ResourceSpec.StateMachine spec, Resolver r, Planned planned, Progress progress) {
    String role = r.resolve(spec.roleArn());
    String definition = Json.compact(spec.substitutedDefinition());
    if (planned.action() == ChangeAction.CREATE || planned.differs("definition")) {
      validate(spec, definition);
    }
    if (planned.action() == ChangeAction.CREATE) {
      List<Tag> tags = new ArrayList<>();
      spec.tags().forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
      String arn = RoleSettling.call(() -> sfn.createStateMachine(b -> {
        b.name(spec.name()).definition(definition).roleArn(role).type(spec.type());
        if (!tags.isEmpty()) {
          b.tags(tags);
        }
      }).stateMachineArn(), role, r, roleSettleTime);
      progress.did("created state machine " + spec.name());
      return arn;
    }
    if (planned.differs("definition") || planned.differs("role")) {
      RoleSettling.call(() -> sfn.updateStateMachine(b -> b.stateMachineArn(planned.arn()).definition(definition).roleArn(role)),
          role, r, roleSettleTime);
      progress.did("updated state machine " + spec.name());
    }
    if (planned.differs("tags")) {
      Map<String, String> current = tags(planned.arn());
      List<String> removed = current.keySet().stream().filter(k -> !spec.tags().containsKey(k)).toList();
      if (!removed.isEmpty()) {
        sfn.untagResource(b -> b.resourceArn(planned.arn()).tagKeys(removed));
      }
      List<Tag> changed = new ArrayList<>();
      spec.tags().forEach((k, v) -> {
        if (!v.equals(current.get(k))) {
          changed.add(Tag.builder().key(k).value(v).build());
        }
      });
      if (!changed.isEmpty()) {
        sfn.tagResource(b -> b.resourceArn(planned.arn()).tags(changed));
      }
      progress.did("updated the tags of state machine " + spec.name());
    }
    return planned.arn();
  }

  private void validate(ResourceSpec.StateMachine spec, String definition) {
    ValidateStateMachineDefinitionResponse v;
    try {
      v = sfn.validateStateMachineDefinition(b -> b.definition(definition).type(spec.type()));
    } catch (AwsServiceException e) {
      if (AwsErrors.isNotImplemented(e)) {
        notes.accept(BlueprintNote.VALIDATION_UNAVAILABLE.at(null, "ValidateStateMachineDefinition is not available"
            + " at this endpoint (HTTP " + e.statusCode() + "): the definition was not checked by AWS before deploying"));
        return;
      }
      throw e;
    }
    if (v.result() == ValidateStateMachineDefinitionResultCode.FAIL) {
      String problems = v.diagnostics().stream()
          .map(d -> d.code() + (d.location() == null ? "" : " at " + d.location()) + ": " + d.message())
          .collect(Collectors.joining("; "));
      throw new AwsFailure(AwsFailure.Kind.VALIDATION, "AWS rejects the definition of state machine " + spec.name()
          + ": " + problems);
    }
  }

  Map<String, String> tags(String arn) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (Tag t : sfn.listTagsForResource(b -> b.resourceArn(arn)).tags()) {
      if (!t.key().startsWith("aws:")) {
        tags.put(t.key(), t.value());
      }
    }
    return tags;
  }
}
