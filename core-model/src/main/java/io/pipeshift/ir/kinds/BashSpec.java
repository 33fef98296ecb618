package io.pipeshift.ir.kinds;

import io.pipeshift.ir.Immutables;
import io.pipeshift.ir.Value;
import java.util.Map;

/** Runs a shell command on a worker. */
public record BashSpec(Value command, Map<String, Value> environment) implements StepSpec {

  public BashSpec {
    environment = Immutables.map(environment);
  }
}
