package io.pipeshift.analyzer;

import io.pipeshift.analyzer.features.Features;
import io.pipeshift.analyzer.score.Scorecard;
import io.pipeshift.diag.Severity;
import io.pipeshift.ir.Pipeline;
import java.util.List;

/**
 * Everything the analyzer found about one pipeline file: its features, the three scores with the
 * recommendation, and the lint findings (sorted by location).
 *
 * @param file the input file as the user named it
 * @param pipeline the analysed pipeline (reports draw its graph)
 */
public record Analysis(String file, Pipeline pipeline, Features features, Scorecard scorecard, List<Finding> findings) {

  public Analysis {
    findings = findings.stream().sorted(Finding.ORDER).toList();
  }

  /** Whether any finding is at least as severe as {@code threshold}. */
  public boolean hasFindingsAtLeast(Severity threshold) {
    return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
  }

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }
}
