package io.pipeshift.benchmarks;

import io.pipeshift.ir.Pipeline;
import io.pipeshift.spi.PipelineTarget;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Each registered {@code PipelineTarget}'s {@code emit} on a validated in-memory pipeline. */
@State(Scope.Benchmark)
public class EmitBenchmark extends BenchmarkDefaults {

  @Param({"sagemaker", "asl", "airflow"})
  public String target;

  @Param({"10", "100", "1000", "10000", "100000"})
  public int steps;

  @Param({"CHAIN", "RANDOM", "CONDITIONS"})
  public String shape;

  private Pipeline pipeline;
  private PipelineTarget emitter;

  @Setup
  public void setup() {
    pipeline = Inputs.pipeline(shape, steps);
    emitter = Inputs.target(target);
  }

  @Benchmark
  public long emit() {
    return Inputs.print(emitter, pipeline); // emit and print the document, as convert -o does
  }
}
