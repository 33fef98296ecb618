package io.pipeshift.integration;

import io.pipeshift.ir.ErrorClass;
import io.pipeshift.ir.Parameter;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.RetryPolicy;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.GlueSpec;
import io.pipeshift.ir.kinds.LambdaSpec;
import io.pipeshift.ir.kinds.ProcessingSpec;
import io.pipeshift.ir.kinds.SnsSpec;
import io.pipeshift.ir.kinds.StepSpec;
import io.pipeshift.ir.kinds.TrainingSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded random series-parallel pipelines: a graph built by composing single steps in series (every sink of
 * the left part before every source of the right part) and in parallel, so it nests into sequences and
 * Parallel states exactly. Kinds: those both SageMaker and Step Functions run natively, or only the ASL
 * ones. Optional retries (whole seconds, errors every target can name).
 */
final class SeriesParallelPipelines {

  enum Kinds {
    /** Processing, training and Lambda: native in SageMaker and in Step Functions. */
    SAGEMAKER_NATIVE,
    /** Lambda, Glue, SNS, training: native in Step Functions. */
    ASL_NATIVE
  }

  private final Random random;
  private final Kinds kinds;
  private final List<Step> steps = new ArrayList<>();
  private int counter;

  private SeriesParallelPipelines(long seed, Kinds kinds) {
    this.random = new Random(seed);
    this.kinds = kinds;
  }

  static Pipeline generate(long seed, int maxSteps, Kinds kinds) {
    SeriesParallelPipelines g = new SeriesParallelPipelines(seed, kinds);
    g.compose(1 + g.random.nextInt(maxSteps), List.of());
    Pipeline p = Pipeline.of("sp-" + Long.toHexString(seed), g.steps);
    return p.withParameters(List.of(new Parameter("RunDate", Parameter.ParameterType.STRING,
        Optional.of(Value.Literal.of("2024-01-01")), List.of(), Optional.empty())));
  }

  /** Adds a part of {@code size} steps after {@code before}; returns its sinks. */
  private List<String> compose(int size, List<String> before) {
    if (size == 1) {
      Step s = step().withAfter(before);
      steps.add(s);
      return List.of(s.id());
    }
    int left = 1 + random.nextInt(size - 1);
    if (random.nextBoolean()) {
      return compose(size - left, compose(left, before)); // series
    }
    List<String> sinks = new ArrayList<>(compose(left, before)); // parallel
    sinks.addAll(compose(size - left, before));
    return sinks;
  }

  private Step step() {
    int n = ++counter;
    StepSpec spec = switch (kinds) {
      case SAGEMAKER_NATIVE -> switch (random.nextInt(3)) {
        case 0 -> processing(n);
        case 1 -> training(n);
        default -> lambda(n);
      };
      case ASL_NATIVE -> switch (random.nextInt(4)) {
        case 0 -> lambda(n);
        case 1 -> new GlueSpec("job-" + n, Map.of("--date", new Value.ParameterRef("RunDate")), Optional.empty(),
            Optional.empty());
        case 2 -> new SnsSpec("arn:aws:sns:us-east-1:123456789012:topic-" + n, Value.Literal.of("step " + n), Optional.empty());
        default -> training(n);
      };
    };
    String prefix = switch (spec.getClass().getSimpleName()) {
      case "ProcessingSpec" -> "prep";
      case "TrainingSpec" -> "train";
      case "GlueSpec" -> "glue";
      case "SnsSpec" -> "notify";
      default -> "fn";
    };
    Step s = Step.of(prefix + "-" + n, spec);
    if (random.nextInt(3) == 0) {
      List<ErrorClass> errors = spec instanceof LambdaSpec ? List.of(ErrorClass.ALL) : List.of(ErrorClass.ALL);
      s = s.withRetry(Optional.of(new RetryPolicy(1 + random.nextInt(3), Duration.ofSeconds(1 + random.nextInt(30)),
          1.0 + random.nextInt(3), Optional.empty(), RetryPolicy.Jitter.NONE, errors)));
    }
    return s;
  }

  private static LambdaSpec lambda(int n) {
    return new LambdaSpec("arn:aws:lambda:us-east-1:123456789012:function:fn-" + n,
        Map.of("date", new Value.ParameterRef("RunDate")), List.of());
  }

  private static TrainingSpec training(int n) {
    return new TrainingSpec("123456789012.dkr.ecr.us-east-1.amazonaws.com/train:1", "ml.m5.xlarge", 1, 30,
        Map.of("epochs", Value.Literal.of("3")),
        List.of(new TrainingSpec.Channel("train", Value.Literal.of("s3://bucket/data/" + n), Optional.empty())),
        Value.Literal.of("s3://bucket/models/" + n), Optional.of(Value.Literal.of("arn:aws:iam::123456789012:role/R")),
        Duration.ofHours(1), Map.of(), List.of());
  }

  private static ProcessingSpec processing(int n) {
    return new ProcessingSpec("123456789012.dkr.ecr.us-east-1.amazonaws.com/prep:1", "ml.m5.large", 1, 30,
        List.of("python3", "/opt/ml/processing/code/run.py"), List.of(), Map.of(), List.of(),
        List.of(new ProcessingSpec.ProcessingOutput("out", "/opt/ml/processing/out", Value.Literal.of("s3://bucket/out/" + n))),
        List.of(), Optional.of(Value.Literal.of("arn:aws:iam::123456789012:role/R")), Optional.empty());
  }
}
