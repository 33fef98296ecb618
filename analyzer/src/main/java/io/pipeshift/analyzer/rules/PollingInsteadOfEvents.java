package io.pipeshift.analyzer.rules;

import io.pipeshift.analyzer.Finding;
import io.pipeshift.analyzer.features.FlowGraph;
import io.pipeshift.diag.Severity;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepKind;
import io.pipeshift.ir.kinds.ExternalSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Three signs of polling: a step named or described as polling; an Airflow sensor kept verbatim (sensors
 * poke on an interval); a wait step followed within two steps by a condition, or inside a condition branch
 * (wait, check, decide: a hand-made polling loop).
 */
@Rule(
    id = "PS105",
    name = "polling-instead-of-events",
    summary = "the pipeline polls for a change instead of reacting to an EventBridge event",
    severity = Severity.WARNING,
    tags = {"events", "cost"})
public final class PollingInsteadOfEvents implements LintRule {

  static final Pattern POLL_WORD = Pattern.compile("(?i)(^|[^a-z])poll(s|ing|er|ed)?([^a-z]|$)");

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Step s : ctx.flow().steps()) {
      reason(ctx.flow(), s).ifPresent(why -> out.add(ctx.finding(s, why + ". Start the work from an EventBridge"
          + " rule on the event instead (an event trigger, or a callback step that the event completes)")));
    }
    return out;
  }

  private static Optional<String> reason(FlowGraph flow, Step s) {
    if (namedPolling(s.id()) || namedPolling(s.label()) || s.description().map(PollingInsteadOfEvents::namedPolling).orElse(false)) {
      return Optional.of("step '" + s.id() + "' polls (by its name or description)");
    }
    if (s.spec() instanceof ExternalSpec e && e.type().endsWith("Sensor")) {
      return Optional.of("step '" + s.id() + "' is an Airflow sensor (" + e.type() + "), which polls on an interval");
    }
    if (s.kind() == StepKind.WAIT) {
      if (flow.enclosing(s.id()).stream().anyMatch(c -> c.kind() == StepKind.CONDITION)) {
        return Optional.of("wait step '" + s.id() + "' sits in a condition branch: wait, check again, decide is a"
            + " polling loop");
      }
      for (FlowGraph.Edge e1 : flow.outgoing(s.id())) {
        if (isCondition(flow, e1.to())) {
          return Optional.of("wait step '" + s.id() + "' is followed by condition '" + e1.to() + "': a polling loop");
        }
        for (FlowGraph.Edge e2 : flow.outgoing(e1.to())) {
          if (isCondition(flow, e2.to())) {
            return Optional.of("wait step '" + s.id() + "' is followed by '" + e1.to() + "' and condition '" + e2.to()
                + "': a polling loop");
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isCondition(FlowGraph flow, String id) {
    return flow.step(id).map(x -> x.kind() == StepKind.CONDITION).orElse(false);
  }

  static boolean namedPolling(String text) {
    String spaced = text.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
    return POLL_WORD.matcher(spaced).find();
  }
}
