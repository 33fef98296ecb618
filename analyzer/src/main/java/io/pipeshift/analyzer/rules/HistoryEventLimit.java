package io.pipeshift.analyzer.rules;

import io.pipeshift.analyzer.Finding;
import io.pipeshift.analyzer.features.RunEstimate;
import io.pipeshift.diag.Severity;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.kinds.ForEachSpec;
import java.util.List;

/**
 * The run estimate ({@link RunEstimate}) exceeds Step Functions Standard's history-event limit. Located at
 * the largest fan-out, which is almost always the cause, else at the pipeline name.
 */
@Rule(
    id = "PS116",
    name = "history-event-limit",
    summary = "one run would exceed Step Functions Standard's 25,000 history events",
    severity = Severity.INFO,
    tags = {"step-functions", "aws-limits"})
public final class HistoryEventLimit implements LintRule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    long events = ctx.features().run().historyEvents();
    int limit = ctx.config().thresholds().historyEventLimit();
    if (events <= limit) {
      return List.of();
    }
    String msg = "one run makes about " + events + " Step Functions history events; a Standard execution stops at "
        + limit + ". On Step Functions, run the fan-out as a Distributed Map (child executions have their own"
        + " history) or split the pipeline";
    Step largest = null;
    int items = -1;
    for (Step s : ctx.flow().steps()) {
      if (s.spec() instanceof ForEachSpec f && RunEstimate.items(f, ctx.config()) > items) {
        items = RunEstimate.items(f, ctx.config());
        largest = s;
      }
    }
    return List.of(largest == null ? ctx.findingAt("name", msg) : ctx.finding(largest, msg));
  }
}
