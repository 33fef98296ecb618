package io.pipeshift.ir;

import java.util.Locale;

/**
 * A class of errors that a retry or catch applies to. The known classes are the constants below (YAML:
 * kebab-case, e.g. {@code service-fault}); any other name (e.g. {@code Lambda.TooManyRequestsException},
 * {@code MyApp.ValidationError}) is a custom error passed through to targets that can name errors.
 */
public record ErrorClass(String name) {

  public static final ErrorClass ALL = new ErrorClass("all");
  /** The step ran longer than its timeout. */
  public static final ErrorClass TIMEOUT = new ErrorClass("timeout");
  /** The step's own work failed (user code, non-zero exit). */
  public static final ErrorClass TASK_FAILED = new ErrorClass("task-failed");
  /** The orchestrator or service failed internally. */
  public static final ErrorClass SERVICE_FAULT = new ErrorClass("service-fault");
  /** A service rejected the call because of its rate limit. */
  public static final ErrorClass THROTTLING = new ErrorClass("throttling");
  /** No capacity for the requested instance type. */
  public static final ErrorClass CAPACITY = new ErrorClass("capacity");
  /** An account resource limit was reached. */
  public static final ErrorClass RESOURCE_LIMIT = new ErrorClass("resource-limit");
  /** The role lacked a permission. */
  public static final ErrorClass PERMISSIONS = new ErrorClass("permissions");

  public static final java.util.List<ErrorClass> KNOWN =
      java.util.List.of(ALL, TIMEOUT, TASK_FAILED, SERVICE_FAULT, THROTTLING, CAPACITY, RESOURCE_LIMIT, PERMISSIONS);

  public ErrorClass {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("error class name must not be blank");
    }
  }

  public static ErrorClass of(String name) {
    String n = name.trim();
    for (ErrorClass k : KNOWN) {
      if (k.name.equals(n.toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    return new ErrorClass(n);
  }

  public boolean isKnown() {
    return KNOWN.contains(this);
  }

  /** A custom error name looks like {@code Namespace.Name} or {@code SomethingError}. */
  public boolean isCustom() {
    return !isKnown();
  }

  @Override
  public String toString() {
    return name;
  }
}
