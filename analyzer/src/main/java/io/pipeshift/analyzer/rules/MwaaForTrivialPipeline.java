package io.pipeshift.analyzer.rules;

import io.pipeshift.analyzer.Finding;
import io.pipeshift.analyzer.features.Features;
import io.pipeshift.analyzer.features.Hints;
import io.pipeshift.diag.Severity;
import java.util.List;

/**
 * The pipeline is meant for Airflow/MWAA (a pipeline-level {@code extensions.airflow}), yet it is linear,
 * uses only AWS services and has at most {@code thresholds.trivialSteps} work steps.
 */
@Rule(
    id = "PS110",
    name = "mwaa-for-trivial-pipeline",
    summary = "Airflow/MWAA is chosen for a trivial, linear, AWS-only pipeline",
    severity = Severity.WARNING,
    tags = {"cost", "airflow"})
public final class MwaaForTrivialPipeline implements LintRule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    Features f = ctx.features();
    int max = ctx.config().thresholds().trivialSteps();
    if (!Hints.airflowIntended(ctx.pipeline()) || !f.linear() || f.nonAwsStepCount() > 0 || f.workSteps() == 0
        || f.workSteps() > max) {
      return List.of();
    }
    return List.of(ctx.findingAt("extensions.airflow", "the pipeline targets Airflow/MWAA, but it is a straight line"
        + " of " + f.workSteps() + " AWS step" + (f.workSteps() == 1 ? "" : "s") + ": an MWAA environment bills every"
        + " hour even when idle. Step Functions or SageMaker Pipelines run it for (almost) nothing between runs"));
  }
}
