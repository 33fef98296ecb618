package io.pipeshift.benchmarks;

import io.pipeshift.fidelity.Translation;
import io.pipeshift.from.asl.AslImporter;
import io.pipeshift.from.sagemaker.SageMakerImporter;
import io.pipeshift.yaml.LoadedPipeline;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** ASL and SageMaker JSON import of what pipeshift's own emitters wrote for the synthetic pipelines. */
@State(Scope.Benchmark)
public class ImportBenchmark extends BenchmarkDefaults {

  @Param({"asl", "sagemaker"})
  public String source;

  @Param({"10", "100", "1000", "10000", "100000"})
  public int steps;

  @Param({"CHAIN", "RANDOM"})
  public String shape;

  private String json;

  @Setup
  public void setup() {
    json = Inputs.emitted(source, Inputs.pipeline(shape, steps));
  }

  @Benchmark
  public Translation<LoadedPipeline> importJson() {
    return source.equals("asl") ? AslImporter.read("bench.json", json) : SageMakerImporter.read("bench.json", json);
  }
}
