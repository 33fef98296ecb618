package io.pipeshift.from.airflow.mapping;

import io.pipeshift.from.airflow.parse.PyParser;
import io.pipeshift.from.airflow.ImportNote;
import io.pipeshift.from.airflow.eval.FunctionSource;
import io.pipeshift.from.airflow.eval.PyValue;
import io.pipeshift.from.airflow.eval.TaskNode;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.AthenaSpec;
import io.pipeshift.ir.kinds.BashSpec;
import io.pipeshift.ir.kinds.BatchSpec;
import io.pipeshift.ir.kinds.ContainerSpec;
import io.pipeshift.ir.kinds.EcsSpec;
import io.pipeshift.ir.kinds.EmrSpec;
import io.pipeshift.ir.kinds.EventBridgePutSpec;
import io.pipeshift.ir.kinds.ExternalSpec;
import io.pipeshift.ir.kinds.FailSpec;
import io.pipeshift.ir.kinds.GlueSpec;
import io.pipeshift.ir.kinds.HttpSpec;
import io.pipeshift.ir.kinds.LambdaSpec;
import io.pipeshift.ir.kinds.PythonSpec;
import io.pipeshift.ir.kinds.RegisterModelSpec;
import io.pipeshift.ir.kinds.SnsSpec;
import io.pipeshift.ir.kinds.SqlSpec;
import io.pipeshift.ir.kinds.SqsSpec;
import io.pipeshift.ir.kinds.StartSageMakerPipelineSpec;
import io.pipeshift.ir.kinds.StartStepFunctionsSpec;
import io.pipeshift.ir.kinds.StepSpec;
import io.pipeshift.ir.kinds.WaitSpec;
import io.pipeshift.requests.SageMakerRequestReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One task -> the IR kind that does its work. Amazon provider operators become typed AWS/SageMaker steps
 * (SageMaker {@code config=} through the shared {@link SageMakerRequestReader}); Python callables and
 * {@code @task} functions python steps with the function's source; Bash bash steps; time sensors waits;
 * everything else an {@code external} step with the operator's import path and its raw arguments. Arguments a
 * kind does not use are returned as leftovers for the step's extensions.
 */
final class OperatorMapping {

  /** The spec of a task and its arguments the spec did not use. */
  record Mapped(StepSpec spec, Map<String, PyValue> leftovers) {}

  /** Step-level arguments the pipeline mapping reads itself (ids, retries, docs). */
  static final Set<String> STEP_ARGUMENTS = Set.of("retries", "retry_delay", "retry_exponential_backoff",
      "max_retry_delay", "execution_timeout", "task_display_name", "doc_md", "doc", "doc_rst", "doc_json",
      "doc_yaml", "trigger_rule");

  private static final String SAGEMAKER = "airflow.providers.amazon.aws.operators.sagemaker.";

  private final MappingContext ctx;
  private final ValueMapping values;
  private final SageMakerRequestReader requests;

  OperatorMapping(MappingContext ctx, ValueMapping values, SageMakerRequestReader requests) {
    this.ctx = ctx;
    this.values = values;
    this.requests = requests;
  }

  /** Arguments with use tracking. */
  private static final class Args {
    final Map<String, PyValue> all;
    final Set<String> used = new LinkedHashSet<>();

    Args(Map<String, PyValue> all) {
      this.all = all;
    }

    PyValue get(String key) {
      used.add(key);
      return all.get(key);
    }

    boolean has(String key) {
      return all.containsKey(key) && all.get(key) != PyValue.None.NONE;
    }

    Map<String, PyValue> leftovers() {
      Map<String, PyValue> out = new LinkedHashMap<>();
      all.forEach((k, v) -> {
        if (!used.contains(k) && !STEP_ARGUMENTS.contains(k)) {
          out.put(k, v);
        }
      });
      return out;
    }
  }

  Mapped map(TaskNode t, String step) {
    Args a = new Args(t.kwargs());
    if (t.style() == TaskNode.Style.TASKFLOW) {
      return new Mapped(taskflow(t, a, step), a.leftovers());
    }
    String op = t.operator();
    String name = op.substring(op.lastIndexOf('.') + 1);
    StepSpec spec = null;
    try {
      spec = typed(t, name, op, a, step);
    } catch (MissingArgument missing) {
      ctx.note(ImportNote.OPERATOR_FALLBACK, step, t.line(), t.column(), name + " without a known "
          + missing.getMessage() + ": kept as an external step");
      a = new Args(t.kwargs());
    }
    if (spec == null) {
      spec = external(t, a, step);
      return new Mapped(spec, Map.of());
    }
    return new Mapped(spec, a.leftovers());
  }

  private static final class MissingArgument extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingArgument(String what) {
      super(what, null, false, false);
    }
  }

  private String required(Args a, String key, String step) {
    PyValue v = a.get(key);
    if (!(v instanceof PyValue.Str s)) {
      if (v == null || v == PyValue.None.NONE) {
        throw new MissingArgument(key);
      }
      return values.text(v, step, "");
    }
    return s.value();
  }

  private StepSpec typed(TaskNode t, String name, String op, Args a, String step) {
    boolean amazon = op.startsWith("airflow.providers.amazon.");
    switch (name) {
      case "BashOperator" -> {
        return new BashSpec(requiredValue(a, "bash_command", step), valueMap(a.get("env"), step));
      }
      case "PythonOperator", "BranchPythonOperator", "ShortCircuitOperator", "PythonVirtualenvOperator",
          "ExternalPythonOperator", "BranchPythonVirtualenvOperator", "BranchExternalPythonOperator" -> {
        return python(t, a.get("python_callable"), positional(a.get("op_args")), stringKeyed(a.get("op_kwargs")),
            a.get("requirements"), step);
      }
      case "TimeDeltaSensor", "TimeDeltaSensorAsync", "WaitSensor" -> {
        PyValue d = a.has("delta") ? a.get("delta") : a.get("time_to_wait");
        Optional<java.time.Duration> duration = RetryMapping.duration(d);
        return duration.isPresent() ? new WaitSpec(duration, Optional.empty()) : null;
      }
      case "DateTimeSensor", "DateTimeSensorAsync", "TimeSensor", "TimeSensorAsync" -> {
        PyValue target = a.get("target_time");
        if (target instanceof PyValue.Str s) {
          return new WaitSpec(Optional.empty(), Optional.of(s.value()));
        }
        if (target instanceof PyValue.DateTime d) {
          return new WaitSpec(Optional.empty(), Optional.of(d.iso()));
        }
        return null;
      }
      case "SQLExecuteQueryOperator" -> {
        return new SqlSpec(required(a, "conn_id", step), requiredValue(a, "sql", step), Optional.empty());
      }
      case "HttpOperator", "SimpleHttpOperator" -> {
        String method = a.get("method") instanceof PyValue.Str m ? m.value().toUpperCase(Locale.ROOT) : "POST";
        HttpSpec.Method m;
        try {
          m = HttpSpec.Method.valueOf(method);
        } catch (IllegalArgumentException other) {
          return null;
        }
        return new HttpSpec(m, requiredValue(a, "endpoint", step), valueMap(a.get("headers"), step),
            values.value(a.get("data"), step), values.optionalText(a.get("http_conn_id"), step));
      }
      case "KubernetesPodOperator" -> {
        String image = required(a, "image", step);
        Optional<String> cpu = Optional.empty();
        Optional<String> memory = Optional.empty();
        if (a.has("container_resources")) {
          PyValue r = a.all.get("container_resources");
          if (r instanceof PyValue.Instance i && i.kwargs().get("requests") instanceof PyValue.Dict req) {
            a.get("container_resources");
            cpu = values.optionalText(req.get("cpu"), step);
            memory = values.optionalText(req.get("memory"), step);
          }
        }
        return new ContainerSpec(image, valueList(a.get("cmds"), step), valueList(a.get("arguments"), step),
            values.optionalText(a.get("namespace"), step), valueMap(a.get("env_vars"), step), cpu, memory);
      }
      default -> { }
    }
    if (!amazon) {
      return null;
    }
    return switch (name) {
      case "SageMakerProcessingOperator" -> sageMaker("CreateProcessingJob", a.get("config"), null, t, step);
      case "SageMakerTrainingOperator" -> sageMaker("CreateTrainingJob", a.get("config"), null, t, step);
      case "SageMakerTuningOperator" -> sageMaker("CreateHyperParameterTuningJob", a.get("config"), null, t, step);
      case "SageMakerTransformOperator" -> sageMaker("CreateTransformJob", a.get("config"), "Transform", t, step);
      case "SageMakerModelOperator" -> sageMaker("CreateModel", a.get("config"), null, t, step);
      case "SageMakerEndpointOperator" -> endpoint(a.get("config"), t, step);
      case "SageMakerRegisterModelVersionOperator" -> registerModel(a, step);
      case "SageMakerStartPipelineOperator" -> new StartSageMakerPipelineSpec(required(a, "pipeline_name", step),
          valueMap(a.has("pipeline_params") ? a.get("pipeline_params") : a.get("parameters"), step),
          !a.has("wait_for_completion") || Boolean.TRUE.equals(truth(a.get("wait_for_completion"))));
      case "StepFunctionStartExecutionOperator" -> new StartStepFunctionsSpec(required(a, "state_machine_arn", step),
          jsonMap(a.get("state_machine_input"), step),
          Boolean.TRUE.equals(truth(a.get("deferrable"))) || Boolean.TRUE.equals(truth(a.get("wait_for_completion"))));
      case "LambdaInvokeFunctionOperator" -> new LambdaSpec(required(a, "function_name", step),
          jsonMap(a.get("payload"), step), List.of());
      case "GlueJobOperator" -> {
        String job = required(a, "job_name", step);
        Map<String, Value> args = valueMap(a.get("script_args"), step);
        Optional<String> workerType = Optional.empty();
        Optional<Integer> workers = Optional.empty();
        if (a.all.get("run_job_kwargs") instanceof PyValue.Dict run) {
          workerType = run.get("WorkerType") instanceof PyValue.Str w ? Optional.of(w.value()) : Optional.empty();
          workers = run.get("NumberOfWorkers") instanceof PyValue.Int n ? Optional.of((int) n.value()) : Optional.empty();
          if (run.entries().size() == (workerType.isPresent() ? 1 : 0) + (workers.isPresent() ? 1 : 0)) {
            a.get("run_job_kwargs");
          }
        }
        yield new GlueSpec(job, args, workerType, workers);
      }
      case "BatchOperator" -> {
        List<Value> command = List.of();
        Map<String, Value> env = Map.of();
        PyValue overrides = a.has("container_overrides") ? a.get("container_overrides") : a.get("overrides");
        if (overrides instanceof PyValue.Dict o) {
          command = valueList(o.get("command"), step);
          env = nameValues(o.get("environment"), step);
        }
        yield new BatchSpec(required(a, "job_name", step), required(a, "job_queue", step),
            required(a, "job_definition", step), valueMap(a.get("parameters"), step), command, env);
      }
      case "EcsRunTaskOperator" -> ecs(a, step);
      case "SnsPublishOperator" -> new SnsSpec(required(a, "target_arn", step), requiredValue(a, "message", step),
          values.optionalText(a.get("subject"), step));
      case "SqsPublishOperator" -> new SqsSpec(required(a, "sqs_queue", step), requiredValue(a, "message_content", step));
      case "AthenaOperator" -> new AthenaSpec(requiredValue(a, "query", step), required(a, "database", step),
          values.optionalText(a.get("workgroup"), step), values.valueOr(a.get("output_location"), step, ""));
      case "EventBridgePutEventsOperator" -> {
        if (a.all.get("entries") instanceof PyValue.PyList l && l.items().size() == 1
            && l.items().get(0) instanceof PyValue.Dict e) {
          a.get("entries");
          yield new EventBridgePutSpec(e.get("EventBusName") instanceof PyValue.Str b ? b.value() : "default",
              values.text(e.get("Source"), step, ""), values.text(e.get("DetailType"), step, ""),
              jsonMap(e.get("Detail"), step));
        }
        yield null;
      }
      case "EmrAddStepsOperator" -> emrSteps(a, step);
      case "EmrCreateJobFlowOperator" -> emrCluster(a, step);
      default -> null;
    };
  }

  private static Boolean truth(PyValue v) {
    if (v instanceof PyValue.Bool b) {
      return b.value();
    }
    return null;
  }

  private Value requiredValue(Args a, String key, String step) {
    PyValue v = a.get(key);
    if (v == null || v == PyValue.None.NONE) {
      throw new MissingArgument(key);
    }
    return values.valueOr(v, step, "");
  }

  private Map<String, Value> valueMap(PyValue v, String step) {
    Map<String, Value> out = new LinkedHashMap<>();
    if (v instanceof PyValue.Dict d) {
      d.entries().forEach((k, x) -> values.value(x, step).ifPresent(val -> out.put(values.text(k, step, ""), val)));
    } else if (v != null && v != PyValue.None.NONE) {
      out.put("value", values.valueOr(v, step, ""));
    }
    return out;
  }

  private List<Value> valueList(PyValue v, String step) {
    List<Value> out = new ArrayList<>();
    if (v instanceof PyValue.PyList || v instanceof PyValue.Tuple) {
      List<PyValue> items = v instanceof PyValue.PyList l ? l.items() : ((PyValue.Tuple) v).items();
      items.forEach(i -> values.value(i, step).ifPresent(out::add));
    } else if (v != null && v != PyValue.None.NONE) {
      values.value(v, step).ifPresent(out::add);
    }
    return out;
  }

  /** AWS's {@code [{"name": k, "value": v}]} shape. */
  private Map<String, Value> nameValues(PyValue v, String step) {
    Map<String, Value> out = new LinkedHashMap<>();
    if (v instanceof PyValue.PyList l) {
      for (PyValue i : l.items()) {
        if (i instanceof PyValue.Dict d && d.get("name") instanceof PyValue.Str n) {
          values.value(d.get("value"), step).ifPresent(x -> out.put(n.value(), x));
        }
      }
    }
    return out;
  }

  /** A JSON text or a dict as a map of values (Lambda payloads, state machine input). */
  private Map<String, Value> jsonMap(PyValue v, String step) {
    if (v instanceof PyValue.Str s) {
      Optional<Object> parsed = JsonText.read(s.value());
      if (parsed.isPresent() && parsed.get() instanceof Map<?, ?> m) {
        Map<String, Value> out = new LinkedHashMap<>();
        m.forEach((k, x) -> out.put(String.valueOf(k), jsonValue(x)));
        return out;
      }
      Map<String, Value> out = new LinkedHashMap<>();
      out.put("input", values.template(s.value()));
      return out;
    }
    return valueMap(v, step);
  }

  private Value jsonValue(Object x) {
    if (x instanceof String s) {
      return values.template(s);
    }
    if (x instanceof Long l) {
      return Value.Literal.of(l);
    }
    if (x instanceof Double d) {
      return Value.Literal.of(d);
    }
    if (x instanceof Boolean b) {
      return Value.Literal.of(b);
    }
    return Value.Literal.of(JsonText.write(x));
  }

  private static List<PyValue> positional(PyValue v) {
    if (v instanceof PyValue.PyList l) {
      return l.items();
    }
    if (v instanceof PyValue.Tuple t) {
      return t.items();
    }
    return List.of();
  }

  private static Map<String, PyValue> stringKeyed(PyValue v) {
    Map<String, PyValue> out = new LinkedHashMap<>();
    if (v instanceof PyValue.Dict d) {
      d.entries().forEach((k, x) -> {
        if (k instanceof PyValue.Str s) {
          out.put(s.value(), x);
        }
      });
    }
    return out;
  }

  // ---------------------------------------------------------------- python

  private StepSpec taskflow(TaskNode t, Args a, String step) {
    PyValue.Function f = t.function().orElse(null);
    Map<String, PyValue> kwargs = new LinkedHashMap<>(t.callKwargs());
    kwargs.putAll(t.expandArguments());
    kwargs.remove("**");
    if ("bash".equals(t.flavour())) {
      PyValue command = t.kwargs().get("__bash_command__");
      a.used.add("__bash_command__");
      Value cmd = command != null ? values.valueOr(command, step, "")
          : Value.Literal.of(values.marker(new PyValue.Unresolved(f == null ? step : f.name() + "()",
              "@task.bash command", t.line(), t.column()), step));
      return new BashSpec(cmd, valueMap(a.get("env"), step));
    }
    if (f != null && t.args().isEmpty()) {
      Optional<PythonSpec> wrapped = moduleWrapper(f, kwargs, step);
      if (wrapped.isPresent()) {
        return wrapped.get();
      }
    }
    if (f != null && failMessage(f).isPresent() && t.args().isEmpty() && kwargs.size() <= 1) {
      PyValue message = kwargs.isEmpty() ? null : kwargs.values().iterator().next();
      return new FailSpec(values.value(message, step), Optional.empty());
    }
    return python(t, f, t.args(), kwargs, a.get("requirements"), step);
  }

  /**
   * A task function that only imports a module when it runs and calls one of its functions:
   * {@code return helper("pkg.module", "function", {"arg": param, ...})} where {@code helper} is a function of the
   * file that calls {@code importlib.import_module}. The step names the module and function, like the IR's
   * python steps without code.
   */
  private Optional<PythonSpec> moduleWrapper(PyValue.Function f, Map<String, PyValue> kwargs, String step) {
    if (!(f.source().definition() instanceof PyParser.FuncDefContext def) || def.block().simpleStmts() != null) {
      return Optional.empty();
    }
    List<PyParser.StatementContext> body = def.block().statement();
    if (body.isEmpty() || body.size() > 2) {
      return Optional.empty();
    }
    PyParser.StatementContext last = body.get(body.size() - 1);
    if (last.simpleStmts() == null || last.simpleStmts().simpleStmt(0).returnStmt() == null) {
      return Optional.empty();
    }
    PyParser.StarExpressionsContext ret = last.simpleStmts().simpleStmt(0).returnStmt().starExpressions();
    PyParser.PrimaryContext call = ret == null ? null : io.pipeshift.from.airflow.eval.ModuleEvaluator.primaryOf(ret);
    if (call == null || call.getChildCount() != 2 || call.getChild(0).getChildCount() != 1
        || !(f.closure().get(call.getChild(0).getText()).orElse(null) instanceof PyValue.Function callee)
        || callee.source().isLambda() || !callee.source().code().contains("import_module(")) {
      return Optional.empty();
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "([A-Za-z_][A-Za-z0-9_]*)\\(\\s*\"([A-Za-z0-9_.]+)\"\\s*,\\s*\"([A-Za-z_][A-Za-z0-9_]*)\"\\s*,\\s*\\{(.*)\\}\\s*,?\\s*\\)", java.util.regex.Pattern.DOTALL)
        .matcher(ret == null ? "" : io.pipeshift.from.airflow.eval.ModuleEvaluator.sourceText(ret));
    if (!m.matches()) {
      return Optional.empty();
    }
    Optional<PyValue> helper = f.closure().get(m.group(1));
    if (helper.isEmpty() || !(helper.get() instanceof PyValue.Function h) || !h.source().code().contains("import_module(")) {
      return Optional.empty();
    }
    Map<String, Value> arguments = new LinkedHashMap<>();
    String entries = m.group(4).trim();
    if (!entries.isEmpty()) {
      for (String entry : entries.split(",")) {
        String[] kv = entry.split(":");
        if (kv.length != 2) {
          return Optional.empty();
        }
        String key = kv[0].trim().replaceAll("^[\"']|[\"']$", "");
        PyValue v = kwargs.get(kv[1].trim());
        if (v != null) {
          values.value(v, step).ifPresent(x -> arguments.put(key, x));
        }
      }
    }
    return Optional.of(new PythonSpec(m.group(3), Optional.empty(), Optional.of(m.group(2)), arguments, List.of()));
  }

  /** A function whose body only raises {@code AirflowFailException(message)}: the IR's fail step. */
  private static Optional<String> failMessage(PyValue.Function f) {
    if (!(f.source().definition() instanceof PyParser.FuncDefContext def) || def.block().simpleStmts() != null) {
      return Optional.empty();
    }
    List<PyParser.StatementContext> body = def.block().statement();
    PyParser.StatementContext last = body.isEmpty() ? null : body.get(body.size() - 1);
    if (last == null || body.size() > 2 || last.simpleStmts() == null || last.simpleStmts().simpleStmt().size() != 1
        || last.simpleStmts().simpleStmt(0).raiseStmt() == null) {
      return Optional.empty();
    }
    PyParser.RaiseStmtContext raise = last.simpleStmts().simpleStmt(0).raiseStmt();
    if (raise.expression().isEmpty()) {
      return Optional.empty();
    }
    PyParser.PrimaryContext p = io.pipeshift.from.airflow.eval.ModuleEvaluator.primaryOf(raise.expression(0));
    if (p == null || p.getChildCount() < 2) {
      return Optional.empty();
    }
    String callee = p.getChildCount() > 2 ? p.getChild(p.getChildCount() - 2).getText() : p.getChild(0).getText();
    return callee.equals("AirflowFailException") || callee.equals(".AirflowFailException")
        ? Optional.of("AirflowFailException") : Optional.empty();
  }

  private StepSpec python(TaskNode t, PyValue callable, List<PyValue> args, Map<String, PyValue> kwargs,
      PyValue requirements, String step) {
    String function;
    Optional<String> code = Optional.empty();
    Optional<String> module = Optional.empty();
    List<String> params = new ArrayList<>();
    if (callable instanceof PyValue.Function f) {
      for (FunctionSource.Parameter p : f.parameters()) {
        if (p.kind() == FunctionSource.Kind.POSITIONAL_ONLY || p.kind() == FunctionSource.Kind.POSITIONAL_OR_KEYWORD) {
          params.add(p.name());
        }
      }
      if (f.source().isLambda()) {
        function = StepIds.sanitize(t.taskId()).replace('-', '_') + "_callable";
        code = Optional.of(function + " = " + f.source().code() + "\n");
      } else {
        function = f.name();
        code = Optional.of(f.source().code() + "\n");
      }
    } else if (callable instanceof PyValue.Symbol s) {
      String qn = s.qualifiedName();
      int dot = qn.lastIndexOf('.');
      function = qn.substring(dot + 1);
      module = dot > 0 ? Optional.of(qn.substring(0, dot)) : Optional.empty();
      ctx.note(ImportNote.PYTHON_SOURCE, step, t.line(), t.column(), "the callable " + qn
          + " is imported from another module; the step names the module instead of holding its source");
    } else if (callable == null) {
      throw new MissingArgument("python_callable");
    } else {
      function = "callable";
      module = Optional.of(values.text(callable, step, ""));
    }
    Map<String, Value> arguments = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String name = i < params.size() ? params.get(i) : "arg" + i;
      values.value(args.get(i), step).ifPresent(v -> arguments.put(name, v));
    }
    kwargs.forEach((k, v) -> values.value(v, step).ifPresent(x -> arguments.put(k, x)));
    List<String> reqs = new ArrayList<>();
    for (PyValue r : positional(requirements)) {
      reqs.add(values.text(r, step, ""));
    }
    if (requirements instanceof PyValue.Str s) {
      reqs.add(s.value());
    }
    return new PythonSpec(function, code, module, arguments, reqs);
  }

  // ---------------------------------------------------------------- SageMaker

  private StepSpec sageMaker(String operation, PyValue config, String nested, TaskNode t, String step) {
    if (!(config instanceof PyValue.Dict d)) {
      throw new MissingArgument("config");
    }
    PyValue body = nested != null && d.get(nested) instanceof PyValue.Dict inner ? inner : d;
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = (Map<String, Object>) request(body, step);
    Optional<SageMakerRequestReader.Read> read = requests.read(operation, tree);
    if (read.isEmpty()) {
      return null;
    }
    read.get().dropped().forEach(x -> ctx.note(ImportNote.DROPPED_FIELD, step, t.line(), t.column(),
        "config " + x));
    return read.get().spec();
  }

  private StepSpec endpoint(PyValue config, TaskNode t, String step) {
    if (!(config instanceof PyValue.Dict d) || !(d.get("EndpointConfig") instanceof PyValue.Dict ec)
        || !(d.get("Endpoint") instanceof PyValue.Dict e) || !(e.get("EndpointName") instanceof PyValue.Str name)) {
      throw new MissingArgument("config with EndpointConfig and Endpoint");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = (Map<String, Object>) request(ec, step);
    SageMakerRequestReader.Read read = requests.readEndpointConfig(tree, name.value());
    read.dropped().forEach(x -> ctx.note(ImportNote.DROPPED_FIELD, step, t.line(), t.column(), "config " + x));
    return read.spec();
  }

  private StepSpec registerModel(Args a, String step) {
    PyValue approval = a.get("model_approval");
    RegisterModelSpec.ApprovalStatus status = RegisterModelSpec.ApprovalStatus.PENDING_MANUAL_APPROVAL;
    String approvalName = approval instanceof PyValue.Symbol s ? s.simpleName()
        : approval instanceof PyValue.Str s ? s.value() : "";
    for (RegisterModelSpec.ApprovalStatus st : RegisterModelSpec.ApprovalStatus.values()) {
      if (st.name().equalsIgnoreCase(approvalName.replace("-", "_")) || st.name().replace("_", "")
          .equalsIgnoreCase(approvalName)) {
        status = st;
      }
    }
    a.get("package_desc");
    return new RegisterModelSpec(required(a, "package_group_name", step), required(a, "image_uri", step),
        requiredValue(a, "model_url", step), List.of("text/csv"), List.of("text/csv"), List.of(), List.of(), status,
        Optional.empty());
  }

  /** A request dict as the reader wants it: maps, lists, strings, numbers, booleans and IR values. */
  private Object request(PyValue v, String step) {
    if (v instanceof PyValue.Dict d) {
      Map<String, Object> out = new LinkedHashMap<>();
      d.entries().forEach((k, x) -> out.put(values.text(k, step, ""), request(x, step)));
      return out;
    }
    if (v instanceof PyValue.PyList || v instanceof PyValue.Tuple) {
      List<PyValue> items = v instanceof PyValue.PyList l ? l.items() : ((PyValue.Tuple) v).items();
      List<Object> out = new ArrayList<>();
      items.forEach(i -> out.add(request(i, step)));
      return out;
    }
    if (v instanceof PyValue.Str s) {
      Value t = values.template(s.value());
      return t instanceof Value.Literal l ? l.value() : t;
    }
    if (v instanceof PyValue.Int || v instanceof PyValue.Float || v instanceof PyValue.Bool) {
      return values.raw(v, step);
    }
    Optional<Value> value = values.value(v, step);
    return value.<Object>map(x -> x instanceof Value.Literal l ? l.value() : x).orElse("");
  }

  // ---------------------------------------------------------------- ECS, EMR

  private StepSpec ecs(Args a, String step) {
    String cluster = required(a, "cluster", step);
    String taskDefinition = required(a, "task_definition", step);
    EcsSpec.LaunchType launch = a.get("launch_type") instanceof PyValue.Str l && l.value().equalsIgnoreCase("EC2")
        ? EcsSpec.LaunchType.EC2 : EcsSpec.LaunchType.FARGATE;
    Optional<String> container = Optional.empty();
    List<Value> command = List.of();
    Map<String, Value> env = Map.of();
    if (a.get("overrides") instanceof PyValue.Dict o && o.get("containerOverrides") instanceof PyValue.PyList l
        && !l.items().isEmpty() && l.items().get(0) instanceof PyValue.Dict c) {
      container = values.optionalText(c.get("name"), step);
      command = valueList(c.get("command"), step);
      env = nameValues(c.get("environment"), step);
    }
    List<String> subnets = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    if (a.get("network_configuration") instanceof PyValue.Dict n && n.get("awsvpcConfiguration") instanceof PyValue.Dict vpc) {
      positional(vpc.get("subnets")).forEach(s -> subnets.add(values.text(s, step, "")));
      positional(vpc.get("securityGroups")).forEach(s -> groups.add(values.text(s, step, "")));
    }
    return new EcsSpec(cluster, taskDefinition, launch, subnets, groups, container, command, env);
  }

  private StepSpec emrSteps(Args a, String step) {
    PyValue steps = a.all.get("steps");
    if (!(steps instanceof PyValue.PyList l) || l.items().size() != 1 || !(l.items().get(0) instanceof PyValue.Dict s)
        || !(s.get("HadoopJarStep") instanceof PyValue.Dict jar)) {
      return null;
    }
    a.get("steps");
    a.get("wait_for_completion");
    return new EmrSpec(Optional.of(required(a, "job_flow_id", step)), Map.of(), values.text(jar.get("Jar"), step, ""),
        valueList(jar.get("Args"), step), values.optionalText(jar.get("MainClass"), step));
  }

  private StepSpec emrCluster(Args a, String step) {
    if (!(a.all.get("job_flow_overrides") instanceof PyValue.Dict o) || !(o.get("Steps") instanceof PyValue.PyList l)
        || l.items().size() != 1 || !(l.items().get(0) instanceof PyValue.Dict s)
        || !(s.get("HadoopJarStep") instanceof PyValue.Dict jar)) {
      return null;
    }
    a.get("job_flow_overrides");
    a.get("wait_for_completion");
    Map<String, Object> config = new LinkedHashMap<>();
    o.entries().forEach((k, v) -> {
      if (!(k instanceof PyValue.Str ks && ks.value().equals("Steps"))) {
        config.put(values.text(k, step, ""), values.raw(v, step));
      }
    });
    return new EmrSpec(Optional.empty(), config, values.text(jar.get("Jar"), step, ""), valueList(jar.get("Args"), step),
        values.optionalText(jar.get("MainClass"), step));
  }

  // ---------------------------------------------------------------- external

  private StepSpec external(TaskNode t, Args a, String step) {
    Map<String, Object> arguments = new LinkedHashMap<>();
    for (Map.Entry<String, PyValue> e : a.all.entrySet()) {
      if (STEP_ARGUMENTS.contains(e.getKey()) && !e.getKey().equals("trigger_rule")) {
        continue;
      }
      arguments.put(e.getKey(), values.raw(e.getValue(), step));
    }
    for (int i = 0; i < t.args().size(); i++) {
      arguments.put("__arg" + i, values.raw(t.args().get(i), step));
    }
    if (!t.operator().endsWith("EmptyOperator")) {
      ctx.note(ImportNote.EXTERNAL_OPERATOR, step, t.line(), t.column(), t.operator()
          + " has no IR kind; the step keeps the operator and its arguments as they are");
    }
    return new ExternalSpec("airflow", t.operator(), arguments);
  }
}
