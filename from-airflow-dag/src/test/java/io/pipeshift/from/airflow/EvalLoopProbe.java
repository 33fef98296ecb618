package io.pipeshift.from.airflow;

import io.pipeshift.from.airflow.parse.ParseResult;
import io.pipeshift.from.airflow.parse.PythonSourceParser;
import io.pipeshift.from.airflow.eval.DagNode;
import io.pipeshift.from.airflow.eval.EvaluatedModule;
import io.pipeshift.from.airflow.eval.ModuleEvaluator;
import io.pipeshift.from.airflow.mapping.DagMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Development probe: evaluates (and maps) pre-parsed files in a loop, for profiling. */
public final class EvalLoopProbe {
  public static void main(String[] args) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
      files = s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
    }
    List<ParseResult> parsed = new ArrayList<>();
    for (Path f : files) {
      ParseResult r = new PythonSourceParser().parse(f.toString(), Files.readString(f));
      if (r.ok()) parsed.add(r);
    }
    int rounds = Integer.parseInt(args[1]);
    boolean map = args.length > 2;
    long t0 = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      for (ParseResult r : parsed) {
        EvaluatedModule m = ModuleEvaluator.evaluate("x", r.tree());
        if (map) for (DagNode d : m.dags()) DagMapping.map("x", d);
      }
    }
    System.out.printf("%.2f ms per round%n", (System.nanoTime() - t0) / 1e6 / rounds);
  }
}
