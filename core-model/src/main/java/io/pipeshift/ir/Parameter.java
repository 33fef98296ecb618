package io.pipeshift.ir;

import java.util.List;
import java.util.Optional;

/** A typed pipeline parameter that each run may override. */
public record Parameter(
    String name,
    @DefaultValue("string") ParameterType type,
    @FieldName("default") @Doc("Value used when a run does not set the parameter") Optional<Value.Literal> defaultValue,
    @Doc("When not empty, the only values a run may use") List<Value.Literal> allowed,
    Optional<String> description) {

  public Parameter {
    allowed = List.copyOf(allowed);
  }

  public enum ParameterType {
    STRING,
    INTEGER,
    FLOAT,
    BOOLEAN;

    /** Whether a literal's Java type fits this parameter type (an integer fits a float). */
    public boolean accepts(Value.Literal literal) {
      Object v = literal.value();
      return switch (this) {
        case STRING -> v instanceof String;
        case INTEGER -> v instanceof Long;
        case FLOAT -> v instanceof Double || v instanceof Long;
        case BOOLEAN -> v instanceof Boolean;
      };
    }
  }
}
