package io.pipeshift.analyzer;

import io.pipeshift.diag.Location;
import io.pipeshift.diag.Severity;
import java.util.Comparator;
import java.util.Optional;

/**
 * One lint finding: which rule, how bad, what is wrong (and how to fix it), which step, and where it was
 * written. Every reporter (text, Markdown, JSON, SARIF, HTML) renders this one record.
 *
 * @param ruleId the rule's stable id, e.g. {@code PS101}
 * @param severity the rule's severity, or the one {@code .pipeshift.yaml} sets for it
 * @param message one or two sentences: the problem, then the fix
 * @param step the id of the step the finding is about, when it is about one
 * @param location file, line and column from the pipeline's source map
 */
public record Finding(String ruleId, Severity severity, String message, Optional<String> step, Location location) {

  /** File, line, column, then rule id: the order every report lists findings in. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing((Finding f) -> f.location().file())
          .thenComparingInt(f -> f.location().line())
          .thenComparingInt(f -> f.location().column())
          .thenComparing(Finding::ruleId)
          .thenComparing(Finding::message);

  /** {@code file:line:col: warning PS101: message} */
  public String render() {
    return location + ": " + severity.label() + " " + ruleId + ": " + message;
  }
}
