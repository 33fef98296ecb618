package io.pipeshift.ir;

import java.util.List;

/**
 * A boolean test for a condition step's branch. YAML: {@code {gte: [left, right]}} (also eq, gt, lt, lte),
 * {@code {in: {value: v, values: [..]}}}, {@code {not: c}}, {@code {all: [c, ..]}}, {@code {any: [c, ..]}}.
 */
public sealed interface Condition {

  enum Operator {
    EQ("eq"),
    GT("gt"),
    GTE("gte"),
    LT("lt"),
    LTE("lte");

    private final String yamlName;

    Operator(String yamlName) {
      this.yamlName = yamlName;
    }

    public String yamlName() {
      return yamlName;
    }
  }

  record Comparison(Operator operator, Value left, Value right) implements Condition {}

  record In(Value value, List<Value> values) implements Condition {
    public In {
      values = List.copyOf(values);
    }
  }

  record Not(Condition condition) implements Condition {}

  record All(List<Condition> conditions) implements Condition {
    public All {
      conditions = List.copyOf(conditions);
    }
  }

  record Any(List<Condition> conditions) implements Condition {
    public Any {
      conditions = List.copyOf(conditions);
    }
  }

  /** Every value the condition reads, in order. */
  default List<Value> values() {
    if (this instanceof Comparison c) {
      return List.of(c.left(), c.right());
    }
    if (this instanceof In in) {
      return java.util.stream.Stream.concat(java.util.stream.Stream.of(in.value()), in.values().stream()).toList();
    }
    if (this instanceof Not n) {
      return n.condition().values();
    }
    List<Condition> parts = this instanceof All a ? a.conditions() : ((Any) this).conditions();
    return parts.stream().flatMap(c -> c.values().stream()).toList();
  }
}
