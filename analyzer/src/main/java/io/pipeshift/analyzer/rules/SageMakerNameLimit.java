package io.pipeshift.analyzer.rules;

import io.pipeshift.analyzer.Finding;
import io.pipeshift.diag.Severity;
import io.pipeshift.ir.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * SageMaker Pipelines step names (the display name, else the id) longer than
 * {@code thresholds.sagemakerStepNameMax} (64) or outside {@code [A-Za-z0-9_-]}; and pipeline names longer
 * than 256 or not of the form {@code ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}}.
 */
@Rule(
    id = "PS114",
    name = "sagemaker-name-limit",
    summary = "a step or pipeline name breaks SageMaker Pipelines' name limits",
    severity = Severity.WARNING,
    tags = {"sagemaker", "names"})
public final class SageMakerNameLimit implements LintRule {

  static final Pattern STEP_NAME = Pattern.compile("[A-Za-z0-9\\-_]*");
  static final Pattern PIPELINE_NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}");

  @Override
  public List<Finding> check(RuleContext ctx) {
    int max = ctx.config().thresholds().sagemakerStepNameMax();
    List<Finding> out = new ArrayList<>();
    String pipelineName = ctx.pipeline().name();
    if (!PIPELINE_NAME.matcher(pipelineName).matches()) {
      out.add(ctx.findingAt("name", "pipeline name '" + pipelineName + "' is not a valid SageMaker pipeline name"
          + " (letters and digits joined by hyphens, at most 256): the SageMaker export has to rename it"));
    }
    for (Step s : ctx.flow().steps()) {
      String name = s.label();
      String field = s.displayName().isPresent() ? "name" : "id";
      if (name.length() > max) {
        out.add(ctx.finding(s, field, "step name '" + name + "' has " + name.length() + " characters; SageMaker"
            + " allows " + max + ": the SageMaker export has to shorten it, so names in the console differ from"
            + " the pipeline's"));
      } else if (!STEP_NAME.matcher(name).matches()) {
        out.add(ctx.finding(s, field, "step name '" + name + "' has characters SageMaker does not allow (only"
            + " letters, digits, '-' and '_'): the SageMaker export has to rename it"));
      }
    }
    return out;
  }
}
