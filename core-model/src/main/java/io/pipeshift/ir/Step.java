package io.pipeshift.ir;

import io.pipeshift.ir.kinds.StepSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One step of a pipeline: the fields every kind shares, and the kind's own typed fields in {@link #spec()}.
 * In YAML both sit in the same mapping: {@code {id: train, kind: training, after: [prep], image: ...}}.
 *
 * @param id stable identifier, unique in the whole pipeline (nested steps included); used for edges
 * @param displayName a human name for UIs (YAML {@code name})
 * @param after steps in the same list that must finish first; references to other steps' outputs add
 *     dependencies too. Naming a condition or for-each step means: after it and everything inside it
 * @param retry overrides the pipeline default retry
 * @param catches error paths: on failure continue at a handler step
 * @param timeout overrides the pipeline default timeout
 * @param caching overrides the pipeline default caching
 * @param extensions format-specific details kept verbatim, keyed by format ({@code sagemaker}, {@code asl},
 *     {@code airflow}), so a round trip loses nothing it could keep
 */
public record Step(
    String id,
    StepSpec spec,
    @FieldName("name") Optional<String> displayName,
    Optional<String> description,
    List<String> after,
    Optional<RetryPolicy> retry,
    @FieldName("catch") List<CatchClause> catches,
    Optional<Duration> timeout,
    Optional<Caching> caching,
    Map<String, Object> extensions) {

  public Step {
    after = List.copyOf(after);
    catches = List.copyOf(catches);
    extensions = Immutables.treeMap(extensions);
  }

  /** A step with only an id and its kind's fields. */
  public static Step of(String id, StepSpec spec) {
    return new Step(id, spec, Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of(),
        Optional.empty(), Optional.empty(), Map.of());
  }

  public StepKind kind() {
    return StepKind.of(spec);
  }

  public Step withAfter(List<String> newAfter) {
    return new Step(id, spec, displayName, description, newAfter, retry, catches, timeout, caching, extensions);
  }

  public Step withRetry(Optional<RetryPolicy> newRetry) {
    return new Step(id, spec, displayName, description, after, newRetry, catches, timeout, caching, extensions);
  }

  public Step withCatches(List<CatchClause> newCatches) {
    return new Step(id, spec, displayName, description, after, retry, newCatches, timeout, caching, extensions);
  }

  public Step withTimeout(Optional<Duration> newTimeout) {
    return new Step(id, spec, displayName, description, after, retry, catches, newTimeout, caching, extensions);
  }

  public Step withSpec(StepSpec newSpec) {
    return new Step(id, newSpec, displayName, description, after, retry, catches, timeout, caching, extensions);
  }

  /** The extension map of one format, or empty. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> extension(String format) {
    Object e = extensions.get(format);
    return e instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** The name a person reads: the display name, else the id. */
  public String label() {
    return displayName.orElse(id);
  }
}
