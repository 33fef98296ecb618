package io.pipeshift.ir.kinds;

import io.pipeshift.ir.Immutables;
import io.pipeshift.ir.Value;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Invokes an AWS Lambda function (name or ARN) with a JSON payload; {@code outputs} are fields of its result. */
public record LambdaSpec(String function, Map<String, Value> payload, List<String> outputs) implements StepSpec {

  public LambdaSpec {
    payload = Immutables.map(payload);
    outputs = List.copyOf(outputs);
  }

  @Override
  public Optional<Set<String>> outputNames() {
    return Optional.of(new LinkedHashSet<>(outputs));
  }
}
