package io.pipeshift.ir.kinds;

import io.pipeshift.ir.Immutables;
import io.pipeshift.ir.Value;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Creates a SageMaker model from an image and artifacts. Output {@code model-name}. */
public record CreateModelSpec(
    String image, Value modelData, Optional<Value> role, Map<String, Value> environment, Optional<String> instanceType)
    implements StepSpec {

  public CreateModelSpec {
    environment = Immutables.map(environment);
  }

  @Override
  public Optional<Set<String>> outputNames() {
    return Optional.of(Set.of("model-name"));
  }
}
