package io.pipeshift.from.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Step;
import io.pipeshift.oracles.Oracles;
import io.pipeshift.oracles.ProcessRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The example DAGs shipped inside the pinned Airflow packages (read in place from the oracle venv, never
 * copied), and what Airflow's own DagBag makes of them.
 */
final class AirflowExamples {

  private AirflowExamples() {}

  /** The example folders: airflow/example_dags and airflow/providers/standard/example_dags. */
  static List<Path> folders() {
    ProcessRun.Result r = ProcessRun.of(Oracles.airflowPython(), resource("airflow_packages.py"))
        .timeout(Duration.ofSeconds(120)).run().requireSuccess();
    return r.stdout().lines().map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).toList();
  }

  /** dagbag_dump.py's JSON for a folder (one Python process for the whole folder). */
  static JsonNode dagBag(Path folder) {
    ProcessRun.Result r = ProcessRun.of(Oracles.airflowPython(), resource("dagbag_dump_unsorted.py"),
        Oracles.script("dagbag_dump.py"), folder).timeout(Duration.ofSeconds(600)).run().requireSuccess();
    try {
      return new ObjectMapper().readTree(r.stdout());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A test resource as a file (resources are files in target/test-classes). */
  static Path resource(String name) {
    try {
      return Path.of(AirflowExamples.class.getResource("/python/" + name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Task id -> upstream task ids of one DAG in a dump. */
  static Map<String, Set<String>> graph(JsonNode dag) {
    Map<String, Set<String>> out = new TreeMap<>();
    dag.path("tasks").fields().forEachRemaining(e -> {
      Set<String> ups = new TreeSet<>();
      e.getValue().path("upstream").forEach(u -> ups.add(u.asText()));
      out.put(e.getKey(), ups);
    });
    return out;
  }

  /** Task id -> upstream task ids of an imported pipeline (the Airflow task ids the steps were made from). */
  static Map<String, Set<String>> graph(Pipeline p) {
    Map<String, String> taskIds = new HashMap<>();
    for (Step s : p.allSteps()) {
      taskIds.put(s.id(), taskId(s));
    }
    Map<String, Set<String>> out = new TreeMap<>();
    for (Step s : p.allSteps()) {
      Set<String> ups = new TreeSet<>();
      s.after().forEach(a -> ups.add(taskIds.getOrDefault(a, a)));
      out.put(taskId(s), ups);
    }
    return out;
  }

  static String taskId(Step s) {
    Object id = s.extension("airflow").get("task_id");
    return id instanceof String str ? str : s.id();
  }

  static String read(InputStream in) throws IOException {
    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
  }

  static boolean exists(Path p) {
    return Files.isDirectory(p);
  }
}
