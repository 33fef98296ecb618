package io.pipeshift.analyzer.rules;

import io.pipeshift.analyzer.Finding;
import io.pipeshift.diag.Severity;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepKind;
import java.util.ArrayList;
import java.util.List;

/** An approval step from which a training or tuning step can be reached on a success path. */
@Rule(
    id = "PS103",
    name = "approval-before-training",
    summary = "a human approval is placed before training instead of after evaluation",
    severity = Severity.WARNING,
    tags = {"ml-quality", "process"})
public final class ApprovalBeforeTraining implements LintRule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Step s : ctx.flow().steps()) {
      if (s.kind() != StepKind.APPROVAL) {
        continue;
      }
      for (String id : ctx.flow().downstreamOnSuccess(s.id())) {
        Step later = ctx.flow().step(id).orElseThrow();
        if (later.kind() == StepKind.TRAINING || later.kind() == StepKind.TUNING) {
          out.add(ctx.finding(s, "approval '" + s.id() + "' comes before " + later.kind().yamlName() + " '"
              + later.id() + "': the approver sees no model and no metrics. Approve the trained, evaluated"
              + " model instead (after evaluation, or in the Model Registry)"));
          break;
        }
      }
    }
    return out;
  }
}
