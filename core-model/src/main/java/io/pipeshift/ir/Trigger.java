package io.pipeshift.ir;

import io.pipeshift.time.CronExpression;
import java.time.Duration;
import java.util.Map;

/**
 * What starts a run. YAML: {@code - cron: "0 6 * * 1"} (with optional {@code timezone}),
 * {@code - rate: 1h}, {@code - event: {source: [aws.s3], ...}} (an EventBridge-style pattern),
 * {@code - manual: true}.
 */
public sealed interface Trigger {

  /** A cron schedule in the IR's Unix dialect, evaluated in an IANA time zone. */
  record Cron(CronExpression cron, @DefaultValue("UTC") String timezone) implements Trigger {}

  /** A fixed interval. */
  record Rate(Duration every) implements Trigger {}

  /** An EventBridge-style event pattern (kept as written). */
  record Event(Map<String, Object> pattern) implements Trigger {
    public Event {
      pattern = Immutables.map(pattern);
    }
  }

  /** Started by hand or by API. */
  record Manual() implements Trigger {}
}
