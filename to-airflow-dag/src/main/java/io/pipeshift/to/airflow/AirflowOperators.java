package io.pipeshift.to.airflow;

import io.pipeshift.ir.Step;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.ApprovalSpec;
import io.pipeshift.ir.kinds.AthenaSpec;
import io.pipeshift.ir.kinds.BashSpec;
import io.pipeshift.ir.kinds.BatchSpec;
import io.pipeshift.ir.kinds.CallbackSpec;
import io.pipeshift.ir.kinds.ContainerSpec;
import io.pipeshift.ir.kinds.EcsSpec;
import io.pipeshift.ir.kinds.EmrSpec;
import io.pipeshift.ir.kinds.EventBridgePutSpec;
import io.pipeshift.ir.kinds.ExternalSpec;
import io.pipeshift.ir.kinds.FailSpec;
import io.pipeshift.ir.kinds.GlueSpec;
import io.pipeshift.ir.kinds.HttpSpec;
import io.pipeshift.ir.kinds.LambdaSpec;
import io.pipeshift.ir.kinds.ModelDeploySpec;
import io.pipeshift.ir.kinds.RegisterModelSpec;
import io.pipeshift.ir.kinds.SnsSpec;
import io.pipeshift.ir.kinds.SqlSpec;
import io.pipeshift.ir.kinds.SqsSpec;
import io.pipeshift.ir.kinds.StartSageMakerPipelineSpec;
import io.pipeshift.ir.kinds.StartStepFunctionsSpec;
import io.pipeshift.ir.kinds.WaitSpec;
import io.pipeshift.requests.JobRequest;
import io.pipeshift.requests.RequestTree;
import io.pipeshift.requests.SageMakerRequests;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One IR step -> the Airflow operator (or TaskFlow function) that does its work, with the operator's own
 * arguments. Values in templated fields go through {@link AirflowValues#templated}; fields Airflow does not
 * template get plain literals only. Task ids, retries, trigger rules and docs are added by the writer.
 */
final class AirflowOperators {

  /** How a step's task is created. */
  sealed interface TaskCall {}

  /** {@code Operator(task_id=..., kwargs...)}. */
  record Classic(PyName operator, List<PyExpr.Kwarg> kwargs) implements TaskCall {}

  /** {@code function.override(task_id=...)(args..., kwargs...)} for a module-level {@code @task} function. */
  record TaskFlow(PyName function, List<PyExpr> args, List<PyExpr.Kwarg> kwargs) implements TaskCall {}

  private static final String SAGEMAKER = "airflow.providers.amazon.aws.operators.sagemaker";

  private final AirflowFile file;
  private final AirflowValues values;
  private final AirflowPython python;

  AirflowOperators(AirflowFile file, AirflowValues values, AirflowPython python) {
    this.file = file;
    this.values = values;
    this.python = python;
  }

  TaskCall call(Step step) {
    values.extensions(AirflowTemplateExtensions.of(step.kind()));
    try {
      return map(step);
    } finally {
      values.extensions(java.util.Set.of());
    }
  }

  private TaskCall map(Step step) {
    String id = step.id();
    return switch (step.kind()) {
      case PROCESSING -> sageMaker(step, "SageMakerProcessingOperator");
      case TRAINING -> sageMaker(step, "SageMakerTrainingOperator");
      case TUNING -> sageMaker(step, "SageMakerTuningOperator");
      case TRANSFORM -> sageMaker(step, "SageMakerTransformOperator");
      case CREATE_MODEL -> sageMaker(step, "SageMakerModelOperator");
      case MODEL_DEPLOY -> endpoint(step);
      case REGISTER_MODEL -> registerModel(step);
      case START_SAGEMAKER_PIPELINE -> {
        StartSageMakerPipelineSpec s = (StartSageMakerPipelineSpec) step.spec();
        List<PyExpr.Kwarg> kw = new ArrayList<>();
        kw.add(PyExpr.kw("pipeline_name", values.protect(s.pipeline())));
        if (!s.parameters().isEmpty()) {
          kw.add(PyExpr.kw("pipeline_params", stringDict(s.parameters(), id)));
        }
        kw.add(PyExpr.kw("wait_for_completion", PyExpr.bool(s.waitForCompletion())));
        yield classic(SAGEMAKER, "SageMakerStartPipelineOperator", kw);
      }
      case START_STEP_FUNCTIONS -> {
        StartStepFunctionsSpec s = (StartStepFunctionsSpec) step.spec();
        List<PyExpr.Kwarg> kw = new ArrayList<>();
        kw.add(PyExpr.kw("state_machine_arn", values.protect(s.stateMachine())));
        if (!s.input().isEmpty()) {
          kw.add(PyExpr.kw("state_machine_input", values.templatedJson(s.input(), id)));
        }
        if (s.waitForCompletion()) {
          kw.add(PyExpr.kw("deferrable", PyExpr.bool(true)));
        }
        yield classic("airflow.providers.amazon.aws.operators.step_function", "StepFunctionStartExecutionOperator", kw);
      }
      case LAMBDA -> {
        LambdaSpec s = (LambdaSpec) step.spec();
        List<PyExpr.Kwarg> kw = new ArrayList<>();
        kw.add(PyExpr.kw("function_name", values.protect(s.function())));
        kw.add(PyExpr.kw("payload", values.templatedJson(s.payload(), id)));
        yield classic("airflow.providers.amazon.aws.operators.lambda_function", "LambdaInvokeFunctionOperator", kw);
      }
      case GLUE -> {
        GlueSpec s = (GlueSpec) step.spec();
        List<PyExpr.Kwarg> kw = new ArrayList<>();
        kw.add(PyExpr.kw("job_name", values.protect(s.jobName())));
        if (!s.arguments().isEmpty()) {
          kw.add(PyExpr.kw("script_args", stringDict(s.arguments(), id)));
        }
        Map<String, Object> run = new LinkedHashMap<>();
        s.workerType().ifPresent(w -> run.put("WorkerType", values.protect(w)));
        s.numberOfWorkers().ifPresent(n -> run.put("NumberOfWorkers", PyExpr.number(n)));
        if (!run.isEmpty()) {
          kw.add(PyExpr.kw("run_job_kwargs", PyExpr.literal(run)));
        }
        yield classic("airflow.providers.amazon.aws.operators.glue", "GlueJobOperator", kw);
      }
      case BATCH -> {
        BatchSpec s = (BatchSpec) step.spec();
        List<PyExpr.Kwarg> kw = new ArrayList<>();
        kw.add(PyExpr.kw("job_name", values.protect(s.jobName())));
        kw.add(PyExpr.kw("job_queue", values.protect(s.jobQueue())));
        kw.add(PyExpr.kw("job_definition", values.protect(s.jobDefinition())));
        if (!s.parameters().isEmpty()) {
          kw.add(PyExpr.kw("parameters", stringDict(s.parameters(), id)));
        }
        Map<String, Object> overrides = new LinkedHashMap<>();
        if (!s.command().isEmpty()) {
          overrides.put("command", stringList(s.command(), id));
        }
        if (!s.environment().isEmpty()) {
          overrides.put("environment", nameValueList(s.environment(), id));
        }
        if (!overrides.isEmpty()) {
          kw.add(PyExpr.kw("container_overrides", PyExpr.literal(overrides)));
        }
        yield classic("airflow.providers.amazon.aws.operators.batch", "BatchOperator", kw);
      }
      case ECS -> ecs(step);
      case SNS -> {
        SnsSpec s = (SnsSpec) step.spec();
        List<PyExpr.Kwarg> kw = new ArrayList<>();
        kw.add(PyExpr.kw("target_arn", values.protect(s.topic())));
        kw.add(PyExpr.kw("message", values.templated(s.message(), AirflowValues.Form.STRING, id)));
        s.subject().ifPresent(sub -> kw.add(PyExpr.kw("subject", values.protect(sub))));
        yield classic("airflow.providers.amazon.aws.operators.sns", "SnsPublishOperator", kw);
      }
      case SQS -> {
        SqsSpec s = (SqsSpec) step.spec();
        yield classic("airflow.providers.amazon.aws.operators.sqs", "SqsPublishOperator", List.of(
            PyExpr.kw("sqs_queue", values.protect(s.queueUrl())),
            PyExpr.kw("message_content", values.templated(s.message(), AirflowValues.Form.STRING, id))));
      }
      case EVENTBRIDGE_PUT -> {
        EventBridgePutSpec s = (EventBridgePutSpec) step.spec();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("EventBusName", values.protect(s.eventBus()));
        entry.put("Source", values.protect(s.source()));
        entry.put("DetailType", values.protect(s.detailType()));
        entry.put("Detail", values.templatedJson(s.detail(), id));
        yield classic("airflow.providers.amazon.aws.operators.eventbridge", "EventBridgePutEventsOperator",
            List.of(PyExpr.kw("entries", new PyExpr.ListExpr(List.of(PyExpr.literal(entry))))));
      }
      case ATHENA -> {
        AthenaSpec s = (AthenaSpec) step.spec();
        List<PyExpr.Kwarg> kw = new ArrayList<>();
        kw.add(PyExpr.kw("query", values.templated(s.query(), AirflowValues.Form.STRING, id)));
        kw.add(PyExpr.kw("database", values.protect(s.database())));
        kw.add(PyExpr.kw("output_location", values.templated(s.outputLocation(), AirflowValues.Form.STRING, id)));
        s.workgroup().ifPresent(w -> kw.add(PyExpr.kw("workgroup", values.protect(w))));
        yield classic("airflow.providers.amazon.aws.operators.athena", "AthenaOperator", kw);
      }
      case EMR -> emr(step);
      case HTTP -> http(step);
      case BASH -> {
        BashSpec s = (BashSpec) step.spec();
        List<PyExpr.Kwarg> kw = new ArrayList<>();
        kw.add(PyExpr.kw("bash_command", values.templated(s.command(), AirflowValues.Form.STRING, id)));
        if (!s.environment().isEmpty()) {
          kw.add(PyExpr.kw("env", stringDict(s.environment(), id)));
          kw.add(PyExpr.kw("append_env", PyExpr.bool(true)));
        }
        yield new Classic(file.use(file.version.bashOperator()), kw);
      }
      case CONTAINER -> container(step);
      case SQL -> {
        SqlSpec s = (SqlSpec) step.spec();
        yield classic("airflow.providers.common.sql.operators.sql", "SQLExecuteQueryOperator", List.of(
            PyExpr.kw("conn_id", values.protect(s.connection())),
            PyExpr.kw("sql", values.templated(s.query(), AirflowValues.Form.STRING, id))));
      }
      case PYTHON -> python.call(step);
      case WAIT -> {
        WaitSpec s = (WaitSpec) step.spec();
        if (s.duration().isPresent()) {
          yield new Classic(file.use(file.version.waitSensor()),
              List.of(PyExpr.kw("time_to_wait", new AirflowRetries(file).timedelta(s.duration().get()))));
        }
        yield new Classic(file.use(file.version.dateTimeSensor()),
            List.of(PyExpr.kw("target_time", values.protect(s.until().orElse("")))));
      }
      case FAIL -> {
        FailSpec s = (FailSpec) step.spec();
        Value message = s.message().orElse(Value.Literal.of("step " + step.label() + " failed the run"));
        if (s.error().isPresent()) {
          message = new Value.Join("", List.of(Value.Literal.of(s.error().get() + ": "), message));
        }
        yield fail(values.templated(message, AirflowValues.Form.STRING, id));
      }
      case APPROVAL -> approval(step);
      case CALLBACK -> {
        CallbackSpec s = (CallbackSpec) step.spec();
        file.note(AirflowNote.CALLBACK_WAIT, id, "queue " + s.queueUrl());
        yield classic("airflow.providers.amazon.aws.operators.sqs", "SqsPublishOperator", List.of(
            PyExpr.kw("sqs_queue", values.protect(s.queueUrl())),
            PyExpr.kw("message_content", values.templatedJson(s.payload(), id))));
      }
      case EXTERNAL -> external(step);
      case QUALITY_CHECK, CLARIFY_CHECK, NOTEBOOK_JOB -> placeholder(step, "SageMaker " + step.kind().yamlName()
          + " steps have no Airflow operator");
      case CONDITION, FOR_EACH -> throw new IllegalStateException("containers are written by the writer");
    };
  }

  /** A task that fails the run with {@code message} (a templated argument). */
  TaskCall fail(PyExpr message) {
    return new TaskFlow(file.helper(AirflowFile.Helper.FAIL), List.of(), List.of(PyExpr.kw("message", message)));
  }

  /** A task standing in for a step that was not translated: it fails the run and says why. */
  TaskCall placeholder(Step step, String reason) {
    file.note(AirflowNote.NOT_TRANSLATED, step.id(), reason);
    return fail(values.protect("step " + step.id() + " (" + step.kind().yamlName() + ") was not translated to"
        + " Airflow: " + reason));
  }

  // ---- SageMaker -------------------------------------------------------------------------------------

  private TaskCall sageMaker(Step step, String operator) {
    JobRequest r = SageMakerRequests.forStep(step).orElseThrow();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(r.nameField(), jobName(step));
    config.putAll(r.body());
    gaps(step, r);
    return classic(SAGEMAKER, operator, List.of(PyExpr.kw("config", request(config, step.id()))));
  }

  private TaskCall endpoint(Step step) {
    ModelDeploySpec s = (ModelDeploySpec) step.spec();
    JobRequest r = SageMakerRequests.forStep(step).orElseThrow();
    gaps(step, r);
    String configName = jobName(step);
    Map<String, Object> endpointConfig = new LinkedHashMap<>();
    endpointConfig.put(r.nameField(), configName);
    endpointConfig.putAll(r.body());
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("EndpointName", s.endpointName());
    endpoint.put("EndpointConfigName", configName);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("EndpointConfig", endpointConfig);
    config.put("Endpoint", endpoint);
    return classic(SAGEMAKER, "SageMakerEndpointOperator", List.of(PyExpr.kw("config", request(config, step.id()))));
  }

  private TaskCall registerModel(Step step) {
    RegisterModelSpec s = (RegisterModelSpec) step.spec();
    JobRequest r = SageMakerRequests.forStep(step).orElseThrow();
    gaps(step, r);
    PyName approval = file.symbol("airflow.providers.amazon.aws.utils.sagemaker", "ApprovalStatus");
    List<PyExpr.Kwarg> kw = new ArrayList<>();
    kw.add(PyExpr.kw("image_uri", values.protect(s.image())));
    kw.add(PyExpr.kw("model_url", values.templated(s.modelData(), AirflowValues.Form.STRING, step.id())));
    kw.add(PyExpr.kw("package_group_name", values.protect(s.modelPackageGroup())));
    kw.add(PyExpr.kw("package_desc", values.protect(step.label())));
    kw.add(PyExpr.kw("model_approval", PyExpr.attr(PyExpr.name(approval), s.approvalStatus().name())));
    // The operator builds InferenceSpecification itself (text/csv in and out) and does not template
    // `extras`: anything else can only be passed when it holds no reference.
    Map<String, Object> extras = new LinkedHashMap<>();
    List<String> dropped = new ArrayList<>();
    boolean customInference = !s.contentTypes().equals(List.of("text/csv")) || !s.responseTypes().equals(List.of("text/csv"))
        || !s.inferenceInstanceTypes().isEmpty() || !s.transformInstanceTypes().isEmpty();
    if (customInference) {
      Object inference = r.body().get("InferenceSpecification");
      if (RequestTree.references(inference).isEmpty()) {
        extras.put("InferenceSpecification", inference);
      } else {
        dropped.add("supported content types and instance types");
      }
    }
    Object metrics = r.body().get("ModelMetrics");
    if (metrics != null) {
      if (RequestTree.references(metrics).isEmpty()) {
        extras.put("ModelMetrics", metrics);
      } else {
        dropped.add("model metrics");
      }
    }
    if (!dropped.isEmpty()) {
      file.note(AirflowNote.REGISTER_EXTRAS, step.id(), String.join(" and ", dropped)
          + " (the operator's `extras` is not templated)");
    }
    if (!extras.isEmpty()) {
      kw.add(PyExpr.kw("extras", PyExpr.literal(extras)));
    }
    return classic(SAGEMAKER, "SageMakerRegisterModelVersionOperator", kw);
  }

  /** A request tree as a templated dict: literal strings protected, references rendered. */
  private PyExpr request(Object tree, String step) {
    if (tree instanceof Value v) {
      return values.templated(v, AirflowValues.Form.STRING, step);
    }
    if (tree instanceof String s) {
      return values.protect(s);
    }
    if (tree instanceof Map<?, ?> m) {
      List<Map.Entry<PyExpr, PyExpr>> entries = new ArrayList<>();
      m.forEach((k, v) -> entries.add(Map.entry(PyExpr.str(String.valueOf(k)), request(v, step))));
      return new PyExpr.Dict(entries);
    }
    if (tree instanceof List<?> l) {
      return new PyExpr.ListExpr(l.stream().map(x -> request(x, step)).toList());
    }
    return PyExpr.literal(tree);
  }

  private void gaps(Step step, JobRequest r) {
    r.gaps().forEach(g -> file.note(AirflowNote.REQUEST_GAP, step.id(), g));
  }

  /**
   * A SageMaker job name: pipeline and step, letters, digits and hyphens, at most 63 characters. The
   * operators add a timestamp when a job of that name exists, so reruns do not collide.
   */
  String jobName(Step step) {
    String raw = hyphenated(file.pipeline.name() + "-" + step.id());
    if (raw.isEmpty()) {
      raw = "pipeshift-job";
    }
    if (raw.length() > 63) {
      raw = raw.substring(raw.length() - 63).replaceAll("^-+", "");
    }
    return raw;
  }

  /** ASCII letters and digits kept, every other run of characters one hyphen, none at either end. */
  private static String hyphenated(String text) {
    return PyNames.collapse(text, c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9', '-');
  }

  // ---- other AWS services ------------------------------------------------------------------------------

  private TaskCall ecs(Step step) {
    EcsSpec s = (EcsSpec) step.spec();
    String id = step.id();
    List<PyExpr.Kwarg> kw = new ArrayList<>();
    kw.add(PyExpr.kw("cluster", values.protect(s.cluster())));
    kw.add(PyExpr.kw("task_definition", values.protect(s.taskDefinition())));
    kw.add(PyExpr.kw("launch_type", PyExpr.str(s.launchType().name())));
    Map<String, Object> container = new LinkedHashMap<>();
    if (s.container().isPresent()) {
      container.put("name", values.protect(s.container().get()));
      if (!s.command().isEmpty()) {
        container.put("command", stringList(s.command(), id));
      }
      if (!s.environment().isEmpty()) {
        container.put("environment", nameValueList(s.environment(), id));
      }
    } else if (!s.command().isEmpty() || !s.environment().isEmpty()) {
      file.note(AirflowNote.ECS_CONTAINER, id, "the overrides are not passed");
    }
    Map<String, Object> overrides = new LinkedHashMap<>();
    overrides.put("containerOverrides", container.size() > 1 ? List.of(PyExpr.literal(container)) : List.of());
    kw.add(PyExpr.kw("overrides", PyExpr.literal(overrides)));
    if (!s.subnets().isEmpty() || !s.securityGroups().isEmpty()) {
      Map<String, Object> vpc = new LinkedHashMap<>();
      vpc.put("subnets", s.subnets().stream().map(values::protect).toList());
      if (!s.securityGroups().isEmpty()) {
        vpc.put("securityGroups", s.securityGroups().stream().map(values::protect).toList());
      }
      kw.add(PyExpr.kw("network_configuration", PyExpr.literal(Map.of("awsvpcConfiguration", vpc))));
    }
    return classic("airflow.providers.amazon.aws.operators.ecs", "EcsRunTaskOperator", kw);
  }

  private TaskCall emr(Step step) {
    EmrSpec s = (EmrSpec) step.spec();
    Map<String, Object> jar = new LinkedHashMap<>();
    jar.put("Jar", values.protect(s.jar()));
    if (!s.args().isEmpty()) {
      jar.put("Args", stringList(s.args(), step.id()));
    }
    s.mainClass().ifPresent(m -> jar.put("MainClass", values.protect(m)));
    Map<String, Object> emrStep = new LinkedHashMap<>();
    emrStep.put("Name", values.protect(step.label()));
    emrStep.put("ActionOnFailure", PyExpr.str("CONTINUE"));
    emrStep.put("HadoopJarStep", jar);
    String module = "airflow.providers.amazon.aws.operators.emr";
    if (s.clusterId().isPresent()) {
      return classic(module, "EmrAddStepsOperator", List.of(
          PyExpr.kw("job_flow_id", values.protect(s.clusterId().get())),
          PyExpr.kw("steps", new PyExpr.ListExpr(List.of(PyExpr.literal(emrStep)))),
          PyExpr.kw("wait_for_completion", PyExpr.bool(true))));
    }
    file.note(AirflowNote.EMR_CLUSTER, step.id(), "EmrCreateJobFlowOperator with the step in its overrides");
    Map<String, Object> overrides = new LinkedHashMap<>();
    s.clusterConfig().forEach((k, v) -> overrides.put(k, plainTree(v)));
    emrStep.put("ActionOnFailure", PyExpr.str("TERMINATE_CLUSTER"));
    overrides.put("Steps", List.of(emrStep));
    return classic(module, "EmrCreateJobFlowOperator", List.of(
        PyExpr.kw("job_flow_overrides", PyExpr.literal(overrides)),
        PyExpr.kw("wait_for_completion", PyExpr.bool(true))));
  }

  /** A raw tree (extension, cluster config) in a templated field: strings protected. */
  private Object plainTree(Object v) {
    if (v instanceof String s) {
      return values.protect(s);
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), plainTree(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      return l.stream().map(this::plainTree).toList();
    }
    return v;
  }

  // ---- non-AWS -------------------------------------------------------------------------------------

  private TaskCall http(Step step) {
    HttpSpec s = (HttpSpec) step.spec();
    String id = step.id();
    file.note(AirflowNote.HTTP_ENDPOINT, id, "connection " + s.connection().orElse("http_default"));
    List<PyExpr.Kwarg> kw = new ArrayList<>();
    kw.add(PyExpr.kw("http_conn_id", values.protect(s.connection().orElse("http_default"))));
    kw.add(PyExpr.kw("endpoint", values.templated(s.url(), AirflowValues.Form.STRING, id)));
    kw.add(PyExpr.kw("method", PyExpr.str(s.method().name().toUpperCase(Locale.ROOT))));
    if (!s.headers().isEmpty()) {
      kw.add(PyExpr.kw("headers", stringDict(s.headers(), id)));
    }
    s.body().ifPresent(b -> kw.add(PyExpr.kw("data", values.templated(b, AirflowValues.Form.STRING, id))));
    return classic("airflow.providers.http.operators.http", "HttpOperator", kw);
  }

  private TaskCall container(Step step) {
    ContainerSpec s = (ContainerSpec) step.spec();
    String id = step.id();
    List<PyExpr.Kwarg> kw = new ArrayList<>();
    kw.add(PyExpr.kw("image", values.protect(s.image())));
    if (!s.command().isEmpty()) {
      kw.add(PyExpr.kw("cmds", stringList(s.command(), id)));
    }
    if (!s.args().isEmpty()) {
      kw.add(PyExpr.kw("arguments", stringList(s.args(), id)));
    }
    s.namespace().ifPresent(n -> kw.add(PyExpr.kw("namespace", values.protect(n))));
    if (!s.environment().isEmpty()) {
      kw.add(PyExpr.kw("env_vars", stringDict(s.environment(), id)));
    }
    if (s.cpu().isPresent() || s.memory().isPresent()) {
      PyName k8s = file.imports.fromAs("kubernetes.client", "models", "k8s");
      Map<String, Object> requests = new LinkedHashMap<>();
      s.cpu().ifPresent(c -> requests.put("cpu", values.protect(c)));
      s.memory().ifPresent(m -> requests.put("memory", values.protect(m)));
      kw.add(PyExpr.kw("container_resources", PyExpr.call(PyExpr.attr(PyExpr.name(k8s), "V1ResourceRequirements"),
          List.of(), List.of(PyExpr.kw("requests", PyExpr.literal(requests))))));
    }
    return classic("airflow.providers.cncf.kubernetes.operators.pod", "KubernetesPodOperator", kw);
  }

  private TaskCall approval(Step step) {
    ApprovalSpec s = (ApprovalSpec) step.spec();
    if (file.version.approvalOperator().isEmpty()) {
      return placeholder(step, "Airflow 2 has no human approval operator (Airflow 3.1 added ApprovalOperator)");
    }
    if (s.topic().isPresent() || s.queueUrl().isPresent() || !s.approvers().isEmpty()) {
      file.note(AirflowNote.APPROVAL, step.id(), "approvers answer in the Airflow UI; topic, queue and approver list"
          + " are not kept");
    }
    List<PyExpr.Kwarg> kw = new ArrayList<>();
    kw.add(PyExpr.kw("subject", values.protect(step.label())));
    s.message().ifPresent(m -> kw.add(PyExpr.kw("body", values.templated(m, AirflowValues.Form.STRING, step.id()))));
    kw.add(PyExpr.kw("fail_on_reject", PyExpr.bool(true)));
    return new Classic(file.use(file.version.approvalOperator().get()), kw);
  }

  /** Whether an external step is an Airflow operator whose import path can be written. */
  static boolean keepsOperator(ExternalSpec s) {
    String[] path = s.type().split("\\.", -1);
    boolean dotted = path.length >= 2;
    for (String p : path) {
      dotted &= PyNames.isIdentifier(p) && !PyNames.KEYWORDS.contains(p);
    }
    return s.format().equals("airflow") && dotted;
  }

  private TaskCall external(Step step) {
    ExternalSpec s = (ExternalSpec) step.spec();
    String[] path = s.type().split("\\.", -1);
    if (!keepsOperator(s)) {
      return placeholder(step, "an external " + s.format() + " step (" + s.type() + ") only runs on its own"
          + " orchestrator");
    }
    String module = String.join(".", java.util.Arrays.copyOf(path, path.length - 1));
    PyName operator = file.imports.fromAliased(module, path[path.length - 1]);
    List<PyExpr.Kwarg> kw = new ArrayList<>();
    for (Map.Entry<String, Object> e : s.arguments().entrySet()) {
      String key = e.getKey();
      if (key.equals("task_id") || key.equals("dag") || key.equals("task_group")) {
        continue;
      }
      if (!PyNames.isIdentifier(key) || PyNames.KEYWORDS.contains(key)) {
        file.note(AirflowNote.EXTERNAL_ARGUMENT, step.id(), "argument " + PyLiteral.string(key));
        continue;
      }
      kw.add(PyExpr.kw(key, PyExpr.literal(e.getValue())));
    }
    return new Classic(operator, kw);
  }

  // ---- shared shapes ----------------------------------------------------------------------------------

  private TaskCall classic(String module, String operator, List<PyExpr.Kwarg> kwargs) {
    return new Classic(file.symbol(module, operator), kwargs);
  }

  private PyExpr stringDict(Map<String, Value> map, String step) {
    List<Map.Entry<PyExpr, PyExpr>> entries = new ArrayList<>();
    map.forEach((k, v) -> entries.add(Map.entry(PyExpr.str(k), values.templated(v, AirflowValues.Form.STRING, step))));
    return new PyExpr.Dict(entries);
  }

  private PyExpr stringList(List<Value> list, String step) {
    return new PyExpr.ListExpr(list.stream().map(v -> values.templated(v, AirflowValues.Form.STRING, step)).toList());
  }

  /** AWS's {@code [{"name": k, "value": v}]} environment shape. */
  private PyExpr nameValueList(Map<String, Value> map, String step) {
    List<PyExpr> items = new ArrayList<>();
    map.forEach((k, v) -> items.add(new PyExpr.Dict(List.of(
        Map.entry(PyExpr.str("name"), values.protect(k)),
        Map.entry(PyExpr.str("value"), values.templated(v, AirflowValues.Form.STRING, step))))));
    return new PyExpr.ListExpr(items);
  }
}
