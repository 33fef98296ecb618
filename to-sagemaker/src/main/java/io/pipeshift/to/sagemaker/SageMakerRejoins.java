package io.pipeshift.to.sagemaker;

import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.graph.StepGraph;
import io.pipeshift.ir.CatchClause;
import io.pipeshift.ir.Condition;
import io.pipeshift.ir.References;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepKind;
import io.pipeshift.ir.StepTree;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.ForEachSpec;
import io.pipeshift.ir.kinds.StepSpec;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The rejoin, lowered before placement (an IR -> IR pass). In the IR a step may follow a condition step:
 * it runs once the taken branch has finished. SageMaker cannot say that: DependsOn means "all of these
 * succeeded", and a step in a branch not taken never succeeds, so depending on the last steps of both
 * branches never runs. This pass makes every condition's continuation (the steps after it in its list)
 * disappear, choosing per condition, in order of preference:
 *
 * <ol>
 *   <li><b>After the one branch that can finish</b> (SM201). When every other branch ends in a Fail step
 *       and that branch is plain (no condition inside, its last steps not loops), the continuation stays
 *       where it is and depends on that branch's last steps. Exact: if another branch is taken the run
 *       fails anyway.
 *   <li><b>Moved into the one branch that can finish</b> (SM202): appended to that branch, after its last
 *       steps. Exact.
 *   <li><b>Copied into every branch that can finish</b> (SM202): each branch gets its own renamed copy of
 *       the continuation after its last steps (AWS documents duplicating a step under another name as the
 *       way to run it in both branches). Exact; only one copy runs.
 *   <li><b>After the condition's evaluation</b> (SM203, warning), when copying would exceed
 *       {@link #COPY_BUDGET} steps: the continuation starts without waiting for the branch.
 * </ol>
 *
 * <p>When a step follows two independent conditions (it is in both continuations), the second condition
 * is first made to wait for the first (SM204), so the continuations nest; the steps that run are the
 * same, the second condition just starts later.
 *
 * <p>Copies get fresh ids ({@code <id>-<branch>}); {@link Result#origin()} maps them back to the IR ids.
 * The result may name steps of other lists in {@code after} (a continuation after a branch's last steps):
 * it is only meant for {@link SageMakerPlacement}.
 */
final class SageMakerRejoins {

  /** Upper bound on steps created by copying continuations before falling back to SM203. */
  static final int COPY_BUDGET = 300;

  /**
   * @param steps the lowered top-level list
   * @param origin fresh id of a copy -> the IR id it copies
   * @param approximate conditions whose continuation starts at evaluation (SM203)
   * @param relocated steps moved or copied into a branch (their references do not hold back the condition)
   */
  record Result(List<Step> steps, Map<String, String> origin, Set<String> approximate, Set<String> relocated) {}

  private final Consumer<FidelityNote> notes;
  private final Map<String, String> origin = new HashMap<>();
  private final Set<String> approximate = new LinkedHashSet<>();
  private final Set<String> usedIds = new HashSet<>();
  private final Set<String> relocated = new HashSet<>();
  private int copied;

  SageMakerRejoins(Consumer<FidelityNote> notes) {
    this.notes = notes;
  }

  Result lower(List<Step> steps) {
    StepTree.flatten(steps).forEach(s -> usedIds.add(s.id()));
    List<Step> out = list(steps);
    return new Result(out, Map.copyOf(origin), Set.copyOf(approximate), Set.copyOf(relocated));
  }

  private String originOf(String id) {
    return origin.getOrDefault(id, id);
  }

  private List<Step> list(List<Step> input) {
    List<Step> steps = new ArrayList<>(input);
    while (true) {
      StepGraph g = StepGraph.of(steps);
      BitSet errorPath = errorPath(steps, g);
      int[] order = g.topologicalOrder().orElseThrow(() -> new IllegalStateException("cycle"));
      Step c = null;
      Set<String> k = Set.of();
      for (int i : order) {
        Step s = steps.get(i);
        if (s.spec() instanceof ConditionSpec && !errorPath.get(i) && !approximate.contains(s.id())) {
          Set<String> cont = continuation(g, i, errorPath);
          if (!cont.isEmpty()) {
            c = s;
            k = cont;
            break;
          }
        }
      }
      if (c == null) {
        break;
      }
      if (serialise(steps, g, errorPath, c, k)) {
        continue;
      }
      steps = rejoin(steps, c, k);
    }
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      if (s.spec() instanceof ConditionSpec cs) {
        List<ConditionSpec.Branch> branches = new ArrayList<>();
        cs.branches().forEach(b -> branches.add(new ConditionSpec.Branch(b.when(), list(b.steps()))));
        out.add(s.withSpec(new ConditionSpec(branches, list(cs.otherwise()))));
      } else if (s.spec() instanceof ForEachSpec f) {
        out.add(s.withSpec(new ForEachSpec(f.items(), f.itemsFrom(), f.maxConcurrency(), list(f.steps()))));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  private static Set<String> continuation(StepGraph g, int c, BitSet errorPath) {
    Set<String> out = new LinkedHashSet<>();
    BitSet after = g.descendants(c);
    for (int i = after.nextSetBit(0); i >= 0; i = after.nextSetBit(i + 1)) {
      if (!errorPath.get(i)) {
        out.add(g.id(i));
      }
    }
    return out;
  }

  /**
   * If another condition's continuation shares steps with this one's, make that condition wait for this
   * one (then its continuation is part of this one's). Returns whether the list changed.
   */
  private boolean serialise(List<Step> steps, StepGraph g, BitSet errorPath, Step c, Set<String> k) {
    for (int i = 0; i < steps.size(); i++) {
      Step other = steps.get(i);
      if (other == c || errorPath.get(i) || !(other.spec() instanceof ConditionSpec) || k.contains(other.id())
          || approximate.contains(other.id())) {
        continue;
      }
      Set<String> otherK = continuation(g, i, errorPath);
      if (otherK.stream().anyMatch(k::contains)) {
        List<String> after = new ArrayList<>(other.after());
        after.add(c.id());
        steps.set(i, other.withAfter(after));
        notes.accept(SageMakerNote.REJOIN_SERIALISED.at(originOf(other.id()),
            "condition '" + originOf(other.id()) + "' now starts after condition '" + originOf(c.id())
                + "' has finished: steps follow both, and SageMaker can rejoin only one condition at a time"));
        return true;
      }
    }
    return false;
  }

  /** One arm after lowering n-ary branches: its steps, a tag for names, whether it can finish. */
  private record Arm(List<Step> steps, String tag, boolean live) {}

  private List<Step> rejoin(List<Step> steps, Step c, Set<String> k) {
    ConditionSpec spec = (ConditionSpec) c.spec();
    List<Arm> arms = arms(spec);
    List<Integer> receiving = new ArrayList<>();
    for (int a = 0; a < arms.size(); a++) {
      if (arms.get(a).live()) {
        receiving.add(a);
      }
    }
    boolean allFail = receiving.isEmpty();
    if (allFail) {
      receiving.add(0); // the continuation never runs; after a Fail step it says so exactly
    }
    List<Step> continuation = steps.stream().filter(s -> k.contains(s.id())).toList();
    String id = originOf(c.id());
    if (receiving.size() == 1 && plain(arms.get(receiving.get(0)).steps())) {
      Arm arm = arms.get(receiving.get(0));
      List<String> sinks = sinks(arm.steps());
      List<Step> out = new ArrayList<>();
      for (Step s : steps) {
        out.add(s.after().contains(c.id()) ? s.withAfter(replace(s.after(), c.id(), sinks)) : s);
      }
      notes.accept(SageMakerNote.REJOIN_AFTER_LIVE_BRANCH.at(id,
          "steps after condition '" + id + "' " + ids(continuation) + " depend on the last steps " + ids(sinks)
              + " of its " + arm.tag() + " branch" + (allFail ? ": every branch ends in a Fail step, so they never run"
                  : "; every other branch ends in a Fail step")));
      return out;
    }
    long weight = weight(continuation);
    if (receiving.size() > 1 && copied + weight * receiving.size() > COPY_BUDGET) {
      approximate.add(c.id());
      notes.accept(SageMakerNote.REJOIN_APPROXIMATED.at(id,
          "steps after condition '" + id + "' " + ids(continuation) + " start when the condition is evaluated, not"
              + " when its branch ends: copying them into each branch would exceed " + COPY_BUDGET + " steps"));
      return steps;
    }
    List<List<Step>> newArms = new ArrayList<>();
    for (int a = 0; a < arms.size(); a++) {
      Arm arm = arms.get(a);
      if (!receiving.contains(a)) {
        newArms.add(arm.steps());
        continue;
      }
      List<Step> copy = receiving.size() == 1 ? continuation : copy(continuation, arm.tag());
      StepTree.flatten(copy).forEach(x -> relocated.add(x.id()));
      String cId = c.id();
      List<String> sinks = sinks(arm.steps());
      List<Step> appended = new ArrayList<>(arm.steps());
      for (Step s : copy) {
        appended.add(s.after().contains(cId) ? s.withAfter(replace(s.after(), cId, sinks)) : s);
      }
      newArms.add(appended);
    }
    if (receiving.size() > 1) {
      copied += weight * receiving.size();
    }
    notes.accept(SageMakerNote.REJOIN_COPIED.at(id,
        "steps after condition '" + id + "' " + ids(continuation) + (receiving.size() == 1
            ? " moved to the end of its " + arms.get(receiving.get(0)).tag() + " branch"
                + (allFail ? " (every branch ends in a Fail step, so they never run)" : ", the only one that can finish")
            : " copied to the end of each of its " + receiving.size() + " branches that can finish")));
    List<ConditionSpec.Branch> branches = new ArrayList<>();
    for (int b = 0; b < spec.branches().size(); b++) {
      branches.add(new ConditionSpec.Branch(spec.branches().get(b).when(), newArms.get(b)));
    }
    Step lowered = c.withSpec(new ConditionSpec(branches, newArms.get(newArms.size() - 1)));
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      if (s == c) {
        out.add(lowered);
      } else if (!k.contains(s.id())) {
        out.add(s);
      }
    }
    return out;
  }

  /** How many SageMaker steps a list becomes (unrolled loops counted per item). */
  static long weight(List<Step> steps) {
    long w = 0;
    for (Step s : steps) {
      if (s.spec() instanceof ConditionSpec cs) {
        w += 1 + weight(cs.otherwise());
        for (ConditionSpec.Branch b : cs.branches()) {
          w += 1 + weight(b.steps());
        }
      } else if (s.spec() instanceof ForEachSpec f) {
        w += Math.max(1, f.items().size()) * weight(f.steps());
      } else {
        w += 1;
      }
    }
    return w;
  }

  private static List<Arm> arms(ConditionSpec spec) {
    List<Arm> arms = new ArrayList<>();
    boolean binary = spec.branches().size() == 1;
    for (int b = 0; b < spec.branches().size(); b++) {
      List<Step> steps = spec.branches().get(b).steps();
      arms.add(new Arm(steps, binary ? "if" : "branch-" + (b + 1), !terminates(steps)));
    }
    arms.add(new Arm(spec.otherwise(), "else", !terminates(spec.otherwise())));
    return arms;
  }

  /** A branch that cannot finish: non-empty and every last step is a Fail step (or such a condition). */
  static boolean terminates(List<Step> steps) {
    if (steps.isEmpty()) {
      return false;
    }
    StepGraph g = StepGraph.of(steps);
    BitSet errorPath = errorPath(steps, g);
    boolean any = false;
    for (int sink : g.sinks()) {
      if (errorPath.get(sink)) {
        continue;
      }
      any = true;
      Step s = steps.get(sink);
      if (s.kind() == StepKind.FAIL) {
        continue;
      }
      if (s.spec() instanceof ConditionSpec cs
          && cs.branches().stream().allMatch(b -> terminates(b.steps())) && terminates(cs.otherwise())) {
        continue;
      }
      return false;
    }
    return any;
  }

  /** A branch whose last steps are plain steps and that holds no condition: its end is an all-of. */
  private static boolean plain(List<Step> steps) {
    if (steps.isEmpty() || StepTree.flatten(steps).stream().anyMatch(s -> s.spec() instanceof ConditionSpec)) {
      return false;
    }
    StepGraph g = StepGraph.of(steps);
    BitSet errorPath = errorPath(steps, g);
    for (int sink : g.sinks()) {
      if (!errorPath.get(sink) && steps.get(sink).spec() instanceof ForEachSpec) {
        return false;
      }
    }
    return true;
  }

  private static List<String> sinks(List<Step> steps) {
    StepGraph g = StepGraph.of(steps);
    BitSet errorPath = errorPath(steps, g);
    List<String> out = new ArrayList<>();
    for (int sink : g.sinks()) {
      if (!errorPath.get(sink)) {
        out.add(g.id(sink));
      }
    }
    return out;
  }

  /** Steps reached only through a catch handler in this list: the handlers and everything after them. */
  static BitSet errorPath(List<Step> list, StepGraph graph) {
    BitSet out = new BitSet();
    for (Step s : list) {
      for (CatchClause c : s.catches()) {
        if (graph.contains(c.handler())) {
          int h = graph.indexOf(c.handler());
          out.set(h);
          out.or(graph.descendants(h));
        }
      }
    }
    return out;
  }

  private static List<String> replace(List<String> after, String target, List<String> with) {
    List<String> out = new ArrayList<>();
    for (String a : after) {
      if (a.equals(target)) {
        with.stream().filter(w -> !out.contains(w)).forEach(out::add);
      } else if (!out.contains(a)) {
        out.add(a);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // copies with fresh ids

  private List<Step> copy(List<Step> steps, String tag) {
    Map<String, String> renamed = new HashMap<>();
    for (Step s : StepTree.flatten(steps)) {
      String base = s.id() + "-" + tag;
      String fresh = base;
      for (int n = 2; usedIds.contains(fresh); n++) {
        fresh = base + "-" + n;
      }
      usedIds.add(fresh);
      renamed.put(s.id(), fresh);
      origin.put(fresh, originOf(s.id()));
    }
    return steps.stream().map(s -> rename(s, renamed)).toList();
  }

  private static Step rename(Step s, Map<String, String> renamed) {
    StepSpec spec;
    if (s.spec() instanceof ConditionSpec cs) {
      List<ConditionSpec.Branch> branches = new ArrayList<>();
      cs.branches().forEach(b -> branches.add(new ConditionSpec.Branch(
          References.mapLeaves(b.when(), v -> renameRef(v, renamed)),
          b.steps().stream().map(x -> rename(x, renamed)).toList())));
      spec = new ConditionSpec(branches, cs.otherwise().stream().map(x -> rename(x, renamed)).toList());
    } else if (s.spec() instanceof ForEachSpec f) {
      spec = new ForEachSpec(f.items(), f.itemsFrom().map(v -> References.mapLeaves(v, x -> renameRef(x, renamed))),
          f.maxConcurrency(), f.steps().stream().map(x -> rename(x, renamed)).toList());
    } else {
      spec = References.mapLeaves(s.spec(), v -> renameRef(v, renamed));
    }
    List<CatchClause> catches = s.catches().stream()
        .map(c -> new CatchClause(c.errors(), renamed.getOrDefault(c.handler(), c.handler()))).toList();
    return new Step(renamed.getOrDefault(s.id(), s.id()), spec, s.displayName(), s.description(),
        s.after().stream().map(a -> renamed.getOrDefault(a, a)).toList(), s.retry(), catches, s.timeout(),
        s.caching(), s.extensions());
  }

  private static Value renameRef(Value v, Map<String, String> renamed) {
    if (v instanceof Value.StepOutputRef o && renamed.containsKey(o.step())) {
      return new Value.StepOutputRef(renamed.get(o.step()), o.name());
    }
    if (v instanceof Value.PropertyRef p && renamed.containsKey(p.step())) {
      return new Value.PropertyRef(renamed.get(p.step()), p.file(), p.path());
    }
    return v;
  }

  private List<String> ids(List<?> steps) {
    List<String> out = new ArrayList<>();
    for (Object o : steps) {
      out.add(originOf(o instanceof Step s ? s.id() : (String) o));
    }
    return out;
  }
}
