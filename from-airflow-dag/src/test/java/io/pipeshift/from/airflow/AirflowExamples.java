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
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.ForEachSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

  /**
   * Task id -> upstream task ids of an imported pipeline, as Airflow would run it: a condition is its branch
   * task, its arms and its join task; a for-each its group's tasks; a catch an edge to the handler.
   */
  static Map<String, Set<String>> graph(Pipeline p) {
    Map<String, Set<String>> out = new TreeMap<>();
    edges(p.steps(), out);
    return out;
  }

  private static void node(String id, Map<String, Set<String>> out) {
    out.computeIfAbsent(id, k -> new TreeSet<>());
  }

  private static void edge(String from, String to, Map<String, Set<String>> out) {
    node(from, out);
    node(to, out);
    out.get(to).add(from);
  }

  private static void edges(List<Step> list, Map<String, Set<String>> out) {
    Map<String, Step> byId = new HashMap<>();
    list.forEach(s -> byId.put(s.id(), s));
    for (Step s : list) {
      if (s.spec() instanceof ConditionSpec c) {
        String branch = taskId(s);
        node(branch, out);
        Object join = s.extension("airflow").get("join_task_id");
        List<List<Step>> arms = new ArrayList<>();
        c.branches().forEach(b -> arms.add(b.steps()));
        arms.add(c.otherwise());
        for (List<Step> arm : arms) {
          edges(arm, out);
          if (arm.isEmpty()) {
            edge(branch, (String) join, out);
          }
          for (Step r : roots(arm)) {
            entries(r).forEach(e -> edge(branch, e, out));
          }
          for (Step l : leaves(arm)) {
            exits(l).forEach(e -> edge(e, (String) join, out));
          }
        }
      } else if (s.spec() instanceof ForEachSpec f) {
        edges(f.steps(), out);
      } else {
        node(taskId(s), out);
      }
      for (String a : s.after()) {
        Step up = byId.get(a);
        for (String u : exits(up)) {
          for (String d : entries(s)) {
            edge(u, d, out);
          }
        }
      }
      for (io.pipeshift.ir.CatchClause c : s.catches()) {
        for (String u : exits(s)) {
          for (String d : entries(byId.get(c.handler()))) {
            edge(u, d, out);
          }
        }
      }
    }
  }

  private static List<Step> roots(List<Step> list) {
    Set<String> ids = new HashSet<>();
    list.forEach(s -> ids.add(s.id()));
    return list.stream().filter(s -> s.after().stream().noneMatch(ids::contains)).toList();
  }

  private static List<Step> leaves(List<Step> list) {
    Set<String> used = new HashSet<>();
    list.forEach(s -> used.addAll(s.after()));
    return list.stream().filter(s -> !used.contains(s.id())).toList();
  }

  private static List<String> entries(Step s) {
    if (s.spec() instanceof ForEachSpec f) {
      return roots(f.steps()).stream().flatMap(r -> entries(r).stream()).toList();
    }
    return List.of(taskId(s));
  }

  private static List<String> exits(Step s) {
    if (s.spec() instanceof ConditionSpec) {
      return List.of((String) s.extension("airflow").get("join_task_id"));
    }
    if (s.spec() instanceof ForEachSpec f) {
      return leaves(f.steps()).stream().flatMap(l -> exits(l).stream()).toList();
    }
    return List.of(taskId(s));
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
