package io.pipeshift.to.airflow;

import io.pipeshift.ir.ExecutionVariable;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.ProcessingSpec;
import io.pipeshift.ir.kinds.TrainingSpec;
import io.pipeshift.ir.kinds.TransformSpec;
import io.pipeshift.ir.kinds.TuningSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * IR values -> Python: as a templated operator argument (a Jinja template string, or Airflow's
 * {@code literal()} for text Jinja would change), as a JSON text template, or as a plain Python expression
 * inside a task function (branch conditions, item lists). References become {@code params.X},
 * {@code ti.xcom_pull(...)}, {@code run_id} and so on; a for-each item becomes a binding of the mapped task
 * group ({@link ItemScope}).
 */
final class AirflowValues {

  /** How a templated value is used by the operator. */
  enum Form {
    /** The operator wants text: numbers become their Python text. */
    STRING,
    /** Numbers and booleans stay numbers and booleans. */
    NATIVE,
    /** A JSON document as text. */
    JSON
  }

  /** The for-each item values of one mapped task group: each distinct use becomes a group parameter. */
  static final class ItemScope {
    final Step forEach;
    final Map<BindingKey, Binding> bindings = new LinkedHashMap<>();

    ItemScope(Step forEach) {
      this.forEach = forEach;
    }
  }

  record BindingKey(Object source, Form form) {}

  /** A group parameter: its name, what it is computed from (a Value or a map of Values) and its form. */
  record Binding(PyName name, Object source, Form form) {}

  private static final Set<String> DICT_ATTRIBUTES = Set.of(
      "items", "keys", "values", "get", "pop", "update", "copy", "clear", "setdefault", "fromkeys", "popitem",
      "true", "false", "none", "and", "or", "not", "in", "is", "if", "else");

  private final AirflowFile file;
  private final Deque<ItemScope> scopes = new ArrayDeque<>();
  /** The template_ext of the operator whose arguments are being written. */
  private Set<String> extensions = Set.of();

  AirflowValues(AirflowFile file) {
    this.file = file;
  }

  /** Sets the file suffixes the current operator treats as template files. */
  void extensions(Set<String> templateExtensions) {
    this.extensions = templateExtensions;
  }

  void enter(ItemScope scope) {
    scopes.push(scope);
  }

  void exit() {
    scopes.pop();
  }

  // ---- templated operator arguments ------------------------------------------------------------

  /** A value for an operator argument that Airflow renders with Jinja. */
  PyExpr templated(Value v, Form form, String step) {
    if (containsItem(v)) {
      return binding(v, form, step);
    }
    if (v instanceof Value.Literal l) {
      if (l.value() instanceof String s) {
        return protect(s);
      }
      return form == Form.NATIVE ? PyExpr.literal(l.value()) : protect(text(l.value()));
    }
    return fromTemplate(template(v, step));
  }

  /** A JSON document built from named values, as a templated argument (references via {@code tojson}). */
  PyExpr templatedJson(Map<String, Value> fields, String step) {
    if (fields.values().stream().anyMatch(AirflowValues::containsItem)) {
      return binding(fields, Form.JSON, step);
    }
    List<AirflowTemplate.Piece> pieces = new ArrayList<>();
    pieces.add(new AirflowTemplate.Text("{"));
    String sep = "";
    for (Map.Entry<String, Value> e : fields.entrySet()) {
      pieces.add(new AirflowTemplate.Text(sep + JsonText.string(e.getKey()) + ": "));
      if (e.getValue() instanceof Value.Literal l) {
        pieces.add(new AirflowTemplate.Text(JsonText.write(l.value())));
      } else {
        pieces.add(new AirflowTemplate.Expression(new PyExpr.Filter(jinja(e.getValue(), step), "tojson")));
      }
      sep = ", ";
    }
    pieces.add(new AirflowTemplate.Text("}"));
    return fromTemplate(new AirflowTemplate(pieces));
  }

  /** Text that must reach the operator exactly: a plain literal when Jinja leaves it alone, else literal(). */
  PyExpr protect(String text) {
    if (AirflowTemplate.isInert(text, extensions)) {
      return PyExpr.str(text);
    }
    return PyExpr.call(file.use(file.version.literal()), PyExpr.str(text));
  }

  private PyExpr fromTemplate(AirflowTemplate t) {
    return t.isLiteral() ? protect(t.literalText()) : PyExpr.str(t.source(extensions));
  }

  /** The value as a template: literal text with Jinja expressions for references. */
  AirflowTemplate template(Value v, String step) {
    if (v instanceof Value.Literal l) {
      return AirflowTemplate.text(text(l.value()));
    }
    if (v instanceof Value.StepOutputRef o) {
      Optional<Value> known = knownOutput(file.steps.get(o.step()), o.name());
      if (known.isPresent()) {
        return template(known.get(), step);
      }
    }
    if (v instanceof Value.Join j) {
      AirflowTemplate t = new AirflowTemplate(List.of());
      for (int i = 0; i < j.values().size(); i++) {
        if (i > 0) {
          t = t.then(AirflowTemplate.text(j.separator()));
        }
        t = t.then(template(j.values().get(i), step));
      }
      return t;
    }
    return AirflowTemplate.expression(jinja(v, step));
  }

  /** The value as a Jinja expression. */
  PyExpr jinja(Value v, String step) {
    if (v instanceof Value.Literal l) {
      return l.value() instanceof String s ? PyExpr.str(s) : PyExpr.literal(l.value());
    }
    if (v instanceof Value.ParameterRef p) {
      PyExpr params = PyExpr.code("params");
      return PyNames.isIdentifier(p.name()) && !DICT_ATTRIBUTES.contains(p.name().toLowerCase(java.util.Locale.ROOT))
          && !PyNames.KEYWORDS.contains(p.name())
          ? PyExpr.attr(params, p.name())
          : PyExpr.subscript(params, p.name());
    }
    if (v instanceof Value.ExecutionRef e) {
      return execution(e.variable(), step, false);
    }
    if (v instanceof Value.Join j) {
      List<PyExpr> parts = new ArrayList<>();
      for (int i = 0; i < j.values().size(); i++) {
        if (i > 0 && !j.separator().isEmpty()) {
          parts.add(PyExpr.str(j.separator()));
        }
        parts.add(jinja(j.values().get(i), step));
      }
      return parts.size() == 1 ? new PyExpr.Concat(List.of(PyExpr.str(""), parts.get(0))) : new PyExpr.Concat(parts);
    }
    if (v instanceof Value.StepOutputRef o) {
      return output(o, step, PyExpr.Dialect.JINJA);
    }
    if (v instanceof Value.PropertyRef p) {
      file.note(AirflowNote.PROPERTY_IN_TEMPLATE, step, "property '" + p.path() + "' of " + p.step());
      file.macros.add(AirflowFile.Helper.READ_JSON_PROPERTY);
      return PyExpr.call(file.helper(AirflowFile.Helper.READ_JSON_PROPERTY), jinja(propertyUri(p), step),
          PyExpr.str(p.path()));
    }
    throw new IllegalStateException("a for-each item outside its body in step " + step);
  }

  // ---- Python expressions (inside task functions) -----------------------------------------------

  /**
   * The value as a Python expression inside a task function where {@code context}, {@code params},
   * {@code ti} (and {@code item} in an item list) are local names.
   */
  PyExpr python(Value v, String step, Set<String> usedLocals) {
    if (v instanceof Value.Literal l) {
      return PyExpr.literal(l.value());
    }
    if (v instanceof Value.ParameterRef p) {
      usedLocals.add("params");
      return PyExpr.subscript(PyExpr.code("params"), p.name());
    }
    if (v instanceof Value.ExecutionRef e) {
      return execution(e.variable(), step, true);
    }
    if (v instanceof Value.Join j) {
      List<PyExpr> parts = new ArrayList<>();
      for (Value part : j.values()) {
        PyExpr e = python(part, step, usedLocals);
        boolean isText = part instanceof Value.Literal l && l.value() instanceof String;
        parts.add(isText ? e : PyExpr.call(PyExpr.code("str"), List.of(e), List.of()));
      }
      return PyExpr.call(PyExpr.attr(PyExpr.str(j.separator()), "join"), List.of(new PyExpr.ListExpr(parts)), List.of());
    }
    if (v instanceof Value.StepOutputRef o) {
      usedLocals.add("ti");
      return output(o, step, PyExpr.Dialect.PYTHON);
    }
    if (v instanceof Value.PropertyRef p) {
      return PyExpr.call(file.helper(AirflowFile.Helper.READ_JSON_PROPERTY), python(propertyUri(p), step, usedLocals),
          PyExpr.str(p.path()));
    }
    Value.ItemRef item = (Value.ItemRef) v;
    PyExpr e = PyExpr.code("item");
    if (!item.path().isEmpty()) {
      for (String part : item.path().split("\\.", -1)) {
        e = PyExpr.subscript(e, part);
      }
    }
    return e;
  }

  private PyExpr execution(ExecutionVariable variable, String step, boolean python) {
    PyExpr runId = python ? PyExpr.subscript(PyExpr.code("context"), "run_id") : PyExpr.code("run_id");
    PyExpr dagRun = python ? PyExpr.subscript(PyExpr.code("context"), "dag_run") : PyExpr.code("dag_run");
    PyExpr dag = python ? PyExpr.subscript(PyExpr.code("context"), "dag") : PyExpr.code("dag");
    return switch (variable) {
      case EXECUTION_ID -> runId;
      case START_TIME -> PyExpr.call(PyExpr.attr(PyExpr.attr(dagRun, "start_date"), "isoformat"), List.of(), List.of());
      case PIPELINE_NAME -> PyExpr.attr(dag, "dag_id");
      case PIPELINE_ARN -> {
        file.note(AirflowNote.EXECUTION_VARIABLE, step, "pipeline-arn becomes the DAG id");
        yield PyExpr.attr(dag, "dag_id");
      }
      case EXECUTION_ARN -> {
        file.note(AirflowNote.EXECUTION_VARIABLE, step, "execution-arn becomes the run id");
        yield runId;
      }
    };
  }

  // ---- step outputs -------------------------------------------------------------------------------

  /** Where a property file of a processing step is written: the output's destination plus its path. */
  Value propertyUri(Value.PropertyRef p) {
    ProcessingSpec spec = (ProcessingSpec) file.steps.get(p.step()).spec();
    ProcessingSpec.PropertyFile pf = spec.propertyFiles().stream()
        .filter(f -> f.name().equals(p.file())).findFirst().orElseThrow();
    Value destination = spec.outputs().stream()
        .filter(o -> o.name().equals(pf.output())).findFirst().orElseThrow().destination();
    String relative = pf.path().startsWith("/") ? pf.path() : "/" + pf.path();
    if (destination instanceof Value.Literal l && l.value() instanceof String s) {
      return Value.Literal.of(s.replaceAll("/+$", "") + relative);
    }
    return new Value.Join("", List.of(destination, Value.Literal.of(relative)));
  }

  /** Reads a named output of another step: a value known statically, or the producing task's XCom. */
  private PyExpr output(Value.StepOutputRef o, String step, PyExpr.Dialect dialect) {
    Step producer = file.steps.get(o.step());
    Optional<Value> known = knownOutput(producer, o.name());
    if (known.isPresent()) {
      return dialect == PyExpr.Dialect.JINJA ? jinja(known.get(), step) : python(known.get(), step, new java.util.HashSet<>());
    }
    String taskId = file.taskIds.get(o.step());
    PyExpr pull = PyExpr.call(PyExpr.attr(PyExpr.code("ti"), "xcom_pull"), List.of(),
        List.of(PyExpr.kw("task_ids", PyExpr.str(taskId))));
    List<String> keys = new ArrayList<>();
    boolean json = false;
    switch (producer.kind()) {
      case TRAINING -> keys.addAll(List.of("Training", "ModelArtifacts", "S3ModelArtifacts"));
      case TUNING -> {
        keys.addAll(List.of("Tuning", "BestTrainingJob", "TrainingJobName"));
        if (o.name().equals("best-model")) {
          PyExpr jobName = path(pull, keys);
          TrainingSpec t = ((TuningSpec) producer.spec()).training();
          Value outputPath = t.outputPath();
          if (dialect == PyExpr.Dialect.JINJA) {
            return new PyExpr.Concat(List.of(jinja(outputPath, step), PyExpr.str("/"), jobName,
                PyExpr.str("/output/model.tar.gz")));
          }
          return PyExpr.call(PyExpr.attr(PyExpr.str(""), "join"), List.of(new PyExpr.ListExpr(List.of(
              PyExpr.call(PyExpr.code("str"), List.of(python(outputPath, step, new java.util.HashSet<>())), List.of()),
              PyExpr.str("/"), jobName, PyExpr.str("/output/model.tar.gz")))), List.of());
        }
      }
      case CREATE_MODEL -> keys.addAll(List.of("Model", "ModelName"));
      case REGISTER_MODEL -> {
        // the operator returns the model package ARN itself
      }
      case LAMBDA, HTTP -> {
        json = true;
        keys.add(o.name());
      }
      case PYTHON -> keys.add(o.name());
      default -> {
        file.note(AirflowNote.OUTPUT_SHAPE, step, "output '" + o.name() + "' of " + producer.kind().yamlName()
            + " step " + o.step());
        keys.add(o.name());
      }
    }
    PyExpr base = pull;
    if (json) {
      if (dialect == PyExpr.Dialect.JINJA) {
        file.needsFromJsonFilter = true;
        base = new PyExpr.Filter(pull, "fromjson");
      } else {
        base = PyExpr.call(PyExpr.attr(PyExpr.name(file.module("json")), "loads"), List.of(pull), List.of());
      }
    }
    return path(base, keys);
  }

  private static PyExpr path(PyExpr base, List<String> keys) {
    PyExpr e = base;
    for (String k : keys) {
      e = PyExpr.subscript(e, k);
    }
    return e;
  }

  /** Outputs whose value the IR states (an S3 destination), so no XCom is needed. */
  private static Optional<Value> knownOutput(Step producer, String name) {
    if (producer.spec() instanceof ProcessingSpec p) {
      return p.outputs().stream().filter(o -> o.name().equals(name)).findFirst()
          .map(ProcessingSpec.ProcessingOutput::destination);
    }
    if (producer.spec() instanceof TransformSpec t) {
      return Optional.of(t.outputPath());
    }
    return Optional.empty();
  }

  // ---- for-each items -------------------------------------------------------------------------------

  static boolean containsItem(Value v) {
    if (v instanceof Value.ItemRef) {
      return true;
    }
    return v instanceof Value.Join j && j.values().stream().anyMatch(AirflowValues::containsItem);
  }

  private PyExpr binding(Object source, Form form, String step) {
    ItemScope scope = scopes.peek();
    if (scope == null) {
      throw new IllegalStateException("a for-each item outside a for-each body in step " + step);
    }
    BindingKey key = new BindingKey(source, form);
    Binding b = scope.bindings.get(key);
    if (b == null) {
      String suggestion = source instanceof Value.ItemRef r && !r.path().isEmpty() ? r.path() : "item_" + step;
      b = new Binding(file.names.newName(suggestion), source, form);
      scope.bindings.put(key, b);
    }
    return PyExpr.name(b.name());
  }

  /** A binding's value for one literal item, or empty when it needs the run (a reference besides the item). */
  static Optional<Object> staticValue(Binding b, Object item) {
    if (b.source() instanceof Value v) {
      Optional<Object> o = evaluate(v, item);
      if (o.isEmpty()) {
        return o;
      }
      return Optional.of(b.form() == Form.STRING ? text(o.get()) : o.get());
    }
    @SuppressWarnings("unchecked")
    Map<String, Value> fields = (Map<String, Value>) b.source();
    Map<String, Object> doc = new LinkedHashMap<>();
    for (Map.Entry<String, Value> e : fields.entrySet()) {
      Optional<Object> o = evaluate(e.getValue(), item);
      if (o.isEmpty()) {
        return Optional.empty();
      }
      doc.put(e.getKey(), o.get());
    }
    return Optional.of(JsonText.write(doc));
  }

  private static Optional<Object> evaluate(Value v, Object item) {
    if (v instanceof Value.Literal l) {
      return Optional.of(l.value());
    }
    if (v instanceof Value.ItemRef r) {
      return Optional.of(select(item, r.path()));
    }
    if (v instanceof Value.Join j) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < j.values().size(); i++) {
        Optional<Object> o = evaluate(j.values().get(i), item);
        if (o.isEmpty()) {
          return o;
        }
        if (i > 0) {
          sb.append(j.separator());
        }
        sb.append(text(o.get()));
      }
      return Optional.of(sb.toString());
    }
    return Optional.empty();
  }

  /** A field of an item by dotted path ({@code ""} = the whole item); missing fields are null. */
  static Object select(Object item, String path) {
    Object o = item;
    if (path.isEmpty()) {
      return o;
    }
    for (String part : path.split("\\.", -1)) {
      if (o instanceof Map<?, ?> m) {
        o = m.get(part);
      } else {
        return io.pipeshift.ir.RawNull.INSTANCE;
      }
    }
    return o == null ? io.pipeshift.ir.RawNull.INSTANCE : o;
  }

  /** A value as Python's {@code str()} writes it. */
  static String text(Object o) {
    if (o instanceof String s) {
      return s;
    }
    if (o instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (o instanceof Double d) {
      if (d.isNaN()) {
        return "nan";
      }
      if (d.isInfinite()) {
        return d > 0 ? "inf" : "-inf";
      }
      return PyExpr.number(d).flat();
    }
    if (o instanceof Number n) {
      return n.toString();
    }
    if (o == null || o instanceof io.pipeshift.ir.RawNull) {
      return "None";
    }
    return PyExpr.literal(o).flat();
  }
}
