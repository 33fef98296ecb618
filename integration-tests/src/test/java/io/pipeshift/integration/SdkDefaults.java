package io.pipeshift.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Fields the SageMaker SDK writes with the API's default (or an empty) value and pipeshift leaves out; each is
 * removed only when it holds exactly that value, so any other value still counts as a difference.
 */
final class SdkDefaults {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private SdkDefaults() {}

  static JsonNode normalise(JsonNode definition) {
    for (JsonNode step : steps(definition.path("Steps"), new ArrayList<>())) {
      if (!(step.get("Arguments") instanceof ObjectNode args)) {
        continue;
      }
      switch (step.path("Type").asText()) {
        case "Training" -> removeIf(args, "ProfilerConfig", F.objectNode().put("DisableProfiler", true));
        case "RegisterModel" -> {
          removeIf(args, "SkipModelValidation", F.textNode("None"));
          if (args.get("ModelMetrics") instanceof ObjectNode metrics) {
            removeIf(metrics, "Bias", F.objectNode());
            removeIf(metrics, "Explainability", F.objectNode());
          }
        }
        case "Model" -> {
          if (args.get("PrimaryContainer") instanceof ObjectNode c) {
            removeIf(c, "Environment", F.objectNode());
          }
        }
        case "Tuning" -> {
          if (args.get("HyperParameterTuningJobConfig") instanceof ObjectNode c) {
            removeIf(c, "TrainingJobEarlyStoppingType", F.textNode("Off"));
          }
          if (args.get("TrainingJobDefinition") instanceof ObjectNode job && job.has("HyperParameterTuningResourceConfig")
              && !job.has("ResourceConfig")) {
            job.set("ResourceConfig", job.remove("HyperParameterTuningResourceConfig"));
          }
        }
        case "EndpointConfig", "Endpoint" -> {
          removeIf(args, "Tags", F.arrayNode());
          for (JsonNode v : args.path("ProductionVariants")) {
            if (v instanceof ObjectNode variant) {
              removeIf(variant, "InitialVariantWeight", F.numberNode(1));
            }
          }
        }
        default -> { }
      }
    }
    return definition;
  }

  /**
   * What the IR cannot say the way the SDK wrote it, removed from the re-emitted definition only where the SDK
   * definition has the SDK's form:
   * <ul>
   *   <li>a processing StoppingCondition of one hour where the SDK wrote none: pipeshift always limits
   *       processing jobs (one hour when the IR sets no runtime);
   *   <li>SageMaker.JOB_INTERNAL_ERROR in a job retry policy where the SDK's step policy retries
   *       Step.SERVICE_FAULT but its job policy does not: the IR has one service-fault class for both;
   *   <li>a condition's DependsOn on a step that its branch steps read: the data dependency implies it.
   * </ul>
   */
  static JsonNode normaliseReEmitted(JsonNode ours, JsonNode sdk) {
    java.util.Map<String, JsonNode> sdkSteps = new java.util.HashMap<>();
    steps(sdk.path("Steps"), new ArrayList<>()).forEach(s -> sdkSteps.put(s.path("Name").asText(), s));
    for (JsonNode step : steps(ours.path("Steps"), new ArrayList<>())) {
      JsonNode theirs = sdkSteps.get(step.path("Name").asText());
      if (theirs == null || !(step instanceof ObjectNode mine)) {
        continue;
      }
      if (step.path("Type").asText().equals("Processing") && step.get("Arguments") instanceof ObjectNode args
          && !theirs.path("Arguments").has("StoppingCondition")) {
        removeIf(args, "StoppingCondition", F.objectNode().put("MaxRuntimeInSeconds", 3600));
      }
      JsonNode policies = mine.path("RetryPolicies");
      JsonNode theirPolicies = theirs.path("RetryPolicies");
      for (int i = 0; i < policies.size() && i < theirPolicies.size(); i++) {
        if (policies.get(i).get("ExceptionType") instanceof com.fasterxml.jackson.databind.node.ArrayNode types
            && !theirPolicies.get(i).path("ExceptionType").toString().contains("SageMaker.JOB_INTERNAL_ERROR")) {
          for (int k = types.size() - 1; k >= 0; k--) {
            if (types.get(k).asText().equals("SageMaker.JOB_INTERNAL_ERROR")) {
              types.remove(k);
            }
          }
        }
      }
      if (step.path("Type").asText().equals("Condition") && mine.get("DependsOn") instanceof com.fasterxml.jackson.databind.node.ArrayNode deps
          && !theirs.has("DependsOn")) {
        String branches = step.path("Arguments").toString();
        for (int k = deps.size() - 1; k >= 0; k--) {
          if (branches.contains("Steps." + deps.get(k).asText() + ".")) {
            deps.remove(k);
          }
        }
        if (deps.isEmpty()) {
          mine.remove("DependsOn");
        }
      }
    }
    return ours;
  }

  private static void removeIf(ObjectNode node, String field, JsonNode value) {
    JsonNode v = node.get(field);
    if (v != null && (v.equals(value) || v.isNumber() && value.isNumber() && v.decimalValue().compareTo(value.decimalValue()) == 0)) {
      node.remove(field);
    }
  }

  private static List<JsonNode> steps(JsonNode list, List<JsonNode> out) {
    for (JsonNode s : list) {
      out.add(s);
      steps(s.path("Arguments").path("IfSteps"), out);
      steps(s.path("Arguments").path("ElseSteps"), out);
    }
    return out;
  }
}
