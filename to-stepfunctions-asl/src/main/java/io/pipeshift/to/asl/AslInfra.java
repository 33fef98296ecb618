package io.pipeshift.to.asl;

import io.pipeshift.document.JsonText;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Trigger;
import io.pipeshift.time.EventBridgeCron;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The companion documents written with {@code --with-infra}: how to create the state machine (type, role,
 * substitutions, tags), the least-privilege policy of its role, the EventBridge Scheduler schedules and
 * EventBridge rules that start it, and the policy of the role those use. Cron conversion is core's
 * {@link EventBridgeCron}: crons keep their time zone as Scheduler schedules; event patterns become rules.
 */
final class AslInfra {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

  private AslInfra() {}

  /**
   * The companion files, made when first asked for (a convert without {@code --with-infra} never prints
   * them, and the state machine file scans the whole definition for placeholders). The notes about
   * triggers are added at once.
   */
  static java.util.function.Supplier<Map<String, String>> companions(Pipeline pipeline, String machineName,
      boolean express, Map<String, Object> definition, AslIam iam, List<FidelityNote> notes) {
    List<Object> schedules = new ArrayList<>();
    List<Object> rules = new ArrayList<>();
    for (Trigger t : pipeline.triggers()) {
      if (t instanceof Trigger.Cron c) {
        List<String> expressions = EventBridgeCron.expressions(c.cron());
        if (expressions.size() > 1) {
          notes.add(AslNote.TRIGGER_TWO_SCHEDULES.at(null, "cron '" + c.cron() + "' restricts both day of month and"
              + " day of week (either may match): two schedules " + expressions));
        }
        for (String e : expressions) {
          schedules.add(schedule(machineName, schedules.size() + 1, e, c.timezone(), "cron " + c.cron()));
        }
      } else if (t instanceof Trigger.Rate r) {
        Duration every = r.every();
        long minutes = Math.max(1, (every.toSeconds() + 59) / 60);
        if (minutes * 60 != every.toSeconds()) {
          notes.add(AslNote.TRIGGER_RATE_ROUNDED.at(null, "rate " + every + " rounded up to " + minutes + " minutes"));
        }
        schedules.add(schedule(machineName, schedules.size() + 1, EventBridgeCron.rate(Duration.ofMinutes(minutes)),
            "UTC", "rate " + every));
      } else if (t instanceof Trigger.Event e) {
        rules.add(rule(machineName, rules.size() + 1, e));
      }
    }
    if (!schedules.isEmpty() || !rules.isEmpty()) {
      notes.add(AslNote.TRIGGERS_AS_COMPANION.at(null, schedules.size() + " EventBridge Scheduler schedule(s) and "
          + rules.size() + " EventBridge rule(s) start the state machine (written with --with-infra)"));
    }
    return () -> {
      Map<String, String> files = new LinkedHashMap<>();
      files.put(machineName + ".state-machine.json",
          JsonText.write(stateMachine(pipeline, machineName, express, definition)));
      files.put(machineName + ".role-policy.json", JsonText.write(iam.document()));
      if (!schedules.isEmpty() || !rules.isEmpty()) {
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("Version", "2012-10-17");
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Effect", "Allow");
        s.put("Action", "states:StartExecution");
        s.put("Resource", "arn:aws:states:*:*:stateMachine:" + machineName);
        start.put("Statement", List.of(s));
        files.put(machineName + ".trigger-role-policy.json", JsonText.write(start));
      }
      if (!schedules.isEmpty()) {
        files.put(machineName + ".schedules.json", JsonText.write(schedules));
      }
      if (!rules.isEmpty()) {
        files.put(machineName + ".rules.json", JsonText.write(rules));
      }
      return files;
    };
  }

  /** CreateStateMachine's fields (the definition itself is the main document). */
  private static Map<String, Object> stateMachine(Pipeline pipeline, String machineName, boolean express,
      Map<String, Object> definition) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", machineName);
    m.put("type", express ? "EXPRESS" : "STANDARD");
    m.put("roleArn", "${StateMachineRoleArn}");
    Set<String> placeholders = new TreeSet<>();
    collect(definition, placeholders);
    if (!placeholders.isEmpty()) {
      Map<String, Object> subs = new LinkedHashMap<>();
      placeholders.forEach(p -> subs.put(p, ""));
      m.put("definitionSubstitutions", subs);
    }
    if (!pipeline.tags().isEmpty()) {
      List<Object> tags = new ArrayList<>();
      pipeline.tags().forEach((k, v) -> {
        Map<String, Object> tag = new java.util.LinkedHashMap<>(); // ordered: output must be deterministic
        tag.put("key", k);
        tag.put("value", v);
        tags.add(tag);
      });
      m.put("tags", tags);
    }
    return m;
  }

  private static void collect(Object o, Set<String> into) {
    if (o instanceof String s) {
      if (s.indexOf("${") < 0) {
        return; // most strings hold no placeholder: skip the matcher
      }
      Matcher m = PLACEHOLDER.matcher(s);
      while (m.find()) {
        into.add(m.group(1));
      }
    } else if (o instanceof Map<?, ?> map) {
      map.values().forEach(v -> collect(v, into));
    } else if (o instanceof List<?> l) {
      l.forEach(v -> collect(v, into));
    }
  }

  /** An EventBridge Scheduler CreateSchedule request. */
  private static Map<String, Object> schedule(String machineName, int n, String expression, String timezone,
      String source) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("Name", trim(machineName + "-schedule-" + n, 64));
    s.put("Description", "Starts " + machineName + " (" + source + ")");
    s.put("ScheduleExpression", expression);
    s.put("ScheduleExpressionTimezone", timezone);
    s.put("FlexibleTimeWindow", Map.of("Mode", "OFF"));
    s.put("State", "ENABLED");
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("Arn", "${StateMachineArn}");
    target.put("RoleArn", "${TriggerRoleArn}");
    target.put("Input", "{}");
    s.put("Target", target);
    return s;
  }

  /** An EventBridge PutRule request and its PutTargets request. */
  private static Map<String, Object> rule(String machineName, int n, Trigger.Event e) {
    String name = trim(machineName + "-event-" + n, 64);
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("Name", name);
    rule.put("Description", "Starts " + machineName + " on matching events");
    rule.put("EventPattern", JsonText.compact(e.pattern()));
    rule.put("State", "ENABLED");
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("Id", "state-machine");
    target.put("Arn", "${StateMachineArn}");
    target.put("RoleArn", "${TriggerRoleArn}");
    Map<String, Object> targets = new LinkedHashMap<>();
    targets.put("Rule", name);
    targets.put("Targets", List.of(target));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("PutRule", rule);
    out.put("PutTargets", targets);
    return out;
  }

  private static String trim(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
