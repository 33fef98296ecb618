package io.pipeshift.to.airflow;

import io.pipeshift.ir.Step;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.PythonSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Python steps -> TaskFlow. When the step's {@code code} is one plain definition of its function
 * ({@link PythonSource}), the definition is copied verbatim under {@code @task} and each step calls it with
 * {@code .override(task_id=...)}; the same function used by several steps is written once. Otherwise, with
 * a {@code module}, a small {@code @task} wrapper imports the module when the task runs (never when the DAG
 * is parsed) and calls the function; without either, the step becomes a placeholder.
 */
final class AirflowPython {

  private record Key(String name, List<String> lines) {}

  /** One module-level {@code @task} function and how arguments reach it. */
  private record Function(PyName name, Optional<PythonSource.Definition> definition, List<String> wrapperLines,
      Map<String, PyName> wrapperParameters) {}

  private final AirflowFile file;
  private final AirflowValues values;
  private AirflowOperators operators;
  private final Map<Key, Function> byCode = new LinkedHashMap<>();
  private final Map<String, Function> byStep = new HashMap<>();
  private final Map<String, PythonSource.Check> checks = new HashMap<>();

  AirflowPython(AirflowFile file, AirflowValues values) {
    this.file = file;
    this.values = values;
  }

  void setOperators(AirflowOperators operators) {
    this.operators = operators;
  }

  /**
   * First pass, before any other name is handed out: the functions whose code is copied keep their own
   * names when they can (a second, different definition with the same name is renamed).
   */
  void reserveFunctionNames() {
    for (Step step : file.steps.values()) {
      if (!(step.spec() instanceof PythonSpec p) || p.code().isEmpty()) {
        continue;
      }
      PythonSource.Check check = PythonSource.check(p.code().get(), p.function());
      checks.put(step.id(), check);
      if (check.definition().isEmpty()) {
        continue;
      }
      PythonSource.Definition d = check.definition().get();
      Key key = new Key(d.name(), d.lines());
      Function f = byCode.get(key);
      if (f == null) {
        if (PyNames.isIdentifier(d.name()) && !file.names.isTaken(d.name()) && !PyNames.BUILTINS.contains(d.name())
            && !PyNames.SOFT_KEYWORDS.contains(d.name())) {
          f = new Function(file.names.reserve(d.name()), Optional.of(d), List.of(), Map.of());
        } else {
          PyName renamed = file.names.newName(d.name());
          file.note(AirflowNote.PYTHON_RENAMED, step.id(), d.name() + " is written as " + renamed
              + "; calls inside the function to its old name are not renamed");
          f = new Function(renamed, Optional.of(d.renamed(renamed.identifier())), List.of(), Map.of());
        }
        byCode.put(key, f);
      }
      byStep.put(step.id(), f);
    }
  }

  AirflowOperators.TaskCall call(Step step) {
    PythonSpec p = (PythonSpec) step.spec();
    String id = step.id();
    if (!p.requirements().isEmpty()) {
      file.note(AirflowNote.PYTHON_REQUIREMENTS, id, String.join(", ", p.requirements()));
    }
    if (p.arguments().values().stream().anyMatch(v -> !(v instanceof Value.Literal))) {
      file.note(AirflowNote.PYTHON_TEXT_ARGUMENTS, id, "Airflow renders templated arguments to strings");
    }
    Function f = byStep.get(id);
    if (f != null) {
      return copied(step, p, f);
    }
    String refusal = checks.containsKey(id) ? checks.get(id).reason() : "the step has no code";
    if (p.module().isEmpty()) {
      file.note(AirflowNote.PYTHON_CODE, id, refusal + "; no module to import it from either");
      return operators.placeholder(step, "its python function is neither plain code nor in a module");
    }
    if (p.code().isPresent()) {
      file.note(AirflowNote.PYTHON_CODE, id, refusal + "; it is imported from " + p.module().get() + " instead");
    }
    return wrapped(step, p);
  }

  private AirflowOperators.TaskCall copied(Step step, PythonSpec p, Function f) {
    PythonSource.Definition d = f.definition().orElseThrow();
    List<PyExpr.Kwarg> kwargs = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (Map.Entry<String, Value> e : p.arguments().entrySet()) {
      String key = e.getKey();
      boolean accepted = d.parameters().contains(key) || (d.acceptsAnyKeyword() && PyNames.isIdentifier(key)
          && !PyNames.KEYWORDS.contains(key));
      if (!accepted) {
        unknown.add(key);
        continue;
      }
      kwargs.add(PyExpr.kw(key, values.templated(e.getValue(), AirflowValues.Form.NATIVE, step.id())));
    }
    List<String> missing = d.required().stream().filter(r -> !p.arguments().containsKey(r)).toList();
    if (!missing.isEmpty()) {
      file.note(AirflowNote.PYTHON_ARGUMENTS, step.id(), "no value for " + missing);
      return operators.placeholder(step, "its python function needs arguments the step does not give");
    }
    if (!unknown.isEmpty()) {
      file.note(AirflowNote.PYTHON_ARGUMENTS, step.id(), "not passed: " + unknown);
    }
    return new AirflowOperators.TaskFlow(f.name(), List.of(), kwargs);
  }

  private AirflowOperators.TaskCall wrapped(Step step, PythonSpec p) {
    PyName name = file.names.newName("run_" + p.function());
    Map<String, PyName> parameters = new LinkedHashMap<>();
    p.arguments().keySet().forEach(k -> parameters.put(k, file.names.newName(k)));
    Function f = new Function(name, Optional.empty(), List.of(), parameters);
    byCode.put(new Key(name.identifier(), List.of(p.module().get(), p.function(), step.id())), f);
    definitions.add(wrapper(f, p));
    List<PyExpr.Kwarg> kwargs = new ArrayList<>();
    p.arguments().forEach((k, v) -> kwargs.add(
        PyExpr.kw(parameters.get(k).identifier(), values.templated(v, AirflowValues.Form.NATIVE, step.id()))));
    return new AirflowOperators.TaskFlow(name, List.of(), kwargs);
  }

  private final List<PyCode> definitions = new ArrayList<>();

  private PyCode wrapper(Function f, PythonSpec p) {
    PyCode c = new PyCode();
    c.add("@$E", AirflowFile.taskDecorator(file));
    StringBuilder format = new StringBuilder("def $N(");
    List<Object> args = new ArrayList<>();
    args.add(f.name());
    String sep = "";
    for (PyName param : f.wrapperParameters().values()) {
      format.append(sep).append("$N");
      args.add(param);
      sep = ", ";
    }
    format.append("):");
    c.add(format.toString(), args.toArray());
    c.indent();
    c.add("$S", "Imports the step's module when the task runs and calls its function.");
    List<Map.Entry<PyExpr, PyExpr>> entries = new ArrayList<>();
    f.wrapperParameters().forEach((k, v) -> entries.add(Map.entry(PyExpr.str(k), PyExpr.name(v))));
    PyExpr call = PyExpr.call(file.helper(AirflowFile.Helper.CALL_FROM_MODULE), PyExpr.str(p.module().get()),
        PyExpr.str(p.function()), new PyExpr.Dict(entries));
    c.add("return $E", call);
    c.dedent();
    return c;
  }

  /** The module-level functions, in first-use order: copied definitions, then wrappers. */
  List<PyCode> definitions() {
    List<PyCode> out = new ArrayList<>();
    for (Function f : byCode.values()) {
      if (f.definition().isPresent()) {
        PyCode c = new PyCode();
        c.add("@$E", AirflowFile.taskDecorator(file));
        c.verbatim(f.definition().get().lines());
        out.add(c);
      }
    }
    out.addAll(definitions);
    return out;
  }
}
