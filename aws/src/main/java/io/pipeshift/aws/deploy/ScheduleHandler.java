package io.pipeshift.aws.deploy;

import io.pipeshift.aws.blueprint.ResourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;

/** EventBridge Scheduler schedules in the default group: expression, time zone, target and role. */
final class ScheduleHandler implements ResourceHandler<ResourceSpec.Schedule> {

  private final SchedulerClient scheduler;

  ScheduleHandler(SchedulerClient scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public Planned plan(ResourceSpec.Schedule spec, Resolver r) {
    GetScheduleResponse s;
    try {
      s = scheduler.getSchedule(b -> b.name(spec.name()));
    } catch (ResourceNotFoundException e) {
      return Planned.create(r.arn("scheduler", "schedule/default/" + spec.name(), true));
    }
    List<String> reasons = new ArrayList<>();
    if (!Objects.equals(s.scheduleExpression(), spec.expression())
        || !Objects.equals(s.scheduleExpressionTimezone() == null ? "UTC" : s.scheduleExpressionTimezone(), spec.timezone())) {
      reasons.add("schedule");
    }
    if (s.target() == null || !Objects.equals(s.target().arn(), r.resolve(spec.targetArn()))
        || !Objects.equals(s.target().roleArn(), r.resolve(spec.roleArn()))) {
      reasons.add("target");
    }
    if (s.state() != ScheduleState.ENABLED || s.flexibleTimeWindow() == null
        || s.flexibleTimeWindow().mode() != FlexibleTimeWindowMode.OFF) {
      reasons.add("state");
    }
    if (!Objects.equals(s.description(), spec.description())) {
      reasons.add("description");
    }
    return Planned.compare(reasons, s.arn());
  }

  @Override
  public String apply(ResourceSpec.Schedule spec, Resolver r, Planned planned, Progress progress) {
    String target = r.resolve(spec.targetArn());
    String role = r.resolve(spec.roleArn());
    if (planned.action() == ChangeAction.CREATE) {
      String arn = scheduler.createSchedule(b -> b.name(spec.name()).description(spec.description())
          .scheduleExpression(spec.expression()).scheduleExpressionTimezone(spec.timezone())
          .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF)).state(ScheduleState.ENABLED)
          .target(t -> t.arn(target).roleArn(role))).scheduleArn();
      progress.did("created scheduler schedule " + spec.name());
      return arn;
    }
    String arn = scheduler.updateSchedule(b -> b.name(spec.name()).description(spec.description())
        .scheduleExpression(spec.expression()).scheduleExpressionTimezone(spec.timezone())
        .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF)).state(ScheduleState.ENABLED)
        .target(t -> t.arn(target).roleArn(role))).scheduleArn();
    progress.did("updated scheduler schedule " + spec.name());
    return arn == null ? planned.arn() : arn;
  }
}
