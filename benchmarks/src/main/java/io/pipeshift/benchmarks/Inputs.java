package io.pipeshift.benchmarks;

import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.spi.EmittedFiles;
import io.pipeshift.spi.PipelineTarget;
import io.pipeshift.spi.TargetOptions;
import io.pipeshift.yaml.PipelineWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/** Benchmark inputs: synthetic pipelines, their IR YAML and what each target writes for them. */
public final class Inputs {

  /** Seed of every synthetic pipeline (benchmarks and compare runs use the same inputs). */
  public static final long SEED = 20240611L;

  private Inputs() {}

  /** The registered targets by id (sagemaker, asl, airflow), as the CLI finds them. */
  public static Map<String, PipelineTarget> targets() {
    Map<String, PipelineTarget> out = new LinkedHashMap<>();
    for (PipelineTarget t : ServiceLoader.load(PipelineTarget.class)) {
      out.put(t.id(), t);
    }
    return out;
  }

  public static PipelineTarget target(String id) {
    PipelineTarget t = targets().get(id);
    if (t == null) {
      throw new IllegalStateException("no target '" + id + "' on the class path; found " + targets().keySet());
    }
    return t;
  }

  public static Pipeline pipeline(String shape, int steps) {
    return ScalePipelines.generate(ScalePipelines.Shape.valueOf(shape), steps, SEED);
  }

  public static String yaml(Pipeline pipeline) {
    return new PipelineWriter().write(pipeline);
  }

  /** The target's main document for {@code pipeline} (JSON for sagemaker and asl, Python for airflow). */
  public static String emitted(String targetId, Pipeline pipeline) {
    Translation<EmittedFiles> t = target(targetId).emit(pipeline, TargetOptions.NONE);
    return t.artifact().main();
  }
}
