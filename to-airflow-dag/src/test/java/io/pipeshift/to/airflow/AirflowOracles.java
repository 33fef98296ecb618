package io.pipeshift.to.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipeshift.oracles.Oracles;
import io.pipeshift.oracles.ProcessRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the pinned Airflow, ruff and Python on generated DAG files, one process per batch. */
final class AirflowOracles {

  static final ObjectMapper JSON = new ObjectMapper();

  /** The pinned ruff rule selection for Airflow 3 output (documented in docs/targets/airflow.md). */
  static final List<String> RUFF_AIRFLOW3 = List.of("--select", "AIR,E,F,I");
  /** Airflow 2 output: the same, without the Airflow 3 migration rules (AIR3xx). */
  static final List<String> RUFF_AIRFLOW2 = List.of("--select", "AIR,E,F,I", "--ignore", "AIR3");

  private AirflowOracles() {}

  static void write(Path dir, Map<String, String> files) {
    try {
      Files.createDirectories(dir);
      for (Map.Entry<String, String> e : files.entrySet()) {
        Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** oracles/scripts/dagbag_dump.py over a folder: {"import_errors": {...}, "dags": {...}}. */
  static JsonNode dagbag(Path dir) {
    ProcessRun.Result r = ProcessRun.of(Oracles.airflowPython(), Oracles.script("dagbag_dump.py"), dir)
        .timeout(Duration.ofMinutes(10)).run().requireSuccess();
    return parse(r.stdout());
  }

  static ProcessRun.Result ruff(Path dir, List<String> selection) {
    List<String> cmd = new ArrayList<>(List.of(Oracles.ruff().toString(), "check", "--no-cache", "--isolated",
        "--output-format", "concise"));
    cmd.addAll(selection);
    cmd.add(dir.toString());
    return ProcessRun.of(cmd).timeout(Duration.ofMinutes(5)).run();
  }

  /** Runs a Python script of this module's test resources with the Airflow venv's interpreter. */
  static ProcessRun.Result python(String resource, String stdin, List<String> args, Map<String, String> env,
      Duration timeout) {
    // -Dpipeshift.airflow.python=PATH runs these scripts with another interpreter (to try a venv fix)
    String python = System.getProperty("pipeshift.airflow.python", Oracles.airflowPython().toString());
    List<String> cmd = new ArrayList<>(List.of(python, resource(resource).toString()));
    cmd.addAll(args);
    ProcessRun run = ProcessRun.of(cmd).stdin(stdin).timeout(timeout);
    env.forEach(run::env);
    return run.run();
  }

  static Path resource(String name) {
    Path p = Path.of("src/test/resources/python").resolve(name);
    if (!Files.exists(p)) {
      p = Path.of("to-airflow-dag/src/test/resources/python").resolve(name);
    }
    return p.toAbsolutePath();
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
