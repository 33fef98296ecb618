package io.pipeshift.from.airflow;

import io.pipeshift.from.airflow.parse.ParseResult;
import io.pipeshift.from.airflow.parse.PythonSourceParser;
import io.pipeshift.from.airflow.eval.DagNode;
import io.pipeshift.from.airflow.eval.EvaluatedModule;
import io.pipeshift.from.airflow.eval.ModuleEvaluator;
import io.pipeshift.from.airflow.mapping.DagMapping;
import io.pipeshift.validate.PipelineValidator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Development probe: CPU time per phase (parse, evaluate, map, validate) over a folder, best of N rounds. */
public final class PhaseProbe {
  private PhaseProbe() {}

  public static void main(String[] args) throws Exception {
    List<Path> files = AirflowImport.pythonFiles(Path.of(args[0]));
    List<String> texts = new ArrayList<>();
    for (Path f : files) {
      texts.add(Files.readString(f));
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    PythonSourceParser parser = new PythonSourceParser();
    long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
    int rounds = Integer.parseInt(args[1]);
    for (int r = 0; r < rounds; r++) {
      long[] t = new long[4];
      for (int i = 0; i < files.size(); i++) {
        long c0 = cpu.getCurrentThreadCpuTime();
        ParseResult pr = parser.parse("x", texts.get(i));
        long c1 = cpu.getCurrentThreadCpuTime();
        if (!pr.ok()) {
          continue;
        }
        EvaluatedModule m = ModuleEvaluator.evaluate("x", pr.tree());
        long c2 = cpu.getCurrentThreadCpuTime();
        List<DagMapping.Result> rs = new ArrayList<>();
        for (DagNode d : m.dags()) {
          rs.add(DagMapping.map("x", d));
        }
        long c3 = cpu.getCurrentThreadCpuTime();
        for (DagMapping.Result x : rs) {
          new PipelineValidator().validate(x.pipeline(), "x");
        }
        long c4 = cpu.getCurrentThreadCpuTime();
        t[0] += c1 - c0;
        t[1] += c2 - c1;
        t[2] += c3 - c2;
        t[3] += c4 - c3;
      }
      for (int k = 0; k < 4; k++) {
        best[k] = Math.min(best[k], t[k]);
      }
    }
    System.out.printf("best of %d rounds (CPU ms): parse %.2f, evaluate %.2f, map %.2f, validate %.2f%n", rounds,
        best[0] / 1e6, best[1] / 1e6, best[2] / 1e6, best[3] / 1e6);
  }
}
