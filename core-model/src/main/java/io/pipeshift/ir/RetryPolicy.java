package io.pipeshift.ir;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a failed step is tried again.
 *
 * @param retries attempts AFTER the first one (Airflow's {@code retries}; ASL MaxAttempts is the same
 *     number; SageMaker MaxAttempts likewise counts retries)
 * @param interval wait before the first retry
 * @param backoffRate multiplier applied to the interval after each retry (1.0 = constant)
 * @param maxInterval upper bound for the wait, if any
 * @param jitter whether the wait is randomised
 * @param errors which error classes are retried ({@code all} by default)
 */
public record RetryPolicy(
    @DefaultValue("0") int retries,
    @DefaultValue("PT10S") Duration interval,
    @DefaultValue("2.0") double backoffRate,
    Optional<Duration> maxInterval,
    @DefaultValue("none") Jitter jitter,
    @DefaultValue("[all]") List<ErrorClass> errors) {

  public RetryPolicy {
    errors = List.copyOf(errors);
  }

  public enum Jitter {
    NONE,
    FULL
  }
}
