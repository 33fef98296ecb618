package io.pipeshift.ir;

import java.util.List;

/**
 * A value in a pipeline: a literal, or a reference resolved when the pipeline runs. In YAML a reference is
 * a one-key mapping: {@code {param: Name}}, {@code {execution: execution-id}},
 * {@code {output: {step: train, name: model}}},
 * {@code {property: {step: evaluate, file: evaluation, path: metrics.accuracy}}},
 * {@code {join: {separator: "/", values: [...]}}}, {@code {item: field}} (inside a for-each body). Any other
 * scalar is a literal.
 */
public sealed interface Value {

  /** A string, long, double or boolean. */
  record Literal(Object value) implements Value {
    public Literal {
      if (!(value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean)) {
        throw new IllegalArgumentException("literal must be a string, integer, float or boolean: " + value);
      }
    }

    public static Literal of(String s) {
      return new Literal(s);
    }

    public static Literal of(long n) {
      return new Literal(n);
    }

    public static Literal of(double d) {
      return new Literal(d);
    }

    public static Literal of(boolean b) {
      return new Literal(b);
    }

    /** The literal as text, as a target would print it in a string context. */
    public String asText() {
      return String.valueOf(value);
    }
  }

  /** A pipeline parameter, by name. */
  record ParameterRef(String name) implements Value {}

  /** A value the orchestrator provides for the running execution. */
  record ExecutionRef(ExecutionVariable variable) implements Value {}

  /** A named output of another step (for a training step: {@code model}). */
  record StepOutputRef(String step, String name) implements Value {}

  /** A JSON property of a property file that a processing step writes (the JsonGet pattern). */
  record PropertyRef(String step, String file, String path) implements Value {}

  /** Values joined into one string with a separator. */
  record Join(String separator, List<Value> values) implements Value {
    public Join {
      values = List.copyOf(values);
    }
  }

  /** The current item of the enclosing for-each (whole item when the path is empty). */
  record ItemRef(String path) implements Value {}

  /** The step ids this value refers to (outputs and property files), for dependency analysis. */
  default List<String> referencedSteps() {
    if (this instanceof StepOutputRef r) {
      return List.of(r.step());
    }
    if (this instanceof PropertyRef r) {
      return List.of(r.step());
    }
    if (this instanceof Join j) {
      return j.values().stream().flatMap(v -> v.referencedSteps().stream()).toList();
    }
    return List.of();
  }
}
