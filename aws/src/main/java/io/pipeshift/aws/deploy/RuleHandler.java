package io.pipeshift.aws.deploy;

import io.pipeshift.aws.AwsFailure;
import io.pipeshift.aws.blueprint.Json;
import io.pipeshift.aws.blueprint.ResourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * EventBridge rules on the default bus: event pattern (compared as JSON), state, description, and the one
 * target pipeshift puts (by its id; targets others added are left alone).
 */
final class RuleHandler implements ResourceHandler<ResourceSpec.Rule> {

  private final EventBridgeClient events;

  RuleHandler(EventBridgeClient events) {
    this.events = events;
  }

  @Override
  public Planned plan(ResourceSpec.Rule spec, Resolver r) {
    DescribeRuleResponse d;
    try {
      d = events.describeRule(b -> b.name(spec.name()));
    } catch (ResourceNotFoundException e) {
      return Planned.create(r.arn("events", "rule/" + spec.name(), true));
    }
    List<String> reasons = new ArrayList<>();
    if (d.eventPattern() == null || !Json.sameValue(Json.parse(d.eventPattern()), spec.eventPattern())) {
      reasons.add("event pattern");
    }
    if (d.state() != RuleState.ENABLED || !Objects.equals(d.description(), spec.description())) {
      reasons.add("state");
    }
    Target current = events.listTargetsByRule(b -> b.rule(spec.name())).targets().stream()
        .filter(t -> t.id().equals(spec.targetId())).findFirst().orElse(null);
    if (current == null || !Objects.equals(current.arn(), r.resolve(spec.targetArn()))
        || !Objects.equals(current.roleArn(), r.resolve(spec.roleArn()))) {
      reasons.add("target");
    }
    return Planned.compare(reasons, d.arn());
  }

  @Override
  public String apply(ResourceSpec.Rule spec, Resolver r, Planned planned, Progress progress) {
    String arn = planned.arn();
    String verb = planned.action() == ChangeAction.CREATE ? "created" : "updated";
    if (planned.action() == ChangeAction.CREATE || planned.differs("event pattern") || planned.differs("state")) {
      arn = events.putRule(b -> b.name(spec.name()).eventPattern(Json.compact(spec.eventPattern()))
          .state(RuleState.ENABLED).description(spec.description())).ruleArn();
      progress.did(verb + " events rule " + spec.name());
    }
    if (planned.action() == ChangeAction.CREATE || planned.differs("target")) {
      PutTargetsResponse put = events.putTargets(b -> b.rule(spec.name()).targets(t -> t.id(spec.targetId())
          .arn(r.resolve(spec.targetArn())).roleArn(r.resolve(spec.roleArn()))));
      if (put.failedEntryCount() != null && put.failedEntryCount() > 0) {
        throw new AwsFailure(AwsFailure.Kind.VALIDATION, "events:PutTargets on rule " + spec.name() + " refused the target: "
            + put.failedEntries().get(0).errorCode() + ": " + put.failedEntries().get(0).errorMessage());
      }
      progress.did("put the target of events rule " + spec.name());
    }
    return arn;
  }
}
