package io.pipeshift.ir.kinds;

import io.pipeshift.ir.Immutables;
import io.pipeshift.ir.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a Python callable. {@code code} is the function's source (a {@code def} of {@code function}) when
 * known; otherwise {@code module} names where it lives.
 */
public record PythonSpec(
    String function,
    Optional<String> code,
    Optional<String> module,
    Map<String, Value> arguments,
    List<String> requirements)
    implements StepSpec {

  public PythonSpec {
    arguments = Immutables.map(arguments);
    requirements = List.copyOf(requirements);
  }
}
