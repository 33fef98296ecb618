package io.pipeshift.from.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipeshift.from.airflow.parse.ParseResult;
import io.pipeshift.from.airflow.parse.PythonSourceParser;
import io.pipeshift.from.airflow.eval.DagNode;
import io.pipeshift.from.airflow.eval.EvaluatedModule;
import io.pipeshift.from.airflow.eval.ModuleEvaluator;
import io.pipeshift.from.airflow.eval.TaskNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Stream;

/** Development probe: evaluates DAG files and compares the graphs with a dagbag_dump.py JSON. */
public final class EvalProbe {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    JsonNode dump = args.length > 1 ? new ObjectMapper().readTree(Path.of(args[1]).toFile()) : null;
    boolean verbose = args.length > 2;
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
    }
    int agree = 0, total = 0;
    for (Path f : files) {
      String text = Files.readString(f);
      ParseResult r = new PythonSourceParser().parse(f.toString(), text);
      if (!r.ok()) {
        System.out.println("SYNTAX " + f + " " + r.diagnostics());
        continue;
      }
      String stem = f.getFileName().toString().replace(".py", "");
      EvaluatedModule m = ModuleEvaluator.evaluate(stem, r.tree());
      if (verbose) {
        m.warnings().forEach(w -> System.out.println("  W " + f.getFileName() + ":" + w.line() + ":" + w.column() + " [" + w.construct() + "] " + w.message()));
      }
      Set<String> seen = new HashSet<>();
      for (DagNode d : m.dags()) {
        seen.add(d.dagId());
        Map<String, Set<String>> mine = new TreeMap<>();
        for (TaskNode t : d.tasks().values()) {
          Set<String> ups = new TreeSet<>();
          t.upstream().forEach(u -> ups.add(u.taskId()));
          mine.put(t.taskId(), ups);
        }
        if (dump == null) {
          System.out.println(d.dagId() + " " + mine);
          continue;
        }
        JsonNode theirs = dump.path("dags").path(d.dagId());
        if (theirs.isMissingNode()) {
          System.out.println("EXTRA " + f.getFileName() + " dag " + d.dagId());
          continue;
        }
        Map<String, Set<String>> ref = new TreeMap<>();
        theirs.path("tasks").fields().forEachRemaining(e -> {
          Set<String> ups = new TreeSet<>();
          e.getValue().path("upstream").forEach(u -> ups.add(u.asText()));
          ref.put(e.getKey(), ups);
        });
        total++;
        if (ref.equals(mine)) {
          agree++;
        } else {
          System.out.println("DIFF " + f.getFileName() + " dag " + d.dagId());
          System.out.println("   mine:   " + mine);
          System.out.println("   theirs: " + ref);
        }
      }
      if (dump != null) {
        String fn = f.getFileName().toString();
        dump.path("dags").fields().forEachRemaining(e -> {
          if (e.getValue().path("fileloc").asText().endsWith("/" + fn) && !seen.contains(e.getKey())) {
            System.out.println("MISSING " + fn + " dag " + e.getKey());
          }
        });
      }
    }
    System.out.println("agree " + agree + "/" + total);
  }
}
