package io.pipeshift.from.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipeshift.document.JsonDocument;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.ir.Condition;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.CallbackSpec;
import io.pipeshift.ir.kinds.EmrSpec;
import io.pipeshift.ir.kinds.ExternalSpec;
import io.pipeshift.ir.kinds.FailSpec;
import io.pipeshift.ir.kinds.LambdaSpec;
import io.pipeshift.ir.kinds.ModelDeploySpec;
import io.pipeshift.ir.kinds.ProcessingSpec;
import io.pipeshift.ir.kinds.StepSpec;
import io.pipeshift.requests.SageMakerRequestReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One SageMaker step -> its IR kind and typed fields. Job steps (Processing, Training, Tuning, Transform,
 * Model, RegisterModel, EndpointConfig) go through the shared {@link SageMakerRequestReader}; Lambda,
 * Callback, Fail, EMR and Condition are read here; a Callback that pipeshift emitted for a kind SageMaker
 * cannot run ({@code pipeshift.kind}) becomes that kind again; every other type is kept verbatim as an
 * {@code external} step that the SageMaker emitter writes back unchanged.
 */
final class SageMakerSteps {

  private final JsonDocument doc;
  private final Function<SageMakerReader.Raw, SageMakerValues.Scope> scopes;
  private final SageMakerRequestReader requests;
  private final List<FidelityNote> notes;

  SageMakerSteps(JsonDocument doc, Function<SageMakerReader.Raw, SageMakerValues.Scope> scopes,
      Function<Value, Optional<String>> parameterDefault, List<FidelityNote> notes) {
    this.doc = doc;
    this.scopes = scopes;
    this.requests = new SageMakerRequestReader(parameterDefault);
    this.notes = notes;
  }

  private SageMakerValues values(SageMakerReader.Raw r) {
    return new SageMakerValues(scopes.apply(r));
  }

  StepSpec spec(SageMakerReader.Raw r, Optional<SageMakerReader.Raw> endpointConfig) {
    JsonNode args = r.node.path("Arguments");
    String argsPtr = r.pointer + "/Arguments";
    SageMakerValues values = values(r);
    switch (r.type) {
      case "Processing", "Training", "Tuning", "Transform", "Model", "CreateModel", "RegisterModel" -> {
        String operation = switch (r.type) {
          case "Processing" -> "CreateProcessingJob";
          case "Training" -> "CreateTrainingJob";
          case "Tuning" -> "CreateHyperParameterTuningJob";
          case "Transform" -> "CreateTransformJob";
          case "RegisterModel" -> "CreateModelPackage";
          default -> "CreateModel";
        };
        SageMakerRequestReader.Read read = requests.read(operation, values.map(args, argsPtr)).orElseThrow();
        dropped(r, read.dropped());
        StepSpec spec = read.spec();
        if (spec instanceof ProcessingSpec p) {
          spec = withPropertyFiles(p, r.node.path("PropertyFiles"));
        }
        return spec;
      }
      case "Endpoint" -> {
        String endpointName = args.path("EndpointName").asText("");
        if (endpointConfig.isPresent()) {
          SageMakerReader.Raw c = endpointConfig.get();
          SageMakerRequestReader.Read read = requests.readEndpointConfig(
              values(c).map(c.node.path("Arguments"), c.pointer + "/Arguments"), endpointName);
          dropped(r, read.dropped());
          return read.spec();
        }
        return external(r, values);
      }
      case "Fail" -> {
        JsonNode m = args.path("ErrorMessage");
        Optional<Value> message = m.isMissingNode() || m.isNull() || (m.isTextual() && m.asText().isEmpty())
            ? Optional.empty() : Optional.of(values.value(m, argsPtr + "/ErrorMessage"));
        return new FailSpec(message, Optional.empty());
      }
      case "Lambda" -> {
        Map<String, Value> payload = valueMap(args, argsPtr, values);
        return new LambdaSpec(r.node.path("FunctionArn").asText(""), payload, outputs(r.node));
      }
      case "Callback" -> {
        String kind = args.path("pipeshift.kind").asText("");
        if (!kind.isEmpty()) {
          Optional<StepSpec> restored = SageMakerCallbacks.restore(kind, values.map(args, argsPtr));
          if (restored.isPresent()) {
            notes.add(SageMakerImportNote.CALLBACK_RESTORED.at(r.id, "callback step stood in for a " + kind
                + " step (pipeshift's encoding); read back as " + kind));
            return restored.get();
          }
        }
        Map<String, Value> payload = valueMap(args, argsPtr, values);
        return new CallbackSpec(r.node.path("SqsQueueUrl").asText(""), payload, outputs(r.node));
      }
      case "QualityCheck" -> {
        return qualityCheck(r, args, argsPtr, values).orElseGet(() -> external(r, values));
      }
      case "EMR" -> {
        JsonNode jar = args.path("StepConfig").path("HadoopJarStep");
        List<Value> jarArgs = new ArrayList<>();
        JsonNode a = array(jar.path("Args"));
        for (int i = 0; i < a.size(); i++) {
          jarArgs.add(values.value(a.get(i), argsPtr + "/StepConfig/HadoopJarStep/Args/" + i));
        }
        Optional<String> cluster = args.has("ClusterId") ? Optional.of(args.path("ClusterId").asText()) : Optional.empty();
        @SuppressWarnings("unchecked")
        Map<String, Object> config = args.has("ClusterConfig")
            ? (Map<String, Object>) SageMakerReader.plainTree(args.get("ClusterConfig")) : Map.of();
        Optional<String> mainClass = jar.has("MainClass") ? Optional.of(jar.path("MainClass").asText()) : Optional.empty();
        return new EmrSpec(cluster, config, jar.path("Jar").asText(""), jarArgs, mainClass);
      }
      default -> {
        return external(r, values);
      }
    }
  }

  /**
   * A Model Monitor quality check (the SDK's QualityCheckStep): a processing job on the analyzer image with
   * the baseline dataset as its one input, the check's output folder as its one output and the dataset
   * format in its environment; the check fields sit next to the Arguments. The role and the region (from the
   * analyzer image) have no IR field: they go to {@code extensions.sagemaker}, where the emitter reads them.
   */
  private Optional<StepSpec> qualityCheck(SageMakerReader.Raw r, JsonNode args, String ptr, SageMakerValues values) {
    io.pipeshift.ir.kinds.QualityCheckSpec.CheckType type;
    try {
      type = io.pipeshift.ir.kinds.QualityCheckSpec.CheckType.valueOf(r.node.path("CheckType").asText(""));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    JsonNode input = args.path("ProcessingInputs").path(0).path("S3Input");
    JsonNode output = args.path("ProcessingOutputConfig").path("Outputs").path(0).path("S3Output");
    JsonNode cluster = args.path("ProcessingResources").path("ClusterConfig");
    if (input.isMissingNode() || output.isMissingNode() || !cluster.path("InstanceType").isTextual()) {
      return Optional.empty();
    }
    String format = "csv";
    String env = args.path("Environment").path("dataset_format").asText("");
    for (String f : List.of("csv", "json", "parquet")) {
      if (env.contains("\"" + f + "\"")) {
        format = f;
      }
    }
    JsonNode stats = r.node.path("SuppliedBaselineStatistics");
    JsonNode constraints = r.node.path("SuppliedBaselineConstraints");
    JsonNode group = r.node.path("ModelPackageGroupName");
    StepSpec spec = new io.pipeshift.ir.kinds.QualityCheckSpec(type,
        values.value(input.path("S3Uri"), ptr + "/ProcessingInputs/0/S3Input/S3Uri"), format,
        values.value(output.path("S3Uri"), ptr + "/ProcessingOutputConfig/Outputs/0/S3Output/S3Uri"),
        cluster.path("InstanceType").asText(), cluster.path("InstanceCount").asInt(1),
        r.node.path("SkipCheck").asBoolean(false), r.node.path("RegisterNewBaseline").asBoolean(false),
        stats.isNull() || stats.isMissingNode() ? Optional.empty() : Optional.of(values.value(stats, r.pointer + "/SuppliedBaselineStatistics")),
        constraints.isNull() || constraints.isMissingNode() ? Optional.empty()
            : Optional.of(values.value(constraints, r.pointer + "/SuppliedBaselineConstraints")),
        group.isTextual() ? Optional.of(group.asText()) : Optional.empty());
    if (args.path("RoleArn").isTextual()) {
      r.extensions.put("role", args.path("RoleArn").asText());
    }
    java.util.regex.Matcher region = IMAGE_REGION.matcher(args.path("AppSpecification").path("ImageUri").asText(""));
    if (region.matches()) {
      regions.add(region.group(1));
    }
    if (args.path("StoppingCondition").path("MaxRuntimeInSeconds").isNumber()) {
      r.timeout = Optional.of(Duration.ofSeconds(args.path("StoppingCondition").path("MaxRuntimeInSeconds").asLong()));
    }
    return Optional.of(spec);
  }

  private static final java.util.regex.Pattern IMAGE_REGION =
      java.util.regex.Pattern.compile("\\d+\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?/.*");

  /** Regions named by the built-in images of the steps read (the pipeline's extensions.sagemaker.region). */
  final java.util.Set<String> regions = new java.util.LinkedHashSet<>();

  /** Unknown step types are kept verbatim; the steps their values name become dependencies. */
  private StepSpec external(SageMakerReader.Raw r, SageMakerValues values) {
    JsonNode args = r.node.path("Arguments");
    // Read the values once so references to other steps register as dependencies; keep the raw JSON.
    values.tree(args, r.pointer + "/Arguments");
    dependOnNamedSteps(args, scopes.apply(r));
    notes.add(SageMakerImportNote.STEP_KEPT_EXTERNAL.at(r.id, "SageMaker step type '" + r.type
        + "' has no IR kind; kept verbatim as an external step"));
    @SuppressWarnings("unchecked")
    Map<String, Object> raw = args.isObject() ? (Map<String, Object>) SageMakerReader.plainTree(args) : Map.of();
    return new ExternalSpec(SageMakerReader.FORMAT, r.type, raw);
  }

  /** Raw JSON keeps no IR references, so the steps its Get paths name become explicit dependencies. */
  private static void dependOnNamedSteps(JsonNode n, SageMakerValues.Scope scope) {
    if (n.isObject()) {
      JsonNode get = n.get("Get");
      if (get != null && get.isTextual() && get.asText().startsWith("Steps.")) {
        String rest = get.asText().substring(6);
        int dot = rest.indexOf('.');
        scope.dependOn(dot < 0 ? rest : rest.substring(0, dot));
      }
      n.elements().forEachRemaining(c -> dependOnNamedSteps(c, scope));
    } else if (n.isArray()) {
      n.elements().forEachRemaining(c -> dependOnNamedSteps(c, scope));
    }
  }

  private Map<String, Value> valueMap(JsonNode args, String ptr, SageMakerValues values) {
    Map<String, Value> out = new LinkedHashMap<>();
    args.fields().forEachRemaining(e -> out.put(e.getKey(), values.value(e.getValue(), ptr + "/" + JsonDocument.escape(e.getKey()))));
    return out;
  }

  private static List<String> outputs(JsonNode step) {
    List<String> out = new ArrayList<>();
    for (JsonNode o : step.path("OutputParameters")) {
      out.add(o.path("OutputName").asText());
    }
    return out;
  }

  private static ProcessingSpec withPropertyFiles(ProcessingSpec p, JsonNode files) {
    if (!files.isArray() || files.isEmpty()) {
      return p;
    }
    List<ProcessingSpec.PropertyFile> list = new ArrayList<>();
    for (JsonNode f : files) {
      list.add(new ProcessingSpec.PropertyFile(f.path("PropertyFileName").asText(), f.path("OutputName").asText(),
          f.path("FilePath").asText()));
    }
    return new ProcessingSpec(p.image(), p.instanceType(), p.instanceCount(), p.volumeSizeGb(), p.entrypoint(),
        p.arguments(), p.environment(), p.inputs(), p.outputs(), list, p.role(), p.maxRuntime());
  }

  private void dropped(SageMakerReader.Raw r, List<String> dropped) {
    if (!dropped.isEmpty()) {
      notes.add(SageMakerImportNote.REQUEST_FIELD_DROPPED.at(r.id, "request fields not kept: " + String.join("; ", dropped)));
    }
  }

  /** A tuning step's ResourceLimits.MaxRuntimeInSeconds is the IR step timeout; other steps have none. */
  Optional<Duration> timeout(SageMakerReader.Raw r) {
    if (r.timeout.isPresent()) {
      return r.timeout;
    }
    if (r.type.equals("Tuning")) {
      JsonNode max = r.node.path("Arguments").path("HyperParameterTuningJobConfig").path("ResourceLimits")
          .path("MaxRuntimeInSeconds");
      if (max.isNumber()) {
        return Optional.of(Duration.ofSeconds(max.asLong()));
      }
    }
    return Optional.empty();
  }

  Map<String, Object> extensions(SageMakerReader.Raw r) {
    return r.extensions.isEmpty() ? Map.of() : Map.of(SageMakerReader.FORMAT, new LinkedHashMap<>(r.extensions));
  }

  /** The node when it is a list, else an empty one (a wrong shape is read as nothing, never a crash). */
  private static JsonNode array(JsonNode n) {
    return n.isArray() ? n : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
  }

  // -- conditions -------------------------------------------------------------------------------------

  Condition condition(SageMakerReader.Raw r) {
    JsonNode list = r.node.path("Arguments").path("Conditions");
    String ptr = r.pointer + "/Arguments/Conditions";
    SageMakerValues values = values(r);
    List<Condition> all = new ArrayList<>();
    if (!list.isArray() || list.isEmpty()) {
      scopes.apply(r).bad("Conditions", "a condition step needs a non-empty Conditions list", ptr);
      return new Condition.Comparison(Condition.Operator.EQ, Value.Literal.of(true), Value.Literal.of(true));
    }
    for (int i = 0; i < list.size(); i++) {
      all.add(condition(list.get(i), ptr + "/" + i, r, values));
    }
    return all.size() == 1 ? all.get(0) : new Condition.All(all);
  }

  private Condition condition(JsonNode c, String ptr, SageMakerReader.Raw r, SageMakerValues values) {
    String type = c.path("Type").asText("");
    Condition.Operator op = switch (type) {
      case "Equals" -> Condition.Operator.EQ;
      case "GreaterThan" -> Condition.Operator.GT;
      case "GreaterThanOrEqualTo" -> Condition.Operator.GTE;
      case "LessThan" -> Condition.Operator.LT;
      case "LessThanOrEqualTo" -> Condition.Operator.LTE;
      default -> null;
    };
    if (op != null) {
      return new Condition.Comparison(op, values.value(c.path("LeftValue"), ptr + "/LeftValue"),
          values.value(c.path("RightValue"), ptr + "/RightValue"));
    }
    switch (type) {
      case "In" -> {
        List<Value> vs = new ArrayList<>();
        JsonNode list = array(c.path("Values"));
        for (int i = 0; i < list.size(); i++) {
          vs.add(values.value(list.get(i), ptr + "/Values/" + i));
        }
        return new Condition.In(values.value(c.path("QueryValue"), ptr + "/QueryValue"), vs);
      }
      case "Not" -> {
        return new Condition.Not(condition(c.path("Condition"), ptr + "/Condition", r, values));
      }
      case "Or" -> {
        List<Condition> parts = new ArrayList<>();
        JsonNode list = array(c.path("Conditions"));
        for (int i = 0; i < list.size(); i++) {
          parts.add(condition(list.get(i), ptr + "/Conditions/" + i, r, values));
        }
        return new Condition.Any(parts);
      }
      default -> {
        scopes.apply(r).bad("condition type '" + type + "'",
            "expected Equals, GreaterThan(OrEqualTo), LessThan(OrEqualTo), In, Not or Or", ptr + "/Type");
        return new Condition.Comparison(Condition.Operator.EQ, Value.Literal.of(true), Value.Literal.of(true));
      }
    }
  }
}
