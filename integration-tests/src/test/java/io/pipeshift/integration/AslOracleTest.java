package io.pipeshift.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.from.asl.AslImporter;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.oracles.Oracles;
import io.pipeshift.oracles.ProcessRun;
import io.pipeshift.testing.Examples;
import io.pipeshift.validate.PipelineLoader;
import io.pipeshift.yaml.LoadedPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ASL importer checked by the real tools. asl-validator accepts every machine in the test tree (the
 * importer's hand-written machines, the emitter's machines for every example) and every machine that went
 * through ASL -> IR -> ASL. aws-local-stepfunctions runs each original machine and its round trip with the
 * same local Task handlers: the same Tasks run the same number of times and the runs end the same way,
 * normally, with a Task that fails once and is retried, and with a Task that always fails and is caught.
 */
class AslOracleTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** Name -> machine: hand-written JSONPath/JSONata machines and the emitter's machines for every example. */
  private Map<String, JsonNode> originals() throws IOException {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    try (var s = Files.list(Examples.root().resolve("from-stepfunctions-asl/src/test/resources/machines"))) {
      for (Path p : s.sorted().toList()) {
        out.put(p.getFileName().toString().replace(".json", ""), JSON.readTree(p.toFile()));
      }
    }
    for (Path example : Examples.valid()) {
      Pipeline p = new PipelineLoader().load(example).pipeline();
      out.put("emitted-" + example.getFileName().toString().replace(".yaml", ""),
          JSON.readTree(Formats.emit("asl", p).artifact().main()));
    }
    return out;
  }

  /** The machine after ASL -> IR -> ASL. */
  private JsonNode roundTrip(String name, JsonNode machine) throws IOException {
    Path file = dir.resolve(name + ".json");
    Files.writeString(file, JSON.writeValueAsString(machine));
    Translation<LoadedPipeline> ir = AslImporter.read(file);
    return JSON.readTree(Formats.emit("asl", ir.artifact().pipeline()).artifact().main());
  }

  @Test
  void everyMachineAndItsRoundTripIsAcceptedByAslValidator() throws Exception {
    List<String> command = new ArrayList<>(List.of(Oracles.node().toString(), Oracles.aslValidator().toString()));
    int files = 0;
    for (Map.Entry<String, JsonNode> e : originals().entrySet()) {
      for (Map.Entry<String, JsonNode> m : Map.of(e.getKey(), e.getValue(), e.getKey() + "-roundtrip",
          roundTrip(e.getKey(), e.getValue())).entrySet()) {
        Path f = dir.resolve(m.getKey() + ".validate.json");
        Files.writeString(f, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m.getValue()));
        command.add("--json-path");
        command.add(f.toString());
        files++;
      }
    }
    ProcessRun.Result r = ProcessRun.run(command, "", Duration.ofSeconds(120));
    assertEquals(0, r.exitCode(), r.describe());
    long valid = r.stdout().lines().filter(l -> l.contains("is valid")).count();
    assertEquals(files, valid, r.stdout());
    assertTrue(files >= 14, "machines checked: " + files);
  }

  @Test
  void roundTrippedMachinesRunTheSameTasksAsTheOriginals() throws Exception {
    ArrayNode runs = JSON.createArrayNode();
    List<String> labels = new ArrayList<>();
    List<java.util.Set<String>> helpers = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : originals().entrySet()) {
      JsonNode original = e.getValue();
      if ("JSONata".equals(original.path("QueryLanguage").asText())) {
        continue; // aws-local-stepfunctions ignores JSONata: behaviour is checked on JSONPath machines only
      }
      JsonNode back = roundTrip(e.getKey(), original);
      for (Map.Entry<String, ObjectNode> scenario : scenarios(original).entrySet()) {
        for (JsonNode machine : List.of(original, back)) {
          helpers.add(helpers(machine));
          ObjectNode run = JSON.createObjectNode();
          run.set("definition", machine);
          run.set("input", JSON.createObjectNode());
          run.set("results", results(machine));
          run.set("fail", scenario.getValue());
          runs.add(run);
        }
        labels.add(e.getKey() + " / " + scenario.getKey());
      }
    }
    Path script = Examples.root().resolve("integration-tests/src/test/resources/oracle/run_asl_batch.mjs");
    ProcessRun.Result r = ProcessRun.run(List.of(Oracles.node().toString(), script.toString()),
        JSON.writeValueAsString(runs), Duration.ofSeconds(300));
    assertEquals(0, r.exitCode(), r.describe());
    JsonNode answers = JSON.readTree(r.stdout());
    for (int i = 0; i < labels.size(); i++) {
      JsonNode a = answers.get(2 * i);
      JsonNode b = answers.get(2 * i + 1);
      String label = labels.get(i);
      assertTrue(!a.path("status").asText().equals("REJECTED") && !a.path("status").asText().equals("ABORTED"), label + ": " + a);
      assertEquals(a.path("status").asText(), b.path("status").asText(), label + "\noriginal: " + a + "\nround trip: " + b);
      assertEquals(a.path("error").asText(), b.path("error").asText(), label + "\noriginal: " + a + "\nround trip: " + b);
      assertEquals(sorted(a.path("calls"), helpers.get(2 * i)), sorted(b.path("calls"), helpers.get(2 * i + 1)),
          label + "\noriginal: " + a + "\nround trip: " + b);
    }
    assertTrue(labels.size() >= 15, "scenarios: " + labels);
  }

  /** The calls of the pipeline's own Tasks (helpers the emitter adds, such as property-file reads, left out). */
  private static List<String> sorted(JsonNode calls, java.util.Set<String> helpers) {
    List<String> out = new ArrayList<>();
    calls.forEach(c -> {
      if (!helpers.contains(c.asText())) {
        out.add(c.asText());
      }
    });
    out.sort(null);
    return out;
  }

  /**
   * The runs for a machine: no failure; the first Task with a retrier failing once with an error it retries;
   * the first Task with a catcher always failing with an error it catches; the last Task always failing.
   */
  private static Map<String, ObjectNode> scenarios(JsonNode machine) {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    out.put("no failure", JSON.createObjectNode());
    List<Map.Entry<String, JsonNode>> tasks = new ArrayList<>();
    collectTasks(machine, tasks);
    tasks.removeIf(t -> t.getValue().path("Resource").asText().endsWith("aws-sdk:s3:getObject"));
    for (Map.Entry<String, JsonNode> t : tasks) {
      JsonNode retry = t.getValue().path("Retry").path(0);
      if (!retry.isMissingNode() && retry.path("MaxAttempts").asInt(3) > 0) {
        out.put("retried failure of " + t.getKey(), failure(t.getKey(), retry.path("ErrorEquals").path(0).asText(), false));
        break;
      }
    }
    for (Map.Entry<String, JsonNode> t : tasks) {
      JsonNode c = t.getValue().path("Catch").path(0);
      if (!c.isMissingNode()) {
        out.put("caught failure of " + t.getKey(), failure(t.getKey(), c.path("ErrorEquals").path(0).asText(), true));
        break;
      }
    }
    if (!tasks.isEmpty()) {
      String last = tasks.get(tasks.size() - 1).getKey();
      out.put("failure of " + last, failure(last, "Pipeshift.Test.Failure", true));
    }
    return out;
  }

  /** Tasks that read a property file for a condition: S3 GetObject parsed as JSON. */
  private static java.util.Set<String> helpers(JsonNode machine) {
    List<Map.Entry<String, JsonNode>> tasks = new ArrayList<>();
    collectTasks(machine, tasks);
    java.util.Set<String> out = new java.util.HashSet<>();
    for (Map.Entry<String, JsonNode> t : tasks) {
      if (t.getValue().path("Resource").asText().endsWith("aws-sdk:s3:getObject")) {
        out.add(t.getKey());
      }
    }
    return out;
  }

  private static ObjectNode failure(String state, String error, boolean always) {
    ObjectNode f = JSON.createObjectNode();
    ObjectNode spec = f.putObject(state);
    spec.put("error", error.equals("States.ALL") ? "States.TaskFailed" : error);
    if (always) {
      spec.put("always", true);
    } else {
      spec.put("times", 1);
    }
    return f;
  }

  private static void collectTasks(JsonNode machine, List<Map.Entry<String, JsonNode>> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = machine.path("States").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode s = e.getValue();
      if (s.path("Type").asText().equals("Task")) {
        out.add(e);
      }
      s.path("Branches").forEach(b -> collectTasks(b, out));
      if (s.has("ItemProcessor")) {
        collectTasks(s.get("ItemProcessor"), out);
      }
    }
  }

  /**
   * What each Task returns: one object that serves every integration's result shape (Lambda's Payload, a
   * SageMaker job's fields, an S3 object's Body), with a score, a list of shards and metrics to branch on.
   */
  private static ObjectNode results(JsonNode machine) {
    ObjectNode data = JSON.createObjectNode();
    data.put("value", 0.95);
    data.put("rowCount", 10);
    data.put("score", 0.95);
    ArrayNode shards = data.putArray("shards");
    shards.addObject().put("id", "a");
    shards.addObject().put("id", "b");
    ObjectNode result = data.deepCopy();
    result.set("Payload", data.deepCopy());
    result.putObject("ModelArtifacts").put("S3ModelArtifacts", "s3://bucket/model.tar.gz");
    result.put("ModelPackageArn", "arn:aws:sagemaker:us-east-1:1:model-package/g/1");
    result.put("ModelArn", "arn:aws:sagemaker:us-east-1:1:model/m");
    result.putObject("BestTrainingJob").put("TrainingJobName", "best");
    result.putObject("TransformOutput").put("S3OutputPath", "s3://bucket/out");
    result.put("Body", "{\"metrics\": {\"accuracy\": {\"value\": 0.93}}, \"score\": 0.95}");
    List<Map.Entry<String, JsonNode>> tasks = new ArrayList<>();
    collectTasks(machine, tasks);
    ObjectNode out = JSON.createObjectNode();
    tasks.forEach(t -> out.set(t.getKey(), result));
    return out;
  }
}
