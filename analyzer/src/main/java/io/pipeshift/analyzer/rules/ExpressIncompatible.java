package io.pipeshift.analyzer.rules;

import io.pipeshift.analyzer.Finding;
import io.pipeshift.analyzer.features.Features;
import io.pipeshift.analyzer.features.Hints;
import io.pipeshift.diag.Severity;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When the pipeline asks for a Step Functions Express workflow ({@code extensions: {asl: {type: EXPRESS}}}),
 * a run that may outlast Express's limit, or that waits for an approval or callback.
 */
@Rule(
    id = "PS108",
    name = "express-incompatible",
    summary = "an Express workflow is asked for, but a run may outlast its 5-minute limit or wait for a callback",
    severity = Severity.ERROR,
    tags = {"step-functions", "aws-limits"})
public final class ExpressIncompatible implements LintRule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    Optional<String> key = Hints.expressKey(ctx.pipeline());
    if (key.isEmpty()) {
      return List.of();
    }
    Duration max = ctx.config().thresholds().expressMax();
    Duration upper = ctx.features().run().upperBoundDuration();
    List<String> why = new ArrayList<>();
    if (upper.compareTo(max) > 0) {
      why.add("a run may take " + Features.human(upper) + " (expected " + Features.human(ctx.features().run().expectedDuration())
          + ") and Express stops at " + Features.human(max));
    }
    for (Step s : ctx.pipeline().allSteps()) {
      if (s.kind() == StepKind.APPROVAL || s.kind() == StepKind.CALLBACK) {
        why.add(s.kind().yamlName() + " step '" + s.id() + "' waits for a task token, which Express does not support");
      }
    }
    if (why.isEmpty()) {
      return List.of();
    }
    return List.of(ctx.findingAt("extensions.asl." + key.get(),
        "Express workflow requested, but " + String.join("; ", why) + ". Use a Standard workflow"));
  }
}
