package io.pipeshift.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.from.sagemaker.SageMakerImporter;
import io.pipeshift.oracles.OracleCalls;
import io.pipeshift.testing.Examples;
import io.pipeshift.yaml.LoadedPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SageMaker definitions built by the real SDK (the scripts of to-sagemaker's parity test, and this module's
 * own) import into the IR and re-emit to a definition equal to the SDK's after normalising key order; the
 * only differences allowed are the fields the SDK writes with the API's default values (listed in
 * {@link SdkDefaults}).
 */
class SageMakerSdkOracleTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, CompletableFuture<JsonNode>> SDK = new ConcurrentHashMap<>();

  @TempDir Path dir;

  static Path script(String name) {
    Path shared = Examples.root().resolve("to-sagemaker/src/test/resources/sdk").resolve(name);
    return Files.exists(shared) ? shared : Examples.root().resolve("integration-tests/src/test/resources/sdk").resolve(name);
  }

  @BeforeAll
  static void runTheSdkOnce() {
    for (String s : List.of("retraining.py", "gated_release.py", "model_jobs.py", "every_step.py")) {
      SDK.put(s, CompletableFuture.supplyAsync(() -> OracleCalls.sdkDefinition(script(s))));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"retraining.py", "gated_release.py", "model_jobs.py", "every_step.py"})
  void anSdkDefinitionImportsAndReEmitsEqual(String name) throws Exception {
    JsonNode sdk = SDK.get(name).join();
    Path file = dir.resolve(name.replace(".py", ".json"));
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sdk));
    Translation<LoadedPipeline> ir = SageMakerImporter.read(file);
    JsonNode ours = JSON.readTree(Formats.emit("sagemaker", ir.artifact().pipeline()).artifact().main());
    List<String> differences = new ArrayList<>();
    diff("$", SdkDefaults.normaliseReEmitted(SdkDefaults.normalise(ours.deepCopy()), sdk), SdkDefaults.normalise(sdk.deepCopy()),
        differences);
    assertEquals(List.of(), differences, name + ": import notes " + ir.notes());
  }

  /** Differences as paths; key order ignored, steps named, numbers by value. */
  static void diff(String path, JsonNode ours, JsonNode sdk, List<String> out) {
    if (ours.isObject() && sdk.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      ours.fieldNames().forEachRemaining(keys::add);
      sdk.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        if (!ours.has(k)) {
          out.add(path + "." + k + ": only the SDK has " + sdk.get(k));
        } else if (!sdk.has(k)) {
          out.add(path + "." + k + ": only the re-emitted definition has " + ours.get(k));
        } else {
          diff(path + "." + k, ours.get(k), sdk.get(k), out);
        }
      }
    } else if (ours.isArray() && sdk.isArray() && ours.size() == sdk.size()) {
      for (int i = 0; i < ours.size(); i++) {
        String name = sdk.get(i).has("Name") ? "[" + sdk.get(i).get("Name").asText() + "]" : "[" + i + "]";
        diff(path + name, ours.get(i), sdk.get(i), out);
      }
    } else if (ours.isNumber() && sdk.isNumber()) {
      if (ours.decimalValue().compareTo(sdk.decimalValue()) != 0) {
        out.add(path + ": " + ours + " vs the SDK's " + sdk);
      }
    } else if (!ours.equals(sdk)) {
      out.add(path + ": " + ours + " vs the SDK's " + sdk);
    }
  }
}
