package io.pipeshift.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipeshift.testing.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The any-to-any and diff acceptance lines, run in-process: an example converted to SageMaker JSON diffs
 * clean against itself; one changed retry is exactly one difference; IR -> ASL -> IR diffs clean; ASL converts
 * to Airflow; bad input is exit 2.
 */
class ConvertAndDiffTest {

  @TempDir Path dir;

  private String ex(String name) {
    return Examples.file(name).toString();
  }

  @Test
  void retrainingAndItsSageMakerJsonHaveNoDifference() throws Exception {
    Path json = dir.resolve("p.json");
    Cli.run("convert", ex("retraining.yaml"), "--to", "sagemaker", "-o", json.toString()).expect(0);
    Cli same = Cli.run("diff", ex("retraining.yaml"), json.toString()).expect(0);
    assertEquals("no differences\n", same.out());
    Cli.run("diff", json.toString(), ex("retraining.yaml")).expect(0);
  }

  @Test
  void changingOneRetryInTheJsonReportsExactlyThatChange() throws Exception {
    Path json = dir.resolve("p.json");
    Cli.run("convert", ex("retraining.yaml"), "--to", "sagemaker", "-o", json.toString()).expect(0);
    ObjectMapper mapper = new ObjectMapper();
    JsonNode root = mapper.readTree(json.toFile());
    for (JsonNode step : root.path("Steps")) {
      if (step.path("Name").asText().equals("train")) {
        for (JsonNode policy : step.path("RetryPolicies")) {
          ((com.fasterxml.jackson.databind.node.ObjectNode) policy).put("MaxAttempts", 4);
        }
      }
    }
    Files.writeString(json, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    Cli diff = Cli.run("diff", ex("retraining.yaml"), json.toString()).expect(1);
    assertEquals("~ step train: retry.retries 2 -> 4\n1 difference\n", diff.out());
    JsonNode report = mapper.readTree(Cli.run("diff", ex("retraining.yaml"), json.toString(), "--format", "json").expect(1).out());
    assertEquals(1, report.path("differences").asInt());
    assertEquals("retry-changed", report.path("changes").path(0).path("type").asText());
    assertEquals("train", report.path("changes").path(0).path("step").asText());
    assertEquals(2, report.path("changes").path(0).path("before").asInt());
    assertEquals(4, report.path("changes").path(0).path("after").asInt());
  }

  @Test
  void multiServiceThroughAslAndBackHasNoDifference() {
    Path asl = dir.resolve("m.json");
    Path ir = dir.resolve("m.yaml");
    Cli.run("convert", ex("multi-service.yaml"), "--to", "asl", "-o", asl.toString()).expect(0);
    Cli.run("convert", asl.toString(), "--to", "ir", "-o", ir.toString()).expect(0);
    assertEquals("no differences\n", Cli.run("diff", ex("multi-service.yaml"), ir.toString()).expect(0).out());
    assertEquals("no differences\n", Cli.run("diff", ex("multi-service.yaml"), asl.toString()).expect(0).out());
    Cli.run("convert", asl.toString(), "--to", "airflow", "-o", dir.resolve("m.py").toString()).expect(0);
    Cli.run("convert", asl.toString(), "--to", "sagemaker", "-o", dir.resolve("m.sm.json").toString()).expect(0);
  }

  @Test
  void aRealChangeInTheAslIsReported() throws Exception {
    Path asl = dir.resolve("m.json");
    Cli.run("convert", ex("multi-service.yaml"), "--to", "asl", "-o", asl.toString()).expect(0);
    Files.writeString(asl, Files.readString(asl).replace("\"TimeoutSeconds\": 300", "\"TimeoutSeconds\": 600"));
    Cli diff = Cli.run("diff", ex("multi-service.yaml"), asl.toString()).expect(1);
    assertEquals("~ step ValidateExtract: timeout PT5M -> PT10M\n1 difference\n", diff.out());
  }

  @Test
  void badInputIsExitTwoWithALocation() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\n  \"StartAt\": \"A\",\n  \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"B\"}}\n}\n");
    Cli c = Cli.run("diff", ex("retraining.yaml"), bad.toString()).expect(2);
    assertTrue(c.err().contains("bad.json:3:") && c.err().contains("ASLR005"), c.err());
    Cli.run("diff", ex("retraining.yaml"), dir.resolve("missing.json").toString()).expect(2);
  }
}
