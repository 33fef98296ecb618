package io.pipeshift.analyzer.rules;

import io.pipeshift.analyzer.Finding;
import io.pipeshift.diag.Severity;
import io.pipeshift.ir.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Step Functions state names (display name, else id) longer than {@code thresholds.aslStateNameMax} (80);
 * state machine names (the pipeline name) longer than 80 or with whitespace or characters Step Functions
 * forbids in names.
 */
@Rule(
    id = "PS115",
    name = "asl-state-name-limit",
    summary = "a step or pipeline name breaks Step Functions' name limits",
    severity = Severity.WARNING,
    tags = {"step-functions", "names"})
public final class AslStateNameLimit implements LintRule {

  static final Pattern FORBIDDEN_IN_MACHINE_NAME = Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]");

  @Override
  public List<Finding> check(RuleContext ctx) {
    int max = ctx.config().thresholds().aslStateNameMax();
    List<Finding> out = new ArrayList<>();
    String machine = ctx.pipeline().name();
    if (machine.length() > max || FORBIDDEN_IN_MACHINE_NAME.matcher(machine).find()) {
      out.add(ctx.findingAt("name", "pipeline name '" + machine + "' is not a valid state machine name (at most "
          + max + " characters, no whitespace or special characters): the Step Functions export has to rename it"));
    }
    for (Step s : ctx.flow().steps()) {
      String name = s.label();
      if (name.length() > max) {
        out.add(ctx.finding(s, s.displayName().isPresent() ? "name" : "id", "step name '" + name + "' has "
            + name.length() + " characters; Step Functions state names allow " + max + ": the export has to"
            + " shorten it, so execution history shows a different name"));
      }
    }
    return out;
  }
}
