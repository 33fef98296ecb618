package io.pipeshift.aws;

import java.util.List;

/**
 * An AWS call or the AWS setup failed in a way the user can act on: a one-line {@link #getMessage()} and,
 * for a deployment, what had been done before the failure and what was not. Never a bug (those stay
 * ordinary exceptions).
 */
public final class AwsFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why it failed; the CLI maps every kind to exit code 2. */
  public enum Kind {
    ACCESS_DENIED, MISSING_ROLE, VALIDATION, THROTTLED, NO_CREDENTIALS, NO_REGION, BAD_CREDENTIALS,
    NOT_FOUND, UNREACHABLE, NOT_AVAILABLE, SERVICE
  }

  private final Kind kind;
  private final List<String> done;
  private final List<String> notDone;

  public AwsFailure(Kind kind, String message) {
    this(kind, message, List.of(), List.of(), null);
  }

  public AwsFailure(Kind kind, String message, Throwable cause) {
    this(kind, message, List.of(), List.of(), cause);
  }

  private AwsFailure(Kind kind, String message, List<String> done, List<String> notDone, Throwable cause) {
    super(oneLine(message), cause);
    this.kind = kind;
    this.done = List.copyOf(done);
    this.notDone = List.copyOf(notDone);
  }

  /** The same failure, with the progress of the deployment it interrupted. */
  public AwsFailure withProgress(List<String> doneBefore, List<String> notDoneYet) {
    return new AwsFailure(kind, getMessage(), doneBefore, notDoneYet, getCause());
  }

  public Kind kind() {
    return kind;
  }

  /** What was created, updated or deleted before the failure, e.g. {@code created sagemaker pipeline x}. */
  public List<String> done() {
    return done;
  }

  /** What was left to do, the failed resource first. */
  public List<String> notDone() {
    return notDone;
  }

  /** Collapses whitespace so a service message with newlines still reads as one line. */
  static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
