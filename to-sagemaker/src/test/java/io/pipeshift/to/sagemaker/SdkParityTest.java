package io.pipeshift.to.sagemaker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.oracles.OracleCalls;
import io.pipeshift.testing.Examples;
import io.pipeshift.validate.PipelineLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parity with the real SageMaker SDK (the 2.x line pinned by oracles/install): for each pipeline a small
 * script under src/test/resources/sdk/ builds the same pipeline with the SDK; its {@code definition()} and
 * pipeshift's output are equal after normalising key order.
 *
 * <p>Justified differences (fields only the SDK writes, each removed only when it has the SDK's default
 * value, so another value still fails the test; see docs/targets/sagemaker.md):
 * <ul>
 *   <li>Training {@code Arguments.ProfilerConfig = {DisableProfiler: true}}: the SDK writes the
 *       estimator's profiler setting; the IR has none and CreateTrainingJob needs none.
 *   <li>RegisterModel {@code Arguments.SkipModelValidation = "None"}: the API's own default.
 *   <li>EndpointConfig / Endpoint {@code Arguments.Tags = []} and {@code InitialVariantWeight = 1}: empty
 *       tags and the API's default weight.
 *   <li>Model {@code PrimaryContainer.Environment = {}} and RegisterModel {@code ModelMetrics.Bias = {}},
 *       {@code ModelMetrics.Explainability = {}}: empty objects.
 *   <li>Tuning {@code HyperParameterTuningJobConfig.TrainingJobEarlyStoppingType = "Off"} (the API's
 *       default), and {@code TrainingJobDefinition.HyperParameterTuningResourceConfig}, which the SDK writes
 *       where pipeshift's shared request writes the equivalent, older {@code ResourceConfig} (the API takes
 *       either; the test compares the two under one name).
 * </ul>
 */
class SdkParityTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The SDK scripts, run in parallel once (each SDK start takes seconds). */
  static final List<String> SCRIPTS = List.of("retraining.py", "gated_release.py", "model_jobs.py");

  private static final Map<String, CompletableFuture<JsonNode>> SDK = new ConcurrentHashMap<>();

  @BeforeAll
  static void runTheSdkScripts() {
    for (String script : SCRIPTS) {
      Path path = Fixtures.dir().resolveSibling("sdk").resolve(script);
      SDK.put(script, CompletableFuture.supplyAsync(() -> OracleCalls.sdkDefinition(path)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "examples/retraining.yaml, retraining.py",
      "pipelines/gated-release.yaml, gated_release.py",
      "pipelines/model-jobs.yaml, model_jobs.py"})
  void theSdkBuildsTheSameDefinition(String pipeline, String script) throws Exception {
    Path yaml = pipeline.startsWith("examples/")
        ? Examples.file(pipeline.substring("examples/".length()))
        : Fixtures.dir().resolve(pipeline.substring("pipelines/".length()));
    Pipeline p = new PipelineLoader().load(yaml).pipeline();
    JsonNode ours = JSON.readTree(new SageMakerWriter().write(p).artifact().json());
    Path sdkScript = Fixtures.dir().resolveSibling("sdk").resolve(script);
    assertTrue(Files.isRegularFile(sdkScript), sdkScript.toString());
    JsonNode sdk;
    try {
      sdk = normalise(SDK.get(script).join().deepCopy());
    } catch (CompletionException e) {
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
    List<String> differences = new ArrayList<>();
    diff("$", ours, sdk, differences);
    assertTrue(differences.isEmpty(), "pipeshift and the SDK differ for " + pipeline + ":\n"
        + String.join("\n", differences));
  }

  /** Removes the fields only the SDK writes (see the class comment), when they hold the SDK's defaults. */
  static JsonNode normalise(JsonNode definition) {
    for (JsonNode step : allSteps(definition.get("Steps"), new ArrayList<>())) {
      ObjectNode args = (ObjectNode) step.get("Arguments");
      switch (step.get("Type").asText()) {
        case "Training" -> removeIf(args, "ProfilerConfig", JSON.createObjectNode().put("DisableProfiler", true));
        case "RegisterModel" -> {
          removeIf(args, "SkipModelValidation", JSON.getNodeFactory().textNode("None"));
          if (args.has("ModelMetrics")) {
            removeIf((ObjectNode) args.get("ModelMetrics"), "Bias", JSON.createObjectNode());
            removeIf((ObjectNode) args.get("ModelMetrics"), "Explainability", JSON.createObjectNode());
          }
        }
        case "Model" -> removeIf((ObjectNode) args.get("PrimaryContainer"), "Environment", JSON.createObjectNode());
        case "Tuning" -> {
          removeIf((ObjectNode) args.get("HyperParameterTuningJobConfig"), "TrainingJobEarlyStoppingType",
              JSON.getNodeFactory().textNode("Off"));
          ObjectNode job = (ObjectNode) args.get("TrainingJobDefinition");
          if (job.has("HyperParameterTuningResourceConfig") && !job.has("ResourceConfig")) {
            job.set("ResourceConfig", job.remove("HyperParameterTuningResourceConfig"));
          }
        }
        case "EndpointConfig", "Endpoint" -> {
          removeIf(args, "Tags", JSON.createArrayNode());
          if (args.has("ProductionVariants")) {
            for (JsonNode v : args.get("ProductionVariants")) {
              removeIf((ObjectNode) v, "InitialVariantWeight", JSON.getNodeFactory().numberNode(1));
            }
          }
        }
        default -> { }
      }
    }
    return definition;
  }

  private static void removeIf(ObjectNode node, String field, JsonNode value) {
    if (node.has(field) && same(node.get(field), value)) {
      node.remove(field);
    }
  }

  private static List<JsonNode> allSteps(JsonNode steps, List<JsonNode> out) {
    for (JsonNode s : steps) {
      out.add(s);
      if (s.get("Type").asText().equals("Condition")) {
        allSteps(s.get("Arguments").get("IfSteps"), out);
        allSteps(s.get("Arguments").get("ElseSteps"), out);
      }
    }
    return out;
  }

  /** Differences as JSON paths; object key order is ignored, numbers are compared by value. */
  static void diff(String path, JsonNode ours, JsonNode sdk, List<String> out) {
    if (ours.isObject() && sdk.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      ours.fieldNames().forEachRemaining(keys::add);
      sdk.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        if (!ours.has(k)) {
          out.add(path + "." + k + ": only the SDK has it: " + sdk.get(k));
        } else if (!sdk.has(k)) {
          out.add(path + "." + k + ": only pipeshift has it: " + ours.get(k));
        } else {
          diff(path + "." + k, ours.get(k), sdk.get(k), out);
        }
      }
    } else if (ours.isArray() && sdk.isArray()) {
      if (ours.size() != sdk.size()) {
        out.add(path + ": pipeshift has " + ours.size() + " items, the SDK " + sdk.size() + ": " + ours + " vs " + sdk);
        return;
      }
      for (int i = 0; i < ours.size(); i++) {
        String name = ours.get(i).has("Name") ? "[" + ours.get(i).get("Name").asText() + "]" : "[" + i + "]";
        diff(path + name, ours.get(i), sdk.get(i), out);
      }
    } else if (!same(ours, sdk)) {
      out.add(path + ": pipeshift " + ours + ", SDK " + sdk);
    }
  }

  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isContainerNode() || b.isContainerNode()) {
      List<String> d = new ArrayList<>();
      diff("", a, b, d);
      return d.isEmpty();
    }
    return a.equals(b);
  }
}
