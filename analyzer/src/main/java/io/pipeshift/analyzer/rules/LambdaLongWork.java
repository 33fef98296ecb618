package io.pipeshift.analyzer.rules;

import io.pipeshift.analyzer.Finding;
import io.pipeshift.analyzer.features.Features;
import io.pipeshift.diag.Severity;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A lambda step whose own timeout is above Lambda's hard limit: its author expects work Lambda cannot do.
 * A pipeline-wide default timeout is a blanket bound, not a statement about the function, so a lambda step
 * that only inherits it is not flagged.
 */
@Rule(
    id = "PS107",
    name = "lambda-long-work",
    summary = "a Lambda step is given more time than Lambda's 15-minute limit",
    severity = Severity.ERROR,
    tags = {"aws-limits", "reliability"})
public final class LambdaLongWork implements LintRule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    Duration max = ctx.config().thresholds().lambdaMax();
    List<Finding> out = new ArrayList<>();
    for (Step s : ctx.flow().steps()) {
      if (s.kind() != StepKind.LAMBDA) {
        continue;
      }
      Optional<Duration> timeout = s.timeout();
      if (timeout.isEmpty() || timeout.get().compareTo(max) <= 0) {
        continue;
      }
      out.add(ctx.finding(s, "timeout", "lambda step '" + s.id() + "' has a timeout of " + Features.human(timeout.get())
          + ", but Lambda stops every invocation after " + Features.human(max) + ". Run long work as a batch, ecs,"
          + " glue or processing step, or split it"));
    }
    return out;
  }
}
