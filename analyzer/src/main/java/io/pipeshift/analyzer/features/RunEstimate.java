package io.pipeshift.analyzer.features;

import io.pipeshift.analyzer.config.AnalyzerConfig;
import io.pipeshift.graph.StepGraph;
import io.pipeshift.ir.CatchClause;
import io.pipeshift.ir.Condition;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepKind;
import io.pipeshift.ir.StepTree;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.ForEachSpec;
import io.pipeshift.ir.kinds.ProcessingSpec;
import io.pipeshift.ir.kinds.TrainingSpec;
import io.pipeshift.ir.kinds.TuningSpec;
import io.pipeshift.ir.kinds.WaitSpec;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one run of a pipeline is expected to cost in time and, on Step Functions Standard, in history events
 * and state transitions. The formula (documented in docs/analyzer.md):
 *
 * <ul>
 *   <li>Duration: the critical path through each step list. A step takes its kind's typical duration
 *       ({@code typicalDurations}), capped by its timeout or maxRuntime ({@code expected}); the upper bound
 *       uses the timeout or maxRuntime where there is one. A condition takes its longest branch; a for-each
 *       takes its body times ceil(items / maxConcurrency). Catch handlers are error paths and not counted.
 *   <li>History events: 2 for the execution (started, succeeded); 5 per Task state (entered, scheduled,
 *       started, succeeded, exited) for every work, approval and callback step; 2 per Choice, Wait or Fail
 *       state; a condition reading a property file adds a Task that reads it (5); a for-each is a Map state:
 *       4 plus 2 per item plus its body per item; every place a step list forks (a step with several
 *       successors, or several first steps) is a Parallel state: 4. The worst case adds 3 events per retry
 *       (scheduled, started, failed) with every retry used, and the catch handlers' events.
 *   <li>State transitions: one per state entered on the expected path, the same way (for cost).
 * </ul>
 * A for-each whose items are only known at run time counts {@code thresholds.assumedDynamicItems} items.
 */
public record RunEstimate(
    Duration expectedDuration,
    Duration upperBoundDuration,
    long historyEvents,
    long historyEventsWorstCase,
    long stateTransitions) {

  public static final int EXECUTION_EVENTS = 2;
  public static final int TASK_EVENTS = 5;
  public static final int RETRY_EVENTS = 3;
  public static final int SIMPLE_STATE_EVENTS = 2;
  public static final int MAP_EVENTS = 4;
  public static final int MAP_ITERATION_EVENTS = 2;
  public static final int PARALLEL_EVENTS = 4;

  public static RunEstimate of(Pipeline pipeline, AnalyzerConfig config) {
    Calculator c = new Calculator(pipeline, config);
    Totals t = c.list(pipeline.steps());
    return new RunEstimate(t.expected, t.upper, EXECUTION_EVENTS + t.events, EXECUTION_EVENTS + t.worstEvents,
        t.transitions);
  }

  /** The duration a step itself is bounded by: its timeout, or its job's maxRuntime, whichever is shorter. */
  public static Optional<Duration> bound(Pipeline pipeline, Step step) {
    Optional<Duration> timeout = pipeline.timeoutOf(step);
    Optional<Duration> runtime = Optional.empty();
    if (step.spec() instanceof TrainingSpec t) {
      runtime = Optional.of(t.maxRuntime());
    } else if (step.spec() instanceof TuningSpec t) {
      runtime = Optional.empty(); // a tuning job runs many trainings; their maxRuntime bounds each one only
    } else if (step.spec() instanceof ProcessingSpec p) {
      runtime = p.maxRuntime();
    } else if (step.spec() instanceof WaitSpec w) {
      runtime = w.duration();
    }
    if (timeout.isPresent() && runtime.isPresent()) {
      return Optional.of(timeout.get().compareTo(runtime.get()) <= 0 ? timeout.get() : runtime.get());
    }
    Optional<Duration> either = runtime;
    return timeout.or(() -> either);
  }

  /** Number of items a for-each runs over: the literal list's size, else the configured assumption. */
  public static int items(ForEachSpec f, AnalyzerConfig config) {
    return f.knownSize().orElse(config.thresholds().assumedDynamicItems());
  }

  private record Totals(Duration expected, Duration upper, long events, long worstEvents, long transitions) {
    static final Totals ZERO = new Totals(Duration.ZERO, Duration.ZERO, 0, 0, 0);
  }

  private static final class Calculator {
    private final Pipeline pipeline;
    private final AnalyzerConfig config;

    Calculator(Pipeline pipeline, AnalyzerConfig config) {
      this.pipeline = pipeline;
      this.config = config;
    }

    Totals list(List<Step> steps) {
      if (steps.isEmpty()) {
        return Totals.ZERO;
      }
      Set<String> handlers = new HashSet<>();
      for (Step s : steps) {
        for (CatchClause c : s.catches()) {
          handlers.add(c.handler());
        }
      }
      StepGraph g = StepGraph.of(steps);
      int n = steps.size();
      Totals[] own = new Totals[n];
      for (int i = 0; i < n; i++) {
        own[i] = step(steps.get(i));
      }
      long events = 0;
      long worst = 0;
      long transitions = 0;
      for (int i = 0; i < n; i++) {
        boolean handler = handlers.contains(steps.get(i).id());
        worst += own[i].worstEvents;
        if (!handler) {
          events += own[i].events;
          transitions += own[i].transitions;
        }
      }
      int forks = forks(g, handlers);
      events += (long) forks * PARALLEL_EVENTS;
      worst += (long) forks * PARALLEL_EVENTS;
      transitions += forks;
      // critical path (longest finish time) in a topological order; handlers excluded
      int[] order = g.topologicalOrder().orElseGet(() -> java.util.stream.IntStream.range(0, n).toArray());
      Duration[] finishExpected = new Duration[n];
      Duration[] finishUpper = new Duration[n];
      Duration bestExpected = Duration.ZERO;
      Duration bestUpper = Duration.ZERO;
      for (int v : order) {
        if (handlers.contains(g.id(v))) {
          finishExpected[v] = Duration.ZERO;
          finishUpper[v] = Duration.ZERO;
          continue;
        }
        Duration startE = Duration.ZERO;
        Duration startU = Duration.ZERO;
        for (int p : g.predecessors(v)) {
          if (finishExpected[p] != null) {
            startE = max(startE, finishExpected[p]);
            startU = max(startU, finishUpper[p]);
          }
        }
        finishExpected[v] = startE.plus(own[v].expected);
        finishUpper[v] = startU.plus(own[v].upper);
        bestExpected = max(bestExpected, finishExpected[v]);
        bestUpper = max(bestUpper, finishUpper[v]);
      }
      return new Totals(bestExpected, bestUpper, events, worst, transitions);
    }

    /** Parallel states needed: steps with several successors, plus one when the list starts with several. */
    private static int forks(StepGraph g, Set<String> handlers) {
      if (g.topologicalOrder().isEmpty()) {
        return 0;
      }
      StepGraph r = g.transitiveReduction();
      int forks = 0;
      int sources = 0;
      for (int v = 0; v < r.size(); v++) {
        if (handlers.contains(r.id(v))) {
          continue;
        }
        if (r.successors(v).length > 1) {
          forks++;
        }
        if (r.predecessors(v).length == 0) {
          sources++;
        }
      }
      return forks + (sources > 1 ? 1 : 0);
    }

    Totals step(Step s) {
      StepKind kind = s.kind();
      if (s.spec() instanceof ConditionSpec c) {
        Totals best = Totals.ZERO;
        for (List<Step> branch : StepTree.childLists(s)) {
          Totals b = list(branch);
          best = new Totals(max(best.expected, b.expected), max(best.upper, b.upper),
              Math.max(best.events, b.events), Math.max(best.worstEvents, b.worstEvents),
              Math.max(best.transitions, b.transitions));
        }
        long read = readsPropertyFile(c) ? TASK_EVENTS : 0;
        long readTransitions = read > 0 ? 1 : 0;
        return new Totals(best.expected, best.upper, SIMPLE_STATE_EVENTS + read + best.events,
            SIMPLE_STATE_EVENTS + read + best.worstEvents, 1 + readTransitions + best.transitions);
      }
      if (s.spec() instanceof ForEachSpec f) {
        int items = items(f, config);
        Totals body = list(f.steps());
        int concurrency = f.maxConcurrency() <= 0 ? Math.max(items, 1) : Math.min(f.maxConcurrency(), Math.max(items, 1));
        long waves = items == 0 ? 0 : (items + concurrency - 1) / concurrency;
        return new Totals(body.expected.multipliedBy(waves), body.upper.multipliedBy(waves),
            MAP_EVENTS + items * (MAP_ITERATION_EVENTS + body.events),
            MAP_EVENTS + items * (MAP_ITERATION_EVENTS + body.worstEvents),
            1 + items * body.transitions);
      }
      Duration typical = config.typicalDuration(kind);
      Optional<Duration> bound = bound(pipeline, s);
      Duration expected = bound.map(b -> min(b, typical)).orElse(typical);
      if (kind == StepKind.WAIT) {
        expected = bound.orElse(Duration.ZERO);
      }
      Duration upper = bound.orElse(typical);
      if (kind == StepKind.WAIT || kind == StepKind.FAIL) {
        return new Totals(expected, upper, SIMPLE_STATE_EVENTS, SIMPLE_STATE_EVENTS, 1);
      }
      int retries = pipeline.retryOf(s).map(r -> r.retries()).orElse(0);
      return new Totals(expected, upper, TASK_EVENTS, TASK_EVENTS + (long) retries * RETRY_EVENTS, 1);
    }

    private static boolean readsPropertyFile(ConditionSpec c) {
      for (ConditionSpec.Branch b : c.branches()) {
        for (Value v : valuesOf(b.when())) {
          if (v instanceof Value.PropertyRef) {
            return true;
          }
        }
      }
      return false;
    }

    private static List<Value> valuesOf(Condition c) {
      return c.values();
    }
  }

  static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
