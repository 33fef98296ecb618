package io.pipeshift.benchmarks;

import io.pipeshift.graph.SeriesParallelDecomposition;
import io.pipeshift.graph.StepGraph;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Step graph construction, transitive reduction and series-parallel decomposition of the top-level steps. */
@State(Scope.Benchmark)
public class SeriesParallelBenchmark extends BenchmarkDefaults {

  @Param({"10", "100", "1000", "10000", "100000"})
  public int steps;

  @Param({"CHAIN", "FANOUT", "RANDOM"})
  public String shape;

  private io.pipeshift.ir.Pipeline pipeline;
  private StepGraph graph;

  @Setup
  public void setup() {
    pipeline = Inputs.pipeline(shape, steps);
    graph = StepGraph.of(pipeline.steps());
  }

  @Benchmark
  public StepGraph buildGraph() {
    return StepGraph.of(pipeline.steps());
  }

  @Benchmark
  public StepGraph transitiveReduction() {
    return graph.transitiveReduction();
  }

  @Benchmark
  public SeriesParallelDecomposition.Result decompose() {
    return SeriesParallelDecomposition.decompose(graph);
  }
}
