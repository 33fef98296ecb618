package io.pipeshift.from.airflow;

import io.pipeshift.from.airflow.parse.ParseResult;
import io.pipeshift.from.airflow.parse.PythonSourceParser;
import io.pipeshift.from.airflow.eval.DagNode;
import io.pipeshift.from.airflow.eval.EvaluatedModule;
import io.pipeshift.from.airflow.eval.ModuleEvaluator;
import io.pipeshift.from.airflow.mapping.DagMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Development probe: per-file parse / evaluate / map times over several rounds. */
public final class TimeProbe {
  public static void main(String[] args) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
      files = s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
    }
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    PythonSourceParser parser = new PythonSourceParser();
    for (int r = 0; r < rounds; r++) {
      long parse = 0, eval = 0, map = 0;
      int fallbacks = 0;
      for (Path f : files) {
        String text = Files.readString(f);
        long t0 = System.nanoTime();
        ParseResult pr = parser.parse(f.toString(), text);
        long t1 = System.nanoTime();
        if (pr.llFallback()) fallbacks++;
        if (r == 0 && (t1 - t0) > 50_000_000) System.out.printf("  slow parse %s %.0f ms fallback=%s%n", f.getFileName(), (t1 - t0) / 1e6, pr.llFallback());
        if (!pr.ok()) continue;
        EvaluatedModule m = ModuleEvaluator.evaluate("x", pr.tree());
        long t2 = System.nanoTime();
        for (DagNode d : m.dags()) DagMapping.map(f.toString(), d);
        long t3 = System.nanoTime();
        parse += t1 - t0; eval += t2 - t1; map += t3 - t2;
      }
      System.out.printf("round %d: parse %.1f ms, eval %.1f ms, map %.1f ms, fallbacks %d%n", r, parse / 1e6, eval / 1e6, map / 1e6, fallbacks);
    }
  }
}
