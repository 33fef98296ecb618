package io.pipeshift.to.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipeshift.oracles.Oracles;
import io.pipeshift.oracles.ProcessRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real tools, batched: asl-validator on many definition files per process, and aws-local-stepfunctions
 * on many machines per process ({@code run_asl_batch.mjs}). Missing tools throw (tests fail, never skip).
 */
final class AslOracles {

  static final ObjectMapper JSON = new ObjectMapper();
  /** At most this many files per asl-validator process (keeps the command line short). */
  static final int VALIDATOR_BATCH = 300;

  private AslOracles() {}

  /**
   * asl-validator's verdict per definition: an empty string when valid, its messages when not. The files
   * are split into one batch per processor (at most {@value #VALIDATOR_BATCH} files each), one asl-validator
   * process per batch, run side by side: the validator spends ~0.1 s of CPU per definition, so batching
   * saves the process start-ups and parallel batches use the cores.
   */
  static Map<String, String> validate(Map<String, String> definitions) {
    Map<String, String> verdicts = new java.util.concurrent.ConcurrentHashMap<>();
    try {
      Path dir = Files.createTempDirectory("asl-validate");
      List<String> names = new ArrayList<>(definitions.keySet());
      int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
      int size = Math.max(1, Math.min(VALIDATOR_BATCH, (names.size() + cores - 1) / cores));
      List<java.util.concurrent.Callable<Void>> batches = new ArrayList<>();
      for (int from = 0; from < names.size(); from += size) {
        int start = from;
        List<String> batch = names.subList(from, Math.min(names.size(), from + size));
        List<Object> command = new ArrayList<>(List.of(Oracles.node(), Oracles.aslValidator()));
        Map<String, String> fileToName = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
          Path f = dir.resolve((start + i) + ".json");
          Files.writeString(f, definitions.get(batch.get(i)), StandardCharsets.UTF_8);
          command.add("--json-path");
          command.add(f.toString());
          fileToName.put(f.toString(), batch.get(i));
        }
        batches.add(() -> {
          ProcessRun.Result r = ProcessRun.of(command.toArray()).timeout(Duration.ofMinutes(10)).run()
              .requireExitCode(0, 1);
          Map<String, String> found = new LinkedHashMap<>();
          parse(r.stdout() + "\n" + r.stderr(), fileToName, found);
          for (String f : fileToName.keySet()) {
            if (!found.containsKey(fileToName.get(f))) {
              throw new AssertionError("asl-validator said nothing about " + f + "\n" + r.describe());
            }
          }
          verdicts.putAll(found);
          return null;
        });
      }
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(cores);
      try {
        for (java.util.concurrent.Future<Void> f : pool.invokeAll(batches)) {
          f.get();
        }
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof AssertionError a) {
          throw a;
        }
        throw new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        pool.shutdownNow();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    definitions.keySet().forEach(n -> ordered.put(n, verdicts.get(n)));
    return ordered;
  }

  /** Lines "✓ State machine definition "FILE" is valid" / "✕ ... is invalid:" followed by the errors. */
  private static void parse(String text, Map<String, String> fileToName, Map<String, String> verdicts) {
    String current = null;
    StringBuilder errors = new StringBuilder();
    for (String line : text.split("\n")) {
      int q1 = line.indexOf('"');
      int q2 = line.lastIndexOf('"');
      boolean header = line.contains("State machine definition") && q1 >= 0 && q2 > q1;
      if (header) {
        if (current != null) {
          verdicts.put(current, errors.toString().trim());
        }
        String file = line.substring(q1 + 1, q2);
        String name = fileToName.get(file);
        if (line.contains("is valid")) {
          verdicts.put(name, "");
          current = null;
        } else {
          current = name;
          errors.setLength(0);
          errors.append("invalid");
        }
      } else if (current != null && !line.isBlank()) {
        errors.append('\n').append(line);
      }
    }
    if (current != null) {
      verdicts.put(current, errors.toString().trim());
    }
  }

  /** A run request for {@code run_asl_batch.mjs}. */
  record Run(String id, Map<String, Object> definition, Object input, Map<String, Object> fail,
      Map<String, Object> results) {}

  /** The context object every local run gets (execution ids, a task token). */
  static Map<String, Object> context() {
    Map<String, Object> execution = new LinkedHashMap<>();
    execution.put("Id", "arn:aws:states:us-east-1:123456789012:execution:pipeshift-test:run-1");
    execution.put("Name", "run-1");
    execution.put("StartTime", "2024-01-01T00:00:00.000Z");
    execution.put("Input", Map.of());
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("Id", "arn:aws:states:us-east-1:123456789012:stateMachine:pipeshift-test");
    machine.put("Name", "pipeshift-test");
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("Execution", execution);
    c.put("StateMachine", machine);
    c.put("Task", Map.of("Token", "test-task-token"));
    return c;
  }

  /** Runs the machines in one Node process; results in request order. */
  static List<JsonNode> run(List<Run> runs) {
    List<Object> requests = new ArrayList<>();
    for (Run r : runs) {
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("id", r.id());
      q.put("definition", r.definition());
      q.put("input", r.input());
      q.put("fail", r.fail());
      q.put("results", r.results());
      q.put("context", context());
      requests.add(q);
    }
    try {
      Path script = Path.of(AslOracles.class.getResource("/run_asl_batch.mjs").toURI());
      ProcessRun.Result r = ProcessRun.of(Oracles.node(), script)
          .directory(Oracles.root())
          .stdin(JSON.writeValueAsString(requests))
          .timeout(Duration.ofMinutes(5))
          .run()
          .requireSuccess();
      JsonNode all = JSON.readTree(r.stdout());
      List<JsonNode> out = new ArrayList<>();
      all.forEach(out::add);
      if (out.size() != runs.size()) {
        throw new AssertionError("expected " + runs.size() + " results\n" + r.describe());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
