package io.pipeshift.benchmarks;

import io.pipeshift.from.airflow.parse.ParseResult;
import io.pipeshift.from.airflow.parse.PythonSourceParser;
import io.pipeshift.from.airflow.AirflowDagReader;
import io.pipeshift.from.airflow.FileImport;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Python DAG import: parsing only ({@code PythonSourceParser}) and the whole import (parse, static
 * evaluation, mapping, validation) of the DAG file the Airflow emitter writes for a synthetic pipeline.
 */
@State(Scope.Benchmark)
public class AirflowImportBenchmark extends BenchmarkDefaults {

  @Param({"10", "100", "1000", "10000"})
  public int steps;

  @Param({"CHAIN", "RANDOM"})
  public String shape;

  private String python;
  private final PythonSourceParser parser = new PythonSourceParser();
  private final AirflowDagReader reader = new AirflowDagReader();

  @Setup
  public void setup() {
    python = Inputs.emitted("airflow", Inputs.pipeline(shape, steps));
  }

  @Benchmark
  public ParseResult parse() {
    return parser.parse("bench_dag.py", python);
  }

  @Benchmark
  public FileImport importDag() {
    return reader.read(Path.of("bench_dag.py"), "bench_dag.py", python);
  }
}
