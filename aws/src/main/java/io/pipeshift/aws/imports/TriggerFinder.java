package io.pipeshift.aws.imports;

import io.pipeshift.aws.blueprint.BlueprintNote;
import io.pipeshift.aws.blueprint.Json;
import io.pipeshift.aws.deploy.AwsClients;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.ir.Trigger;
import io.pipeshift.time.CronExpression;
import io.pipeshift.time.EventBridgeCron;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.ListRuleNamesByTargetResponse;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ListSchedulesResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;

/**
 * The triggers of a deployed pipeline: EventBridge Scheduler schedules (any group) and EventBridge rules
 * (default bus) whose target is its ARN. Schedules become cron (with their time zone) or rate triggers,
 * rules with a pattern become event triggers, rules with a schedule expression cron or rate in UTC. Two
 * cron schedules that differ only in which day field they restrict are one Unix cron (that is how
 * pipeshift deploys a cron restricting both). Disabled ones, one-time {@code at(...)} schedules and
 * expressions Unix cron cannot say are left out with a note.
 */
final class TriggerFinder {

  private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)$");

  private final AwsClients clients;
  private final Consumer<FidelityNote> notes;

  TriggerFinder(AwsClients clients, Consumer<FidelityNote> notes) {
    this.clients = clients;
    this.notes = notes;
  }

  List<Trigger> triggers(String targetArn) {
    List<Trigger> out = new ArrayList<>(schedules(targetArn));
    out.addAll(rules(targetArn));
    return mergeDayFieldPairs(out);
  }

  private List<Trigger> schedules(String targetArn) {
    List<ScheduleSummary> found = new ArrayList<>();
    String token = null;
    do {
      String t = token;
      ListSchedulesResponse page = clients.scheduler().listSchedules(b -> b.nextToken(t));
      for (ScheduleSummary s : page.schedules()) {
        if (s.target() != null && targetArn.equalsIgnoreCase(s.target().arn())) {
          found.add(s);
        }
      }
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    found.sort(Comparator.comparing(ScheduleSummary::name, TriggerFinder::naturalOrder));
    List<Trigger> out = new ArrayList<>();
    for (ScheduleSummary s : found) {
      GetScheduleResponse full = clients.scheduler().getSchedule(b -> b.name(s.name()).groupName(s.groupName()));
      if (full.state() == ScheduleState.DISABLED) {
        note("schedule " + s.name() + " is disabled: left out");
        continue;
      }
      String tz = full.scheduleExpressionTimezone() == null ? "UTC" : full.scheduleExpressionTimezone();
      expression(full.scheduleExpression(), tz, "schedule " + s.name()).ifPresent(out::add);
    }
    return out;
  }

  private List<Trigger> rules(String targetArn) {
    List<String> names = new ArrayList<>();
    String token = null;
    do {
      String t = token;
      ListRuleNamesByTargetResponse page = clients.events().listRuleNamesByTarget(b -> b.targetArn(targetArn).nextToken(t));
      names.addAll(page.ruleNames());
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    names.sort(TriggerFinder::naturalOrder);
    List<Trigger> out = new ArrayList<>();
    for (String name : names) {
      DescribeRuleResponse r = clients.events().describeRule(b -> b.name(name));
      if (r.state() != null && r.state() != RuleState.ENABLED) {
        note("rule " + name + " is " + r.stateAsString() + ": left out");
      } else if (r.eventPattern() != null && !r.eventPattern().isBlank()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> pattern = (Map<String, Object>) Json.plain(Json.parse(r.eventPattern()));
        out.add(new Trigger.Event(pattern));
      } else if (r.scheduleExpression() != null) {
        expression(r.scheduleExpression(), "UTC", "rule " + name).ifPresent(out::add);
      }
    }
    return out;
  }

  private Optional<Trigger> expression(String expression, String timezone, String where) {
    try {
      if (expression.startsWith("rate(")) {
        return Optional.of(new Trigger.Rate(EventBridgeCron.rateDuration(expression)));
      }
      return Optional.of(new Trigger.Cron(EventBridgeCron.toUnix(expression), timezone));
    } catch (IllegalArgumentException e) {
      note(where + " is left out: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** A dom-only and a dow-only cron with equal other fields and zone are the one cron that ORs them. */
  static List<Trigger> mergeDayFieldPairs(List<Trigger> triggers) {
    List<Trigger> out = new ArrayList<>(triggers);
    for (int i = 0; i < out.size(); i++) {
      if (!(out.get(i) instanceof Trigger.Cron a)) {
        continue;
      }
      for (int j = i + 1; j < out.size(); j++) {
        if (out.get(j) instanceof Trigger.Cron b && a.timezone().equals(b.timezone())) {
          Optional<CronExpression> merged = merge(a.cron().fields(), b.cron().fields());
          if (merged.isPresent()) {
            out.set(i, new Trigger.Cron(merged.get(), a.timezone()));
            out.remove(j);
            break;
          }
        }
      }
    }
    return out;
  }

  private static Optional<CronExpression> merge(CronExpression.Fields a, CronExpression.Fields b) {
    if (!a.minute().equals(b.minute()) || !a.hour().equals(b.hour()) || !a.month().equals(b.month())) {
      return Optional.empty();
    }
    boolean aDom = a.restrictsDayOfMonth() && !a.restrictsDayOfWeek();
    boolean bDow = b.restrictsDayOfWeek() && !b.restrictsDayOfMonth();
    boolean aDow = a.restrictsDayOfWeek() && !a.restrictsDayOfMonth();
    boolean bDom = b.restrictsDayOfMonth() && !b.restrictsDayOfWeek();
    if (aDom && bDow) {
      return Optional.of(CronExpression.parse(a.minute() + " " + a.hour() + " " + a.dayOfMonth() + " " + a.month() + " " + b.dayOfWeek()));
    }
    if (aDow && bDom) {
      return Optional.of(CronExpression.parse(a.minute() + " " + a.hour() + " " + b.dayOfMonth() + " " + a.month() + " " + a.dayOfWeek()));
    }
    return Optional.empty();
  }

  /** {@code x-schedule-2} before {@code x-schedule-10}. */
  static int naturalOrder(String a, String b) {
    Matcher ma = NUMBERED.matcher(a);
    Matcher mb = NUMBERED.matcher(b);
    if (ma.matches() && mb.matches() && ma.group(1).equals(mb.group(1))) {
      return Long.compare(Long.parseLong(ma.group(2)), Long.parseLong(mb.group(2)));
    }
    return a.compareTo(b);
  }

  private void note(String message) {
    notes.accept(BlueprintNote.TRIGGER_LEFT_OUT.at(null, message));
  }
}
