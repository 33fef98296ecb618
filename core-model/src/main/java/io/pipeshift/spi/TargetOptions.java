package io.pipeshift.spi;

import io.pipeshift.ir.Immutables;
import java.util.Map;
import java.util.Optional;

/**
 * Target-specific switches from the command line, by key: {@code airflow.version} ("3" or "2"),
 * {@code infra} ("true" with --with-infra), {@code source} (the input file name, for headers).
 */
public record TargetOptions(Map<String, String> values) {
  public static final TargetOptions NONE = new TargetOptions(Map.of());

  public TargetOptions {
    values = Immutables.map(values);
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public boolean flag(String key) {
    return "true".equals(values.get(key));
  }
}
