package io.pipeshift.analyzer.rules;

import io.pipeshift.analyzer.Finding;
import io.pipeshift.diag.Severity;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.FailSpec;
import java.util.ArrayList;
import java.util.List;

/** A fail step with no message, or with an empty literal one. */
@Rule(
    id = "PS111",
    name = "fail-without-message",
    summary = "a fail step gives no message",
    severity = Severity.WARNING,
    tags = {"operability"})
public final class FailWithoutMessage implements LintRule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (Step s : ctx.flow().steps()) {
      if (s.spec() instanceof FailSpec f && f.message().map(FailWithoutMessage::isBlank).orElse(true)) {
        out.add(ctx.finding(s, "fail step '" + s.id() + "' has no message: whoever reads the failed run learns"
            + " nothing about why. Say what failed and which value caused it (message can join parameters and"
            + " step outputs)"));
      }
    }
    return out;
  }

  private static boolean isBlank(Value v) {
    return v instanceof Value.Literal l && l.asText().isBlank();
  }
}
