package io.pipeshift.ir;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pipeline: metadata, parameters, triggers, step defaults, and a directed acyclic graph of steps. The
 * IR knows nothing of any target format. Immutable; build modified copies with the {@code with*} methods.
 */
public record Pipeline(
    String name,
    Optional<String> description,
    Map<String, String> tags,
    List<Parameter> parameters,
    List<Trigger> triggers,
    StepDefaults defaults,
    List<Step> steps,
    Map<String, Object> extensions) {

  /** The IR format version this code reads and writes ({@code pipeshift: 1} at the top of a file). */
  public static final int FORMAT_VERSION = 1;

  public Pipeline {
    tags = Immutables.map(tags);
    parameters = List.copyOf(parameters);
    triggers = List.copyOf(triggers);
    steps = List.copyOf(steps);
    extensions = Immutables.treeMap(extensions);
  }

  public static Pipeline of(String name, List<Step> steps) {
    return new Pipeline(name, Optional.empty(), Map.of(), List.of(), List.of(), StepDefaults.NONE, steps, Map.of());
  }

  public Pipeline withSteps(List<Step> newSteps) {
    return new Pipeline(name, description, tags, parameters, triggers, defaults, newSteps, extensions);
  }

  public Pipeline withParameters(List<Parameter> newParameters) {
    return new Pipeline(name, description, tags, newParameters, triggers, defaults, steps, extensions);
  }

  public Pipeline withTriggers(List<Trigger> newTriggers) {
    return new Pipeline(name, description, tags, parameters, newTriggers, defaults, steps, extensions);
  }

  public Pipeline withDefaults(StepDefaults newDefaults) {
    return new Pipeline(name, description, tags, parameters, triggers, newDefaults, steps, extensions);
  }

  public Optional<Parameter> parameter(String parameterName) {
    return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
  }

  /** The retry policy in force for a step: its own, else the pipeline default (control steps never retry). */
  public Optional<RetryPolicy> retryOf(Step step) {
    if (!step.kind().isWork()) {
      return step.retry();
    }
    return step.retry().or(defaults::retry);
  }

  /** The timeout in force for a step: its own, else the pipeline default for work steps. */
  public Optional<java.time.Duration> timeoutOf(Step step) {
    if (!step.kind().isWork()) {
      return step.timeout();
    }
    return step.timeout().or(defaults::timeout);
  }

  /** The caching in force for a step: its own, else the pipeline default for work steps. */
  public Optional<Caching> cachingOf(Step step) {
    if (!step.kind().isWork()) {
      return step.caching();
    }
    return step.caching().or(defaults::caching);
  }

  /** Every step, nested ones included, in document order (a container before its contents). */
  public List<Step> allSteps() {
    return StepTree.flatten(steps);
  }
}
