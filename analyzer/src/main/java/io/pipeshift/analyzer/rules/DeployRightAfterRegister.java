package io.pipeshift.analyzer.rules;

import io.pipeshift.analyzer.Finding;
import io.pipeshift.diag.Severity;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepKind;
import io.pipeshift.ir.kinds.RegisterModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * After a register-model step whose version waits for manual approval, a deployment step (model-deploy, or
 * a work step named like a deployment) with no approval or callback between them.
 */
@Rule(
    id = "PS104",
    name = "deploy-right-after-register",
    summary = "a deployment runs right after register-model instead of on the approval event",
    severity = Severity.WARNING,
    tags = {"sagemaker", "ml-quality", "events"})
public final class DeployRightAfterRegister implements LintRule {

  static final Pattern DEPLOY = Pattern.compile("(?i)deploy");

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Step r : ctx.flow().steps()) {
      if (!(r.spec() instanceof RegisterModelSpec spec)
          || spec.approvalStatus() == RegisterModelSpec.ApprovalStatus.APPROVED) {
        continue;
      }
      Set<String> after = ctx.flow().downstreamOnSuccess(r.id());
      for (String id : after) {
        Step d = ctx.flow().step(id).orElseThrow();
        if (!isDeployment(d) || approvedBetween(ctx, after, d)) {
          continue;
        }
        out.add(ctx.finding(d, "'" + d.id() + "' deploys right after register-model '" + r.id() + "', but the"
            + " version is registered as " + spec.approvalStatus().name() + ": registering does not deploy, and"
            + " nobody has approved it yet. Deploy from an EventBridge rule on 'SageMaker Model Package State"
            + " Change' with ModelApprovalStatus Approved"));
      }
    }
    return out;
  }

  private static boolean isDeployment(Step s) {
    return s.kind() == StepKind.MODEL_DEPLOY
        || (s.kind().isWork() && (DEPLOY.matcher(s.id()).find() || DEPLOY.matcher(s.label()).find()));
  }

  private static boolean approvedBetween(RuleContext ctx, Set<String> afterRegister, Step deploy) {
    for (String id : afterRegister) {
      Step x = ctx.flow().step(id).orElseThrow();
      if ((x.kind() == StepKind.APPROVAL || x.kind() == StepKind.CALLBACK)
          && ctx.flow().downstreamOnSuccess(x.id()).contains(deploy.id())) {
        return true;
      }
    }
    return false;
  }
}
