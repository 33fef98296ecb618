package io.pipeshift.to.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.oracles.OracleCalls;
import io.pipeshift.testing.Examples;
import io.pipeshift.validate.PipelineLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every job step's Arguments, with only the job-name field added, pass botocore's own parameter validator
 * for the matching API (the service models shipped with the pinned botocore). One Python process checks
 * them all. Pipeline variables ({"Get": ...}, Std:Join, Std:JsonGet) stand where the API takes a string,
 * so they are replaced by a placeholder string for the check.
 */
class BotocoreShapesTest {

  /** SageMaker step type -> service, API and the name field SageMaker fills in at run time (null: none). */
  static final Map<String, String[]> OPERATIONS = Map.of(
      "Processing", new String[] {"sagemaker", "CreateProcessingJob", "ProcessingJobName"},
      "Training", new String[] {"sagemaker", "CreateTrainingJob", "TrainingJobName"},
      "Tuning", new String[] {"sagemaker", "CreateHyperParameterTuningJob", "HyperParameterTuningJobName"},
      "Transform", new String[] {"sagemaker", "CreateTransformJob", "TransformJobName"},
      "Model", new String[] {"sagemaker", "CreateModel", "ModelName"},
      "RegisterModel", new String[] {"sagemaker", "CreateModelPackage", null},
      "EndpointConfig", new String[] {"sagemaker", "CreateEndpointConfig", null},
      "Endpoint", new String[] {"sagemaker", "CreateEndpoint", null},
      "QualityCheck", new String[] {"sagemaker", "CreateProcessingJob", "ProcessingJobName"},
      "ClarifyCheck", new String[] {"sagemaker", "CreateProcessingJob", "ProcessingJobName"});

  static final String PLACEHOLDER = "s3://pipeshift-placeholder/pipeline-variable-resolved-at-run-time";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyJobStepArgumentsPassBotocoreValidation() {
    List<Pipeline> pipelines = new ArrayList<>();
    Examples.valid().forEach(p -> pipelines.add(new PipelineLoader().load(p).pipeline()));
    pipelines.add(Fixtures.load("every-kind.yaml"));
    for (long seed = 1; seed <= 40; seed++) {
      pipelines.add(RandomNativePipelines.generate(seed, seed % 2 == 0));
    }
    Map<String, Map<String, Object>> requests = new LinkedHashMap<>();
    Map<String, String> origin = new LinkedHashMap<>();
    for (Pipeline p : pipelines) {
      SageMakerDefinition d = new SageMakerWriter().write(p).artifact();
      for (Map<String, Object> step : Fixtures.steps(d).values()) {
        Map<String, Object> request = request(step);
        if (request != null) {
          String key = JSON.valueToTree(request).toString();
          requests.putIfAbsent(key, request);
          origin.putIfAbsent(key, p.name() + " / " + step.get("Name") + " (" + step.get("Type") + ")");
        }
      }
    }
    ArrayNode batch = JSON.valueToTree(new ArrayList<>(requests.values()));
    JsonNode results = OracleCalls.botocoreValidate(batch);
    assertEquals(requests.size(), results.size());
    List<String> keys = new ArrayList<>(requests.keySet());
    List<String> invalid = new ArrayList<>();
    Set<String> operations = new TreeSet<>();
    for (int i = 0; i < results.size(); i++) {
      operations.add(batch.get(i).get("operation").asText());
      if (!results.get(i).get("valid").asBoolean()) {
        invalid.add(origin.get(keys.get(i)) + ":\n" + results.get(i).get("errors").asText());
      }
    }
    assertTrue(invalid.isEmpty(), invalid.size() + " of " + results.size() + " requests are invalid:\n"
        + String.join("\n", invalid));
    assertEquals(new TreeSet<>(Set.of("AddJobFlowSteps", "CreateEndpoint", "CreateEndpointConfig",
        "CreateHyperParameterTuningJob", "CreateModel", "CreateModelPackage", "CreateProcessingJob",
        "CreateTrainingJob", "CreateTransformJob", "RunJobFlow")), operations, "APIs covered");
  }

  /** Negative control: the same check rejects a request without its execution role. */
  @Test
  @SuppressWarnings("unchecked")
  void theValidatorRejectsARequestWithoutItsRole() {
    SageMakerDefinition d = new SageMakerWriter().write(Fixtures.load("every-kind.yaml")).artifact();
    Map<String, Object> request = request(Fixtures.steps(d).get("prep"));
    ((Map<String, Object>) request.get("params")).remove("RoleArn");
    JsonNode result = OracleCalls.botocoreValidate(JSON.valueToTree(List.of(request))).get(0);
    assertTrue(!result.get("valid").asBoolean() && result.get("errors").asText().contains("RoleArn"), result.toString());
  }

  /** The API request a step stands for, or null when it calls none (condition, fail, lambda, callback). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> request(Map<String, Object> step) {
    String type = (String) step.get("Type");
    Map<String, Object> args = (Map<String, Object>) placeholders(step.get("Arguments"));
    Map<String, Object> r = new LinkedHashMap<>();
    if (type.equals("EMR")) {
      Map<String, Object> emrStep = new LinkedHashMap<>();
      emrStep.put("Name", "pipeshift-check");
      emrStep.putAll((Map<String, Object>) args.get("StepConfig"));
      r.put("service", "emr");
      Map<String, Object> params = new LinkedHashMap<>();
      if (args.containsKey("ClusterId")) {
        r.put("operation", "AddJobFlowSteps");
        params.put("JobFlowId", args.get("ClusterId"));
      } else {
        r.put("operation", "RunJobFlow");
        params.put("Name", "pipeshift-check");
        params.putAll((Map<String, Object>) args.get("ClusterConfig"));
      }
      params.put("Steps", List.of(emrStep));
      r.put("params", params);
      return r;
    }
    String[] op = OPERATIONS.get(type);
    if (op == null) {
      return null;
    }
    Map<String, Object> params = new LinkedHashMap<>(args);
    if (op[2] != null) {
      params.put(op[2], "pipeshift-check-name");
    }
    r.put("service", op[0]);
    r.put("operation", op[1]);
    r.put("params", params);
    return r;
  }

  /** A copy of the tree with every pipeline variable replaced by a placeholder string. */
  static Object placeholders(Object tree) {
    if (tree instanceof Map<?, ?> m) {
      if (m.size() == 1) {
        Object key = m.keySet().iterator().next();
        if (Set.of("Get", "Std:Join", "Std:JsonGet").contains(key)) {
          return PLACEHOLDER;
        }
      }
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), placeholders(v)));
      return out;
    }
    if (tree instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(placeholders(v)));
      return out;
    }
    return tree;
  }

}
