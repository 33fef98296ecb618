package io.pipeshift.from.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipeshift.ir.ExecutionVariable;
import io.pipeshift.ir.RawNull;
import io.pipeshift.ir.Value;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SageMaker definition values -> IR values: {@code {"Get": "Parameters.X"}} -> a parameter,
 * {@code {"Get": "Execution.*"}} -> an execution variable, {@code {"Get": "Steps.S.<property>"}} -> the
 * named output the property path stands for (by the producing step's type), {@code Std:Join} -> a join,
 * {@code Std:JsonGet} -> a property-file read. The reverse of the to-sagemaker spoke's rendering; what
 * has no IR output name is handed to {@link Scope#unknownProperty}.
 */
final class SageMakerValues {

  private static final Pattern PROCESSING_OUTPUT =
      Pattern.compile("ProcessingOutputConfig\\.Outputs\\[(?:'([^']*)'|\"([^\"]*)\"|(\\d+))]\\.S3Output\\.S3Uri");
  private static final Pattern OUTPUT_PARAMETER = Pattern.compile("OutputParameters\\[(?:'([^']*)'|\"([^\"]*)\")]");
  private static final Pattern PROPERTY_FILE = Pattern.compile("Steps\\.([^.]+)\\.PropertyFiles\\.(.+)");

  /** What a value needs to know about the definition it is read from. */
  interface Scope {
    /** The step type of a SageMaker step name, if it exists. */
    Optional<String> typeOf(String stepName);

    /** The IR id a SageMaker step name became. */
    String idOf(String stepName);

    /** The output names of a processing step, in order (for {@code Outputs[0]}). */
    List<String> processingOutputs(String stepName);

    /** Whether a reference from the step being read to this step is visible in the IR; else it is noted. */
    Value reference(String stepName, Value value, String pointer);

    /** A property with no IR output name. */
    Value unknownProperty(String stepName, String path, String pointer);

    /** A malformed reference. */
    Value bad(String what, String why, String pointer);

    /** A parameter name, checked. */
    Value parameter(String name, String pointer);

    /** Records that the step being read needs {@code stepName} to have run (raw JSON naming it). */
    void dependOn(String stepName);
  }

  private final Scope scope;

  SageMakerValues(Scope scope) {
    this.scope = scope;
  }

  /** True when the node is a reference object ({@code Get}, {@code Std:Join}, {@code Std:JsonGet}). */
  static boolean isReference(JsonNode n) {
    return n.isObject() && n.size() == 1
        && (n.has("Get") || n.has("Std:Join") || n.has("Std:JsonGet"));
  }

  /**
   * A JSON tree with references turned into values: maps, lists, strings, longs, doubles, booleans and
   * {@link RawNull}, with {@link Value} leaves.
   */
  Object tree(JsonNode n, String pointer) {
    if (isReference(n)) {
      return value(n, pointer);
    }
    if (n.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.put(e.getKey(), tree(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1")));
      }
      return out;
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < n.size(); i++) {
        out.add(tree(n.get(i), pointer + "/" + i));
      }
      return out;
    }
    return scalar(n);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> map(JsonNode n, String pointer) {
    Object t = tree(n, pointer);
    return t instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
  }

  static Object scalar(JsonNode n) {
    if (n.isTextual()) {
      return n.asText();
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? (Object) n.asLong() : (Object) n.asText();
    }
    if (n.isNumber()) {
      return n.asDouble();
    }
    if (n.isNull() || n.isMissingNode()) {
      return RawNull.INSTANCE;
    }
    return n.toString();
  }

  /** One value: a literal or a reference. */
  Value value(JsonNode n, String pointer) {
    if (n.isObject() && n.has("Get") && n.size() == 1) {
      return get(n.get("Get").asText(), pointer + "/Get");
    }
    if (n.isObject() && n.has("Std:Join") && n.size() == 1) {
      JsonNode j = n.get("Std:Join");
      String on = j.path("On").asText("");
      List<Value> values = new ArrayList<>();
      JsonNode vs = j.path("Values").isArray() ? j.path("Values") : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
      for (int i = 0; i < vs.size(); i++) {
        values.add(value(vs.get(i), pointer + "/Std:Join/Values/" + i));
      }
      return bestModel(on, values).orElse(new Value.Join(on, values));
    }
    if (n.isObject() && n.has("Std:JsonGet") && n.size() == 1) {
      JsonNode g = n.get("Std:JsonGet");
      JsonNode file = g.path("PropertyFile");
      String path = g.path("Path").asText("");
      String get = file.isObject() ? file.path("Get").asText("") : file.asText("");
      Matcher m = PROPERTY_FILE.matcher(get);
      if (!m.matches()) {
        return scope.bad("Std:JsonGet", "PropertyFile must be {\"Get\": \"Steps.<step>.PropertyFiles.<name>\"}", pointer);
      }
      String step = m.group(1);
      if (scope.typeOf(step).isEmpty()) {
        return scope.bad("Std:JsonGet", "no step named '" + step + "'", pointer);
      }
      return scope.reference(step, new Value.PropertyRef(scope.idOf(step), m.group(2), path), pointer);
    }
    if (n.isObject() || n.isArray()) {
      return scope.bad(n.toString(), "expected a scalar, Get, Std:Join or Std:JsonGet", pointer);
    }
    Object s = scalar(n);
    return s instanceof RawNull ? Value.Literal.of("") : new Value.Literal(s);
  }

  /** The to-sagemaker spelling of a tuning step's best model: {@code prefix/<best job>/output/model.tar.gz}. */
  private static Optional<Value> bestModel(String on, List<Value> values) {
    if (on.equals("/") && values.size() == 3 && values.get(2) instanceof Value.Literal l
        && "output/model.tar.gz".equals(l.value()) && values.get(1) instanceof Value.StepOutputRef o
        && o.name().equals("best-training-job")) {
      return Optional.of(new Value.StepOutputRef(o.step(), "best-model"));
    }
    return Optional.empty();
  }

  private Value get(String path, String pointer) {
    if (path.startsWith("Parameters.")) {
      return scope.parameter(path.substring("Parameters.".length()), pointer);
    }
    if (path.startsWith("Execution.")) {
      String v = path.substring("Execution.".length());
      ExecutionVariable e = switch (v) {
        case "PipelineExecutionId" -> ExecutionVariable.EXECUTION_ID;
        case "StartDateTime", "CurrentDateTime" -> ExecutionVariable.START_TIME;
        case "PipelineName" -> ExecutionVariable.PIPELINE_NAME;
        case "PipelineArn" -> ExecutionVariable.PIPELINE_ARN;
        case "PipelineExecutionArn" -> ExecutionVariable.EXECUTION_ARN;
        default -> null;
      };
      return e == null ? scope.bad("Get " + path, "unknown execution variable", pointer) : new Value.ExecutionRef(e);
    }
    if (path.startsWith("Steps.")) {
      String rest = path.substring("Steps.".length());
      int dot = rest.indexOf('.');
      String step = dot < 0 ? rest : rest.substring(0, dot);
      String property = dot < 0 ? "" : rest.substring(dot + 1);
      Optional<String> type = scope.typeOf(step);
      if (type.isEmpty()) {
        return scope.bad("Get " + path, "no step named '" + step + "'", pointer);
      }
      Optional<String> output = outputName(type.get(), step, property);
      if (output.isEmpty()) {
        return scope.unknownProperty(step, property, pointer);
      }
      return scope.reference(step, new Value.StepOutputRef(scope.idOf(step), output.get()), pointer);
    }
    return scope.bad("Get " + path, "expected Parameters.*, Execution.* or Steps.*", pointer);
  }

  /** The IR output name a property path of a step type stands for. */
  private Optional<String> outputName(String type, String step, String property) {
    switch (type) {
      case "Processing" -> {
        Matcher m = PROCESSING_OUTPUT.matcher(property);
        if (m.matches()) {
          if (m.group(3) != null) {
            List<String> outputs = scope.processingOutputs(step);
            int i = Integer.parseInt(m.group(3));
            return i < outputs.size() ? Optional.of(outputs.get(i)) : Optional.empty();
          }
          return Optional.of(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return Optional.empty();
      }
      case "Training" -> {
        return property.equals("ModelArtifacts.S3ModelArtifacts") ? Optional.of("model") : Optional.empty();
      }
      case "Tuning" -> {
        return property.equals("BestTrainingJob.TrainingJobName") || property.equals("TrainingJobSummaries[0].TrainingJobName")
            ? Optional.of("best-training-job") : Optional.empty();
      }
      case "Transform" -> {
        return property.equals("TransformOutput.S3OutputPath") ? Optional.of("output") : Optional.empty();
      }
      case "Model", "CreateModel" -> {
        return property.equals("ModelName") ? Optional.of("model-name") : Optional.empty();
      }
      case "RegisterModel" -> {
        return property.equals("ModelPackageArn") ? Optional.of("model-package-arn") : Optional.empty();
      }
      case "Lambda", "Callback" -> {
        Matcher m = OUTPUT_PARAMETER.matcher(property);
        return m.matches() ? Optional.of(m.group(1) != null ? m.group(1) : m.group(2)) : Optional.empty();
      }
      case "Endpoint", "EndpointConfig" -> {
        return property.equals("EndpointName") ? Optional.of("endpoint-name") : Optional.empty();
      }
      case "Condition", "Fail" -> {
        return Optional.empty();
      }
      default -> {
        // kinds with free output names (quality and clarify checks, external steps): the property as a name
        return property.isEmpty() ? Optional.empty() : Optional.of(kebab(property));
      }
    }
  }

  /** {@code CalculatedBaselineStatistics} -> {@code calculated-baseline-statistics}; other text unchanged. */
  static String kebab(String pascal) {
    if (!pascal.matches("[A-Z][A-Za-z0-9]*")) {
      return pascal;
    }
    return pascal.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
