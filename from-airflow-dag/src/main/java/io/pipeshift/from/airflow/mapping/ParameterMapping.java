package io.pipeshift.from.airflow.mapping;

import io.pipeshift.from.airflow.ImportNote;
import io.pipeshift.from.airflow.eval.DagNode;
import io.pipeshift.from.airflow.eval.PyValue;
import io.pipeshift.ir.Parameter;
import io.pipeshift.ir.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DAG {@code params} ({@code Param(default, type=..., enum=..., description=...)} or plain values) and the
 * arguments of a {@code @dag} function -> typed IR parameters. JSON-schema types map to string, integer,
 * float (number) and boolean; arrays and objects become strings holding JSON, with a note. Names the IR does
 * not allow are renamed (the original is kept in a note).
 */
final class ParameterMapping {

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,255}");

  private final MappingContext ctx;
  private final DagNode dag;
  private final ValueMapping values;
  private final Set<String> used = new HashSet<>();

  ParameterMapping(MappingContext ctx, DagNode dag, ValueMapping values) {
    this.ctx = ctx;
    this.dag = dag;
    this.values = values;
  }

  List<Parameter> parameters() {
    Map<String, PyValue> all = new LinkedHashMap<>();
    if (dag.kwargs().get("params") instanceof PyValue.Dict d) {
      d.entries().forEach((k, v) -> {
        if (k instanceof PyValue.Str s) {
          all.put(s.value(), v);
        }
      });
    }
    for (PyValue.DagParam p : dag.functionParams()) {
      all.putIfAbsent(p.name(), p.defaultValue());
    }
    // names first, so references in defaults resolve
    for (String name : all.keySet()) {
      ctx.parameters.put(name, allocate(name));
    }
    List<Parameter> out = new ArrayList<>();
    all.forEach((name, v) -> out.add(parameter(name, ctx.parameters.get(name), v)));
    return out;
  }

  private String allocate(String name) {
    String n = NAME.matcher(name).matches() ? name : name.replaceAll("[^A-Za-z0-9_]", "_");
    if (n.isEmpty() || !Character.isLetter(n.charAt(0)) || n.charAt(0) > 'z') {
      n = "p_" + n;
    }
    String candidate = n;
    int i = 2;
    while (!used.add(candidate)) {
      candidate = n + "_" + i++;
    }
    if (!candidate.equals(name)) {
      ctx.note(ImportNote.PARAMETER, null, dag.line(), dag.column(), "param '" + name
          + "' is not a valid IR parameter name; it is imported as '" + candidate + "'");
    }
    return candidate;
  }

  private Parameter parameter(String original, String name, PyValue v) {
    PyValue dflt = v;
    Map<String, PyValue> options = Map.of();
    if (v instanceof PyValue.Param p) {
      dflt = p.defaultValue();
      options = p.options();
    }
    Parameter.ParameterType type = type(options.get("type"), dflt, original);
    Optional<Value.Literal> defaultValue = literal(dflt, type, original);
    List<Value.Literal> allowed = new ArrayList<>();
    if (options.get("enum") instanceof PyValue.PyList l) {
      for (PyValue e : l.items()) {
        literal(e, type, original).ifPresent(allowed::add);
      }
    }
    Optional<String> description = options.get("description") instanceof PyValue.Str s ? Optional.of(s.value())
        : Optional.empty();
    if (defaultValue.isPresent() && !allowed.isEmpty() && !allowed.contains(defaultValue.get())) {
      allowed.add(defaultValue.get());
    }
    return new Parameter(name, type, defaultValue, allowed, description);
  }

  private Parameter.ParameterType type(PyValue schemaType, PyValue dflt, String name) {
    String t = null;
    if (schemaType instanceof PyValue.Str s) {
      t = s.value();
    } else if (schemaType instanceof PyValue.PyList l) {
      for (PyValue x : l.items()) {
        if (x instanceof PyValue.Str s && !s.value().equals("null")) {
          t = s.value();
          break;
        }
      }
    }
    if (t == null) {
      if (dflt instanceof PyValue.Bool) {
        return Parameter.ParameterType.BOOLEAN;
      }
      if (dflt instanceof PyValue.Int) {
        return Parameter.ParameterType.INTEGER;
      }
      if (dflt instanceof PyValue.Float) {
        return Parameter.ParameterType.FLOAT;
      }
      if (dflt instanceof PyValue.PyList || dflt instanceof PyValue.Dict || dflt instanceof PyValue.Tuple) {
        jsonNote(name);
      }
      return Parameter.ParameterType.STRING;
    }
    return switch (t) {
      case "integer" -> Parameter.ParameterType.INTEGER;
      case "number" -> Parameter.ParameterType.FLOAT;
      case "boolean" -> Parameter.ParameterType.BOOLEAN;
      case "string" -> Parameter.ParameterType.STRING;
      default -> {
        jsonNote(name);
        yield Parameter.ParameterType.STRING;
      }
    };
  }

  private void jsonNote(String name) {
    ctx.note(ImportNote.PARAMETER, null, dag.line(), dag.column(), "param '" + name
        + "' holds a list or object; the IR parameter is a string holding its JSON");
  }

  private Optional<Value.Literal> literal(PyValue v, Parameter.ParameterType type, String name) {
    if (v == null || v == PyValue.None.NONE) {
      return Optional.empty();
    }
    Object raw = values.raw(v, null);
    Value.Literal lit = switch (type) {
      case INTEGER -> raw instanceof Long l ? Value.Literal.of(l) : null;
      case FLOAT -> raw instanceof Double d ? Value.Literal.of(d) : raw instanceof Long l ? Value.Literal.of((double) l) : null;
      case BOOLEAN -> raw instanceof Boolean b ? Value.Literal.of(b) : null;
      case STRING -> raw instanceof String s ? Value.Literal.of(s)
          : raw instanceof Map || raw instanceof List ? Value.Literal.of(JsonText.write(raw))
          : Value.Literal.of(String.valueOf(raw));
    };
    if (lit == null) {
      ctx.note(ImportNote.PARAMETER, null, dag.line(), dag.column(), "the default of param '" + name
          + "' does not fit its type " + type.name().toLowerCase(java.util.Locale.ROOT) + "; it is left out");
    }
    return Optional.ofNullable(lit);
  }
}
