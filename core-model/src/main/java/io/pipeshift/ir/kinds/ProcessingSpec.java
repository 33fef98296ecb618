package io.pipeshift.ir.kinds;

import io.pipeshift.ir.DefaultValue;
import io.pipeshift.ir.Doc;
import io.pipeshift.ir.Immutables;
import io.pipeshift.ir.Value;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A SageMaker processing job: a container run over inputs, writing named outputs (and property files). */
public record ProcessingSpec(
    @Doc("Container image URI; pin it with a tag or digest") String image,
    String instanceType,
    @DefaultValue("1") int instanceCount,
    @DefaultValue("30") int volumeSizeGb,
    @Doc("Container entrypoint, e.g. [python3, /opt/ml/processing/code/prep.py]") List<String> entrypoint,
    List<Value> arguments,
    Map<String, Value> environment,
    List<ProcessingInput> inputs,
    List<ProcessingOutput> outputs,
    @Doc("JSON files among the outputs whose properties conditions can read") List<PropertyFile> propertyFiles,
    Optional<Value> role,
    Optional<Duration> maxRuntime)
    implements StepSpec {

  public ProcessingSpec {
    entrypoint = List.copyOf(entrypoint);
    arguments = List.copyOf(arguments);
    environment = Immutables.map(environment);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    propertyFiles = List.copyOf(propertyFiles);
  }

  /** Data copied into the container before it runs. */
  public record ProcessingInput(String name, Value source, String destination) {}

  /** A local folder uploaded after the container ends. */
  public record ProcessingOutput(String name, String source, Value destination) {}

  /** A JSON file written to one of the outputs; {@code path} is relative to that output's folder. */
  public record PropertyFile(String name, String output, String path) {}

  @Override
  public Optional<Set<String>> outputNames() {
    Set<String> names = new LinkedHashSet<>();
    outputs.forEach(o -> names.add(o.name()));
    return Optional.of(names);
  }
}
