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

  /**
   * What {@code ./pipeshift convert -o FILE} does after reading: emit, then print the main document, here to
   * a writer that only counts characters (no disk in the measurement). Returns the document's length.
   */
  public static long print(PipelineTarget target, Pipeline pipeline) {
    long[] chars = {0};
    java.io.Writer counting = new java.io.Writer() {
      @Override
      public void write(char[] buf, int off, int len) {
        chars[0] += len;
      }

      @Override
      public void write(String str, int off, int len) {
        chars[0] += len;
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    try {
      target.emit(pipeline, TargetOptions.NONE).artifact().writeMain(counting);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return chars[0];
  }

  /** The target's main document for {@code pipeline} (JSON for sagemaker and asl, Python for airflow). */
  public static String emitted(String targetId, Pipeline pipeline) {
    Translation<EmittedFiles> t = target(targetId).emit(pipeline, TargetOptions.NONE);
    return t.artifact().main();
  }
}
