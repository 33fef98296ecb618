package io.pipeshift.ir.kinds;

import io.pipeshift.ir.Immutables;
import io.pipeshift.ir.Value;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Sends a message with a task token to an SQS queue and waits for an external system to return it. */
public record CallbackSpec(String queueUrl, Map<String, Value> payload, List<String> outputs) implements StepSpec {

  public CallbackSpec {
    payload = Immutables.map(payload);
    outputs = List.copyOf(outputs);
  }

  @Override
  public Optional<Set<String>> outputNames() {
    return Optional.of(new LinkedHashSet<>(outputs));
  }
}
