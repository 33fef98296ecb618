package io.pipeshift.analyzer.features;

import io.pipeshift.analyzer.config.AnalyzerConfig;
import io.pipeshift.graph.StepGraph;
import io.pipeshift.ir.Caching;
import io.pipeshift.ir.CatchClause;
import io.pipeshift.ir.ErrorClass;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.RetryPolicy;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepKind;
import io.pipeshift.ir.StepTree;
import io.pipeshift.ir.Trigger;
import io.pipeshift.ir.kinds.ExternalSpec;
import io.pipeshift.ir.kinds.ForEachSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Computes {@link Features} from a pipeline. Pure: the same pipeline and config give the same features. */
public final class FeatureExtractor {

  /** Error classes SageMaker Pipelines' own retry policies can name; anything else is a custom retry. */
  static final Set<ErrorClass> SAGEMAKER_RETRYABLE =
      Set.of(ErrorClass.SERVICE_FAULT, ErrorClass.THROTTLING, ErrorClass.CAPACITY, ErrorClass.RESOURCE_LIMIT);

  private FeatureExtractor() {}

  public static Features extract(Pipeline pipeline, AnalyzerConfig config) {
    List<Step> all = pipeline.allSteps();
    int work = 0;
    int sagemaker = 0;
    Map<String, Integer> aws = new TreeMap<>();
    Map<String, Integer> nonAws = new TreeMap<>();
    int external = 0;
    boolean airflow = pipeline.extensions().containsKey("airflow");
    int retried = 0;
    int customRetry = 0;
    int catches = 0;
    Set<String> handlers = new LinkedHashSet<>();
    int forEach = 0;
    boolean runtimeSized = false;
    List<String> longRunning = new ArrayList<>();
    int approvals = 0;
    int callbacks = 0;
    int registers = 0;
    int checks = 0;
    int cached = 0;
    for (Step s : all) {
      StepKind kind = s.kind();
      switch (kind.category()) {
        case SAGEMAKER -> sagemaker++;
        case AWS -> aws.merge(kind.yamlName(), 1, Integer::sum);
        case NON_AWS -> nonAws.merge(kind.yamlName(), 1, Integer::sum);
        case CONTROL -> { }
      }
      if (kind.isWork()) {
        work++;
        Optional<RetryPolicy> retry = pipeline.retryOf(s);
        if (retry.isPresent() && retry.get().retries() > 0) {
          retried++;
          if (retry.get().errors().stream().anyMatch(e -> !SAGEMAKER_RETRYABLE.contains(e))) {
            customRetry++;
          }
        }
        if (pipeline.cachingOf(s).map(Caching::enabled).orElse(false)) {
          cached++;
        }
      }
      if (s.spec() instanceof ExternalSpec e) {
        external++;
        if (e.format().equals("airflow")) {
          airflow = true;
        }
      }
      if (s.extensions().containsKey("airflow")) {
        airflow = true;
      }
      for (CatchClause c : s.catches()) {
        catches++;
        handlers.add(c.handler());
      }
      if (s.spec() instanceof ForEachSpec f) {
        forEach++;
        runtimeSized |= f.itemsFrom().isPresent();
      }
      if (isLongRunning(pipeline, s, config)) {
        longRunning.add(s.id());
      }
      switch (kind) {
        case APPROVAL -> approvals++;
        case CALLBACK -> callbacks++;
        case REGISTER_MODEL -> registers++;
        case QUALITY_CHECK, CLARIFY_CHECK -> checks++;
        default -> { }
      }
    }
    List<String> triggers = new ArrayList<>();
    for (Trigger t : pipeline.triggers()) {
      String name =
          t instanceof Trigger.Cron ? "cron" : t instanceof Trigger.Rate ? "rate" : t instanceof Trigger.Event ? "event" : "manual";
      triggers.add(name);
    }
    double share = work == 0 ? 0.0 : (double) sagemaker / work;
    return new Features(
        work, sagemaker, aws, nonAws, share, external, airflow, retried, customRetry, catches, handlers.size(), forEach,
        largestFanOut(pipeline.steps(), 1L, config), runtimeSized, longRunning, approvals, callbacks, registers, checks,
        cached, isLinear(pipeline.steps()), RunEstimate.of(pipeline, config), triggers,
        Schedules.runsPerMonth(pipeline.triggers()), pipeline.parameters().size());
  }

  /**
   * Expected to run longer than {@code thresholds.longRunning} (typical duration capped by the bound), or
   * given its own timeout above it: a timeout set on the step itself says the author expects long runs.
   */
  static boolean isLongRunning(Pipeline pipeline, Step s, AnalyzerConfig config) {
    if (!s.kind().isWork() && s.kind() != StepKind.APPROVAL && s.kind() != StepKind.CALLBACK) {
      return false;
    }
    Duration threshold = config.thresholds().longRunning();
    Duration typical = config.typicalDuration(s.kind());
    Optional<Duration> bound = RunEstimate.bound(pipeline, s);
    Duration expected = bound.map(b -> RunEstimate.min(b, typical)).orElse(typical);
    return expected.compareTo(threshold) > 0 || s.timeout().map(t -> t.compareTo(threshold) > 0).orElse(false);
  }

  private static Optional<Long> largestFanOut(List<Step> steps, long factor, AnalyzerConfig config) {
    Optional<Long> best = Optional.empty();
    for (Step s : steps) {
      long here = factor;
      if (s.spec() instanceof ForEachSpec f) {
        here = factor * RunEstimate.items(f, config);
        best = Optional.of(Math.max(best.orElse(0L), here));
      }
      for (List<Step> child : StepTree.childLists(s)) {
        Optional<Long> inner = largestFanOut(child, here, config);
        if (inner.isPresent()) {
          best = Optional.of(Math.max(best.orElse(0L), inner.get()));
        }
      }
    }
    return best;
  }

  /** Every step list is a chain: one first step, at most one successor each, no containers, no catches. */
  static boolean isLinear(List<Step> steps) {
    StepGraph full = StepGraph.of(steps);
    if (full.topologicalOrder().isEmpty()) {
      return false;
    }
    StepGraph g = full.transitiveReduction();
    if (g.sources().size() > 1) {
      return false;
    }
    for (Step s : steps) {
      if (!StepTree.childLists(s).isEmpty() || !s.catches().isEmpty()) {
        return false;
      }
      if (g.successorIds(s.id()).size() > 1) {
        return false;
      }
    }
    return true;
  }
}
