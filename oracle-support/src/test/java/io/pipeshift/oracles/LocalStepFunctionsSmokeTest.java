package io.pipeshift.oracles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** aws-local-stepfunctions (through run_asl.mjs) runs a machine with mocked Tasks and real Retry. */
class LocalStepFunctionsSmokeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String MACHINE = """
      {"StartAt": "A", "States": {
        "A": {"Type": "Task", "Resource": "arn:aws:states:::sagemaker:createProcessingJob.sync",
              "Retry": [{"ErrorEquals": ["States.TaskFailed"], "MaxAttempts": 2, "IntervalSeconds": 60}],
              "Next": "B"},
        "B": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}
      """;

  private static List<String> calls(JsonNode result) {
    return JSON.convertValue(
        result.path("calls"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
  }

  @Test
  void retriedTaskSucceedsOnThirdAttempt() throws Exception {
    JsonNode result = OracleCalls.runAsl(JSON.readTree("""
        {"definition": %s, "input": {"run": 1},
         "fail": {"A": {"times": 2, "error": "States.TaskFailed"}}}
        """.formatted(MACHINE)));

    assertEquals("SUCCEEDED", result.path("status").asText(), result::toPrettyString);
    assertEquals(List.of("A", "A", "A", "B"), calls(result));
    assertEquals(1, result.path("output").path("run").asInt());
  }

  @Test
  void taskFailingMoreThanMaxAttemptsFailsExecution() throws Exception {
    JsonNode result = OracleCalls.runAsl(JSON.readTree("""
        {"definition": %s, "input": {},
         "fail": {"A": {"always": true, "error": "States.TaskFailed", "cause": "boom"}}}
        """.formatted(MACHINE)));

    assertEquals("FAILED", result.path("status").asText(), result::toPrettyString);
    assertEquals("States.TaskFailed", result.path("error").asText());
    assertEquals("boom", result.path("cause").asText());
    assertEquals(List.of("A", "A", "A"), calls(result));
  }
}
