package io.pipeshift.oracles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One call per oracle driver script in {@code oracles/scripts/}, returning parsed JSON. Each throws
 * {@link AssertionError} (with the command's stderr) if the driver fails, and {@link
 * OracleMissingException} if the oracle is not installed.
 */
public final class OracleCalls {
  private OracleCalls() {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = ProcessRun.DEFAULT_TIMEOUT;

  /**
   * Loads every DAG file in {@code dagFolder} with Airflow's DagBag ({@code dagbag_dump.py}): {@code
   * {"import_errors": {path: traceback}, "dags": {dag_id: {"tasks": {...}, "schedule": ...}}}}.
   */
  public static JsonNode dagBag(Path dagFolder) {
    return json(
        ProcessRun.of(
                Oracles.airflowPython(), Oracles.script("dagbag_dump.py"), dagFolder.toAbsolutePath())
            .timeout(TIMEOUT)
            .run());
  }

  /**
   * The definition JSON the sagemaker SDK builds from {@code script} (a Python file with a {@code build()}
   * function returning a Pipeline), via {@code sdk_definition.py}.
   */
  public static JsonNode sdkDefinition(Path script) {
    return json(
        ProcessRun.of(
                Oracles.sagemakerPython(),
                Oracles.script("sdk_definition.py"),
                script.toAbsolutePath())
            .timeout(TIMEOUT)
            .run());
  }

  /**
   * Validates AWS request shapes with botocore ({@code botocore_validate.py}). {@code requests} is one
   * {@code {"service", "operation", "params"}} object or an array of them; the answer is an array of
   * {@code {"valid": bool, "errors": "..."}} in the same order.
   */
  public static JsonNode botocoreValidate(JsonNode requests) {
    return json(
        ProcessRun.of(Oracles.sagemakerPython(), Oracles.script("botocore_validate.py"))
            .stdin(write(requests))
            .timeout(TIMEOUT)
            .run());
  }

  /**
   * Runs a state machine with aws-local-stepfunctions, every Task mocked ({@code run_asl.mjs}). {@code
   * request} is {@code {"definition", "input", "fail"?, "results"?, "timeoutMs"?}}; the answer has {@code
   * status}, {@code output}, {@code error}, {@code cause}, {@code calls} (Task names in call order).
   */
  public static JsonNode runAsl(JsonNode request) {
    return json(
        ProcessRun.of(Oracles.node(), Oracles.script("run_asl.mjs"))
            .stdin(write(request))
            .timeout(TIMEOUT)
            .run());
  }

  /**
   * Runs {@code asl-validator --json-path FILE}: exit code 0 valid, 1 invalid (messages on stderr), 2
   * error. Fails on any other outcome.
   */
  public static ProcessRun.Result aslValidate(Path definitionFile) {
    return ProcessRun.of(
            Oracles.node(),
            Oracles.aslValidator(),
            "--json-path",
            definitionFile.toAbsolutePath())
        .timeout(TIMEOUT)
        .run()
        .requireExitCode(0, 1);
  }

  private static JsonNode json(ProcessRun.Result result) {
    result.requireSuccess();
    try {
      return JSON.readTree(result.stdout());
    } catch (JsonProcessingException e) {
      throw new AssertionError(
          "oracle printed something that is not JSON: " + e.getOriginalMessage() + "\n"
              + result.describe(),
          e);
    }
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
