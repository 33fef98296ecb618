package io.pipeshift.benchmarks;

import io.pipeshift.diag.Diagnostic;
import io.pipeshift.validate.PipelineValidator;
import io.pipeshift.yaml.LoadedPipeline;
import io.pipeshift.yaml.PipelineReader;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** IR YAML read + validation (what {@code PipelineLoader} does, without the file system). */
@State(Scope.Benchmark)
public class IrLoadBenchmark extends BenchmarkDefaults {

  @Param({"10", "100", "1000", "10000", "100000"})
  public int steps;

  @Param({"CHAIN", "RANDOM", "CONDITIONS"})
  public String shape;

  private String yaml;
  private final PipelineReader reader = new PipelineReader();
  private final PipelineValidator validator = new PipelineValidator();

  @Setup
  public void setup() {
    yaml = Inputs.yaml(Inputs.pipeline(shape, steps));
  }

  @Benchmark
  public List<Diagnostic> loadAndValidate() {
    LoadedPipeline loaded = reader.read("bench.yaml", yaml);
    return validator.validate(loaded);
  }
}
