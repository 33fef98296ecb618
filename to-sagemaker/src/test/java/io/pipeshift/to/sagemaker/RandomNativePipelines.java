package io.pipeshift.to.sagemaker;

import io.pipeshift.ir.Condition;
import io.pipeshift.ir.Parameter;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.CreateModelSpec;
import io.pipeshift.ir.kinds.FailSpec;
import io.pipeshift.ir.kinds.ForEachSpec;
import io.pipeshift.ir.kinds.LambdaSpec;
import io.pipeshift.ir.kinds.ModelDeploySpec;
import io.pipeshift.ir.kinds.ProcessingSpec;
import io.pipeshift.ir.kinds.RegisterModelSpec;
import io.pipeshift.ir.kinds.TrainingSpec;
import io.pipeshift.ir.kinds.TransformSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded random IR pipelines made only of steps SageMaker runs natively: job steps, model steps, lambda,
 * fail, conditions (n-ary, nested, with rejoins) and for-each over literal items. Conditions test string
 * parameters P0..P3 (values "yes"/"no"), so {@link Semantics} can evaluate them. Same seed, same pipeline.
 */
final class RandomNativePipelines {

  static final int PARAMETERS = 4;

  private final Random random;
  private final boolean control;
  private int counter;

  private RandomNativePipelines(long seed, boolean control) {
    this.random = new Random(seed);
    this.control = control;
  }

  /** A pipeline; {@code control} adds conditions, fail steps and for-each loops. */
  static Pipeline generate(long seed, boolean control) {
    RandomNativePipelines g = new RandomNativePipelines(seed, control);
    List<Parameter> params = new ArrayList<>();
    for (int i = 0; i < PARAMETERS; i++) {
      params.add(new Parameter("P" + i, Parameter.ParameterType.STRING, Optional.of(Value.Literal.of("no")), List.of(),
          Optional.empty()));
    }
    return Pipeline.of("random-" + seed, g.list(0, false)).withParameters(params);
  }

  private List<Step> list(int depth, boolean branch) {
    int n = 1 + random.nextInt(depth == 0 ? 6 : 4);
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = "s" + (++counter);
      Step step;
      double r = random.nextDouble();
      if (control && depth < 2 && r < 0.25) {
        step = Step.of(id, condition(depth));
      } else if (control && depth < 2 && r < 0.32) {
        List<Object> items = new ArrayList<>();
        int count = 2 + random.nextInt(2);
        for (int k = 0; k < count; k++) {
          items.add(Map.of("n", (long) k));
        }
        step = Step.of(id, new ForEachSpec(items, Optional.empty(), 0, list(depth + 1, false)));
      } else if (control && branch && i == n - 1 && r < 0.5) {
        step = Step.of(id, new FailSpec(Optional.of(Value.Literal.of("stop")), Optional.empty()));
      } else {
        step = Step.of(id, work(steps));
      }
      List<String> after = new ArrayList<>();
      for (Step earlier : steps) {
        if (random.nextDouble() < 0.35) {
          after.add(earlier.id());
        }
      }
      steps.add(step.withAfter(after));
    }
    return steps;
  }

  private ConditionSpec condition(int depth) {
    int arms = random.nextDouble() < 0.6 ? 1 : 2 + random.nextInt(2);
    List<ConditionSpec.Branch> branches = new ArrayList<>();
    for (int k = 0; k < arms; k++) {
      branches.add(new ConditionSpec.Branch(test(), list(depth + 1, true)));
    }
    List<Step> otherwise = random.nextBoolean() ? list(depth + 1, true) : List.of();
    return new ConditionSpec(branches, otherwise);
  }

  private Condition test() {
    double r = random.nextDouble();
    if (r < 0.5) {
      return eq();
    }
    if (r < 0.6) {
      return new Condition.Not(eq());
    }
    if (r < 0.7) {
      return new Condition.In(param(), List.of(Value.Literal.of("yes"), Value.Literal.of("maybe")));
    }
    if (r < 0.85) {
      return new Condition.Any(List.of(eq(), eq()));
    }
    return new Condition.All(List.of(eq(), new Condition.Not(eq())));
  }

  private Condition eq() {
    return new Condition.Comparison(Condition.Operator.EQ, param(), Value.Literal.of("yes"));
  }

  private Value param() {
    return new Value.ParameterRef("P" + random.nextInt(PARAMETERS));
  }

  /** A work step; sometimes it reads an earlier processing step's output (a data dependency). */
  private io.pipeshift.ir.kinds.StepSpec work(List<Step> earlier) {
    Value source = Value.Literal.of("s3://bucket/in");
    List<Step> producers = earlier.stream().filter(s -> s.spec() instanceof ProcessingSpec).toList();
    if (!producers.isEmpty() && random.nextDouble() < 0.3) {
      source = new Value.StepOutputRef(producers.get(random.nextInt(producers.size())).id(), "out");
    }
    Value role = Value.Literal.of("arn:aws:iam::123456789012:role/Role");
    return switch (random.nextInt(7)) {
      case 0, 1 -> new ProcessingSpec("image:1", "ml.m5.large", 1, 30, List.of("python3"), List.of(), Map.of(),
          List.of(new ProcessingSpec.ProcessingInput("in", source, "/opt/ml/processing/in")),
          List.of(new ProcessingSpec.ProcessingOutput("out", "/opt/ml/processing/out", Value.Literal.of("s3://bucket/out"))),
          List.of(), Optional.of(role), Optional.empty());
      case 2 -> new TrainingSpec("image:1", "ml.m5.large", 1, 30, Map.of(),
          List.of(new TrainingSpec.Channel("train", source, Optional.empty())), Value.Literal.of("s3://bucket/model"),
          Optional.of(role), Duration.ofHours(1), Map.of(), List.of());
      case 3 -> new CreateModelSpec("image:1", source, Optional.of(role), Map.of(), Optional.empty());
      case 4 -> new RegisterModelSpec("group", "image:1", source, List.of("text/csv"), List.of("text/csv"), List.of(),
          List.of(), RegisterModelSpec.ApprovalStatus.PENDING_MANUAL_APPROVAL, Optional.empty());
      case 5 -> new TransformSpec(Value.Literal.of("model"), "ml.m5.large", 1, source, Optional.empty(),
          TransformSpec.SplitType.NONE, Value.Literal.of("s3://bucket/t"), Optional.empty(), TransformSpec.AssembleWith.NONE);
      default -> random.nextBoolean()
          ? new LambdaSpec("arn:aws:lambda:us-east-1:123456789012:function:f", Map.of("in", source), List.of())
          : new ModelDeploySpec("endpoint", Value.Literal.of("model"), "ml.m5.large", 1);
    };
  }
}
