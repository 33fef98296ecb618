package io.pipeshift.to.airflow;

import io.pipeshift.ir.CatchClause;
import io.pipeshift.ir.Condition;
import io.pipeshift.ir.ErrorClass;
import io.pipeshift.ir.ExecutionVariable;
import io.pipeshift.ir.Parameter;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.RetryPolicy;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepDefaults;
import io.pipeshift.ir.Trigger;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.ApprovalSpec;
import io.pipeshift.ir.kinds.AthenaSpec;
import io.pipeshift.ir.kinds.BashSpec;
import io.pipeshift.ir.kinds.BatchSpec;
import io.pipeshift.ir.kinds.CallbackSpec;
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.ContainerSpec;
import io.pipeshift.ir.kinds.CreateModelSpec;
import io.pipeshift.ir.kinds.EcsSpec;
import io.pipeshift.ir.kinds.EmrSpec;
import io.pipeshift.ir.kinds.EventBridgePutSpec;
import io.pipeshift.ir.kinds.ExternalSpec;
import io.pipeshift.ir.kinds.FailSpec;
import io.pipeshift.ir.kinds.ForEachSpec;
import io.pipeshift.ir.kinds.GlueSpec;
import io.pipeshift.ir.kinds.HttpSpec;
import io.pipeshift.ir.kinds.LambdaSpec;
import io.pipeshift.ir.kinds.ModelDeploySpec;
import io.pipeshift.ir.kinds.ProcessingSpec;
import io.pipeshift.ir.kinds.PythonSpec;
import io.pipeshift.ir.kinds.QualityCheckSpec;
import io.pipeshift.ir.kinds.RegisterModelSpec;
import io.pipeshift.ir.kinds.SnsSpec;
import io.pipeshift.ir.kinds.SqlSpec;
import io.pipeshift.ir.kinds.SqsSpec;
import io.pipeshift.ir.kinds.StartSageMakerPipelineSpec;
import io.pipeshift.ir.kinds.StartStepFunctionsSpec;
import io.pipeshift.ir.kinds.StepSpec;
import io.pipeshift.ir.kinds.TrainingSpec;
import io.pipeshift.ir.kinds.TransformSpec;
import io.pipeshift.ir.kinds.TuningSpec;
import io.pipeshift.ir.kinds.WaitSpec;
import io.pipeshift.time.CronExpression;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded random valid pipelines that use every kind the Airflow target maps, with hostile text in every
 * string the IR lets a user write (quotes, backslashes, newlines, Jinja delimiters, file suffixes Airflow
 * treats as templates, NUL, non-BMP and bidi characters). Same seed, same pipeline.
 */
final class HostilePipelines {

  /** Strings a DAG generator must keep literal. */
  static final List<String> NASTY = List.of(
      "plain text",
      "quote \" and ' and \\ backslash",
      "\"\"\" triple quotes ''' and \\\"",
      "line one\nline two\n",
      "{{ params.secret }} and {% if true %}x{% endif %} and {# comment #}",
      "{{",
      "}} {%- raw -%} {% endraw %}",
      "ends with brace {",
      "run.sh",
      "query.sql",
      "config.json",
      "tab\there\rcarriage",
      "nul \u0000 char",
      "emoji \uD83D\uDE80 and \u00e9\u00e8 and \u4e2d\u6587",
      "bidi \u202e override \u2066 isolate",
      "\"); import os; os.system(\"touch /tmp/pwned\") #",
      "${HOME} $(whoami) `id` %s %(x)s",
      "\\N{BULLET} \\u0041 \\x41",
      "   leading and trailing spaces   ",
      "");

  private final Random random;
  private int counter;
  /** Steps of the list being generated that later siblings may reference (outputs, property files). */
  private final java.util.Deque<List<String>> processingLevels = new java.util.ArrayDeque<>();
  private final java.util.Deque<List<String>> pythonLevels = new java.util.ArrayDeque<>();
  private List<String> processingWithFile = new ArrayList<>();
  private List<String> pythonSteps = new ArrayList<>();

  private HostilePipelines(long seed) {
    this.random = new Random(seed);
  }

  static Pipeline generate(long seed) {
    return new HostilePipelines(seed).pipeline(seed);
  }

  private String text() {
    return random.nextInt(3) == 0 ? "ok-" + random.nextInt(100) : NASTY.get(random.nextInt(NASTY.size()));
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private Pipeline pipeline(long seed) {
    List<Parameter> params = new ArrayList<>();
    params.add(new Parameter("Threshold", Parameter.ParameterType.FLOAT, Optional.of(Value.Literal.of(0.5)), List.of(),
        Optional.of(text())));
    params.add(new Parameter("Label", Parameter.ParameterType.STRING, Optional.of(Value.Literal.of(text())), List.of(),
        Optional.empty()));
    params.add(new Parameter("Count", Parameter.ParameterType.INTEGER, Optional.of(Value.Literal.of(3L)),
        List.of(Value.Literal.of(1L), Value.Literal.of(3L)), Optional.empty()));
    params.add(new Parameter("Flag", Parameter.ParameterType.BOOLEAN,
        random.nextBoolean() ? Optional.of(Value.Literal.of(true)) : Optional.empty(), List.of(), Optional.empty()));
    List<Trigger> triggers = new ArrayList<>();
    switch (random.nextInt(5)) {
      case 0 -> triggers.add(new Trigger.Cron(CronExpression.parse(pick(List.of("0 3 * * 1", "@daily", "*/15 * * * *",
          "@annually", "30 2 1,15 * MON-FRI"))), pick(List.of("UTC", "Europe/Berlin", "America/New_York"))));
      case 1 -> triggers.add(new Trigger.Rate(Duration.ofMinutes(1 + random.nextInt(600))));
      case 2 -> triggers.add(new Trigger.Event(Map.of("source", List.of(text()))));
      case 3 -> {
        triggers.add(new Trigger.Cron(CronExpression.parse("0 6 * * *"), "UTC"));
        triggers.add(new Trigger.Rate(Duration.ofHours(2)));
      }
      default -> triggers.add(new Trigger.Manual());
    }
    StepDefaults defaults = random.nextBoolean() ? StepDefaults.NONE : new StepDefaults(Optional.of(retry()),
        random.nextBoolean() ? Optional.of(Duration.ofMinutes(30)) : Optional.empty(), Optional.empty());
    List<Step> steps = list(4 + random.nextInt(8), 0, false);
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("team", text());
    return new Pipeline("hostile-" + Long.toHexString(seed) + pick(List.of("", " with spaces/\"quotes\"", "-ok")),
        Optional.of(text()), tags, params, triggers, defaults, steps, Map.of());
  }

  private RetryPolicy retry() {
    return new RetryPolicy(random.nextInt(4), Duration.ofSeconds(1 + random.nextInt(120)),
        pick(List.of(1.0, 2.0, 1.5, 3.0)), random.nextBoolean() ? Optional.of(Duration.ofMinutes(10)) : Optional.empty(),
        random.nextBoolean() ? RetryPolicy.Jitter.NONE : RetryPolicy.Jitter.FULL,
        random.nextBoolean() ? List.of(ErrorClass.ALL) : List.of(ErrorClass.THROTTLING, ErrorClass.of("My.Error")));
  }

  /** A step list: random work, conditions and for-each steps with `after` edges to earlier steps. */
  private List<Step> list(int n, int depth, boolean inForEach) {
    processingLevels.push(processingWithFile);
    pythonLevels.push(pythonSteps);
    processingWithFile = new ArrayList<>();
    pythonSteps = new ArrayList<>();
    try {
      return listAtThisLevel(n, depth, inForEach);
    } finally {
      processingWithFile = processingLevels.pop();
      pythonSteps = pythonLevels.pop();
    }
  }

  private List<Step> listAtThisLevel(int n, int depth, boolean inForEach) {
    List<Step> steps = new ArrayList<>();
    List<String> handlers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> after = new ArrayList<>();
      for (Step earlier : steps) {
        if (!handlers.contains(earlier.id()) && random.nextInt(3) == 0) {
          after.add(earlier.id());
        }
      }
      Step s;
      int r = random.nextInt(10);
      if (r == 0 && depth < 2) {
        s = condition(depth, inForEach);
      } else if (r == 1 && depth < 2 && !inForEach) {
        s = forEach(depth);
      } else {
        s = work(inForEach);
      }
      s = s.withAfter(after);
      s = decorate(s);
      if (s.kind().isWork() && random.nextInt(6) == 0) {
        String handler = "handler-" + (++counter);
        handlers.add(handler);
        s = s.withCatches(List.of(new CatchClause(random.nextBoolean() ? List.of(ErrorClass.ALL)
            : List.of(ErrorClass.TIMEOUT), handler)));
        steps.add(s);
        steps.add(Step.of(handler, new BashSpec(Value.Literal.of("echo handling"), Map.of())));
        continue;
      }
      steps.add(s);
    }
    return steps;
  }

  private Step decorate(Step s) {
    Step out = s;
    if (random.nextInt(3) == 0) {
      out = new Step(out.id(), out.spec(), Optional.of(text()), random.nextBoolean() ? Optional.of(text()) : Optional.empty(),
          out.after(), out.retry(), out.catches(), out.timeout(), out.caching(), out.extensions());
    }
    if (out.kind().isWork() && random.nextInt(3) == 0) {
      out = out.withRetry(Optional.of(retry()));
    }
    if (out.kind().isWork() && random.nextInt(5) == 0) {
      out = out.withTimeout(Optional.of(Duration.ofMinutes(1 + random.nextInt(90))));
    }
    return out;
  }

  private Step condition(int depth, boolean inForEach) {
    List<ConditionSpec.Branch> branches = new ArrayList<>();
    for (int a = 0, arms = 1 + random.nextInt(2); a < arms; a++) {
      branches.add(new ConditionSpec.Branch(test(inForEach),
          random.nextInt(5) == 0 ? List.of() : list(1 + random.nextInt(2), depth + 1, inForEach)));
    }
    List<Step> otherwise = random.nextBoolean() ? List.of()
        : List.of(Step.of("fail-" + (++counter), new FailSpec(Optional.of(value(inForEach)),
            random.nextBoolean() ? Optional.of("My.Error") : Optional.empty())));
    return Step.of("gate-" + (++counter), new ConditionSpec(branches, otherwise));
  }

  private Condition test(boolean inForEach) {
    Value left = new Value.ParameterRef("Threshold");
    if (!processingWithFile.isEmpty() && random.nextInt(3) == 0) {
      left = new Value.PropertyRef(pick(processingWithFile), "metrics", "metrics.accuracy.value");
    } else if (!pythonSteps.isEmpty() && random.nextInt(3) == 0) {
      left = new Value.StepOutputRef(pick(pythonSteps), "score");
    } else if (inForEach && random.nextInt(3) == 0) {
      left = new Value.ItemRef("n");
    }
    Condition c = new Condition.Comparison(Condition.Operator.values()[random.nextInt(5)], left,
        Value.Literal.of(random.nextInt(10) / 10.0));
    return switch (random.nextInt(5)) {
      case 0 -> new Condition.Not(c);
      case 1 -> new Condition.All(List.of(c, new Condition.In(new Value.ParameterRef("Label"),
          List.of(Value.Literal.of(text()), Value.Literal.of("b")))));
      case 2 -> new Condition.Any(List.of(c, new Condition.Comparison(Condition.Operator.EQ,
          new Value.ParameterRef("Flag"), Value.Literal.of(true))));
      default -> c;
    };
  }

  private Step forEach(int depth) {
    List<Object> items = new ArrayList<>();
    for (int i = 0, k = 1 + random.nextInt(4); i < k; i++) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("n", (long) i);
      item.put("name", text());
      items.add(item);
    }
    boolean fromReference = !pythonSteps.isEmpty() && random.nextInt(3) == 0;
    Optional<Value> from = fromReference ? Optional.of(new Value.StepOutputRef(pick(pythonSteps), "items"))
        : Optional.empty();
    List<Step> body = list(1 + random.nextInt(2), depth + 1, true);
    return Step.of("each-" + (++counter), new ForEachSpec(fromReference ? List.of() : items, from,
        random.nextInt(3), body));
  }

  /** A value: literal text, a parameter, an execution variable, a join, or (in a for-each) the item. */
  private Value value(boolean inForEach) {
    int r = random.nextInt(inForEach ? 7 : 5);
    return switch (r) {
      case 0 -> new Value.ParameterRef(pick(List.of("Threshold", "Label", "Count")));
      case 1 -> new Value.ExecutionRef(pick(List.of(ExecutionVariable.values())));
      case 2 -> new Value.Join(pick(List.of("", "/", " {{ ")), List.of(Value.Literal.of(text()),
          new Value.ParameterRef("Label"), Value.Literal.of(text())));
      case 5 -> new Value.ItemRef(pick(List.of("n", "name", "")));
      case 6 -> new Value.Join("-", List.of(Value.Literal.of(text()), new Value.ItemRef("name")));
      default -> Value.Literal.of(text());
    };
  }

  private Step work(boolean inForEach) {
    int k = random.nextInt(27);
    String id = "step-" + (++counter) + pick(List.of("", "_x", "-class", "-import", "-list"));
    Value role = Value.Literal.of("arn:aws:iam::123456789012:role/Pipeline");
    StepSpec spec = switch (k) {
      case 0 -> new BashSpec(value(inForEach), Map.of("A_VAR", value(inForEach), "B", Value.Literal.of(5L)));
      case 1 -> python(id);
      case 2 -> new LambdaSpec("arn:aws:lambda:us-east-1:1:function:f", Map.of("a", value(inForEach), "b",
          Value.Literal.of(1.5)), List.of("rows"));
      case 3 -> new GlueSpec(text(), Map.of("--arg", value(inForEach)), Optional.of("G.1X"), Optional.of(2));
      case 4 -> new BatchSpec("job", "queue", "def:1", Map.of("p", value(inForEach)), List.of(Value.Literal.of("run"),
          value(inForEach)), Map.of("E", value(inForEach)));
      case 5 -> new EcsSpec("cluster", "task:1", EcsSpec.LaunchType.FARGATE, List.of("subnet-1"), List.of("sg-1"),
          random.nextBoolean() ? Optional.of("main") : Optional.empty(), List.of(value(inForEach)), Map.of());
      case 6 -> new SnsSpec("arn:aws:sns:us-east-1:1:t", value(inForEach), Optional.of(text()));
      case 7 -> new SqsSpec("https://sqs.us-east-1.amazonaws.com/1/q", value(inForEach));
      case 8 -> new EventBridgePutSpec("default", "app", text(), Map.of("k", value(inForEach)));
      case 9 -> new AthenaSpec(value(inForEach), "db", Optional.of("primary"), Value.Literal.of("s3://b/athena/"));
      case 10 -> new StartStepFunctionsSpec("arn:aws:states:us-east-1:1:stateMachine:m", Map.of("in", value(inForEach)),
          random.nextBoolean());
      case 11 -> new StartSageMakerPipelineSpec("other", Map.of("P", value(inForEach)), random.nextBoolean());
      case 12 -> new HttpSpec(HttpSpec.Method.POST, value(inForEach), Map.of("X-H", value(inForEach)),
          Optional.of(value(inForEach)), Optional.of("conn"));
      case 13 -> new ContainerSpec("img:1", List.of(Value.Literal.of("python")), List.of(value(inForEach)),
          Optional.of("ns"), Map.of("E", value(inForEach)), Optional.of("1"), Optional.empty());
      case 14 -> new SqlSpec("warehouse", value(inForEach), Optional.of("postgres"));
      case 15 -> new WaitSpec(random.nextBoolean() ? Optional.of(Duration.ofSeconds(30)) : Optional.empty(),
          Optional.empty()).duration().isPresent() ? new WaitSpec(Optional.of(Duration.ofSeconds(30)), Optional.empty())
          : new WaitSpec(Optional.empty(), Optional.of("2030-01-01T00:00:00+00:00"));
      case 16 -> new ApprovalSpec(Optional.of("arn:aws:sns:us-east-1:1:t"), Optional.empty(), Optional.of(value(inForEach)),
          List.of("a@example.com"));
      case 17 -> new CallbackSpec("https://sqs.us-east-1.amazonaws.com/1/q", Map.of("x", value(inForEach)), List.of("done"));
      case 18 -> new ExternalSpec(pick(List.of("airflow", "asl")), pick(List.of(
          "airflow.providers.standard.operators.empty.EmptyOperator", "not a path", "arn:aws:states:::x")),
          Map.of("weird key", "v", "doc", text()));
      case 19 -> {
        processingWithFile.add(id);
        yield new ProcessingSpec("img:1", "ml.m5.large", 1, 30, List.of("python3", text()), List.of(value(inForEach)),
            Map.of("E", value(inForEach)), List.of(new ProcessingSpec.ProcessingInput("in", value(inForEach), "/opt/in")),
            List.of(new ProcessingSpec.ProcessingOutput("eval", "/opt/out", random.nextBoolean()
                ? Value.Literal.of("s3://b/eval/")
                : new Value.ParameterRef("Label"))),
            List.of(new ProcessingSpec.PropertyFile("metrics", "eval", "metrics.json")), Optional.of(role),
            Optional.of(Duration.ofMinutes(20)));
      }
      case 20 -> training(role, inForEach);
      case 21 -> new TuningSpec((TrainingSpec) training(role, inForEach), new TuningSpec.Objective("auc",
          TuningSpec.Direction.MAXIMIZE), List.of(new TuningSpec.Range("eta", TuningSpec.RangeType.CONTINUOUS,
          Optional.of(Value.Literal.of(0.1)), Optional.of(Value.Literal.of(0.5)), List.of(), TuningSpec.Scaling.AUTO)),
          4, 2, TuningSpec.Strategy.BAYESIAN);
      case 22 -> new TransformSpec(Value.Literal.of("model"), "ml.m5.large", 1, value(inForEach), Optional.of("text/csv"),
          TransformSpec.SplitType.LINE, Value.Literal.of("s3://b/out"), Optional.empty(), TransformSpec.AssembleWith.LINE);
      case 23 -> new CreateModelSpec("img:1", value(inForEach), Optional.of(role), Map.of("E", value(inForEach)),
          Optional.empty());
      case 24 -> new RegisterModelSpec("group", "img:1", value(inForEach), List.of("text/csv"), List.of("text/csv"),
          random.nextBoolean() ? List.of("ml.m5.large") : List.of(), List.of(),
          RegisterModelSpec.ApprovalStatus.APPROVED, Optional.empty());
      case 25 -> new ModelDeploySpec(text().isEmpty() ? "ep" : "ep-" + counter, value(inForEach), "ml.m5.large", 1);
      default -> random.nextBoolean()
          ? new EmrSpec(Optional.of("j-1"), Map.of(), "s3://b/app.jar", List.of(value(inForEach)), Optional.of("Main"))
          : new QualityCheckSpec(QualityCheckSpec.CheckType.DATA_QUALITY, Value.Literal.of("s3://b/base"), "csv",
              Value.Literal.of("s3://b/out"), "ml.m5.large", 1, false, false, Optional.empty(), Optional.empty(),
              Optional.empty());
    };
    return Step.of(id, spec);
  }

  private StepSpec training(Value role, boolean inForEach) {
    return new TrainingSpec("img:1", "ml.m5.large", 1, 30, Map.of("h", value(inForEach)),
        List.of(new TrainingSpec.Channel("train", value(inForEach), Optional.empty())), Value.Literal.of("s3://b/m"),
        Optional.of(role), Duration.ofHours(1), Map.of(), List.of());
  }

  /** Python steps: copyable code, code that must not be copied (with or without a module), or a module only. */
  private StepSpec python(String id) {
    String fn = pick(List.of("compute", "score_it", "list", "task", "json", "fn_" + counter));
    pythonSteps.add(id);
    String good = "def " + fn + "(a, b=1, *args, c=None, **kwargs):\n"
        + "    \"\"\"Docstring with {{ braces }} and \\\"\"\" quotes.\"\"\"\n"
        + "    text = f\"{a} {b!r}\"\n"
        + "    return {\"score\": 0.7, \"items\": [{\"n\": 1, \"name\": text}], \"rows\": 3}\n";
    String bad = pick(List.of(
        "@some.decorator\n" + good,
        good + "import os\nos.system('touch /tmp/pwned')\n",
        "def " + fn + "(a=__import__('os').system('touch /tmp/pwned')):\n    return a\n",
        "def " + fn + "(a: int):\n    return a\n",
        "def other(a):\n    return a\n",
        "def " + fn + "(a):\n    return f\"{a[\"k\"]}\"\n"));
    Map<String, Value> args = new LinkedHashMap<>();
    args.put("a", value(false));
    if (random.nextBoolean()) {
      args.put("b", Value.Literal.of(random.nextInt(5)));
    }
    return switch (random.nextInt(4)) {
      case 0, 1 -> new PythonSpec(fn, Optional.of(good), Optional.empty(), args, List.of());
      case 2 -> new PythonSpec(fn, Optional.of(bad), random.nextBoolean() ? Optional.of("jobs.tasks") : Optional.empty(),
          args, random.nextBoolean() ? List.of("pandas==2.2") : List.of());
      default -> new PythonSpec(fn, Optional.empty(), Optional.of("my \"module\""), args, List.of());
    };
  }
}
