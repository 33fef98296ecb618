package io.pipeshift.diff;

import java.util.Optional;

/**
 * One semantic difference between two pipelines.
 *
 * @param type what changed
 * @param step the step it concerns (its id in the first pipeline; in the second for an added step), if any
 * @param field the changed field as a path ({@code retry.retries}, {@code hyperparameters.eta},
 *     {@code inputs[0].source}), or the other end of an edge, or a parameter name; empty when not applicable
 * @param before the old value as a plain tree (strings, numbers, booleans, maps, lists), if any
 * @param after the new value, if any
 */
public record DiffChange(Type type, Optional<String> step, Optional<String> field, Optional<Object> before, Optional<Object> after) {

  /** The kinds of change, in the order a report lists them. */
  public enum Type {
    PARAMETER_ADDED("parameter-added"),
    PARAMETER_REMOVED("parameter-removed"),
    PARAMETER_CHANGED("parameter-changed"),
    STEP_ADDED("step-added"),
    STEP_REMOVED("step-removed"),
    STEP_RENAMED("step-renamed"),
    STEP_MOVED("step-moved"),
    KIND_CHANGED("kind-changed"),
    FIELD_CHANGED("field-changed"),
    EDGE_ADDED("edge-added"),
    EDGE_REMOVED("edge-removed"),
    RETRY_CHANGED("retry-changed"),
    TIMEOUT_CHANGED("timeout-changed"),
    CATCH_CHANGED("catch-changed"),
    CACHING_CHANGED("caching-changed"),
    METADATA_CHANGED("metadata-changed");

    private final String label;

    Type(String label) {
      this.label = label;
    }

    /** The stable name used in JSON output. */
    public String label() {
      return label;
    }
  }

  static DiffChange of(Type type, String step, String field, Object before, Object after) {
    return new DiffChange(type, Optional.ofNullable(step), Optional.ofNullable(field), Optional.ofNullable(before),
        Optional.ofNullable(after));
  }
}
