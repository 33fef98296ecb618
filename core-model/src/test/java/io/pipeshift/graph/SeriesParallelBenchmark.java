package io.pipeshift.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Wall-clock timings of the series-parallel pass on large graphs (speed is measured here, never asserted in
 * tests). Run after {@code mvn -f core-model/pom.xml test-compile}:
 *
 * <pre>
 * java -cp core-model/target/classes:core-model/target/test-classes io.pipeshift.graph.SeriesParallelBenchmark [n]
 * </pre>
 *
 * Each case is built once, then decomposed three times; the best wall-clock and thread CPU times are printed
 * with the node and edge counts, the nesting depth and the number of added edges. CPU time is the steadier
 * number on a shared machine.
 */
public final class SeriesParallelBenchmark {

  private SeriesParallelBenchmark() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    System.out.printf(Locale.ROOT, "%-44s %9s %9s %7s %9s %9s %9s%n", "graph", "nodes", "edges", "depth", "added", "wall ms",
        "cpu ms");
    run("chain", () -> chain(n));
    run("fan-out / fan-in", () -> fan(n));
    run("random series-parallel", () -> SeriesParallelGraphs.randomSeriesParallel(new Random(1), n, 0).graph());
    run("random series-parallel + 20% redundant", () -> SeriesParallelGraphs.randomSeriesParallel(new Random(2), n, 0.2).graph());
    run("ladder (deepest nesting)", () -> SeriesParallelGraphs.ladder(n / 2, false));
    run("random local DAG (window 12, degree 2)", () -> SeriesParallelGraphs.randomLocalDag(new Random(3), n, 12, 2));
    run("random local DAG (window 4, degree 2)", () -> SeriesParallelGraphs.randomLocalDag(new Random(4), n, 4, 2));
    for (int m : new int[] {n / 16, n / 8, n / 4}) {
      run("ladder with shortcuts (worst case), n=" + m, () -> SeriesParallelGraphs.ladder(m / 2, true));
    }
  }

  private static void run(String name, Supplier<StepGraph> make) {
    long t0 = System.nanoTime();
    StepGraph g = make.get();
    long built = System.nanoTime() - t0;
    long best = Long.MAX_VALUE;
    long bestCpu = Long.MAX_VALUE;
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    SeriesParallelDecomposition.Result r = null;
    for (int i = 0; i < 3; i++) {
      long t = System.nanoTime();
      long c = threads.getCurrentThreadCpuTime();
      r = SeriesParallelDecomposition.decompose(g);
      best = Math.min(best, System.nanoTime() - t);
      bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - c);
    }
    System.out.printf(Locale.ROOT, "%-44s %9d %9d %7d %9d %9.1f %9.1f   (graph built in %.0f ms)%n", name, g.size(),
        g.edgeCount(), r.tree().depth(), r.added().size(), best / 1e6, bestCpu / 1e6, built / 1e6);
  }

  static StepGraph chain(int n) {
    List<int[]> edges = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      edges.add(new int[] {i - 1, i});
    }
    return StepGraph.of(SeriesParallelGraphs.ids(n), edges);
  }

  static StepGraph fan(int n) {
    List<int[]> edges = new ArrayList<>();
    for (int i = 1; i < n - 1; i++) {
      edges.add(new int[] {0, i});
      edges.add(new int[] {i, n - 1});
    }
    return StepGraph.of(SeriesParallelGraphs.ids(n), edges);
  }
}
