package io.pipeshift.analyzer.report;

import io.pipeshift.analyzer.Analysis;
import io.pipeshift.analyzer.Finding;
import io.pipeshift.analyzer.features.FeatureValue;
import io.pipeshift.analyzer.score.LimitHit;
import io.pipeshift.analyzer.score.Reason;
import io.pipeshift.analyzer.score.Score;
import io.pipeshift.diag.Severity;
import java.util.List;

/** The terminal report: recommendation, scores with reasons, features, findings as {@code file:line:col}. */
final class TextReport {

  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String CYAN = "\u001b[36m";
  private static final String GREEN = "\u001b[32m";
  private static final String DIM = "\u001b[2m";

  private final StringBuilder out = new StringBuilder();
  private final boolean colour;

  private TextReport(boolean colour) {
    this.colour = colour;
  }

  static String render(List<Analysis> analyses, ReportOptions options) {
    TextReport r = new TextReport(options.colour());
    for (int i = 0; i < analyses.size(); i++) {
      if (i > 0) {
        r.out.append('\n');
      }
      r.analysis(analyses.get(i));
    }
    if (analyses.size() > 1) {
      r.out.append('\n').append(analyses.size()).append(" files: ").append(Words.counts(analyses)).append('\n');
    }
    return r.out.toString();
  }

  private void analysis(Analysis a) {
    line(paint(BOLD, a.file()) + " (" + a.pipeline().name() + ")");
    line("  Recommendation: " + paint(BOLD + GREEN, Words.recommendation(a.scorecard())));
    line("");
    line("  Scores");
    for (Score s : a.scorecard().scores()) {
      String name = String.format("%-20s", s.orchestrator().displayName());
      line("    " + (s.orchestrator() == a.scorecard().recommendation() ? paint(BOLD, name) : name)
          + String.format("%4d  ", s.score()) + bar(s.score()));
      for (Reason r : s.reasons()) {
        line("      " + paint(r.points() > 0 ? GREEN : r.points() < 0 ? RED : DIM, String.format("%+4d", r.points()))
            + "  " + r.text());
      }
      for (LimitHit l : s.limits()) {
        line("      " + paint(YELLOW, "limit") + " " + l.limit() + ": " + l.detail());
      }
    }
    line("");
    line("  Features");
    for (FeatureValue f : a.features().table()) {
      line("    " + String.format("%-38s", f.label()) + f.text());
    }
    line("");
    if (a.findings().isEmpty()) {
      line("  Findings: none");
      return;
    }
    line("  Findings (" + Words.counts(List.of(a)) + ")");
    for (Finding f : a.findings()) {
      line("    " + f.location() + ": " + paint(colourOf(f.severity()), f.severity().label()) + " "
          + paint(CYAN, f.ruleId()) + ": " + f.message());
    }
  }

  private static String colourOf(Severity s) {
    return switch (s) {
      case ERROR -> BOLD + RED;
      case WARNING -> YELLOW;
      case INFO -> CYAN;
    };
  }

  private static String bar(int score) {
    int n = Math.round(score / 5f);
    return "#".repeat(n) + ".".repeat(20 - n);
  }

  private String paint(String code, String text) {
    return colour ? code + text + RESET : text;
  }

  private void line(String s) {
    out.append(s).append('\n');
  }
}
