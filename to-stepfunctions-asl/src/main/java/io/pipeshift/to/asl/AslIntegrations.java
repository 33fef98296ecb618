package io.pipeshift.to.asl;

import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.ApprovalSpec;
import io.pipeshift.ir.kinds.AthenaSpec;
import io.pipeshift.ir.kinds.BatchSpec;
import io.pipeshift.ir.kinds.CallbackSpec;
import io.pipeshift.ir.kinds.CreateModelSpec;
import io.pipeshift.ir.kinds.EcsSpec;
import io.pipeshift.ir.kinds.EmrSpec;
import io.pipeshift.ir.kinds.EventBridgePutSpec;
import io.pipeshift.ir.kinds.ExternalSpec;
import io.pipeshift.ir.kinds.GlueSpec;
import io.pipeshift.ir.kinds.HttpSpec;
import io.pipeshift.ir.kinds.LambdaSpec;
import io.pipeshift.ir.kinds.ProcessingSpec;
import io.pipeshift.ir.kinds.RegisterModelSpec;
import io.pipeshift.ir.kinds.SnsSpec;
import io.pipeshift.ir.kinds.SqsSpec;
import io.pipeshift.ir.kinds.StartSageMakerPipelineSpec;
import io.pipeshift.ir.kinds.StartStepFunctionsSpec;
import io.pipeshift.ir.kinds.StepSpec;
import io.pipeshift.ir.kinds.TrainingSpec;
import io.pipeshift.ir.kinds.TuningSpec;
import io.pipeshift.requests.JobRequest;
import io.pipeshift.requests.SageMakerRequests;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * IR step -> the Task state's call, for every kind that is one Task: the optimised integrations
 * ({@code sagemaker:create*Job.sync}, {@code glue:startJobRun.sync}, {@code batch:submitJob.sync},
 * {@code ecs:runTask.sync}, {@code lambda:invoke}, {@code sns:publish}, {@code sqs:sendMessage},
 * {@code events:putEvents}, {@code athena:startQueryExecution.sync}, {@code states:startExecution.sync:2},
 * {@code http:invoke}, {@code elasticmapreduce:addStep.sync}), AWS SDK calls, callbacks
 * ({@code .waitForTaskToken}) and activities for work no integration runs. Kinds that need several states
 * (waiting for a SageMaker pipeline, deploying an endpoint, an EMR cluster of its own) are built by
 * {@link AslMachine} from the calls defined here.
 */
final class AslIntegrations {

  static final String STATES = "arn:aws:states:::";

  private final AslValues values;
  private final AslNames names;
  private final List<FidelityNote> notes;

  AslIntegrations(AslValues values, AslNames names, List<FidelityNote> notes) {
    this.values = values;
    this.names = names;
    this.notes = notes;
  }

  /** The Task for a single-Task step kind; empty for kinds with states of their own. */
  Optional<AslTask> task(Step s) {
    StepSpec spec = s.spec();
    return Optional.ofNullable(switch (s.kind()) {
      case PROCESSING, TRAINING, TUNING, TRANSFORM, CREATE_MODEL, REGISTER_MODEL -> sagemaker(s);
      case LAMBDA -> lambda(s, (LambdaSpec) spec);
      case GLUE -> glue(s, (GlueSpec) spec);
      case BATCH -> batch(s, (BatchSpec) spec);
      case ECS -> ecs(s, (EcsSpec) spec);
      case SNS -> sns(s, (SnsSpec) spec);
      case SQS -> sqs(s, (SqsSpec) spec);
      case EVENTBRIDGE_PUT -> events(s, (EventBridgePutSpec) spec);
      case ATHENA -> athena(s, (AthenaSpec) spec);
      case START_STEP_FUNCTIONS -> startExecution(s, (StartStepFunctionsSpec) spec);
      case START_SAGEMAKER_PIPELINE -> startPipeline(s, (StartSageMakerPipelineSpec) spec);
      case HTTP -> http(s, (HttpSpec) spec);
      case APPROVAL -> approval(s, (ApprovalSpec) spec);
      case CALLBACK -> callback(s, (CallbackSpec) spec);
      case EMR -> ((EmrSpec) spec).clusterId().isPresent() ? addStep(s, (EmrSpec) spec, Optional.empty()) : null;
      case EXTERNAL -> external(s, (ExternalSpec) spec);
      case PYTHON, BASH, CONTAINER, SQL -> {
        notes.add(AslNote.ACTIVITY.at(s.id(), "a " + s.kind().yamlName()
            + " step has no Step Functions integration: it runs as an activity; a worker must poll it"));
        yield activity(s);
      }
      case QUALITY_CHECK, CLARIFY_CHECK, NOTEBOOK_JOB -> {
        notes.add(AslNote.NOT_EXPRESSIBLE.at(s.id(), "Step Functions has no integration for a "
            + s.kind().yamlName() + " step; an activity stands in for it"));
        yield activity(s);
      }
      case MODEL_DEPLOY, CONDITION, FAIL, WAIT, FOR_EACH -> null;
    });
  }

  // ---- SageMaker ----------------------------------------------------------------------------------

  private AslTask sagemaker(Step s) {
    JobRequest req = SageMakerRequests.forStep(s).orElseThrow();
    req.gaps().forEach(g -> notes.add(AslNote.REQUEST_GAP.at(s.id(), g)));
    Map<String, Object> params = new LinkedHashMap<>();
    String operation = req.operation();
    String prefix;
    if (operation.equals("CreateModelPackage")) {
      prefix = "";
      params.put(req.nameField(), s.description().orElse(s.label()));
    } else if (operation.equals("CreateHyperParameterTuningJob")) {
      prefix = AslNames.resourcePrefix(s.id(), 19); // tuning job names are at most 32 characters
      params.put(req.nameField() + ".$", AslIntrinsics.format(AslIntrinsics.escape(prefix) + "-{}{}", List.of(
          "States.ArrayGetItem(States.StringSplit(States.UUID(), '-'), 0)",
          "States.ArrayGetItem(States.StringSplit(States.UUID(), '-'), 1)")));
    } else {
      prefix = AslNames.resourcePrefix(s.id(), 26); // 26 + '-' + a 36-character UUID = 63
      params.put(req.nameField() + ".$", AslIntrinsics.uniqueName(prefix));
    }
    Object body = values.template(req.body(), true, p -> problem(s, p));
    @SuppressWarnings("unchecked")
    Map<String, Object> bodyMap = (Map<String, Object>) body;
    params.putAll(bodyMap);
    List<AslIam.Statement> iam = new ArrayList<>();
    List<String> roles = roles(s);
    return switch (operation) {
      case "CreateProcessingJob" -> job(s, "createProcessingJob", "processing-job", prefix, params, roles,
          "StepFunctionsGetEventsForSageMakerProcessingJobsRule", List.of("ProcessingJob"));
      case "CreateTrainingJob" -> job(s, "createTrainingJob", "training-job", prefix, params, roles,
          "StepFunctionsGetEventsForSageMakerTrainingJobsRule", List.of("TrainingJob"));
      case "CreateTransformJob" -> job(s, "createTransformJob", "transform-job", prefix, params, roles,
          "StepFunctionsGetEventsForSageMakerTransformJobsRule", List.of("TransformJob"));
      case "CreateHyperParameterTuningJob" -> {
        AslTask t = job(s, "createHyperParameterTuningJob", "hyper-parameter-tuning-job", prefix, params, roles,
            "StepFunctionsGetEventsForSageMakerHyperparameterTuningJobsRule", List.of("HyperParameterTuningJob"));
        List<AslIam.Statement> more = new ArrayList<>(t.iam());
        more.add(AslIam.Statement.of(List.of("sagemaker:ListTrainingJobsForHyperParameterTuningJob",
            "sagemaker:DescribeTrainingJob"), "arn:aws:sagemaker:*:*:training-job/*",
            "arn:aws:sagemaker:*:*:hyper-parameter-tuning-job/" + prefix + "-*"));
        yield new AslTask(t.resource(), t.parameters(), t.service(), t.waits(), more);
      }
      case "CreateModel" -> {
        iam.add(AslIam.Statement.of(List.of("sagemaker:CreateModel", "sagemaker:AddTags"),
            "arn:aws:sagemaker:*:*:model/" + prefix + "-*"));
        if (!roles.isEmpty()) {
          iam.add(AslIam.passRole(roles, "sagemaker.amazonaws.com"));
        }
        yield new AslTask(STATES + "sagemaker:createModel", params, AslService.SAGEMAKER, AslTask.Wait.CALL, iam);
      }
      case "CreateModelPackage" -> {
        String group = ((RegisterModelSpec) s.spec()).modelPackageGroup();
        iam.add(AslIam.Statement.of(List.of("sagemaker:CreateModelPackage"),
            "arn:aws:sagemaker:*:*:model-package/" + group.toLowerCase(Locale.ROOT) + "/*",
            "arn:aws:sagemaker:*:*:model-package-group/" + group.toLowerCase(Locale.ROOT)));
        yield new AslTask(STATES + "aws-sdk:sagemaker:createModelPackage", params, AslService.SAGEMAKER_SDK,
            AslTask.Wait.CALL, iam);
      }
      default -> throw new IllegalStateException("no Step Functions integration for " + operation);
    };
  }

  private AslTask job(Step s, String api, String arnType, String prefix, Map<String, Object> params,
      List<String> roles, String rule, List<String> nouns) {
    List<String> actions = new ArrayList<>();
    for (String n : nouns) {
      actions.add("sagemaker:Create" + n);
      actions.add("sagemaker:Describe" + n);
      actions.add("sagemaker:Stop" + n);
    }
    actions.add("sagemaker:AddTags");
    List<AslIam.Statement> iam = new ArrayList<>();
    iam.add(AslIam.Statement.of(actions, "arn:aws:sagemaker:*:*:" + arnType + "/" + prefix + "-*"));
    iam.add(AslIam.eventsRule(rule));
    if (!roles.isEmpty()) {
      iam.add(AslIam.passRole(roles, "sagemaker.amazonaws.com"));
    }
    return new AslTask(STATES + "sagemaker:" + api + ".sync", params, AslService.SAGEMAKER, AslTask.Wait.JOB, iam);
  }

  /**
   * The execution roles a SageMaker step hands over: its literal role ARN, any role (to SageMaker only) when
   * the role is known only at run time or missing, none for kinds that pass no role.
   */
  private static List<String> roles(Step s) {
    Optional<Value> role;
    switch (s.kind()) {
      case PROCESSING -> role = ((ProcessingSpec) s.spec()).role();
      case TRAINING -> role = ((TrainingSpec) s.spec()).role();
      case TUNING -> role = ((TuningSpec) s.spec()).training().role();
      case CREATE_MODEL -> role = ((CreateModelSpec) s.spec()).role();
      default -> {
        return List.of();
      }
    }
    return role.filter(v -> v instanceof Value.Literal).map(v -> List.of(((Value.Literal) v).asText()))
        .orElse(List.of("*"));
  }

  /** CreateEndpointConfig of a model deployment (its name comes first, fresh per attempt). */
  AslTask endpointConfig(Step s, String prefix) {
    JobRequest req = SageMakerRequests.forStep(s).orElseThrow();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put(req.nameField() + ".$", AslIntrinsics.uniqueName(prefix));
    @SuppressWarnings("unchecked")
    Map<String, Object> body = (Map<String, Object>) values.template(req.body(), true, p -> problem(s, p));
    params.putAll(body);
    return new AslTask(STATES + "sagemaker:createEndpointConfig", params, AslService.SAGEMAKER, AslTask.Wait.CALL,
        List.of(AslIam.Statement.of(List.of("sagemaker:CreateEndpointConfig", "sagemaker:AddTags"),
            "arn:aws:sagemaker:*:*:endpoint-config/" + prefix + "-*")));
  }

  // ---- AWS services -------------------------------------------------------------------------------

  private AslTask lambda(Step s, LambdaSpec l) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("FunctionName", l.function());
    params.put("Payload", values.template(l.payload(), false, p -> problem(s, p)));
    String arn = l.function().startsWith("arn:") ? l.function() : "arn:aws:lambda:*:*:function:" + l.function();
    return new AslTask(STATES + "lambda:invoke", params, AslService.LAMBDA, AslTask.Wait.CALL,
        List.of(AslIam.Statement.of(List.of("lambda:InvokeFunction"), arn, arn + ":*")));
  }

  private AslTask glue(Step s, GlueSpec g) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("JobName", g.jobName());
    if (!g.arguments().isEmpty()) {
      params.put("Arguments", values.template(g.arguments(), true, p -> problem(s, p)));
    }
    g.workerType().ifPresent(w -> params.put("WorkerType", w));
    g.numberOfWorkers().ifPresent(n -> params.put("NumberOfWorkers", n));
    return new AslTask(STATES + "glue:startJobRun.sync", params, AslService.GLUE, AslTask.Wait.JOB,
        List.of(AslIam.Statement.of(List.of("glue:StartJobRun", "glue:GetJobRun", "glue:GetJobRuns",
            "glue:BatchStopJobRun"), "arn:aws:glue:*:*:job/" + g.jobName())));
  }

  private AslTask batch(Step s, BatchSpec b) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("JobName", b.jobName());
    params.put("JobQueue", b.jobQueue());
    params.put("JobDefinition", b.jobDefinition());
    if (!b.parameters().isEmpty()) {
      params.put("Parameters", values.template(b.parameters(), true, p -> problem(s, p)));
    }
    Map<String, Object> overrides = new LinkedHashMap<>();
    if (!b.command().isEmpty()) {
      values.put(overrides, "Command", b.command(), true, p -> problem(s, p));
    }
    if (!b.environment().isEmpty()) {
      overrides.put("Environment", environment(s, b.environment()));
    }
    if (!overrides.isEmpty()) {
      params.put("ContainerOverrides", overrides);
    }
    String queue = b.jobQueue().startsWith("arn:") ? b.jobQueue() : "arn:aws:batch:*:*:job-queue/" + b.jobQueue();
    String definition = b.jobDefinition().startsWith("arn:") ? b.jobDefinition()
        : "arn:aws:batch:*:*:job-definition/" + b.jobDefinition() + "*";
    return new AslTask(STATES + "batch:submitJob.sync", params, AslService.BATCH, AslTask.Wait.JOB, List.of(
        AslIam.Statement.of(List.of("batch:SubmitJob", "batch:DescribeJobs", "batch:TerminateJob"),
            queue, definition, "arn:aws:batch:*:*:job/*"),
        AslIam.eventsRule("StepFunctionsGetEventsForBatchJobsRule")));
  }

  private List<Object> environment(Step s, Map<String, Value> env) {
    List<Object> out = new ArrayList<>();
    env.forEach((k, v) -> {
      Map<String, Object> pair = new LinkedHashMap<>();
      pair.put("Name", k);
      values.put(pair, "Value", v, true, p -> problem(s, p));
      out.add(pair);
    });
    return out;
  }

  private AslTask ecs(Step s, EcsSpec e) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("Cluster", e.cluster());
    params.put("TaskDefinition", e.taskDefinition());
    params.put("LaunchType", e.launchType().name());
    if (!e.subnets().isEmpty() || !e.securityGroups().isEmpty()) {
      Map<String, Object> vpc = new LinkedHashMap<>();
      vpc.put("Subnets", e.subnets());
      if (!e.securityGroups().isEmpty()) {
        vpc.put("SecurityGroups", e.securityGroups());
      }
      params.put("NetworkConfiguration", Map.of("AwsvpcConfiguration", vpc));
    }
    if (!e.command().isEmpty() || !e.environment().isEmpty()) {
      Map<String, Object> container = new LinkedHashMap<>();
      if (e.container().isEmpty()) {
        notes.add(AslNote.ECS_CONTAINER.at(s.id(), "the command and environment override the container named"
            + " '${ContainerName}'; set 'container' on the step"));
      }
      container.put("Name", e.container().orElse("${ContainerName}"));
      if (!e.command().isEmpty()) {
        values.put(container, "Command", e.command(), true, p -> problem(s, p));
      }
      if (!e.environment().isEmpty()) {
        container.put("Environment", environment(s, e.environment()));
      }
      params.put("Overrides", Map.of("ContainerOverrides", List.of(container)));
    }
    String taskDef = e.taskDefinition().startsWith("arn:") ? e.taskDefinition()
        : "arn:aws:ecs:*:*:task-definition/" + e.taskDefinition() + "*";
    return new AslTask(STATES + "ecs:runTask.sync", params, AslService.ECS, AslTask.Wait.JOB, List.of(
        AslIam.Statement.of(List.of("ecs:RunTask"), taskDef),
        AslIam.Statement.of(List.of("ecs:StopTask", "ecs:DescribeTasks"), "*"),
        AslIam.eventsRule("StepFunctionsGetEventsForECSTaskRule"),
        AslIam.passRole(List.of("*"), "ecs-tasks.amazonaws.com")));
  }

  private AslTask sns(Step s, SnsSpec n) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("TopicArn", n.topic());
    values.put(params, "Message", n.message(), true, p -> problem(s, p));
    n.subject().ifPresent(x -> params.put("Subject", x));
    return new AslTask(STATES + "sns:publish", params, AslService.SNS, AslTask.Wait.CALL,
        List.of(AslIam.Statement.of(List.of("sns:Publish"), n.topic())));
  }

  private AslTask sqs(Step s, SqsSpec q) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("QueueUrl", q.queueUrl());
    values.put(params, "MessageBody", q.message(), true, p -> problem(s, p));
    return new AslTask(STATES + "sqs:sendMessage", params, AslService.SQS, AslTask.Wait.CALL,
        List.of(AslIam.Statement.of(List.of("sqs:SendMessage"), queueArn(q.queueUrl()))));
  }

  /** https://sqs.REGION.amazonaws.com/ACCOUNT/NAME -> arn:aws:sqs:REGION:ACCOUNT:NAME. */
  static String queueArn(String url) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("https://sqs\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/(\\d+)/([^/?]+)").matcher(url);
    return m.matches() ? "arn:aws:sqs:" + m.group(1) + ":" + m.group(2) + ":" + m.group(3) : "arn:aws:sqs:*:*:*";
  }

  private AslTask events(Step s, EventBridgePutSpec e) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("EventBusName", e.eventBus());
    entry.put("Source", e.source());
    entry.put("DetailType", e.detailType());
    entry.put("Detail", values.template(e.detail(), false, p -> problem(s, p)));
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("Entries", List.of(entry));
    String bus = e.eventBus().startsWith("arn:") ? e.eventBus() : "arn:aws:events:*:*:event-bus/" + e.eventBus();
    return new AslTask(STATES + "events:putEvents", params, AslService.EVENTS, AslTask.Wait.CALL,
        List.of(AslIam.Statement.of(List.of("events:PutEvents"), bus)));
  }

  private AslTask athena(Step s, AthenaSpec a) {
    Map<String, Object> params = new LinkedHashMap<>();
    values.put(params, "QueryString", a.query(), true, p -> problem(s, p));
    params.put("QueryExecutionContext", Map.of("Database", a.database()));
    a.workgroup().ifPresent(w -> params.put("WorkGroup", w));
    Map<String, Object> result = new LinkedHashMap<>();
    values.put(result, "OutputLocation", a.outputLocation(), true, p -> problem(s, p));
    params.put("ResultConfiguration", result);
    return new AslTask(STATES + "athena:startQueryExecution.sync", params, AslService.ATHENA, AslTask.Wait.JOB,
        List.of(AslIam.Statement.of(List.of("athena:StartQueryExecution", "athena:GetQueryExecution",
            "athena:GetQueryResults", "athena:StopQueryExecution", "athena:GetWorkGroup"),
            "arn:aws:athena:*:*:workgroup/" + a.workgroup().orElse("primary"))));
  }

  private AslTask startExecution(Step s, StartStepFunctionsSpec x) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("StateMachineArn", x.stateMachine());
    @SuppressWarnings("unchecked")
    Map<String, Object> input = (Map<String, Object>) values.template(x.input(), false, p -> problem(s, p));
    Map<String, Object> withParent = new LinkedHashMap<>(input);
    withParent.put("AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$", "$$.Execution.Id");
    params.put("Input", withParent);
    String machine = x.stateMachine();
    String executions = machine.startsWith("arn:") ? machine.replace(":stateMachine:", ":execution:") + ":*"
        : "arn:aws:states:*:*:execution:*";
    List<AslIam.Statement> iam = new ArrayList<>();
    iam.add(AslIam.Statement.of(List.of("states:StartExecution"), machine));
    if (x.waitForCompletion()) {
      iam.add(AslIam.Statement.of(List.of("states:DescribeExecution", "states:StopExecution"), executions));
      iam.add(AslIam.eventsRule("StepFunctionsGetEventsForStepFunctionsExecutionRule"));
    }
    return new AslTask(STATES + "states:startExecution" + (x.waitForCompletion() ? ".sync:2" : ""), params,
        AslService.STEP_FUNCTIONS, x.waitForCompletion() ? AslTask.Wait.JOB : AslTask.Wait.CALL, iam);
  }

  /** StartPipelineExecution (waiting for the run, when asked, is built by {@link AslMachine}). */
  AslTask startPipeline(Step s, StartSageMakerPipelineSpec p) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("PipelineName", p.pipeline());
    if (!p.parameters().isEmpty()) {
      List<Object> list = new ArrayList<>();
      p.parameters().forEach((k, v) -> {
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("Name", k);
        values.put(pair, "Value", v, true, x -> problem(s, x));
        list.add(pair);
      });
      params.put("PipelineParameters", list);
    }
    params.put("ClientRequestToken.$", "States.UUID()");
    return new AslTask(STATES + "aws-sdk:sagemaker:startPipelineExecution", params, AslService.SAGEMAKER_SDK,
        AslTask.Wait.CALL, List.of(AslIam.Statement.of(List.of("sagemaker:StartPipelineExecution"),
            "arn:aws:sagemaker:*:*:pipeline/" + p.pipeline().toLowerCase(Locale.ROOT))));
  }

  /** DescribePipelineExecution for the poll loop. */
  AslTask describePipeline(StartSageMakerPipelineSpec p) {
    return new AslTask(STATES + "aws-sdk:sagemaker:describePipelineExecution",
        new LinkedHashMap<>(Map.of("PipelineExecutionArn.$", AslDocument.POLL + ".arn")), AslService.SAGEMAKER_SDK,
        AslTask.Wait.CALL, List.of(AslIam.Statement.of(List.of("sagemaker:DescribePipelineExecution"),
            "arn:aws:sagemaker:*:*:pipeline/" + p.pipeline().toLowerCase(Locale.ROOT) + "/execution/*")));
  }

  private AslTask http(Step s, HttpSpec h) {
    Map<String, Object> params = new LinkedHashMap<>();
    values.put(params, "ApiEndpoint", h.url(), true, p -> problem(s, p));
    params.put("Method", h.method().name());
    String connection;
    if (h.connection().filter(c -> c.startsWith("arn:")).isPresent()) {
      connection = h.connection().get();
    } else {
      connection = "${ConnectionArn_" + names.key(s.id()) + "}";
      notes.add(AslNote.PLACEHOLDER.at(s.id(), "the HTTP task needs an EventBridge connection ARN"
          + h.connection().map(c -> " for connection '" + c + "'").orElse("") + "; fill in " + connection));
    }
    params.put("Authentication", Map.of("ConnectionArn", connection));
    if (!h.headers().isEmpty()) {
      params.put("Headers", values.template(h.headers(), true, p -> problem(s, p)));
    }
    h.body().ifPresent(b -> values.put(params, "RequestBody", b, false, p -> problem(s, p)));
    String connectionResource = connection.startsWith("arn:") ? connection : "arn:aws:events:*:*:connection/*";
    return new AslTask(STATES + "http:invoke", params, AslService.HTTP, AslTask.Wait.CALL, List.of(
        new AslIam.Statement(List.of("states:InvokeHTTPEndpoint"), List.of("*"),
            Map.of("StringEquals", Map.of("states:HTTPMethod", h.method().name()))),
        AslIam.Statement.of(List.of("events:RetrieveConnectionCredentials"), connectionResource),
        AslIam.Statement.of(List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"),
            "arn:aws:secretsmanager:*:*:secret:events!connection/*")));
  }

  private AslTask approval(Step s, ApprovalSpec a) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("step", s.id());
    a.message().ifPresent(m -> values.put(message, "message", m, true, p -> problem(s, p)));
    if (!a.approvers().isEmpty()) {
      message.put("approvers", a.approvers());
    }
    message.put("executionArn.$", "$$.Execution.Id");
    message.put("taskToken.$", "$$.Task.Token");
    Map<String, Object> params = new LinkedHashMap<>();
    if (a.queueUrl().isPresent() && a.topic().isEmpty()) {
      params.put("QueueUrl", a.queueUrl().get());
      params.put("MessageBody", message);
      return new AslTask(STATES + "sqs:sendMessage.waitForTaskToken", params, AslService.SQS,
          AslTask.Wait.CALLBACK, List.of(AslIam.Statement.of(List.of("sqs:SendMessage"),
              queueArn(a.queueUrl().get()))));
    }
    String topic = a.topic().orElseGet(() -> {
      String placeholder = "${ApprovalTopicArn_" + names.key(s.id()) + "}";
      notes.add(AslNote.PLACEHOLDER.at(s.id(), "the approval names no topic or queue; fill in " + placeholder));
      return placeholder;
    });
    params.put("TopicArn", topic);
    params.put("Message", message);
    return new AslTask(STATES + "sns:publish.waitForTaskToken", params, AslService.SNS, AslTask.Wait.CALLBACK,
        List.of(AslIam.Statement.of(List.of("sns:Publish"), topic.startsWith("arn:") ? topic : "*")));
  }

  private AslTask callback(Step s, CallbackSpec c) {
    @SuppressWarnings("unchecked")
    Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) values.template(c.payload(), false,
        p -> problem(s, p)));
    body.put("taskToken.$", "$$.Task.Token");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("QueueUrl", c.queueUrl());
    params.put("MessageBody", body);
    return new AslTask(STATES + "sqs:sendMessage.waitForTaskToken", params, AslService.SQS, AslTask.Wait.CALLBACK,
        List.of(AslIam.Statement.of(List.of("sqs:SendMessage"), queueArn(c.queueUrl()))));
  }

  /** addStep.sync on an existing cluster, or (clusterIdPath) on the one the step created. */
  AslTask addStep(Step s, EmrSpec e, Optional<String> clusterIdPath) {
    Map<String, Object> jar = new LinkedHashMap<>();
    jar.put("Jar", e.jar());
    if (!e.args().isEmpty()) {
      values.put(jar, "Args", e.args(), true, p -> problem(s, p));
    }
    e.mainClass().ifPresent(m -> jar.put("MainClass", m));
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("Name", s.label());
    step.put("ActionOnFailure", "CONTINUE");
    step.put("HadoopJarStep", jar);
    Map<String, Object> params = new LinkedHashMap<>();
    if (clusterIdPath.isPresent()) {
      params.put("ClusterId.$", clusterIdPath.get());
    } else {
      params.put("ClusterId", e.clusterId().orElseThrow());
    }
    params.put("Step", step);
    String cluster = e.clusterId().map(c -> "arn:aws:elasticmapreduce:*:*:cluster/" + c)
        .orElse("arn:aws:elasticmapreduce:*:*:cluster/*");
    return new AslTask(STATES + "elasticmapreduce:addStep.sync", params, AslService.EMR, AslTask.Wait.JOB, List.of(
        AslIam.Statement.of(List.of("elasticmapreduce:AddJobFlowSteps", "elasticmapreduce:DescribeStep",
            "elasticmapreduce:CancelSteps"), cluster),
        AslIam.eventsRule("StepFunctionsGetEventsForEMRAddJobFlowStepsRule")));
  }

  private AslTask external(Step s, ExternalSpec x) {
    if (x.format().equals("asl") && x.type().startsWith("arn:")) {
      AslTask.Wait wait = x.type().endsWith(".waitForTaskToken") ? AslTask.Wait.CALLBACK
          : x.type().contains(".sync") ? AslTask.Wait.JOB : x.type().contains(":activity:") ? AslTask.Wait.ACTIVITY
              : AslTask.Wait.CALL;
      return new AslTask(x.type(), new LinkedHashMap<>(x.arguments()), AslService.NONE, wait, List.of());
    }
    notes.add(AslNote.ACTIVITY.at(s.id(), "an external " + x.format() + " step (" + x.type()
        + ") has no Step Functions integration: it runs as an activity; a worker must poll it"));
    return activity(s);
  }

  /** An activity: a worker polls for the step's fields and reports back. */
  private AslTask activity(Step s) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("step", s.id());
    params.put("kind", s.kind().yamlName());
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = (Map<String, Object>) values.template(fields((Record) s.spec()), false, p -> problem(s, p));
    params.putAll(fields);
    return new AslTask("${ActivityArn_" + names.key(s.id()) + "}", params, AslService.NONE, AslTask.Wait.ACTIVITY,
        List.of());
  }

  /** A record's fields as a tree (Optional.empty and empty collections left out, enums in lower case). */
  static Map<String, Object> fields(Record r) {
    Map<String, Object> out = new LinkedHashMap<>();
    io.pipeshift.ir.RecordShape shape = io.pipeshift.ir.RecordShape.of(r.getClass());
    for (int i = 0; i < shape.size(); i++) {
      Object v = tree(shape.get(r, i));
      if (v != null) {
        out.put(shape.name(i), v);
      }
    }
    return out;
  }

  private static Object tree(Object v) {
    if (v instanceof Optional<?> o) {
      return o.map(AslIntegrations::tree).orElse(null);
    }
    if (v instanceof Value) {
      return v;
    }
    if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        return null;
      }
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> {
        Object t = tree(x);
        if (t != null) {
          out.put(String.valueOf(k), t);
        }
      });
      return out;
    }
    if (v instanceof Collection<?> c) {
      if (c.isEmpty()) {
        return null;
      }
      List<Object> out = new ArrayList<>();
      c.forEach(x -> out.add(tree(x)));
      return out;
    }
    if (v instanceof Enum<?> e) {
      return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
    if (v instanceof java.time.Duration d) {
      return io.pipeshift.time.Durations.format(d);
    }
    if (v instanceof Record r) {
      return fields(r);
    }
    return v instanceof io.pipeshift.ir.RawNull ? null : v;
  }

  private void problem(Step s, String message) {
    notes.add(AslNote.VALUE_NOT_EXPRESSIBLE.at(s.id(), message));
  }
}
