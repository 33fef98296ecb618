package io.pipeshift.analyzer.rules;

import io.pipeshift.analyzer.Finding;
import io.pipeshift.diag.Severity;
import io.pipeshift.ir.ErrorClass;
import io.pipeshift.ir.RetryPolicy;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Steps that call AWS service APIs with tight rate limits (Lambda Invoke, Glue StartJobRun, Batch, ECS
 * RunTask, SNS, SQS, EventBridge, Athena, StartExecution, StartPipelineExecution) with no retry in force
 * that covers throttling ({@code all}, {@code throttling}, or a custom error naming throttling).
 */
@Rule(
    id = "PS109",
    name = "throttle-without-retry",
    summary = "a step calling a throttle-prone AWS API has no retry for throttling",
    severity = Severity.WARNING,
    tags = {"reliability", "aws"})
public final class ThrottleWithoutRetry implements LintRule {

  static final Set<StepKind> THROTTLE_PRONE = EnumSet.of(StepKind.LAMBDA, StepKind.GLUE, StepKind.BATCH, StepKind.ECS,
      StepKind.SNS, StepKind.SQS, StepKind.EVENTBRIDGE_PUT, StepKind.ATHENA, StepKind.START_STEP_FUNCTIONS,
      StepKind.START_SAGEMAKER_PIPELINE);

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Step s : ctx.flow().steps()) {
      if (!THROTTLE_PRONE.contains(s.kind())) {
        continue;
      }
      Optional<RetryPolicy> retry = ctx.pipeline().retryOf(s);
      String advice = ". Retry throttling with backoff, e.g. retry: {retries: 3, interval: 2s, backoffRate: 2,"
          + " errors: [throttling, service-fault]}";
      if (retry.isEmpty() || retry.get().retries() == 0) {
        out.add(ctx.finding(s, s.kind().yamlName() + " step '" + s.id() + "' has no retry, and its API throttles"
            + " under load" + advice));
      } else if (!coversThrottling(retry.get())) {
        out.add(s.retry().isPresent()
            ? ctx.finding(s, "retry", "the retry of " + s.kind().yamlName() + " step '" + s.id()
                + "' does not cover throttling (errors: " + retry.get().errors() + ")" + advice)
            : ctx.finding(s, s.kind().yamlName() + " step '" + s.id() + "' inherits a retry that does not cover"
                + " throttling (errors: " + retry.get().errors() + ")" + advice));
      }
    }
    return out;
  }

  static boolean coversThrottling(RetryPolicy r) {
    for (ErrorClass e : r.errors()) {
      String n = e.name().toLowerCase(Locale.ROOT);
      if (e.equals(ErrorClass.ALL) || e.equals(ErrorClass.THROTTLING) || n.contains("throttl")
          || n.contains("toomanyrequests") || n.contains("ratelimit")) {
        return true;
      }
    }
    return false;
  }
}
