package io.pipeshift.analyzer.rules;

import io.pipeshift.analyzer.Finding;
import io.pipeshift.diag.Severity;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepKind;
import io.pipeshift.ir.StepTree;
import java.util.ArrayList;
import java.util.List;

/**
 * A register-model step is gated when it sits inside a condition branch, or when an upstream condition has
 * a branch that fails the run (so reaching the registration means the check passed).
 */
@Rule(
    id = "PS101",
    name = "register-model-without-gate",
    summary = "register-model runs without a condition gate before it",
    severity = Severity.WARNING,
    tags = {"sagemaker", "ml-quality"})
public final class RegisterModelWithoutGate implements LintRule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Step s : ctx.flow().steps()) {
      if (s.kind() != StepKind.REGISTER_MODEL || isGated(ctx, s)) {
        continue;
      }
      out.add(ctx.finding(s, "register-model step '" + s.id() + "' registers every model the run trains: no"
          + " condition checks its quality first. Put it in a condition branch that compares an evaluation"
          + " metric with a threshold parameter"));
    }
    return out;
  }

  private static boolean isGated(RuleContext ctx, Step s) {
    if (ctx.flow().enclosing(s.id()).stream().anyMatch(c -> c.kind() == StepKind.CONDITION)) {
      return true;
    }
    for (String id : ctx.flow().upstream(s.id())) {
      Step up = ctx.flow().step(id).orElseThrow();
      if (up.kind() == StepKind.CONDITION && hasFailingBranch(up)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasFailingBranch(Step condition) {
    for (List<Step> branch : StepTree.childLists(condition)) {
      if (branch.stream().anyMatch(b -> b.kind() == StepKind.FAIL)) {
        return true;
      }
    }
    return false;
  }
}
