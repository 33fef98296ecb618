package io.pipeshift.to.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipeshift.graph.ErrorPaths;
import io.pipeshift.graph.StepGraph;
import io.pipeshift.ir.Condition;
import io.pipeshift.ir.Parameter;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepTree;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.ForEachSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the IR says a run must look like, checked against a local run's call log:
 *
 * <ul>
 *   <li>order: for every IR dependency between two steps that ran (direct or through other steps, nested
 *       steps included), every call of the first precedes every call of the second (inside one for-each
 *       body, where iterations interleave: first calls and last calls are in order);
 *   <li>a normal run calls no step of an error path;
 *   <li>with the parameter defaults, the IR's own evaluation of conditions and for-each items gives how
 *       many times each step runs and whether the run ends failed (a fail step on the taken path).
 * </ul>
 */
final class IrExpectations {

  private final Pipeline pipeline;
  private final Map<String, String> stepStates;
  private final Map<String, Step> byId = new LinkedHashMap<>();
  /** Steps whose own state is a Task (their calls show in the log under the step's state name). */
  private final Set<String> taskBacked = new LinkedHashSet<>();
  private final Map<String, Set<String>> successors = new HashMap<>();
  private final Map<String, String> forEachOf = new HashMap<>();
  private final Set<String> errorPath = new HashSet<>();
  private final Map<String, Integer> expectedCalls = new LinkedHashMap<>();
  private boolean countsKnown = true;
  private boolean endsFailed;

  IrExpectations(Pipeline pipeline, Map<String, String> stepStates, Map<String, Object> machine) {
    this.pipeline = pipeline;
    this.stepStates = stepStates;
    Map<String, Map<String, Object>> states = AslStates.all(machine);
    for (Step s : pipeline.allSteps()) {
      byId.put(s.id(), s);
      successors.put(s.id(), new LinkedHashSet<>());
      Map<String, Object> state = states.get(stepStates.get(s.id()));
      if (state != null && "Task".equals(state.get("Type"))) {
        taskBacked.add(s.id());
      }
    }
    edges(pipeline.steps(), null, false);
    walk(pipeline.steps(), 1);
  }

  private void edges(List<Step> list, String forEach, boolean inErrorPath) {
    ErrorPaths paths = ErrorPaths.of(list);
    Set<String> onErrorPath = new HashSet<>();
    paths.byHandler().values().forEach(l -> l.forEach(s -> onErrorPath.add(s.id())));
    StepGraph g = StepGraph.of(list);
    for (int[] e : g.edges()) {
      for (String a : leaves(byId.get(g.id(e[0])))) {
        for (String b : leaves(byId.get(g.id(e[1])))) {
          successors.get(a).add(b);
        }
      }
    }
    for (Step s : list) {
      if (forEach != null) {
        forEachOf.put(s.id(), forEach);
      }
      boolean error = inErrorPath || onErrorPath.contains(s.id());
      if (error) {
        errorPath.add(s.id());
      }
      String inner = s.spec() instanceof ForEachSpec ? s.id() : forEach;
      for (List<Step> child : StepTree.childLists(s)) {
        edges(child, inner, error);
      }
    }
  }

  private static List<String> leaves(Step s) {
    List<String> out = new ArrayList<>();
    out.add(s.id());
    for (List<Step> child : StepTree.childLists(s)) {
      StepTree.flatten(child).forEach(x -> out.add(x.id()));
    }
    return out;
  }

  /** Expected calls with the parameter defaults (normal path only). */
  private void walk(List<Step> list, int times) {
    for (Step s : ErrorPaths.of(list).normal()) {
      if (taskBacked.contains(s.id())) {
        expectedCalls.merge(s.id(), times, Integer::sum);
      }
      switch (s.kind()) {
        case FAIL -> endsFailed = true;
        case CONDITION -> {
          ConditionSpec c = (ConditionSpec) s.spec();
          Optional<List<Step>> taken = Optional.of(c.otherwise());
          for (ConditionSpec.Branch b : c.branches()) {
            Optional<Boolean> holds = holds(b.when());
            if (holds.isEmpty()) {
              taken = Optional.empty();
              break;
            }
            if (holds.get()) {
              taken = Optional.of(b.steps());
              break;
            }
          }
          if (taken.isPresent()) {
            walk(taken.get(), times);
          } else {
            countsKnown = false;
          }
        }
        case FOR_EACH -> {
          ForEachSpec f = (ForEachSpec) s.spec();
          if (f.knownSize().isPresent()) {
            walk(f.steps(), times * f.knownSize().get());
          } else {
            countsKnown = false;
          }
        }
        default -> {
          if (!taskBacked.contains(s.id())) {
            countsKnown = false; // a step of several states: its inner calls are not counted here
          }
        }
      }
    }
  }

  private Optional<Boolean> holds(Condition c) {
    if (c instanceof Condition.Comparison cmp) {
      Optional<Object> l = literal(cmp.left());
      Optional<Object> r = literal(cmp.right());
      if (l.isEmpty() || r.isEmpty()) {
        return Optional.empty();
      }
      int k;
      if (l.get() instanceof Number x && r.get() instanceof Number y) {
        k = Double.compare(x.doubleValue(), y.doubleValue());
      } else if (l.get() instanceof String x && r.get() instanceof String y) {
        k = x.compareTo(y);
      } else {
        return Optional.of(cmp.operator() == Condition.Operator.EQ && l.get().equals(r.get()));
      }
      return Optional.of(switch (cmp.operator()) {
        case EQ -> k == 0;
        case GT -> k > 0;
        case GTE -> k >= 0;
        case LT -> k < 0;
        case LTE -> k <= 0;
      });
    }
    if (c instanceof Condition.Not n) {
      return holds(n.condition()).map(b -> !b);
    }
    if (c instanceof Condition.In in) {
      List<Condition> eqs = new ArrayList<>();
      in.values().forEach(v -> eqs.add(new Condition.Comparison(Condition.Operator.EQ, in.value(), v)));
      return holds(new Condition.Any(eqs));
    }
    boolean all = c instanceof Condition.All;
    List<Condition> parts = all ? ((Condition.All) c).conditions() : ((Condition.Any) c).conditions();
    boolean result = all;
    for (Condition p : parts) {
      Optional<Boolean> h = holds(p);
      if (h.isEmpty()) {
        return Optional.empty();
      }
      result = all ? result && h.get() : result || h.get();
    }
    return Optional.of(result);
  }

  private Optional<Object> literal(Value v) {
    if (v instanceof Value.Literal l) {
      return Optional.of(l.value());
    }
    if (v instanceof Value.ParameterRef p) {
      return pipeline.parameter(p.name()).flatMap(Parameter::defaultValue).map(Value.Literal::value);
    }
    // what FakeResults makes the mocked Tasks return
    if (v instanceof Value.PropertyRef) {
      return Optional.of(1.0);
    }
    if (v instanceof Value.StepOutputRef o && taskBacked.contains(o.step())) {
      return Optional.of(FakeResults.leaf(AslNames.field(o.name())));
    }
    return Optional.empty();
  }

  boolean endsFailed() {
    return endsFailed;
  }

  /** Violations of a normal run (no injected failure); empty when the run is as the IR says. */
  List<String> checkNormalRun(JsonNode run) {
    List<String> problems = new ArrayList<>(checkOrder(run, Set.of()));
    Map<String, Integer> counts = counts(run);
    for (String e : errorPath) {
      if (taskBacked.contains(e) && counts.getOrDefault(stepStates.get(e), 0) > 0) {
        problems.add("error-path step '" + e + "' ran although nothing failed");
      }
    }
    String status = run.get("status").asText();
    if (!endsFailed && !status.equals("SUCCEEDED")) {
      problems.add("status " + status + " (" + run.get("error") + ": " + run.get("cause") + "), expected SUCCEEDED");
    }
    if (endsFailed && !status.equals("FAILED")) {
      problems.add("status " + status + ", expected FAILED (a fail step is on the taken path)");
    }
    if (countsKnown && !endsFailed) {
      for (String id : taskBacked) {
        if (errorPath.contains(id)) {
          continue;
        }
        int want = expectedCalls.getOrDefault(id, 0);
        int got = counts.getOrDefault(stepStates.get(id), 0);
        if (want != got) {
          problems.add("'" + id + "' ran " + got + " times, expected " + want);
        }
      }
    }
    return problems;
  }

  /** Order violations among the calls (steps in {@code ignore} are left out). */
  List<String> checkOrder(JsonNode run, Set<String> ignore) {
    Map<String, Integer> first = new HashMap<>();
    Map<String, Integer> last = new HashMap<>();
    JsonNode calls = run.get("calls");
    Map<String, String> stepOfState = new HashMap<>();
    stepStates.forEach((id, state) -> stepOfState.put(state, id));
    for (int i = 0; i < calls.size(); i++) {
      String step = stepOfState.get(calls.get(i).asText());
      if (step != null && taskBacked.contains(step)) {
        first.putIfAbsent(step, i);
        last.put(step, i);
      }
    }
    List<String> problems = new ArrayList<>();
    for (String u : first.keySet()) {
      if (ignore.contains(u)) {
        continue;
      }
      for (String v : reachable(u)) {
        if (!first.containsKey(v) || ignore.contains(v)) {
          continue;
        }
        boolean sameBody = forEachOf.get(u) != null && forEachOf.get(u).equals(forEachOf.get(v));
        boolean ok = sameBody ? first.get(u) < first.get(v) && last.get(u) < last.get(v) : last.get(u) < first.get(v);
        if (!ok) {
          problems.add("'" + v + "' (call " + first.get(v) + ") ran before '" + u + "' finished (call " + last.get(u)
              + ")");
        }
      }
    }
    return problems;
  }

  /** Steps that depend on {@code u}, directly or not. */
  Set<String> reachable(String u) {
    Set<String> seen = new LinkedHashSet<>();
    ArrayDeque<String> work = new ArrayDeque<>(successors.get(u));
    while (!work.isEmpty()) {
      String v = work.pop();
      if (seen.add(v)) {
        work.addAll(successors.get(v));
      }
    }
    return seen;
  }

  static Map<String, Integer> counts(JsonNode run) {
    Map<String, Integer> counts = new HashMap<>();
    run.get("calls").forEach(c -> counts.merge(c.asText(), 1, Integer::sum));
    return counts;
  }

  Set<String> taskBacked() {
    return taskBacked;
  }

  boolean onErrorPath(String id) {
    return errorPath.contains(id);
  }
}
