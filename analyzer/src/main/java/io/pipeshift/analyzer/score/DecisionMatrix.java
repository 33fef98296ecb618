package io.pipeshift.analyzer.score;

import io.pipeshift.analyzer.Orchestrator;
import io.pipeshift.analyzer.config.AnalyzerConfig;
import io.pipeshift.analyzer.config.Points;
import io.pipeshift.analyzer.config.Thresholds;
import io.pipeshift.analyzer.config.Weights;
import io.pipeshift.analyzer.features.Features;
import io.pipeshift.analyzer.features.Hints;
import io.pipeshift.analyzer.features.RunEstimate;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Scores a pipeline for each orchestrator: every score starts at {@link AnalyzerConfig#BASE_SCORE}, each
 * signal found in the features adds its {@link Weights} points (scaled by a count or share where the signal
 * is one), a hard limit caps the score at {@code thresholds.hardLimitCap}, and the result is clamped to
 * 0-100. Every move is kept as a {@link Reason}.
 */
public final class DecisionMatrix {

  private final AnalyzerConfig config;
  private final Map<Orchestrator, List<Reason>> reasons = new EnumMap<>(Orchestrator.class);
  private final Map<Orchestrator, List<LimitHit>> limits = new EnumMap<>(Orchestrator.class);

  private DecisionMatrix(AnalyzerConfig config) {
    this.config = config;
    for (Orchestrator o : Orchestrator.values()) {
      reasons.put(o, new ArrayList<>());
      limits.put(o, new ArrayList<>());
    }
  }

  public static Scorecard score(Pipeline pipeline, Features f, AnalyzerConfig config) {
    return new DecisionMatrix(config).run(pipeline, f);
  }

  private Scorecard run(Pipeline pipeline, Features f) {
    Weights w = config.weights();
    Thresholds t = config.thresholds();
    if (f.workSteps() > 0) {
      signal("sagemakerShare", w.sagemakerShare(), o -> (f.sagemakerShare() - 0.5) * 2,
          percent(f.sagemakerShare()) + " of work steps are SageMaker-native (" + f.sagemakerSteps() + " of "
              + f.workSteps() + ")");
    }
    if (f.workSteps() > 0 && f.sagemakerShare() >= t.sagemakerShare()) {
      signal("sagemakerMajority", w.sagemakerMajority(), o -> 1,
          "SageMaker share reaches the " + percent(t.sagemakerShare()) + " threshold: the workflow is mostly SageMaker jobs");
    }
    int aws = f.awsServiceStepCount();
    if (aws > 0) {
      int counted = Math.min(aws, config.caps().awsServiceSteps());
      signal("awsServiceStep", w.awsServiceStep(), o -> counted,
          aws + " step" + plural(aws) + " on other AWS services (" + String.join(", ", f.awsServiceSteps().keySet()) + ")"
              + (aws > counted ? ", counted up to " + counted : ""));
    }
    int nonAws = f.nonAwsStepCount();
    if (nonAws > 0) {
      int cap = config.caps().nonAwsSteps();
      double halfForSfn = f.nonAwsSteps().getOrDefault("http", 0) + f.nonAwsSteps().getOrDefault("container", 0);
      signal("nonAwsStep", w.nonAwsStep(),
          o -> Math.min(cap, o == Orchestrator.STEP_FUNCTIONS ? nonAws - halfForSfn / 2 : nonAws),
          nonAws + " step" + plural(nonAws) + " outside AWS (" + String.join(", ", f.nonAwsSteps().keySet()) + ")"
              + (nonAws > cap ? ", counted up to " + cap : ""));
    }
    if (f.externalSteps() > 0) {
      signal("customOperators", w.customOperators(), o -> 1,
          f.externalSteps() + " custom operator" + plural(f.externalSteps()) + " kept verbatim (kind external)");
    }
    if (f.airflowOrigin()) {
      signal("existingAirflow", w.existingAirflow(), o -> 1, "the pipeline comes from or is meant for Airflow");
    }
    if (f.catchClauses() > 0) {
      signal("compensation", w.compensation(), o -> 1,
          f.catchClauses() + " catch" + (f.catchClauses() == 1 ? "" : "es") + " with " + f.compensationSteps()
              + " compensation step" + plural(f.compensationSteps()) + " (error handling beyond retries)");
    }
    if (f.customRetrySteps() > 0) {
      signal("customRetries", w.customRetries(), o -> 1,
          f.customRetrySteps() + " step" + plural(f.customRetrySteps())
              + " retry errors SageMaker cannot retry (task failures, timeouts, custom errors)");
    }
    if (f.forEachSteps() > 0) {
      signal("dynamicFanOut", w.dynamicFanOut(), o -> 1,
          "dynamic fan-out: " + f.forEachSteps() + " for-each step" + plural(f.forEachSteps()));
    }
    if (f.runtimeSizedFanOut() || f.largestFanOut().orElse(0L) > t.largeFanOut()) {
      signal("largeFanOut", w.largeFanOut(), o -> 1,
          f.runtimeSizedFanOut() ? "a fan-out is sized at run time"
              : "a fan-out runs " + f.largestFanOut().orElse(0L) + " items (more than " + t.largeFanOut() + ")");
    }
    if (f.approvalSteps() + f.callbackSteps() > 0) {
      signal("humanApproval", w.humanApproval(), o -> 1,
          "waits for people or systems: " + f.approvalSteps() + " approval, " + f.callbackSteps() + " callback");
    }
    if (f.registerModelSteps() + f.checkSteps() > 0) {
      signal("mlLineage", w.mlLineage(), o -> 1,
          "ML lineage: " + f.registerModelSteps() + " register-model, " + f.checkSteps() + " quality/clarify check"
              + (f.checkSteps() == 1 ? "" : "s") + " (Model Registry)");
    }
    if (f.cachedSteps() > 0) {
      signal("caching", w.caching(), o -> 1, f.cachedSteps() + " step" + plural(f.cachedSteps()) + " use step caching");
    }
    signal("idleCost", w.idleCost(), o -> 1, "an MWAA environment bills every hour, even when nothing runs");
    if (f.workSteps() > 0 && f.linear() && nonAws == 0 && f.workSteps() <= t.trivialSteps()) {
      signal("trivialAwsPipeline", w.trivialAwsPipeline(), o -> 1,
          "a linear, AWS-only pipeline of " + f.workSteps() + " work step" + plural(f.workSteps())
              + " needs no Airflow environment");
    }
    if (f.triggers().contains("event")) {
      signal("eventTrigger", w.eventTrigger(), o -> 1, "started by EventBridge events");
    }
    List<String> longCode = longCodeSteps(pipeline, t.lambdaMax());
    if (!longCode.isEmpty()) {
      signal("longCodeSteps", w.longCodeSteps(), o -> 1,
          "code step" + plural(longCode.size()) + " " + String.join(", ", longCode) + " may run longer than Lambda's "
              + minutes(t.lambdaMax()));
    }
    limits(pipeline, f, longCode);
    return scorecard();
  }

  private void limits(Pipeline pipeline, Features f, List<String> longCode) {
    Thresholds t = config.thresholds();
    long events = f.run().historyEvents();
    long worst = f.run().historyEventsWorstCase();
    String historyLimit = String.format(java.util.Locale.ROOT, "%,d history events per Standard execution",
        t.historyEventLimit());
    if (events > t.historyEventLimit()) {
      limit(Orchestrator.STEP_FUNCTIONS, historyLimit, "about " + events
          + " events per run: split the run (nested executions) or use a Distributed Map, whose child executions"
          + " have their own histories", true);
    } else if (worst > t.historyEventLimit()) {
      limit(Orchestrator.STEP_FUNCTIONS, historyLimit, "about " + events + " events per run, but " + worst
          + " when every retry is used", false);
    }
    if (Hints.expressRequested(pipeline)) {
      Duration upper = f.run().upperBoundDuration();
      if (upper.compareTo(t.expressMax()) > 0 || f.approvalSteps() + f.callbackSteps() > 0) {
        limit(Orchestrator.STEP_FUNCTIONS, minutes(t.expressMax()) + " per Express execution",
            "Express was asked for, but a run may take " + io.pipeshift.analyzer.features.Features.human(upper)
                + (f.approvalSteps() + f.callbackSteps() > 0 ? " and waits for a callback" : "")
                + ": use a Standard workflow", false);
      }
    }
    if (!longCode.isEmpty()) {
      limit(Orchestrator.STEP_FUNCTIONS, minutes(t.lambdaMax()) + " per Lambda invocation",
          String.join(", ", longCode) + " would run as Lambda functions; run them on ECS or Batch instead", false);
    }
  }

  /** Python, bash and sql steps (which Step Functions would run in Lambda) that may outlast Lambda. */
  private List<String> longCodeSteps(Pipeline pipeline, Duration lambdaMax) {
    List<String> out = new ArrayList<>();
    for (Step s : pipeline.allSteps()) {
      StepKind k = s.kind();
      if (k == StepKind.PYTHON || k == StepKind.BASH || k == StepKind.SQL) {
        Duration typical = config.typicalDuration(k);
        Duration expected = RunEstimate.bound(pipeline, s).map(b -> b.compareTo(typical) < 0 ? b : typical).orElse(typical);
        boolean ownTimeout = s.timeout().map(x -> x.compareTo(lambdaMax) > 0).orElse(false);
        if (expected.compareTo(lambdaMax) > 0 || ownTimeout) {
          out.add(s.id());
        }
      }
    }
    return out;
  }

  private void signal(String name, Points points, ToDoubleFunction<Orchestrator> factor, String text) {
    for (Orchestrator o : Orchestrator.values()) {
      int p = (int) Math.round(points.of(o) * factor.applyAsDouble(o));
      if (p != 0) {
        reasons.get(o).add(new Reason(name, p, text));
      }
    }
  }

  private void limit(Orchestrator o, String limit, String detail, boolean blocking) {
    limits.get(o).add(new LimitHit(o, limit, detail, blocking));
  }

  private Scorecard scorecard() {
    List<Score> scores = new ArrayList<>();
    for (Orchestrator o : Orchestrator.values()) {
      List<Reason> rs = new ArrayList<>(reasons.get(o));
      int raw = AnalyzerConfig.BASE_SCORE + rs.stream().mapToInt(Reason::points).sum();
      int value = Math.max(0, Math.min(100, raw));
      for (LimitHit l : limits.get(o)) {
        int cap = config.thresholds().hardLimitCap();
        if (l.blocking() && value > cap) {
          rs.add(new Reason("hardLimit", cap - value, "capped at " + cap + ": hits " + l.limit()));
          value = cap;
        }
      }
      scores.add(new Score(o, value, rs, limits.get(o)));
    }
    List<Score> ranked = new ArrayList<>(scores);
    ranked.sort(Comparator.comparingInt(Score::score).reversed().thenComparing(s -> s.orchestrator().ordinal()));
    int margin = ranked.get(0).score() - ranked.get(1).score();
    Thresholds t = config.thresholds();
    Clarity clarity = margin >= t.clearMargin() ? Clarity.CLEAR : margin >= t.moderateMargin() ? Clarity.MODERATE : Clarity.CLOSE_CALL;
    return new Scorecard(scores, ranked.get(0).orchestrator(), ranked.get(1).orchestrator(), margin, clarity);
  }

  private static String plural(long n) {
    return n == 1 ? "" : "s";
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  private static String minutes(Duration d) {
    return d.toMinutes() + " minutes";
  }
}
