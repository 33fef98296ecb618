package io.pipeshift.testing;

import io.pipeshift.ir.CatchClause;
import io.pipeshift.ir.Condition;
import io.pipeshift.ir.ErrorClass;
import io.pipeshift.ir.Parameter;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.RetryPolicy;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepKind;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.BashSpec;
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.FailSpec;
import io.pipeshift.ir.kinds.ForEachSpec;
import io.pipeshift.ir.kinds.GlueSpec;
import io.pipeshift.ir.kinds.LambdaSpec;
import io.pipeshift.ir.kinds.ProcessingSpec;
import io.pipeshift.ir.kinds.PythonSpec;
import io.pipeshift.ir.kinds.SnsSpec;
import io.pipeshift.ir.kinds.StepSpec;
import io.pipeshift.ir.kinds.TrainingSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random valid pipelines for property tests: a DAG of work steps (random {@code after} edges to
 * earlier steps), optional retries and catches to handler steps, condition steps with nested branches and
 * for-each steps with a body. Same seed, same pipeline.
 */
public final class RandomPipelines {

  /** What to generate. */
  public record Shape(int maxSteps, Set<StepKind> workKinds, boolean conditions, boolean forEach,
      boolean retries, boolean catches, double edgeProbability) {

    public static Shape everything(int maxSteps) {
      return new Shape(maxSteps, EnumSet.of(StepKind.BASH, StepKind.PYTHON, StepKind.LAMBDA, StepKind.GLUE,
          StepKind.TRAINING, StepKind.PROCESSING, StepKind.SNS), true, true, true, true, 0.3);
    }

    public static Shape only(int maxSteps, StepKind... kinds) {
      return new Shape(maxSteps, EnumSet.of(kinds[0], kinds), false, false, true, false, 0.3);
    }

    public Shape withConditions(boolean on) {
      return new Shape(maxSteps, workKinds, on, forEach, retries, catches, edgeProbability);
    }

    public Shape withForEach(boolean on) {
      return new Shape(maxSteps, workKinds, conditions, on, retries, catches, edgeProbability);
    }

    public Shape withCatches(boolean on) {
      return new Shape(maxSteps, workKinds, conditions, forEach, retries, on, edgeProbability);
    }
  }

  private final Random random;
  private final Shape shape;
  private int counter;

  private RandomPipelines(long seed, Shape shape) {
    this.random = new Random(seed);
    this.shape = shape;
  }

  public static Pipeline generate(long seed, Shape shape) {
    return new RandomPipelines(seed, shape).pipeline(seed);
  }

  private Pipeline pipeline(long seed) {
    int n = 1 + random.nextInt(shape.maxSteps());
    List<Step> steps = new ArrayList<>();
    List<String> handlers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> after = new ArrayList<>();
      for (Step earlier : steps) {
        if (!handlers.contains(earlier.id()) && random.nextDouble() < shape.edgeProbability()) {
          after.add(earlier.id());
        }
      }
      Step s = control(i).orElseGet(this::work).withAfter(after);
      if (shape.catches() && s.kind().isWork() && random.nextInt(6) == 0) {
        String handler = "handler-" + (++counter);
        handlers.add(handler);
        s = s.withCatches(List.of(new CatchClause(List.of(ErrorClass.ALL), handler)));
        steps.add(s);
        steps.add(Step.of(handler, new BashSpec(Value.Literal.of("echo handling " + s.id()), Map.of())));
        continue;
      }
      steps.add(s);
    }
    Pipeline p = Pipeline.of("random-" + Long.toHexString(seed), steps);
    return p.withParameters(List.of(new Parameter("Threshold", Parameter.ParameterType.FLOAT,
        Optional.of(Value.Literal.of(0.5)), List.of(), Optional.empty())));
  }

  private Optional<Step> control(int index) {
    if (shape.conditions() && random.nextInt(7) == 0) {
      List<ConditionSpec.Branch> branches = new ArrayList<>();
      int arms = 1 + random.nextInt(2);
      for (int a = 0; a < arms; a++) {
        Condition when = new Condition.Comparison(Condition.Operator.values()[random.nextInt(5)],
            new Value.ParameterRef("Threshold"), Value.Literal.of(random.nextInt(10) / 10.0));
        branches.add(new ConditionSpec.Branch(when, chain(1 + random.nextInt(2))));
      }
      List<Step> otherwise = random.nextBoolean() ? List.of()
          : List.of(Step.of("fail-" + (++counter), new FailSpec(Optional.of(Value.Literal.of("no branch matched")), Optional.empty())));
      return Optional.of(Step.of("gate-" + (++counter), new ConditionSpec(branches, otherwise)));
    }
    if (shape.forEach() && random.nextInt(9) == 0) {
      List<Object> items = new ArrayList<>();
      for (int i = 0, k = 1 + random.nextInt(4); i < k; i++) {
        items.add((long) i);
      }
      return Optional.of(Step.of("each-" + (++counter), new ForEachSpec(items, Optional.empty(), random.nextInt(3), chain(1))));
    }
    return Optional.empty();
  }

  private List<Step> chain(int length) {
    List<Step> out = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      Step s = work();
      out.add(i == 0 ? s : s.withAfter(List.of(out.get(i - 1).id())));
    }
    return out;
  }

  private Step work() {
    List<StepKind> kinds = new ArrayList<>(shape.workKinds());
    StepKind kind = kinds.get(random.nextInt(kinds.size()));
    String id = kind.yamlName() + "-" + (++counter);
    Step s = Step.of(id, spec(kind, id));
    if (shape.retries() && random.nextInt(3) == 0) {
      s = s.withRetry(Optional.of(new RetryPolicy(random.nextInt(4), Duration.ofSeconds(1 + random.nextInt(60)),
          1.0 + random.nextInt(3), Optional.empty(), RetryPolicy.Jitter.NONE, List.of(ErrorClass.ALL))));
    }
    return s;
  }

  private StepSpec spec(StepKind kind, String id) {
    Value role = Value.Literal.of("arn:aws:iam::123456789012:role/Pipeline");
    return switch (kind) {
      case BASH -> new BashSpec(Value.Literal.of("echo " + id), Map.of());
      case PYTHON -> new PythonSpec("run_" + id.replace('-', '_'), Optional.empty(), Optional.of("jobs.tasks"), Map.of(), List.of());
      case LAMBDA -> new LambdaSpec("arn:aws:lambda:us-east-1:123456789012:function:" + id, Map.of(), List.of());
      case GLUE -> new GlueSpec("job-" + id, Map.of(), Optional.empty(), Optional.empty());
      case SNS -> new SnsSpec("arn:aws:sns:us-east-1:123456789012:topic", Value.Literal.of("done " + id), Optional.empty());
      case TRAINING -> new TrainingSpec("123456789012.dkr.ecr.us-east-1.amazonaws.com/train:1", "ml.m5.xlarge", 1, 30,
          Map.of("epochs", Value.Literal.of(3L)), List.of(new TrainingSpec.Channel("train", Value.Literal.of("s3://bucket/train"), Optional.empty())),
          Value.Literal.of("s3://bucket/models/" + id), Optional.of(role), Duration.ofHours(1), Map.of(), List.of());
      case PROCESSING -> new ProcessingSpec("123456789012.dkr.ecr.us-east-1.amazonaws.com/prep:1", "ml.m5.large", 1, 30,
          List.of("python3", "/opt/ml/processing/code/run.py"), List.of(), Map.of(), List.of(),
          List.of(new ProcessingSpec.ProcessingOutput("out", "/opt/ml/processing/out", Value.Literal.of("s3://bucket/out/" + id))),
          List.of(), Optional.of(role), Optional.empty());
      default -> throw new IllegalArgumentException("no random spec for " + kind);
    };
  }
}
