package io.pipeshift.to.airflow;

import io.pipeshift.ir.ErrorClass;
import io.pipeshift.ir.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * IR retry policy and timeout -> Airflow task arguments. The IR's {@code retries} counts attempts after the
 * first, exactly like Airflow's; the interval is {@code retry_delay}; a backoff rate becomes
 * {@code retry_exponential_backoff} (a multiplier since Airflow 3.3, a boolean that doubles in Airflow 2);
 * {@code maxInterval} is {@code max_retry_delay}; the timeout is {@code execution_timeout} (per try, like
 * the IR's). Error-class filters and the exact jitter cannot be said and become notes.
 */
final class AirflowRetries {

  static final String RETRIES = "retries";
  static final String RETRY_DELAY = "retry_delay";
  static final String BACKOFF = "retry_exponential_backoff";
  static final String MAX_RETRY_DELAY = "max_retry_delay";
  static final String EXECUTION_TIMEOUT = "execution_timeout";

  /** The keys in the order they are written. */
  static final List<String> KEYS = List.of(RETRIES, RETRY_DELAY, BACKOFF, MAX_RETRY_DELAY, EXECUTION_TIMEOUT);

  /** An Airflow argument value in a comparable form: Integer, Duration, Double, Boolean (or absent). */
  record Settings(Map<String, Object> values) {
    Settings {
      values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static final Settings NONE = new Settings(Map.of());
  }

  private final AirflowFile file;

  AirflowRetries(AirflowFile file) {
    this.file = file;
  }

  /** The Airflow settings for a policy and timeout; notes go to {@code step} (null: the pipeline defaults). */
  Settings settings(Optional<RetryPolicy> policy, Optional<Duration> timeout, String step) {
    Map<String, Object> v = new LinkedHashMap<>();
    policy.filter(p -> p.retries() > 0).ifPresent(p -> {
      v.put(RETRIES, p.retries());
      v.put(RETRY_DELAY, p.interval());
      double rate = p.backoffRate();
      if (rate != 1.0) {
        if (file.version == AirflowVersion.V3) {
          v.put(BACKOFF, rate);
          if (rate != 2.0) {
            file.note(AirflowNote.BACKOFF_MULTIPLIER, step, "multiplier " + rate);
          }
        } else {
          v.put(BACKOFF, Boolean.TRUE);
          if (rate != 2.0) {
            file.note(AirflowNote.BACKOFF_RATE, step, "backoff rate " + rate + " becomes 2");
          }
        }
        if (p.jitter() == RetryPolicy.Jitter.NONE) {
          file.note(AirflowNote.RETRY_JITTER, step, "Airflow adds up to one more delay to each exponential wait");
        }
      } else if (p.jitter() == RetryPolicy.Jitter.FULL) {
        file.note(AirflowNote.RETRY_JITTER, step, "a constant Airflow retry delay is not randomised");
      }
      p.maxInterval().ifPresent(m -> v.put(MAX_RETRY_DELAY, m));
      if (!p.errors().equals(List.of(ErrorClass.ALL))) {
        file.note(AirflowNote.RETRY_ERROR_FILTER, step, "IR retries only " + names(p.errors()));
      }
    });
    timeout.ifPresent(t -> v.put(EXECUTION_TIMEOUT, t));
    return new Settings(v);
  }

  /**
   * Arguments that turn the {@code defaults} (from default_args) into {@code wanted}. Without retries the
   * delay settings do not matter, so only {@code retries=0} is written.
   */
  List<PyExpr.Kwarg> overrides(Settings wanted, Settings defaults) {
    List<PyExpr.Kwarg> out = new ArrayList<>();
    boolean retrying = wanted.values().containsKey(RETRIES);
    for (String key : KEYS) {
      Object w = wanted.values().get(key);
      Object d = defaults.values().get(key);
      if (Objects.equals(w, d)) {
        continue;
      }
      if (!retrying && !key.equals(RETRIES) && !key.equals(EXECUTION_TIMEOUT)) {
        continue;
      }
      if (key.equals(RETRY_DELAY) && w == null) {
        continue; // Airflow's default delay; the IR always states an interval when it retries
      }
      if (key.equals(RETRIES) && w == null) {
        out.add(PyExpr.kw(key, PyExpr.number(0)));
      } else if (w == null) {
        out.add(PyExpr.kw(key, key.equals(BACKOFF)
            ? (file.version == AirflowVersion.V3 ? PyExpr.number(0) : PyExpr.bool(false)) : PyExpr.none()));
      } else {
        out.add(PyExpr.kw(key, value(w)));
      }
    }
    return out;
  }

  /** All settings as arguments (for default_args). */
  List<Map.Entry<String, PyExpr>> entries(Settings s) {
    List<Map.Entry<String, PyExpr>> out = new ArrayList<>();
    for (String key : KEYS) {
      Object v = s.values().get(key);
      if (v != null) {
        out.add(Map.entry(key, value(v)));
      }
    }
    return out;
  }

  private PyExpr value(Object v) {
    if (v instanceof Duration d) {
      return timedelta(d);
    }
    if (v instanceof Integer i) {
      return PyExpr.number(i.longValue());
    }
    if (v instanceof Double d) {
      return PyExpr.number(d);
    }
    return PyExpr.bool((Boolean) v);
  }

  /** {@code timedelta(hours=1, minutes=30)}: the largest whole units, in order. */
  PyExpr timedelta(Duration d) {
    PyName timedelta = file.symbol("datetime", "timedelta");
    List<PyExpr.Kwarg> parts = new ArrayList<>();
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    long seconds = d.toSecondsPart();
    long micros = d.toNanosPart() / 1000;
    if (days > 0) {
      parts.add(PyExpr.kw("days", PyExpr.number(days)));
    }
    if (hours > 0) {
      parts.add(PyExpr.kw("hours", PyExpr.number(hours)));
    }
    if (minutes > 0) {
      parts.add(PyExpr.kw("minutes", PyExpr.number(minutes)));
    }
    if (seconds > 0 || (parts.isEmpty() && micros == 0)) {
      parts.add(PyExpr.kw("seconds", PyExpr.number(seconds)));
    }
    if (micros > 0) {
      parts.add(PyExpr.kw("microseconds", PyExpr.number(micros)));
    }
    return PyExpr.call(PyExpr.name(timedelta), List.of(), parts);
  }

  private static String names(List<ErrorClass> errors) {
    return errors.stream().map(ErrorClass::name).toList().toString();
  }
}
