package io.pipeshift.fidelity;

import io.pipeshift.diag.Severity;
import java.util.Optional;

/**
 * What a translation approximated or dropped. Codes are stable per target (documented in
 * docs/targets/*.md): {@code SM...} SageMaker, {@code ASL...} Step Functions, {@code AF...} Airflow.
 */
public record FidelityNote(String code, Severity severity, Optional<String> step, String message) {

  public static FidelityNote info(String code, String step, String message) {
    return new FidelityNote(code, Severity.INFO, Optional.ofNullable(step), message);
  }

  public static FidelityNote warning(String code, String step, String message) {
    return new FidelityNote(code, Severity.WARNING, Optional.ofNullable(step), message);
  }

  public static FidelityNote error(String code, String step, String message) {
    return new FidelityNote(code, Severity.ERROR, Optional.ofNullable(step), message);
  }

  /** {@code warning SM201 [step train]: message} */
  public String render() {
    return severity.label() + " " + code + step.map(s -> " [step " + s + "]").orElse("") + ": " + message;
  }
}
