package io.pipeshift.ir.kinds;

import io.pipeshift.ir.DefaultValue;
import io.pipeshift.ir.Immutables;
import io.pipeshift.ir.Value;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A SageMaker training job. Its output {@code model} is the S3 URI of the model artifacts. */
public record TrainingSpec(
    String image,
    String instanceType,
    @DefaultValue("1") int instanceCount,
    @DefaultValue("30") int volumeSizeGb,
    Map<String, Value> hyperparameters,
    List<Channel> inputs,
    Value outputPath,
    Optional<Value> role,
    @DefaultValue("P1D") Duration maxRuntime,
    Map<String, Value> environment,
    List<MetricDefinition> metrics)
    implements StepSpec {

  public TrainingSpec {
    hyperparameters = Immutables.map(hyperparameters);
    inputs = List.copyOf(inputs);
    environment = Immutables.map(environment);
    metrics = List.copyOf(metrics);
  }

  /** A named input channel. */
  public record Channel(String channel, Value source, Optional<String> contentType) {}

  /** A metric scraped from the training log by a regular expression. */
  public record MetricDefinition(String name, String regex) {}

  @Override
  public Optional<Set<String>> outputNames() {
    return Optional.of(Set.of("model"));
  }
}
