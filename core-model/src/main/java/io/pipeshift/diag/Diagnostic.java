package io.pipeshift.diag;

import java.util.Optional;

/**
 * One problem found in an input, located in its file. Rendered as
 * {@code file:line:col: error CODE: message} with an optional hint line.
 */
public record Diagnostic(Severity severity, String code, String message, Optional<String> hint, Location location) {

  public static Diagnostic error(Problem problem, Location location, Object... args) {
    return new Diagnostic(Severity.ERROR, problem.code(), problem.format(args), Optional.empty(), location);
  }

  public static Diagnostic warning(Problem problem, Location location, Object... args) {
    return new Diagnostic(Severity.WARNING, problem.code(), problem.format(args), Optional.empty(), location);
  }

  public Diagnostic withHint(String text) {
    return new Diagnostic(severity, code, message, Optional.ofNullable(text), location);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The one-line form, followed by an indented hint line when there is one. */
  public String render() {
    String head = location + ": " + severity.label() + " " + code + ": " + message;
    return hint.map(h -> head + "\n    hint: " + h).orElse(head);
  }

  @Override
  public String toString() {
    return render();
  }
}
