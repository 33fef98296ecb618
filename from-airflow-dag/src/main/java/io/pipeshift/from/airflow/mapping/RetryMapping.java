package io.pipeshift.from.airflow.mapping;

import io.pipeshift.from.airflow.eval.PyValue;
import io.pipeshift.ir.ErrorClass;
import io.pipeshift.ir.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Airflow's retry arguments -> IR retry policy and timeout. {@code retries} counts tries after the first,
 * like the IR's; {@code retry_delay} (default 300 s) is the interval; {@code retry_exponential_backoff}
 * (True, or a multiplier since Airflow 3.3) the backoff rate (1.0 when off); {@code max_retry_delay} the
 * maximum interval; {@code execution_timeout} the timeout (per try, like the IR's). Airflow retries every
 * error, so the policy's errors are {@code [all]}.
 */
final class RetryMapping {

  static final Duration AIRFLOW_DEFAULT_DELAY = Duration.ofSeconds(300);
  static final List<String> KEYS = List.of("retries", "retry_delay", "retry_exponential_backoff", "max_retry_delay",
      "execution_timeout");

  /** A task's effective settings: the policy (retries 0 when it does not retry) and the timeout. */
  record Settings(RetryPolicy policy, Optional<Duration> timeout) {
    boolean retries() {
      return policy.retries() > 0;
    }
  }

  private RetryMapping() {}

  /** Reads the settings; {@code arg} looks an argument up (the task's own, then default_args). */
  static Settings read(Function<String, Optional<PyValue>> arg) {
    int retries = arg.apply("retries").flatMap(RetryMapping::integer).orElse(0);
    Duration delay = arg.apply("retry_delay").flatMap(RetryMapping::duration).orElse(AIRFLOW_DEFAULT_DELAY);
    double backoff = arg.apply("retry_exponential_backoff").map(RetryMapping::backoff).orElse(1.0);
    Optional<Duration> max = arg.apply("max_retry_delay").flatMap(RetryMapping::duration);
    Optional<Duration> timeout = arg.apply("execution_timeout").flatMap(RetryMapping::duration);
    RetryPolicy policy = new RetryPolicy(Math.max(0, retries), delay, backoff, max, RetryPolicy.Jitter.NONE,
        List.of(ErrorClass.ALL));
    return new Settings(policy, timeout);
  }

  /** The policy the IR states: empty when the task does not retry. */
  static Optional<RetryPolicy> policy(Settings s) {
    return s.retries() ? Optional.of(s.policy()) : Optional.empty();
  }

  static Optional<Integer> integer(PyValue v) {
    if (v instanceof PyValue.Int i) {
      return Optional.of((int) Math.min(Integer.MAX_VALUE, i.value()));
    }
    if (v instanceof PyValue.Bool b) {
      return Optional.of(b.value() ? 1 : 0);
    }
    return Optional.empty();
  }

  static Optional<Duration> duration(PyValue v) {
    if (v instanceof PyValue.Timedelta t) {
      return Optional.of(t.value());
    }
    if (v instanceof PyValue.Int i) {
      return Optional.of(Duration.ofSeconds(i.value()));
    }
    if (v instanceof PyValue.Float f) {
      return Optional.of(Duration.ofMillis(Math.round(f.value() * 1000)));
    }
    return Optional.empty();
  }

  private static double backoff(PyValue v) {
    if (v instanceof PyValue.Bool b) {
      return b.value() ? 2.0 : 1.0;
    }
    if (v instanceof PyValue.Int i) {
      return i.value() <= 0 ? 1.0 : (double) i.value();
    }
    if (v instanceof PyValue.Float f) {
      return f.value() <= 0 ? 1.0 : f.value();
    }
    return 1.0;
  }
}
