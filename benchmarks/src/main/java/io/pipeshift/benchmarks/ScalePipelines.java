package io.pipeshift.benchmarks;

import io.pipeshift.ir.Condition;
import io.pipeshift.ir.ErrorClass;
import io.pipeshift.ir.Parameter;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.RetryPolicy;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.LambdaSpec;
import io.pipeshift.ir.kinds.ProcessingSpec;
import io.pipeshift.ir.kinds.StepSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Synthetic pipelines of a given size for benchmarks: the same (shape, steps, seed) always gives the same
 * pipeline. Work steps are SageMaker processing jobs (every target maps them without a fidelity note)
 * with every fourth a Lambda invocation, and every tenth step carries a retry policy; the step count
 * includes nested steps.
 */
public final class ScalePipelines {

  /** The graph shapes. */
  public enum Shape {
    /** step-i runs after step-(i-1). */
    CHAIN,
    /** One root, n-2 independent steps after it, one join after all of them. */
    FANOUT,
    /** Each step runs after 1-3 of the previous 50 steps (sparse random DAG, about 2 edges per step). */
    RANDOM,
    /** A chain of condition steps, each with a two-step branch that holds the next condition (nesting). */
    CONDITIONS
  }

  private static final String ROLE = "arn:aws:iam::123456789012:role/pipeshift-bench";
  private static final String IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/bench:1";
  /** Deepest nesting of conditions; deeper pipelines continue with a new chain of conditions. */
  static final int MAX_DEPTH = 8;

  private ScalePipelines() {}

  public static Pipeline generate(Shape shape, int steps, long seed) {
    if (steps < 3) {
      throw new IllegalArgumentException("at least 3 steps");
    }
    Random random = new Random(seed);
    List<Step> list = switch (shape) {
      case CHAIN -> chain(steps);
      case FANOUT -> fanout(steps);
      case RANDOM -> random(steps, random);
      case CONDITIONS -> conditions(steps);
    };
    Pipeline p = Pipeline.of("bench-" + shape.name().toLowerCase(java.util.Locale.ROOT) + "-" + steps, list);
    return p.withParameters(List.of(new Parameter("Threshold", Parameter.ParameterType.FLOAT,
        Optional.of(Value.Literal.of(0.5)), List.of(), Optional.empty())));
  }

  /** A chain of processing steps only (the shape the SageMaker SDK comparison builds on its side). */
  public static Pipeline processingChain(int steps) {
    List<Step> list = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      Step s = Step.of(id(i), processing(id(i)));
      list.add(i == 0 ? s : s.withAfter(List.of(id(i - 1))));
    }
    return Pipeline.of("bench-processing-chain-" + steps, list);
  }

  static String id(int i) {
    return "step-" + i;
  }

  private static List<Step> chain(int n) {
    List<Step> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Step s = work(i);
      list.add(i == 0 ? s : s.withAfter(List.of(id(i - 1))));
    }
    return list;
  }

  private static List<Step> fanout(int n) {
    List<Step> list = new ArrayList<>(n);
    list.add(work(0));
    List<String> middle = new ArrayList<>(n - 2);
    for (int i = 1; i < n - 1; i++) {
      list.add(work(i).withAfter(List.of(id(0))));
      middle.add(id(i));
    }
    list.add(work(n - 1).withAfter(middle));
    return list;
  }

  private static List<Step> random(int n, Random random) {
    List<Step> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<String> after = new ArrayList<>();
      if (i > 0) {
        int k = 1 + random.nextInt(3);
        for (int j = 0; j < k; j++) {
          String dep = id(Math.max(0, i - 1 - random.nextInt(Math.min(i, 50))));
          if (!after.contains(dep)) {
            after.add(dep);
          }
        }
      }
      list.add(work(i).withAfter(after));
    }
    return list;
  }

  /** Condition steps count as steps; each level holds: condition, then a branch with [work, condition...]. */
  private static List<Step> conditions(int n) {
    List<Step> top = new ArrayList<>();
    int[] next = {0};
    String previous = null;
    while (next[0] < n) {
      List<Step> nested = nest(n, next, 0);
      Step first = nested.get(0);
      top.add(previous == null ? first : first.withAfter(List.of(previous)));
      previous = first.id();
    }
    return top;
  }

  /** One step (a condition when budget allows) holding the rest of this nesting level. */
  private static List<Step> nest(int n, int[] next, int depth) {
    int me = next[0]++;
    if (depth >= MAX_DEPTH || n - next[0] < 3) {
      return List.of(work(me));
    }
    List<Step> branch = new ArrayList<>();
    int w = next[0]++;
    branch.add(work(w));
    List<Step> inner = nest(n, next, depth + 1);
    branch.add(inner.get(0).withAfter(List.of(id(w))));
    List<Step> otherwise = new ArrayList<>();
    if (next[0] < n) {
      otherwise.add(work(next[0]++));
    }
    Condition when = new Condition.Comparison(Condition.Operator.GT, new Value.ParameterRef("Threshold"),
        Value.Literal.of(depth / 10.0));
    return List.of(Step.of(id(me), new ConditionSpec(List.of(new ConditionSpec.Branch(when, branch)), otherwise)));
  }

  private static Step work(int i) {
    String id = id(i);
    StepSpec spec = i % 4 == 3
        ? new LambdaSpec("arn:aws:lambda:us-east-1:123456789012:function:bench-" + i, Map.of(), List.of())
        : processing(id);
    Step s = Step.of(id, spec);
    if (i % 10 == 9) {
      s = s.withRetry(Optional.of(new RetryPolicy(2, Duration.ofSeconds(10), 2.0, Optional.empty(),
          RetryPolicy.Jitter.NONE, List.of(ErrorClass.ALL))));
    }
    return s;
  }

  static ProcessingSpec processing(String id) {
    return new ProcessingSpec(IMAGE, "ml.m5.xlarge", 1, 30, List.of("python3", "/opt/ml/processing/code/run.py"),
        List.of(Value.Literal.of("--step"), Value.Literal.of(id)), Map.of(),
        List.of(new ProcessingSpec.ProcessingInput("in", Value.Literal.of("s3://bench-bucket/in/"), "/opt/ml/processing/in")),
        List.of(new ProcessingSpec.ProcessingOutput("out", "/opt/ml/processing/out", Value.Literal.of("s3://bench-bucket/out/" + id))),
        List.of(), Optional.of(Value.Literal.of(ROLE)), Optional.empty());
  }

  /** Steps including nested ones. */
  public static int count(List<Step> steps) {
    int c = 0;
    for (Step s : steps) {
      c++;
      if (s.spec() instanceof ConditionSpec cs) {
        for (ConditionSpec.Branch b : cs.branches()) {
          c += count(b.steps());
        }
        c += count(cs.otherwise());
      }
    }
    return c;
  }
}
