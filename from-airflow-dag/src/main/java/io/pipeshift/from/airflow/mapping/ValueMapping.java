package io.pipeshift.from.airflow.mapping;

import io.pipeshift.from.airflow.eval.DagNode;
import io.pipeshift.from.airflow.eval.PyValue;
import io.pipeshift.from.airflow.eval.TaskGroupNode;
import io.pipeshift.from.airflow.eval.TaskNode;
import io.pipeshift.ir.RawNull;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.StepSpec;
import io.pipeshift.time.Durations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluated Python values -> IR values. Known data map exactly; Jinja references Airflow resolves at run time
 * ({@code {{ params.x }}}, an XCom of another task) become IR references; anything the evaluator could not
 * know becomes a marked literal ({@code ${unresolved: Variable.get('x')}}) plus a located warning, never a
 * guess.
 */
final class ValueMapping {

  private static final Pattern PARAM = Pattern.compile(
      "\\{\\{\\s*params(?:\\.([A-Za-z_][A-Za-z0-9_]*)|\\[\\s*['\"]([^'\"]+)['\"]\\s*\\])\\s*}}");
  /** {@code {{ti.xcom_pull(task_ids='train')...}}}, as Airflow users and pipeshift's emitter write it. */
  private static final Pattern XCOM = Pattern.compile(
      "\\{\\{\\s*(?:ti|task_instance)\\.xcom_pull\\(\\s*task_ids\\s*=\\s*['\"]([^'\"]+)['\"][^)]*\\)\\s*}}");

  private final MappingContext ctx;
  private final Map<String, TaskNode> tasksById;
  private int line;
  private int column;

  /** Where values being mapped now come from, for notes about values that carry no place of their own. */
  void at(int atLine, int atColumn) {
    this.line = atLine;
    this.column = atColumn;
  }

  ValueMapping(MappingContext ctx, Map<String, TaskNode> tasksById) {
    this.ctx = ctx;
    this.tasksById = tasksById;
  }

  // ---------------------------------------------------------------- typed values

  /** An IR value, or empty for {@code None}. */
  Optional<Value> value(PyValue v, String step) {
    if (v == null || v == PyValue.None.NONE) {
      return Optional.empty();
    }
    if (v instanceof PyValue.Str s) {
      return Optional.of(template(s.value()));
    }
    if (v instanceof PyValue.Int i) {
      return Optional.of(Value.Literal.of(i.value()));
    }
    if (v instanceof PyValue.Float f) {
      return Optional.of(Value.Literal.of(f.value()));
    }
    if (v instanceof PyValue.Bool b) {
      return Optional.of(Value.Literal.of(b.value()));
    }
    if (v instanceof PyValue.DagParam p) {
      return Optional.of(new Value.ParameterRef(ctx.parameters.getOrDefault(p.name(), p.name())));
    }
    if (v instanceof PyValue.XComArg x) {
      return Optional.of(output(x.task(), step));
    }
    if (v instanceof PyValue.Timedelta t) {
      return Optional.of(Value.Literal.of(Durations.format(t.value())));
    }
    if (v instanceof PyValue.DateTime d) {
      return Optional.of(Value.Literal.of(d.iso()));
    }
    if (v instanceof PyValue.PyList || v instanceof PyValue.Tuple || v instanceof PyValue.Dict) {
      Object raw = raw(v, step);
      return Optional.of(Value.Literal.of(JsonText.write(raw)));
    }
    return Optional.of(Value.Literal.of(marker(v, step)));
  }

  Value valueOr(PyValue v, String step, String fallback) {
    return value(v, step).orElse(Value.Literal.of(fallback));
  }

  /** A templated Airflow string: {@code {{ params.x }}} and XCom pulls of known tasks become references. */
  Value template(String s) {
    if (s.indexOf("{{") < 0) {
      return Value.Literal.of(s);
    }
    List<Value> parts = new ArrayList<>();
    int at = 0;
    Matcher p = PARAM.matcher(s);
    Matcher x = XCOM.matcher(s);
    while (true) {
      boolean hp = p.find(at);
      int ps = hp ? p.start() : Integer.MAX_VALUE;
      boolean hx = x.find(at);
      int xs = hx ? x.start() : Integer.MAX_VALUE;
      if (!hp && !hx) {
        break;
      }
      Value ref = null;
      int start;
      int end;
      if (ps <= xs) {
        String name = p.group(1) != null ? p.group(1) : p.group(2);
        start = p.start();
        end = p.end();
        if (ctx.parameters.containsKey(name)) {
          ref = new Value.ParameterRef(ctx.parameters.get(name));
        }
      } else {
        start = x.start();
        end = x.end();
        TaskNode t = tasksById.get(x.group(1));
        if (t != null && ctx.stepId(t) != null && !x.group(0).contains("key=")) {
          ref = output(t, null);
          if (ref instanceof Value.Literal) {
            ref = null;
          }
        }
      }
      if (ref == null) {
        if (start > at || end > at) {
          parts.add(Value.Literal.of(s.substring(at, end)));
        }
      } else {
        if (start > at) {
          parts.add(Value.Literal.of(s.substring(at, start)));
        }
        parts.add(ref);
      }
      at = end;
    }
    if (at < s.length()) {
      parts.add(Value.Literal.of(s.substring(at)));
    }
    List<Value> merged = new ArrayList<>();
    for (Value v : parts) {
      if (v instanceof Value.Literal l && !merged.isEmpty() && merged.get(merged.size() - 1) instanceof Value.Literal prev) {
        merged.set(merged.size() - 1, Value.Literal.of(prev.asText() + l.asText()));
      } else {
        merged.add(v);
      }
    }
    if (merged.size() == 1) {
      return merged.get(0);
    }
    return new Value.Join("", merged);
  }

  /** A reference to a task's result (its {@code return_value} XCom) when the IR can say it. */
  private Value output(TaskNode task, String step) {
    String id = ctx.stepId(task);
    StepSpec spec = id == null ? null : ctx.specs.get(id);
    if (id != null && spec != null) {
      Optional<java.util.Set<String>> names = spec.outputNames();
      if (names.isEmpty()) {
        return new Value.StepOutputRef(id, "return_value");
      }
      if (names.get().size() == 1) {
        return new Value.StepOutputRef(id, names.get().iterator().next());
      }
    }
    return Value.Literal.of("{{ ti.xcom_pull(task_ids='" + task.taskId() + "') }}");
  }

  // ---------------------------------------------------------------- plain text and raw trees

  /** Text for a field the IR holds as a plain string; a marked value when not known. */
  String text(PyValue v, String step, String fallback) {
    if (v == null || v == PyValue.None.NONE) {
      return fallback;
    }
    if (v instanceof PyValue.Str s) {
      return s.value();
    }
    if (v instanceof PyValue.Int || v instanceof PyValue.Float || v instanceof PyValue.Bool) {
      return String.valueOf(raw(v, step));
    }
    if (v instanceof PyValue.DagParam p) {
      return "{{ params." + p.name() + " }}";
    }
    return marker(v, step);
  }

  Optional<String> optionalText(PyValue v, String step) {
    return v == null || v == PyValue.None.NONE ? Optional.empty() : Optional.of(text(v, step, ""));
  }

  /** A raw tree (maps, lists, strings, numbers, booleans) for extensions and external arguments. */
  Object raw(PyValue v, String step) {
    if (v == null || v == PyValue.None.NONE) {
      return RawNull.INSTANCE;
    }
    if (v instanceof PyValue.Str s) {
      return s.value();
    }
    if (v instanceof PyValue.Int i) {
      return i.value();
    }
    if (v instanceof PyValue.Float f) {
      return f.value();
    }
    if (v instanceof PyValue.Bool b) {
      return b.value();
    }
    List<PyValue> items = v instanceof PyValue.PyList l ? l.items() : v instanceof PyValue.Tuple t ? t.items()
        : v instanceof PyValue.PySet s ? s.items() : null;
    if (items != null) {
      List<Object> out = new ArrayList<>(items.size());
      items.forEach(i -> out.add(raw(i, step)));
      return out;
    }
    if (v instanceof PyValue.Dict d) {
      Map<String, Object> out = new LinkedHashMap<>();
      d.entries().forEach((k, x) -> out.put(key(k, step), raw(x, step)));
      return out;
    }
    if (v instanceof PyValue.Timedelta t) {
      return Durations.format(t.value());
    }
    if (v instanceof PyValue.DateTime d) {
      return d.iso();
    }
    if (v instanceof PyValue.DagParam p) {
      return "{{ params." + p.name() + " }}";
    }
    if (v instanceof PyValue.XComArg x) {
      return "{{ ti.xcom_pull(task_ids='" + x.task().taskId() + "') }}";
    }
    if (v instanceof TaskNode t) {
      return t.taskId();
    }
    if (v instanceof TaskGroupNode g) {
      return g.groupId();
    }
    if (v instanceof DagNode d) {
      return d.dagId();
    }
    if (v instanceof PyValue.Param p) {
      return raw(p.defaultValue(), step);
    }
    if (v instanceof PyValue.Asset a) {
      return a.names().size() == 1 ? a.names().get(0) : new ArrayList<Object>(a.names());
    }
    return marker(v, step);
  }

  private String key(PyValue k, String step) {
    Object r = raw(k, step);
    return r instanceof String s ? s : String.valueOf(r);
  }

  /** The marked text for a value that is not plain data, with its located warning. */
  String marker(PyValue v, String step) {
    if (v instanceof PyValue.Symbol || v instanceof PyValue.Function || v instanceof PyValue.TaskFactory
        || v instanceof PyValue.ClassDef) {
      String name = v instanceof PyValue.Symbol s ? s.qualifiedName() : v instanceof PyValue.Function f ? f.name()
          : v instanceof PyValue.ClassDef c ? c.qualifiedName() : ((PyValue.TaskFactory) v).function().name();
      int l = v instanceof PyValue.Function f ? f.source().line() : line;
      int c = v instanceof PyValue.Function f ? f.source().column() : column;
      ctx.note(io.pipeshift.from.airflow.ImportNote.OBJECT_REFERENCE, step, l, c, "`" + name
          + "` is a Python object, not data; the IR holds ${python: " + name + "}");
      return "${python: " + name + "}";
    }
    PyValue.Unresolved u = unresolvedOf(v);
    if (u.line() == 0) {
      u = new PyValue.Unresolved(u.source(), u.construct(), line, column);
    }
    String construct = u.construct();
    ctx.unresolved(step, u.line(), u.column(), construct, "`" + u.source() + "` (" + construct
        + ") cannot be known without running the file; the IR holds the marked value " + u.marker());
    return u.marker();
  }

  private PyValue.Unresolved unresolvedOf(PyValue v) {
    if (v instanceof PyValue.Unresolved u) {
      return u;
    }
    if (v instanceof PyValue.Instance i) {
      return i.asUnresolved();
    }
    if (v instanceof PyValue.Function f) {
      return new PyValue.Unresolved(f.name(), "callable argument", f.source().line(), f.source().column());
    }
    if (v instanceof PyValue.TaskFactory f) {
      return new PyValue.Unresolved(f.function().name(), "callable argument", f.function().source().line(),
          f.function().source().column());
    }
    if (v instanceof PyValue.Symbol s) {
      return new PyValue.Unresolved(s.qualifiedName(), "object reference", 0, 0);
    }
    return new PyValue.Unresolved(v.getClass().getSimpleName(), "object " + v.getClass().getSimpleName(), 0, 0);
  }
}
