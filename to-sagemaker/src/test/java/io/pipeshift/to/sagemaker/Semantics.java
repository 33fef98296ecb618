package io.pipeshift.to.sagemaker;

import io.pipeshift.graph.StepGraph;
import io.pipeshift.ir.Condition;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepKind;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.ForEachSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a run does, for one set of parameter values, computed twice: from the IR (its documented meaning)
 * and from a SageMaker definition (SageMaker's rules: a step in IfSteps/ElseSteps runs only when its
 * condition step took that side; a step runs when every step it depends on, by DependsOn or by a
 * {@code Get "Steps.X..."} reference, succeeded; a Fail step never succeeds). Both give the same
 * {@link Run}: how often each IR step ran, and which IR steps ran before which ("a -> b"). Condition steps
 * are left out of both (they are lowered differently), but ordering through them is kept.
 *
 * <p>May-run semantics: steps running in parallel with a Fail step are counted as running, in both models.
 */
final class Semantics {

  /** The observable behaviour: run counts per IR step id and the transitive "ran before" pairs. */
  record Run(Map<String, Integer> counts, Set<String> before) {}

  private Semantics() {}

  // ---------------------------------------------------------------------------------------------
  // IR

  static Run ir(Pipeline p, Map<String, Object> params) {
    IrSim sim = new IrSim(params);
    sim.list(p.steps(), Set.of());
    return sim.run();
  }

  private static final class IrSim {
    final Map<String, Object> params;
    final List<String> labels = new ArrayList<>();
    final List<Boolean> visible = new ArrayList<>();
    final List<Set<Integer>> before = new ArrayList<>();

    IrSim(Map<String, Object> params) {
      this.params = params;
    }

    /** Result of a step: whether it completed, and the tokens its completion implies. */
    record Done(boolean completed, Set<Integer> tokens) {}

    int token(String label, boolean show, Set<Integer> after) {
      labels.add(label);
      visible.add(show);
      before.add(after);
      return labels.size() - 1;
    }

    Set<Integer> closure(Set<Integer> tokens) {
      Set<Integer> out = new HashSet<>();
      for (int t : tokens) {
        out.add(t);
        out.addAll(before.get(t));
      }
      return out;
    }

    /** Simulates a list; returns whether all its steps completed and every token they produced. */
    Done list(List<Step> steps, Set<Integer> entry) {
      StepGraph g = StepGraph.of(steps);
      int[] order = g.topologicalOrder().orElseThrow();
      Map<String, Done> done = new HashMap<>();
      boolean all = true;
      Set<Integer> tokens = new HashSet<>();
      for (int i : order) {
        Step s = steps.get(i);
        boolean ready = true;
        Set<Integer> start = new HashSet<>(entry);
        for (String d : g.predecessorIds(s.id())) {
          Done dd = done.get(d);
          if (!dd.completed()) {
            ready = false;
          }
          start.addAll(closure(dd.tokens()));
        }
        if (!ready) {
          done.put(s.id(), new Done(false, Set.of()));
          all = false;
          continue;
        }
        Done r = step(s, start);
        done.put(s.id(), r);
        tokens.addAll(r.tokens());
        all &= r.completed();
      }
      return new Done(all, tokens);
    }

    Done step(Step s, Set<Integer> start) {
      if (s.spec() instanceof ConditionSpec c) {
        int t = token("#cond:" + s.id(), false, start);
        List<Step> taken = c.otherwise();
        for (ConditionSpec.Branch b : c.branches()) {
          if (holds(b.when())) {
            taken = b.steps();
            break;
          }
        }
        Done inner = list(taken, closure(Set.of(t)));
        Set<Integer> tokens = new HashSet<>(inner.tokens());
        tokens.add(t);
        return new Done(inner.completed(), tokens);
      }
      if (s.spec() instanceof ForEachSpec f) {
        boolean all = true;
        Set<Integer> tokens = new HashSet<>();
        int t = token("#foreach:" + s.id(), false, start);
        tokens.add(t);
        for (Object item : f.items()) {
          Done inner = list(SageMakerItems.substitute(f.steps(), item), closure(Set.of(t)));
          all &= inner.completed();
          tokens.addAll(inner.tokens());
        }
        return new Done(all, tokens);
      }
      int t = token(s.id(), true, start);
      return new Done(s.kind() != StepKind.FAIL, Set.of(t));
    }

    boolean holds(Condition c) {
      if (c instanceof Condition.Comparison cmp) {
        return compare(cmp.operator(), value(cmp.left()), value(cmp.right()));
      }
      if (c instanceof Condition.In in) {
        Object v = value(in.value());
        return in.values().stream().anyMatch(x -> Objects.equals(value(x), v));
      }
      if (c instanceof Condition.Not n) {
        return !holds(n.condition());
      }
      if (c instanceof Condition.All a) {
        return a.conditions().stream().allMatch(this::holds);
      }
      return ((Condition.Any) c).conditions().stream().anyMatch(this::holds);
    }

    Object value(Value v) {
      if (v instanceof Value.Literal l) {
        return l.value();
      }
      if (v instanceof Value.ParameterRef p) {
        return params.get(p.name());
      }
      throw new IllegalArgumentException("the simulator reads only literals and parameters: " + v);
    }

    Run run() {
      return project(labels, visible, before);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // SageMaker

  private static final Pattern STEP_REF = Pattern.compile("^Steps\\.([A-Za-z0-9_-]+)\\.");

  /** One SageMaker step with where it sits. */
  private record Node(Map<String, Object> step, String gate, boolean ifSide) {}

  @SuppressWarnings("unchecked")
  static Run sageMaker(SageMakerDefinition emitted, Map<String, Object> params) {
    Map<String, Object> definition = emitted.definition();
    Map<String, String> idOf = new HashMap<>();
    emitted.stepNames().forEach((id, list) -> list.forEach(n -> idOf.put(n, id)));
    Map<String, Node> nodes = new LinkedHashMap<>();
    collect((List<Object>) definition.get("Steps"), null, true, nodes);
    Map<String, Set<String>> deps = new HashMap<>();
    for (Node n : nodes.values()) {
      Set<String> d = new TreeSet<>();
      Object dependsOn = n.step().get("DependsOn");
      if (dependsOn != null) {
        d.addAll((List<String>) dependsOn);
      }
      Map<String, Object> copy = new LinkedHashMap<>(n.step());
      if ("Condition".equals(copy.get("Type"))) {
        Map<String, Object> args = new LinkedHashMap<>((Map<String, Object>) copy.get("Arguments"));
        args.remove("IfSteps");
        args.remove("ElseSteps");
        copy.put("Arguments", args);
      }
      references(copy, d);
      if (n.gate() != null) {
        d.add(n.gate());
      }
      for (String x : d) {
        if (!nodes.containsKey(x)) {
          throw new AssertionError("step " + n.step().get("Name") + " depends on unknown step " + x);
        }
      }
      deps.put((String) n.step().get("Name"), d);
    }
    Map<String, Boolean> outcome = new HashMap<>();
    Map<String, Set<String>> before = new LinkedHashMap<>();
    Set<String> started = new HashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Node n : nodes.values()) {
        String name = (String) n.step().get("Name");
        if (started.contains(name)) {
          continue;
        }
        boolean ready = true;
        for (String d : deps.get(name)) {
          if (!started.contains(d) || "Fail".equals(nodes.get(d).step().get("Type"))) {
            ready = false;
          }
        }
        if (ready && n.gate() != null && outcome.get(n.gate()) != n.ifSide()) {
          ready = false;
        }
        if (!ready) {
          continue;
        }
        started.add(name);
        changed = true;
        Set<String> b = new HashSet<>();
        for (String d : deps.get(name)) {
          b.add(d);
          b.addAll(before.get(d));
        }
        before.put(name, b);
        if ("Condition".equals(n.step().get("Type"))) {
          Map<String, Object> args = (Map<String, Object>) n.step().get("Arguments");
          boolean all = true;
          for (Object c : (List<Object>) args.get("Conditions")) {
            all &= holds((Map<String, Object>) c, params);
          }
          outcome.put(name, all);
        }
      }
    }
    List<String> labels = new ArrayList<>();
    List<Boolean> visible = new ArrayList<>();
    List<Set<Integer>> tokens = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (String name : before.keySet()) {
      index.put(name, labels.size());
      String type = (String) nodes.get(name).step().get("Type");
      labels.add(idOf.get(name));
      visible.add(!type.equals("Condition") && !type.equals("EndpointConfig"));
      tokens.add(null);
    }
    for (Map.Entry<String, Set<String>> e : before.entrySet()) {
      Set<Integer> b = new HashSet<>();
      e.getValue().forEach(x -> b.add(index.get(x)));
      tokens.set(index.get(e.getKey()), b);
    }
    return project(labels, visible, tokens);
  }

  @SuppressWarnings("unchecked")
  private static void collect(List<Object> steps, String gate, boolean ifSide, Map<String, Node> out) {
    for (Object o : steps) {
      Map<String, Object> step = (Map<String, Object>) o;
      String name = (String) step.get("Name");
      if (out.put(name, new Node(step, gate, ifSide)) != null) {
        throw new AssertionError("duplicate step name " + name);
      }
      if ("Condition".equals(step.get("Type"))) {
        Map<String, Object> args = (Map<String, Object>) step.get("Arguments");
        collect((List<Object>) args.get("IfSteps"), name, true, out);
        collect((List<Object>) args.get("ElseSteps"), name, false, out);
      }
    }
  }

  /** Step names read through {"Get": "Steps.X..."} anywhere in a tree. */
  @SuppressWarnings("unchecked")
  static void references(Object tree, Set<String> out) {
    if (tree instanceof Map<?, ?> m) {
      Object get = m.get("Get");
      if (m.size() == 1 && get instanceof String path) {
        Matcher matcher = STEP_REF.matcher(path);
        if (matcher.find()) {
          out.add(matcher.group(1));
        }
      }
      m.values().forEach(v -> references(v, out));
    } else if (tree instanceof List<?> l) {
      l.forEach(v -> references(v, out));
    }
  }

  @SuppressWarnings("unchecked")
  private static boolean holds(Map<String, Object> c, Map<String, Object> params) {
    String type = (String) c.get("Type");
    return switch (type) {
      case "Equals" -> Objects.equals(value(c.get("LeftValue"), params), value(c.get("RightValue"), params));
      case "In" -> ((List<Object>) c.get("Values")).stream()
          .anyMatch(v -> Objects.equals(value(v, params), value(c.get("QueryValue"), params)));
      case "Not" -> !holds((Map<String, Object>) c.get("Condition"), params);
      case "Or" -> ((List<Object>) c.get("Conditions")).stream()
          .anyMatch(x -> holds((Map<String, Object>) x, params));
      default -> compare(switch (type) {
        case "GreaterThan" -> Condition.Operator.GT;
        case "GreaterThanOrEqualTo" -> Condition.Operator.GTE;
        case "LessThan" -> Condition.Operator.LT;
        case "LessThanOrEqualTo" -> Condition.Operator.LTE;
        default -> throw new AssertionError("unknown condition type " + type);
      }, value(c.get("LeftValue"), params), value(c.get("RightValue"), params));
    };
  }

  @SuppressWarnings("unchecked")
  private static Object value(Object v, Map<String, Object> params) {
    if (v instanceof Map<?, ?> m) {
      String path = (String) ((Map<String, Object>) m).get("Get");
      if (path != null && path.startsWith("Parameters.")) {
        return params.get(path.substring("Parameters.".length()));
      }
      throw new IllegalArgumentException("the simulator reads only literals and parameters: " + v);
    }
    return v;
  }

  private static boolean compare(Condition.Operator op, Object a, Object b) {
    if (op == Condition.Operator.EQ) {
      if (a instanceof Number x && b instanceof Number y) {
        return x.doubleValue() == y.doubleValue();
      }
      return Objects.equals(a, b);
    }
    double x = ((Number) a).doubleValue();
    double y = ((Number) b).doubleValue();
    return switch (op) {
      case GT -> x > y;
      case GTE -> x >= y;
      case LT -> x < y;
      case LTE -> x <= y;
      case EQ -> x == y;
    };
  }

  // ---------------------------------------------------------------------------------------------

  private static Run project(List<String> labels, List<Boolean> visible, List<Set<Integer>> before) {
    Map<String, Integer> counts = new TreeMap<>();
    Set<String> pairs = new TreeSet<>();
    for (int t = 0; t < labels.size(); t++) {
      if (!visible.get(t)) {
        continue;
      }
      counts.merge(labels.get(t), 1, Integer::sum);
      // both simulators keep "before" transitively closed, through invisible tokens too
      for (int u : before.get(t)) {
        if (visible.get(u)) {
          pairs.add(labels.get(u) + " -> " + labels.get(t));
        }
      }
    }
    return new Run(counts, pairs);
  }
}
