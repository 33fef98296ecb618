package io.pipeshift.cli;

/** A mistake in how the command was used that is not about a file's content (exit code 2, no stack trace). */
final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserError(String message) {
    super(message, null, false, false);
  }
}
