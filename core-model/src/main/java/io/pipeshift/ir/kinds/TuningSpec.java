package io.pipeshift.ir.kinds;

import io.pipeshift.ir.DefaultValue;
import io.pipeshift.ir.Value;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A SageMaker hyperparameter tuning job over a training template. Output {@code best-model}: the model
 * artifacts of the best training job.
 */
public record TuningSpec(
    TrainingSpec training,
    Objective objective,
    List<Range> ranges,
    int maxJobs,
    @DefaultValue("1") int maxParallelJobs,
    @DefaultValue("bayesian") Strategy strategy)
    implements StepSpec {

  public TuningSpec {
    ranges = List.copyOf(ranges);
  }

  public record Objective(String metric, @DefaultValue("maximize") Direction direction) {}

  public enum Direction {
    MAXIMIZE,
    MINIMIZE
  }

  public enum Strategy {
    BAYESIAN,
    RANDOM,
    HYPERBAND,
    GRID
  }

  /** A hyperparameter range: min/max for continuous and integer, values for categorical. */
  public record Range(
      String name,
      RangeType type,
      Optional<Value> min,
      Optional<Value> max,
      List<Value> values,
      @DefaultValue("auto") Scaling scaling) {
    public Range {
      values = List.copyOf(values);
    }
  }

  public enum RangeType {
    CONTINUOUS,
    INTEGER,
    CATEGORICAL
  }

  public enum Scaling {
    AUTO,
    LINEAR,
    LOGARITHMIC,
    REVERSE_LOGARITHMIC
  }

  @Override
  public Optional<Set<String>> outputNames() {
    return Optional.of(Set.of("best-model", "best-training-job"));
  }
}
