package io.pipeshift.from.asl;

import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.ApprovalSpec;
import io.pipeshift.ir.kinds.AthenaSpec;
import io.pipeshift.ir.kinds.BatchSpec;
import io.pipeshift.ir.kinds.CallbackSpec;
import io.pipeshift.ir.kinds.EcsSpec;
import io.pipeshift.ir.kinds.EmrSpec;
import io.pipeshift.ir.kinds.EventBridgePutSpec;
import io.pipeshift.ir.kinds.GlueSpec;
import io.pipeshift.ir.kinds.HttpSpec;
import io.pipeshift.ir.kinds.LambdaSpec;
import io.pipeshift.ir.kinds.SnsSpec;
import io.pipeshift.ir.kinds.SqsSpec;
import io.pipeshift.ir.kinds.StartSageMakerPipelineSpec;
import io.pipeshift.ir.kinds.StartStepFunctionsSpec;
import io.pipeshift.ir.kinds.StepSpec;
import io.pipeshift.requests.SageMakerRequestReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Task state's integration -> an IR kind with typed fields: SageMaker create*Job (.sync) through the
 * shared {@link SageMakerRequestReader}, Glue, Batch, ECS, Lambda, SNS, SQS, EventBridge, Athena, nested
 * Step Functions executions, SageMaker pipelines (aws-sdk), HTTP, EMR; the callback pattern
 * ({@code .waitForTaskToken}) -> approval (SNS, or a message that names approvers) or callback. Resources
 * it does not know are not mapped here: the walker keeps them verbatim as {@code external} steps.
 */
final class AslTasks {

  /** {@code arn:aws:states:::service:action[.sync|.sync:2|.waitForTaskToken]}. */
  private static final Pattern INTEGRATION =
      Pattern.compile("arn:[a-z-]+:states:::(aws-sdk:)?([A-Za-z0-9-]+):([A-Za-z0-9]+)((?:\\.sync(?::2)?)|\\.waitForTaskToken)?");
  private static final Pattern LAMBDA_ARN = Pattern.compile("arn:[a-z-]+:lambda:[^:]*:[^:]*:function:.+");

  /** A parsed Task resource. */
  record Integration(boolean sdk, String service, String action, String pattern) {
    boolean sync() {
      return pattern.startsWith(".sync");
    }

    boolean callback() {
      return pattern.equals(".waitForTaskToken");
    }
  }

  static Optional<Integration> integration(String resource) {
    Matcher m = INTEGRATION.matcher(resource);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new Integration(m.group(1) != null, m.group(2), m.group(3), m.group(4) == null ? "" : m.group(4)));
  }

  /** What a task became, and what it could not keep. */
  record Mapped(StepSpec spec, List<String> dropped, boolean waits) {}

  private final Function<Value, Optional<String>> literalFor;

  AslTasks(Function<Value, Optional<String>> literalFor) {
    this.literalFor = literalFor;
  }

  /**
   * The typed step for a task, or empty for a resource to keep verbatim.
   *
   * @param args the Parameters/Arguments tree (Value leaves), empty when the state has none
   * @param outputs the names of the task's result fields other states read (from ResultSelector)
   */
  Optional<Mapped> map(String resource, Map<String, Object> args, List<String> outputs) {
    if (LAMBDA_ARN.matcher(resource).matches()) {
      return Optional.of(new Mapped(new LambdaSpec(resource, values(args), outputs), List.of(), true));
    }
    Optional<Integration> parsed = integration(resource);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    Integration i = parsed.get();
    Fields f = new Fields(args);
    StepSpec spec;
    String key = (i.sdk() ? "aws-sdk:" : "") + i.service() + ":" + i.action();
    switch (key) {
      case "sagemaker:createProcessingJob", "sagemaker:createTrainingJob", "sagemaker:createHyperParameterTuningJob",
          "sagemaker:createTransformJob", "sagemaker:createModel", "aws-sdk:sagemaker:createModelPackage",
          "sagemaker:createModelPackage" -> {
        SageMakerRequestReader.Read read = new SageMakerRequestReader(literalFor).read(i.action(), args).orElseThrow();
        boolean job = i.action().endsWith("Job");
        return Optional.of(new Mapped(read.spec(), read.dropped(), !job || i.sync()));
      }
      case "glue:startJobRun" -> spec = new GlueSpec(f.text("JobName"), f.valueMap("Arguments"), f.optText("WorkerType"),
          f.optNumber("NumberOfWorkers").map(Long::intValue));
      case "batch:submitJob" -> {
        Fields overrides = f.object("ContainerOverrides");
        spec = new BatchSpec(f.text("JobName"), f.text("JobQueue"), f.text("JobDefinition"), f.valueMap("Parameters"),
            overrides.values("Command"), overrides.environment("Environment"));
      }
      case "ecs:runTask" -> {
        Fields vpc = f.object("NetworkConfiguration").object("AwsvpcConfiguration");
        List<Fields> containers = f.object("Overrides").objects("ContainerOverrides");
        Fields c = containers.isEmpty() ? new Fields(Map.of()) : containers.get(0);
        EcsSpec.LaunchType launch = "EC2".equals(f.optText("LaunchType").orElse("FARGATE"))
            ? EcsSpec.LaunchType.EC2 : EcsSpec.LaunchType.FARGATE;
        spec = new EcsSpec(f.text("Cluster"), f.text("TaskDefinition"), launch, vpc.texts("Subnets"),
            vpc.texts("SecurityGroups"), c.optText("Name"), c.values("Command"), c.environment("Environment"));
      }
      case "lambda:invoke" -> {
        String function = f.text("FunctionName");
        Map<String, Value> payload = f.valueMap("Payload");
        if (i.callback()) {
          payload.values().removeIf(v -> v == AslValues.TASK_TOKEN);
          spec = new CallbackSpec(function, payload, outputs);
        } else {
          spec = new LambdaSpec(function, payload, outputs);
        }
      }
      case "sns:publish" -> {
        String topic = f.text("TopicArn");
        Optional<Value> message = f.value("Message");
        if (i.callback()) {
          spec = new ApprovalSpec(Optional.of(topic), Optional.empty(), message.filter(v -> v != AslValues.TASK_TOKEN),
              List.of());
        } else {
          spec = new SnsSpec(topic, message.orElse(Value.Literal.of("")), f.optText("Subject"));
        }
      }
      case "sqs:sendMessage" -> {
        String queue = f.text("QueueUrl");
        Object body = f.raw("MessageBody");
        if (i.callback()) {
          Map<String, Value> payload = body instanceof Map<?, ?> ? new Fields(asMap(body)).valueMap(null) : new LinkedHashMap<>();
          payload.values().removeIf(v -> v == AslValues.TASK_TOKEN);
          if (payload.containsKey("approvers") || payload.containsKey("approval")) {
            List<String> approvers = new ArrayList<>();
            if (body instanceof Map<?, ?> m && m.get("approvers") instanceof List<?> l) {
              l.forEach(a -> approvers.add(String.valueOf(a instanceof Value.Literal lit ? lit.value() : a)));
            }
            spec = new ApprovalSpec(Optional.empty(), Optional.of(queue), Optional.ofNullable(payload.get("message")), approvers);
          } else {
            spec = new CallbackSpec(queue, payload, outputs);
          }
        } else {
          spec = new SqsSpec(queue, body instanceof Map<?, ?> ? Value.Literal.of(String.valueOf(body))
              : f.value("MessageBody").orElse(Value.Literal.of("")));
        }
      }
      case "events:putEvents" -> {
        List<Fields> entries = f.objects("Entries");
        Fields e = entries.isEmpty() ? new Fields(Map.of()) : entries.get(0);
        spec = new EventBridgePutSpec(e.optText("EventBusName").orElse("default"), e.text("Source"),
            e.text("DetailType"), e.valueMap("Detail"));
      }
      case "athena:startQueryExecution" -> spec = new AthenaSpec(f.value("QueryString").orElse(Value.Literal.of("")),
          f.object("QueryExecutionContext").text("Database"), f.optText("WorkGroup"),
          f.object("ResultConfiguration").value("OutputLocation").orElse(Value.Literal.of("")));
      case "states:startExecution" -> spec = new StartStepFunctionsSpec(f.text("StateMachineArn"), f.valueMap("Input"), i.sync());
      case "aws-sdk:sagemaker:startPipelineExecution" -> {
        Map<String, Value> params = new LinkedHashMap<>();
        for (Fields p : f.objects("PipelineParameters")) {
          params.put(p.text("Name"), p.value("Value").orElse(Value.Literal.of("")));
        }
        spec = new StartSageMakerPipelineSpec(f.text("PipelineName"), params, false);
      }
      case "http:invoke" -> {
        HttpSpec.Method method;
        try {
          method = HttpSpec.Method.valueOf(f.optText("Method").orElse("GET").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          method = HttpSpec.Method.GET;
        }
        spec = new HttpSpec(method, f.value("ApiEndpoint").orElse(Value.Literal.of("")), f.valueMap("Headers"),
            f.value("RequestBody"), f.object("Authentication").optText("ConnectionArn"));
      }
      case "elasticmapreduce:addStep" -> {
        Fields jar = f.object("Step").object("HadoopJarStep");
        spec = new EmrSpec(f.optText("ClusterId"), Map.of(), jar.text("Jar"), jar.values("Args"), jar.optText("MainClass"));
      }
      default -> {
        return Optional.empty();
      }
    }
    return Optional.of(new Mapped(spec, f.problems, i.sync() || i.callback() || !waitsByNature(key)));
  }

  /** Integrations that are done when the call returns (no job to wait for). */
  private static boolean waitsByNature(String key) {
    return switch (key) {
      case "glue:startJobRun", "batch:submitJob", "ecs:runTask", "athena:startQueryExecution",
          "elasticmapreduce:addStep" -> true;
      default -> false;
    };
  }

  private Map<String, Value> values(Map<String, Object> args) {
    return new Fields(args).valueMap(null);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** Typed reads of a Parameters tree; what does not fit is listed in {@link #problems}. */
  private final class Fields {
    final Map<String, Object> m;
    final List<String> problems;

    Fields(Map<String, Object> m) {
      this(m, new ArrayList<>());
    }

    Fields(Map<String, Object> m, List<String> problems) {
      this.m = m;
      this.problems = problems;
    }

    Object raw(String key) {
      return m.get(key);
    }

    String text(String key) {
      return optText(key).orElse("");
    }

    Optional<String> optText(String key) {
      Object o = m.get(key);
      if (o == null) {
        return Optional.empty();
      }
      if (o instanceof Value v && !(v instanceof Value.Literal)) {
        Optional<String> lit = literalFor.apply(v);
        problems.add(key + ": a reference where the IR takes plain text" + lit.map(l -> "; '" + l + "' is used").orElse(""));
        return Optional.of(lit.orElse(""));
      }
      return Optional.of(o instanceof Value.Literal l ? l.asText() : String.valueOf(o));
    }

    Optional<Long> optNumber(String key) {
      Object o = m.get(key);
      if (o instanceof Long l) {
        return Optional.of(l);
      }
      if (o instanceof Number n) {
        return Optional.of(n.longValue());
      }
      return Optional.empty();
    }

    Optional<Value> value(String key) {
      Object o = m.get(key);
      return o == null ? Optional.empty() : AslValues.asValue(o).or(() -> {
        problems.add(key + ": a structure where the IR takes one value; kept as its JSON text");
        return Optional.of(Value.Literal.of(String.valueOf(o)));
      });
    }

    Fields object(String key) {
      Object o = m.get(key);
      return new Fields(o instanceof Map<?, ?> ? asMap(o) : Map.of(), problems);
    }

    List<Fields> objects(String key) {
      List<Fields> out = new ArrayList<>();
      if (m.get(key) instanceof List<?> l) {
        for (Object item : l) {
          out.add(new Fields(asMap(item), problems));
        }
      }
      return out;
    }

    List<String> texts(String key) {
      List<String> out = new ArrayList<>();
      if (m.get(key) instanceof List<?> l) {
        l.forEach(x -> out.add(x instanceof Value.Literal lit ? lit.asText() : String.valueOf(x)));
      }
      return out;
    }

    List<Value> values(String key) {
      List<Value> out = new ArrayList<>();
      if (m.get(key) instanceof List<?> l) {
        l.forEach(x -> AslValues.asValue(x).ifPresent(out::add));
      }
      return out;
    }

    /** A map of values ({@code null}: this whole object). */
    Map<String, Value> valueMap(String key) {
      Map<String, Object> src = key == null ? m : asMap(m.get(key));
      Map<String, Value> out = new LinkedHashMap<>();
      src.forEach((k, v) -> out.put(k, AslValues.asValue(v).orElseGet(() -> {
        problems.add((key == null ? "" : key + ".") + k + ": a structure where the IR takes one value; kept as its JSON text");
        return Value.Literal.of(String.valueOf(v));
      })));
      return out;
    }

    /** ECS/Batch environment lists [{Name, Value}]. */
    Map<String, Value> environment(String key) {
      Map<String, Value> out = new LinkedHashMap<>();
      for (Fields e : objects(key)) {
        out.put(e.text("Name"), e.value("Value").orElse(Value.Literal.of("")));
      }
      return out;
    }
  }
}
