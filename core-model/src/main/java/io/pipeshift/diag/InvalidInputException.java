package io.pipeshift.diag;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The input was wrong (a user mistake, not a bug). Carries every located diagnostic; the CLI prints
 * them and exits with code 2, without a stack trace.
 */
public final class InvalidInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;

  public InvalidInputException(List<Diagnostic> diagnostics) {
    super(diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining("\n")), null, false, false);
    this.diagnostics = List.copyOf(diagnostics);
  }

  public static InvalidInputException of(Diagnostic diagnostic) {
    return new InvalidInputException(List.of(diagnostic));
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
