package io.pipeshift.analyzer.report;

import io.pipeshift.analyzer.Analysis;
import io.pipeshift.analyzer.Finding;
import io.pipeshift.analyzer.features.FeatureValue;
import io.pipeshift.analyzer.score.LimitHit;
import io.pipeshift.analyzer.score.Reason;
import io.pipeshift.analyzer.score.Score;
import java.util.List;

/**
 * A report that fits a pull-request comment: a summary line, a score table, findings as a table, details
 * folded. GitHub caps a comment at 65,536 characters, so at most {@link #MAX_FINDINGS} findings are listed
 * per file.
 */
final class MarkdownReport {

  static final int MAX_FINDINGS = 50;

  private final StringBuilder out = new StringBuilder();

  private MarkdownReport() {}

  static String render(List<Analysis> analyses) {
    MarkdownReport r = new MarkdownReport();
    r.line("## pipeshift analyze: " + Words.counts(analyses));
    for (Analysis a : analyses) {
      r.analysis(a);
    }
    return r.out.toString();
  }

  private void analysis(Analysis a) {
    line("");
    line("### `" + code(a.file()) + "` (" + cell(a.pipeline().name()) + ")");
    line("");
    line("**Recommendation: " + cell(Words.recommendation(a.scorecard())) + "**");
    line("");
    line("| Orchestrator | Score | Reasons |");
    line("|---|---:|---|");
    for (Score s : a.scorecard().scores()) {
      StringBuilder reasons = new StringBuilder();
      for (Reason r : s.reasons()) {
        reasons.append(reasons.length() == 0 ? "" : "<br>").append(r.points() > 0 ? "+" : "").append(r.points())
            .append(" ").append(cell(r.text()));
      }
      for (LimitHit l : s.limits()) {
        reasons.append(reasons.length() == 0 ? "" : "<br>").append("limit: ").append(cell(l.limit() + ": " + l.detail()));
      }
      String name = s.orchestrator() == a.scorecard().recommendation()
          ? "**" + s.orchestrator().displayName() + "**" : s.orchestrator().displayName();
      line("| " + name + " | " + s.score() + " | " + reasons + " |");
    }
    line("");
    if (a.findings().isEmpty()) {
      line("No findings.");
    } else {
      line("| Severity | Rule | Location | Message |");
      line("|---|---|---|---|");
      List<Finding> shown = a.findings().subList(0, Math.min(MAX_FINDINGS, a.findings().size()));
      for (Finding f : shown) {
        line("| " + f.severity().label() + " | " + f.ruleId() + " | `" + code(f.location().toString()) + "` | "
            + cell(f.message()) + " |");
      }
      if (a.findings().size() > shown.size()) {
        line("");
        line("... and " + (a.findings().size() - shown.size()) + " more findings (see the full text or SARIF report).");
      }
    }
    line("");
    line("<details><summary>Features</summary>");
    line("");
    line("| Feature | Value |");
    line("|---|---|");
    for (FeatureValue f : a.features().table()) {
      line("| " + cell(f.label()) + " | " + cell(f.text()) + " |");
    }
    line("");
    line("</details>");
  }

  /** Table-cell safe: no line breaks, pipes escaped, HTML special characters escaped. */
  static String cell(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
        .replace("\r", " ").replace("\n", " ");
  }

  /** Inside backticks: no backticks or line breaks. */
  static String code(String s) {
    return s.replace("`", "'").replace("|", "\\|").replace("\n", " ");
  }

  private void line(String s) {
    out.append(s).append('\n');
  }
}
