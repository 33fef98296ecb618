package io.pipeshift.analyzer.report;

import io.pipeshift.analyzer.Analysis;
import io.pipeshift.analyzer.Orchestrator;
import io.pipeshift.analyzer.score.Scorecard;
import io.pipeshift.diag.Severity;
import java.util.ArrayList;
import java.util.List;

/** Sentences several reports share, so every format says the same thing the same way. */
final class Words {

  private Words() {}

  /** {@code SageMaker Pipelines (clear: 52 points ahead of Step Functions)} */
  static String recommendation(Scorecard s) {
    return s.recommendation().displayName() + " (" + s.clarity().label() + ": " + s.margin() + " point"
        + (s.margin() == 1 ? "" : "s") + " ahead of " + s.runnerUp().displayName() + ")";
  }

  /** {@code 1 error, 2 warnings} or {@code no findings}. */
  static String counts(List<Analysis> analyses) {
    long errors = analyses.stream().mapToLong(a -> a.count(Severity.ERROR)).sum();
    long warnings = analyses.stream().mapToLong(a -> a.count(Severity.WARNING)).sum();
    long infos = analyses.stream().mapToLong(a -> a.count(Severity.INFO)).sum();
    List<String> parts = new ArrayList<>();
    if (errors > 0) {
      parts.add(errors + " error" + (errors == 1 ? "" : "s"));
    }
    if (warnings > 0) {
      parts.add(warnings + " warning" + (warnings == 1 ? "" : "s"));
    }
    if (infos > 0) {
      parts.add(infos + " note" + (infos == 1 ? "" : "s"));
    }
    return parts.isEmpty() ? "no findings" : String.join(", ", parts);
  }

  static String fit(Orchestrator o) {
    return o.displayName();
  }
}
