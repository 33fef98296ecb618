package io.pipeshift.to.airflow;

import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the parts of one generated DAG file share: the pipeline, the Airflow version, the one name allocator,
 * the imports, the task ids, the fidelity notes, and the module-level helpers and DAG arguments that parts
 * ask for while they are written.
 */
final class AirflowFile {

  /** Module-level helper functions the generator can add; each is written once, when used. */
  enum Helper {
    FAIL("fail"),
    READ_JSON_PROPERTY("read_json_property"),
    CALL_FROM_MODULE("call_from_module");

    final String suggestion;

    Helper(String suggestion) {
      this.suggestion = suggestion;
    }
  }

  final Pipeline pipeline;
  final AirflowVersion version;
  final PyNames names = new PyNames();
  final PyImports imports = new PyImports(names);
  final List<FidelityNote> notes = new ArrayList<>();
  private final java.util.Set<FidelityNote> noted = new java.util.HashSet<>();

  /** Step id -> the step, every step of the pipeline. */
  final Map<String, Step> steps = new LinkedHashMap<>();
  /** Step id -> full Airflow task id (task group prefix included) of the step's main task. */
  final Map<String, String> taskIds = new LinkedHashMap<>();
  /** Helpers in the order first used. */
  final Set<Helper> helpers = new LinkedHashSet<>();
  /** Helpers that templates call, registered as the DAG's {@code user_defined_macros}. */
  final Set<Helper> macros = new LinkedHashSet<>();
  /** Whether templates need the {@code fromjson} filter (JSON text returned by a task). */
  boolean needsFromJsonFilter;

  /** Names the generated code uses inside function bodies and as fixed locals: never handed out. */
  static final List<String> FIXED_LOCALS =
      List.of("context", "params", "ti", "item", "items", "dag", "dag_run", "run_id", "task", "task_group",
          "literal", "timedelta", "pendulum", "json", "importlib", "k8s", "datetime", "kwargs", "arguments",
          "module", "function", "message", "uri", "path", "bucket", "key", "document", "jmespath", "hook");

  AirflowFile(Pipeline pipeline, AirflowVersion version) {
    this.pipeline = pipeline;
    this.version = version;
    for (Step s : pipeline.allSteps()) {
      steps.put(s.id(), s);
    }
    for (String n : FIXED_LOCALS) {
      names.reserve(n);
    }
  }

  /** Records a fidelity note once (the same note for the same step is not repeated). */
  void note(AirflowNote kind, String step, String detail) {
    FidelityNote n = kind.note(step, detail);
    if (noted.add(n)) {
      notes.add(n);
    }
  }

  /** Imports a name for this Airflow version. */
  PyName use(AirflowVersion.Symbol symbol) {
    return symbol(symbol.module(), symbol.name());
  }

  /** {@code from module import name}; the fixed lower-case names above are already reserved. */
  PyName symbol(String module, String name) {
    if (FIXED_LOCALS.contains(name)) {
      imports.registerReserved(module, name);
      return new PyName(name);
    }
    return imports.from(module, name);
  }

  /** {@code import module} for a module whose top-level name is one of the fixed names. */
  PyName module(String module) {
    return imports.module(module);
  }

  /**
   * {@code @task(multiple_outputs=False)}: a step's outputs are read by name from its one return value, so
   * the XCom layout is stated rather than inferred.
   */
  static PyExpr taskDecorator(AirflowFile file) {
    return PyExpr.call(PyExpr.name(file.use(file.version.task())), java.util.List.of(),
        java.util.List.of(PyExpr.kw("multiple_outputs", PyExpr.bool(false))));
  }

  /** The name of a module-level helper, registering that it must be written. */
  PyName helper(Helper h) {
    helpers.add(h);
    if (!names.has(h)) {
      names.newName(h.suggestion, h);
    }
    return names.get(h);
  }
}
