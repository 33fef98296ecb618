package io.pipeshift.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.from.airflow.AirflowDagReader;
import io.pipeshift.from.airflow.FileImport;
import io.pipeshift.ir.CatchClause;
import io.pipeshift.ir.Condition;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.References;
import io.pipeshift.ir.RetryPolicy;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.ForEachSpec;
import io.pipeshift.spi.PipelineTarget;
import io.pipeshift.spi.TargetOptions;
import io.pipeshift.testing.Examples;
import io.pipeshift.testing.RandomPipelines;
import io.pipeshift.validate.PipelineLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * IR -> to-airflow-dag -> from-airflow-dag gives an equal IR graph with equal retries, for every example and
 * for 250 seeded random pipelines (conditions, for-each, catches, retries). "Equal graph": the same steps
 * (ids as Airflow task ids: {@code -} becomes {@code _}) with the same kinds, nested the same way (condition
 * branches with their tests, otherwise, for-each bodies), the same dependencies (reachability over after and
 * references within each step list) and the same catch handlers; "equal retries": every work step's retry
 * policy in force (pipeline defaults applied) has the same count, interval, backoff rate and maximum interval.
 * Error-class filters and jitter are not compared: Airflow cannot say them (to-airflow-dag notes that).
 */
class AirflowRoundTripTest {

  private static final int RANDOM = 250;

  @Test
  void everyExampleSurvivesAirflowAndBack() throws Exception {
    List<String> failures = new ArrayList<>();
    int n = 0;
    for (Path p : Examples.valid()) {
      n++;
      Pipeline original = new PipelineLoader().load(p).pipeline();
      String problem = roundTrip(original);
      if (problem != null) {
        failures.add(p.getFileName() + ": " + problem);
      }
    }
    System.out.println("Airflow round trip, examples: " + (n - failures.size()) + "/" + n + " equal");
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void randomPipelinesSurviveAirflowAndBack() {
    List<String> failures = new ArrayList<>();
    for (long seed = 1; seed <= RANDOM; seed++) {
      Pipeline original = RandomPipelines.generate(seed, RandomPipelines.Shape.everything(12));
      String problem;
      try {
        problem = roundTrip(original);
      } catch (RuntimeException e) {
        problem = "threw " + e;
      }
      if (problem != null) {
        failures.add("seed " + seed + ": " + problem);
      }
    }
    System.out.println("Airflow round trip, random pipelines: " + (RANDOM - failures.size()) + "/" + RANDOM + " equal");
    assertTrue(failures.isEmpty(), failures.size() + " of " + RANDOM + " differ:\n"
        + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
  }

  /** Null when the pipeline comes back equal, else what differs. */
  static String roundTrip(Pipeline original) {
    PipelineTarget airflow = ServiceLoader.load(PipelineTarget.class).stream().map(ServiceLoader.Provider::get)
        .filter(t -> t.id().equals("airflow")).findFirst().orElseThrow();
    String source = airflow.emit(original, TargetOptions.NONE).artifact().main();
    FileImport imported = new AirflowDagReader().read(Path.of(original.name() + ".py"), original.name() + ".py", source);
    if (imported.failure().isPresent()) {
      return "import failed: " + imported.failure().get();
    }
    if (imported.dags().size() != 1) {
      return "expected one DAG, got " + imported.dags().size();
    }
    Pipeline back = imported.dags().get(0).pipeline();
    assertEquals(original.name(), back.name());
    Map<String, Object> a = shape(original, original.steps());
    Map<String, Object> b = shape(back, back.steps());
    if (!a.equals(b)) {
      return "\n  original " + a + "\n  imported " + b;
    }
    return null;
  }

  /** A comparable description of a step list: per step its kind, retry, catches, container contents, deps. */
  private static Map<String, Object> shape(Pipeline p, List<Step> list) {
    Map<String, Object> out = new TreeMap<>();
    Map<String, Set<String>> reach = reachability(list);
    for (Step s : list) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("kind", s.kind().yamlName());
      if (s.kind().isWork()) {
        d.put("retry", retry(p.retryOf(s)));
      }
      Set<String> handlers = new TreeSet<>();
      for (CatchClause c : s.catches()) {
        handlers.add(id(c.handler()));
      }
      d.put("catch", handlers);
      d.put("reaches", reach.get(s.id()));
      if (s.spec() instanceof ConditionSpec c) {
        List<Object> branches = new ArrayList<>();
        for (ConditionSpec.Branch b : c.branches()) {
          branches.add(List.of(condition(b.when()), shape(p, b.steps())));
        }
        d.put("branches", branches);
        d.put("otherwise", shape(p, c.otherwise()));
      }
      if (s.spec() instanceof ForEachSpec f) {
        d.put("items", String.valueOf(f.items()) + " from " + f.itemsFrom().map(AirflowRoundTripTest::value).orElse("-")
            + " max " + f.maxConcurrency());
        d.put("body", shape(p, f.steps()));
      }
      out.put(id(s.id()), d);
    }
    return out;
  }

  /** Step ids as Airflow task ids (the emitter makes them Python identifiers). */
  private static String id(String stepId) {
    return stepId.replace('-', '_');
  }

  private static String retry(Optional<RetryPolicy> r) {
    if (r.isEmpty() || r.get().retries() == 0) {
      return "none";
    }
    RetryPolicy x = r.get();
    return x.retries() + " every " + x.interval() + " x" + x.backoffRate() + " max " + x.maxInterval().map(Duration::toString).orElse("-");
  }

  private static String condition(Condition c) {
    if (c instanceof Condition.Comparison cmp) {
      return cmp.operator().yamlName() + "(" + value(cmp.left()) + "," + value(cmp.right()) + ")";
    }
    if (c instanceof Condition.In in) {
      return "in(" + value(in.value()) + "," + in.values().stream().map(AirflowRoundTripTest::value).toList() + ")";
    }
    if (c instanceof Condition.Not n) {
      return "not(" + condition(n.condition()) + ")";
    }
    List<Condition> parts = c instanceof Condition.All a ? a.conditions() : ((Condition.Any) c).conditions();
    return (c instanceof Condition.All ? "all" : "any") + parts.stream().map(AirflowRoundTripTest::condition).toList();
  }

  private static String value(Value v) {
    if (v instanceof Value.Literal l) {
      return l.value() instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(l.value());
    }
    if (v instanceof Value.ParameterRef r) {
      return "param " + r.name();
    }
    if (v instanceof Value.StepOutputRef o) {
      return "output " + id(o.step()) + "." + o.name();
    }
    if (v instanceof Value.PropertyRef p) {
      return "property " + id(p.step()) + "." + p.file() + ":" + p.path();
    }
    return v.toString();
  }

  /** Step id -> the ids (in the same list) that transitively depend on it, over after and references. */
  private static Map<String, Set<String>> reachability(List<Step> list) {
    Set<String> ids = new HashSet<>();
    list.forEach(s -> ids.add(s.id()));
    Map<String, Set<String>> direct = new TreeMap<>();
    list.forEach(s -> direct.put(s.id(), new TreeSet<>()));
    for (Step s : list) {
      Set<String> deps = new TreeSet<>(s.after());
      deps.addAll(References.referencedSteps(s));
      for (String d : deps) {
        if (ids.contains(d) && !d.equals(s.id())) {
          direct.get(d).add(s.id());
        }
      }
    }
    Map<String, Set<String>> out = new TreeMap<>();
    for (Step s : list) {
      Set<String> seen = new TreeSet<>();
      List<String> queue = new ArrayList<>(direct.get(s.id()));
      while (!queue.isEmpty()) {
        String x = queue.remove(queue.size() - 1);
        if (seen.add(id(x))) {
          queue.addAll(direct.get(x));
        }
      }
      out.put(s.id(), seen);
    }
    return out;
  }

}
