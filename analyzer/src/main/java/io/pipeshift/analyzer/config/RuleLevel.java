package io.pipeshift.analyzer.config;

import io.pipeshift.diag.Severity;
import java.util.Optional;

/** What {@code .pipeshift.yaml} may set a rule to: off, or a severity that replaces the rule's own. */
public enum RuleLevel {
  OFF,
  INFO,
  WARNING,
  ERROR;

  /** The severity findings get, or empty when the rule is off. */
  public Optional<Severity> severity() {
    return switch (this) {
      case OFF -> Optional.empty();
      case INFO -> Optional.of(Severity.INFO);
      case WARNING -> Optional.of(Severity.WARNING);
      case ERROR -> Optional.of(Severity.ERROR);
    };
  }
}
