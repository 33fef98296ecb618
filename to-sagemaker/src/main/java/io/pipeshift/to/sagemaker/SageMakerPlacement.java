package io.pipeshift.to.sagemaker;

import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.graph.StepGraph;
import io.pipeshift.ir.CatchClause;
import io.pipeshift.ir.Condition;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.RetryPolicy;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepKind;
import io.pipeshift.ir.StepTree;
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.ForEachSpec;
import io.pipeshift.time.Durations;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Places IR steps into SageMaker's step lists: the top-level {@code Steps} and the {@code IfSteps} /
 * {@code ElseSteps} of condition steps. This is where the control structure is lowered.
 *
 * <ul>
 *   <li><b>Conditions.</b> A two-way condition at the top level is one Condition step. SageMaker does not
 *       nest condition steps, so an n-ary condition (else-if) and any condition inside a branch become
 *       sibling top-level condition steps, one per branch, each guarded by everything that must hold for
 *       its branch to be taken (the enclosing branches' tests, the earlier arms negated, its own test).
 *       Exactly one sibling's IfSteps run, as in the IR.
 *   <li><b>The rejoin.</b> DependsOn means "all of these succeeded", and a step in a branch not taken never
 *       succeeds, so "after the condition" cannot be written as DependsOn on both branches. The steps after
 *       a condition (its continuation) are placed, in this order of preference: (1) when every other branch
 *       ends in a Fail step, after the last steps of the one branch that can finish (exact); (2) copied into
 *       each branch that can finish, after that branch's last steps, renamed per branch (exact; AWS
 *       documents duplicating a step under another name as the way to run it in both branches); (3) when
 *       neither works (the continuation holds a condition, which SageMaker cannot nest), after the
 *       condition step itself, with a warning that it starts when the condition is evaluated.
 *   <li><b>For-each.</b> Literal items are unrolled: one renamed copy of the body per item, the item's
 *       fields substituted; steps after the for-each wait for every copy. Items known only at run time
 *       cannot be expressed (error note, callback placeholder).
 *   <li><b>Catch handlers.</b> SageMaker has no error path, so a step reached only through a catch (and
 *       everything after it) is left out with an error note; it would otherwise run on success.
 * </ul>
 */
final class SageMakerPlacement {

  /** Upper bound on steps created by copying continuations into branches before falling back. */
  static final int COPY_BUDGET = 200;
  /** Upper bound on steps created by unrolling one for-each. */
  static final int UNROLL_BUDGET = 500;

  private final Pipeline pipeline;
  private final SageMakerNames names;
  private final SageMakerMapping mapping;
  private final Consumer<FidelityNote> notes;
  private final Map<String, Step> byId = new HashMap<>();
  private final Map<String, String> primary = new HashMap<>();
  private final Map<String, String> deployConfigPrimary = new HashMap<>();
  private final Map<String, Plan> plans = new HashMap<>();
  private final Set<String> insideCondition = new java.util.HashSet<>();
  private int copied;

  /** How the continuation of one condition step is placed. */
  private enum Mode {
    /** Nothing runs after the condition in its list. */
    NONE,
    /** The continuation depends on the completion of the only branch that can finish. */
    AFTER_LIVE_BRANCH,
    /** The continuation is copied into every branch that can finish. */
    COPY,
    /** The continuation depends on the condition step (starts at evaluation time). */
    APPROXIMATE
  }

  /** One arm after lowering: the tests that must all hold, its steps, a name tag, whether it can finish. */
  private record Arm(List<Condition> tests, List<Step> steps, String tag, boolean live) {}

  private record Plan(Mode mode, List<Arm> arms, Set<String> continuation, boolean binary) {}

  /** SageMaker names in force where steps are placed: copies see their own names for the copied ids. */
  private record Scope(Map<String, String> overrides, Scope parent) {
    static final Scope ROOT = new Scope(Map.of(), null);

    String lookup(String id) {
      for (Scope s = this; s != null; s = s.parent) {
        String n = s.overrides.get(id);
        if (n != null) {
          return n;
        }
      }
      return null;
    }
  }

  SageMakerPlacement(Pipeline pipeline, SageMakerNames names, SageMakerMapping mapping, Consumer<FidelityNote> notes) {
    this.pipeline = pipeline;
    this.names = names;
    this.mapping = mapping;
    this.notes = notes;
    for (Step s : pipeline.allSteps()) {
      byId.put(s.id(), s);
      if (s.spec() instanceof ConditionSpec) {
        for (List<Step> l : StepTree.childLists(s)) {
          StepTree.flatten(l).forEach(x -> insideCondition.add(x.id()));
        }
      }
    }
  }

  /** The top-level {@code Steps} list. */
  List<Object> place() {
    // Primary names first, in document order, so names do not depend on the lowering.
    for (Step s : pipeline.allSteps()) {
      if (s.kind() == StepKind.MODEL_DEPLOY) {
        deployConfigPrimary.put(s.id(), names.allocate(s.id(), s.id(), "-EndpointConfig"));
      }
      String name = names.allocate(s.id(), s.id(), SageMakerMapping.nameSuffix(s.kind()));
      primary.put(s.id(), name);
      if (!name.equals(s.id() + SageMakerMapping.nameSuffix(s.kind()))) {
        notes.accept(SageMakerNote.NAME_CHANGED.at(s.id(),
            "step '" + s.id() + "' is named '" + name + "' in SageMaker (at most " + SageMakerNames.MAX_LENGTH
                + " characters of A-Z a-z 0-9 - _, unique)"));
      }
    }
    List<Object> top = new ArrayList<>();
    placeList(pipeline.steps(), Scope.ROOT, List.of(), Map.of(), List.of(), top, top);
    return top;
  }

  // ---------------------------------------------------------------------------------------------
  // lists

  /**
   * Places one IR step list.
   *
   * @param guard tests that hold whenever this list runs (empty at the top level)
   * @param rewired what a dependency on a given step id means here (a condition's completion, or nothing)
   * @param entryDeps extra DependsOn for steps with no predecessor in this list (unrolled bodies)
   * @param out the SageMaker list the steps go to
   * @param top the top-level list (condition steps always go there)
   */
  private void placeList(
      List<Step> list, Scope scope, List<Condition> guard, Map<String, List<String>> rewired, List<String> entryDeps,
      List<Object> out, List<Object> top) {
    StepGraph graph = StepGraph.of(list);
    BitSet errorPath = errorPath(list, graph);
    Map<String, List<String>> rewire = new HashMap<>(rewired);
    Set<String> moved = new LinkedHashSet<>();
    for (Step s : list) {
      if (s.spec() instanceof ConditionSpec && !errorPath.get(graph.indexOf(s.id()))) {
        Plan plan = plan(s, list, graph, errorPath);
        switch (plan.mode()) {
          case AFTER_LIVE_BRANCH -> {
            Arm live = plan.arms().stream().filter(Arm::live).findFirst().orElse(plan.arms().get(0));
            rewire.put(s.id(), completion(live.steps(), scope).orElseThrow());
            notes.accept(SageMakerNote.REJOIN_AFTER_LIVE_BRANCH.at(s.id(),
                "steps after condition '" + s.id() + "' depend on the last steps of its branch '" + live.tag()
                    + "'; every other branch ends in a Fail step"));
          }
          case COPY -> {
            moved.addAll(plan.continuation());
            notes.accept(SageMakerNote.REJOIN_COPIED.at(s.id(),
                "steps after condition '" + s.id() + "' " + plan.continuation() + " are copied into each of its "
                    + plan.arms().stream().filter(Arm::live).count() + " branches that can finish"));
          }
          case APPROXIMATE -> {
            rewire.put(s.id(), conditionNames(s, plan, scope));
            notes.accept(SageMakerNote.REJOIN_APPROXIMATED.at(s.id(),
                "steps after condition '" + s.id() + "' " + plan.continuation() + " start when the condition is"
                    + " evaluated, not when its branch ends: SageMaker cannot wait for whichever branch ran"));
          }
          case NONE -> { }
        }
      }
    }
    for (int i = 0; i < list.size(); i++) {
      Step s = list.get(i);
      if (errorPath.get(i)) {
        notes.accept(SageMakerNote.ERROR_PATH_DROPPED.at(s.id(),
            "step '" + s.id() + "' runs only after a catch; SageMaker has no error path, so it is left out"));
        continue;
      }
      if (moved.contains(s.id())) {
        continue;
      }
      List<String> deps = dependsOn(s, graph, scope, rewire, entryDeps);
      place(s, list, scope, guard, deps, out, top);
    }
  }

  private void place(
      Step s, List<Step> list, Scope scope, List<Condition> guard, List<String> deps, List<Object> out,
      List<Object> top) {
    for (CatchClause c : s.catches()) {
      notes.accept(SageMakerNote.CATCH_DROPPED.at(s.id(),
          "catch of " + c.errors() + " -> '" + c.handler() + "' dropped: SageMaker has no error path"));
    }
    if (s.spec() instanceof ConditionSpec) {
      placeCondition(s, list, scope, guard, deps, top);
    } else if (s.spec() instanceof ForEachSpec f) {
      placeForEach(s, f, scope, guard, deps, out, top);
    } else {
      out.addAll(nodes(s, scope, deps));
    }
  }

  /** Steps reached only through a catch handler in this list: the handlers and everything after them. */
  private static BitSet errorPath(List<Step> list, StepGraph graph) {
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

  private List<String> dependsOn(
      Step s, StepGraph graph, Scope scope, Map<String, List<String>> rewire, List<String> entryDeps) {
    Set<String> deps = new LinkedHashSet<>();
    if (graph.predecessorIds(s.id()).isEmpty()) {
      deps.addAll(entryDeps);
    }
    for (String a : s.after()) {
      if (rewire.containsKey(a)) {
        deps.addAll(rewire.get(a));
      } else {
        Step target = byId.get(a);
        if (target.spec() instanceof ForEachSpec || target.spec() instanceof ConditionSpec) {
          deps.addAll(completion(List.of(target), scope).orElseGet(() -> List.of(nameOf(a, scope))));
        } else {
          deps.add(nameOf(a, scope));
        }
      }
    }
    return List.copyOf(deps);
  }

  // ---------------------------------------------------------------------------------------------
  // conditions

  private Plan plan(Step c, List<Step> list, StepGraph graph, BitSet errorPath) {
    Plan cached = plans.get(c.id());
    if (cached != null) {
      return cached;
    }
    ConditionSpec spec = (ConditionSpec) c.spec();
    List<Arm> arms = new ArrayList<>();
    List<Condition> earlier = new ArrayList<>();
    boolean binary = spec.branches().size() == 1;
    for (int k = 0; k < spec.branches().size(); k++) {
      ConditionSpec.Branch b = spec.branches().get(k);
      List<Condition> tests = new ArrayList<>();
      earlier.forEach(e -> tests.add(new Condition.Not(e)));
      tests.add(b.when());
      earlier.add(b.when());
      arms.add(new Arm(tests, b.steps(), binary ? "if" : "branch-" + (k + 1), !terminates(b.steps())));
    }
    List<Condition> none = new ArrayList<>();
    earlier.forEach(e -> none.add(new Condition.Not(e)));
    arms.add(new Arm(none, spec.otherwise(), "else", !terminates(spec.otherwise())));

    Set<String> continuation = new LinkedHashSet<>();
    BitSet after = graph.descendants(graph.indexOf(c.id()));
    for (int i = after.nextSetBit(0); i >= 0; i = after.nextSetBit(i + 1)) {
      if (!errorPath.get(i)) {
        continuation.add(graph.id(i));
      }
    }
    Mode mode;
    List<Arm> live = arms.stream().filter(Arm::live).toList();
    if (continuation.isEmpty()) {
      mode = Mode.NONE;
    } else if (live.isEmpty()) {
      // Every branch fails: the continuation never runs; depending on a branch's Fail steps says exactly that.
      mode = completion(arms.get(0).steps(), Scope.ROOT).isPresent() ? Mode.AFTER_LIVE_BRANCH : Mode.APPROXIMATE;
    } else if (live.size() == 1 && !live.get(0).steps().isEmpty()
        && completion(live.get(0).steps(), Scope.ROOT).isPresent()) {
      mode = Mode.AFTER_LIVE_BRANCH;
    } else if (copyable(c, list, continuation, live)) {
      mode = Mode.COPY;
      copied += continuation.size() * live.size();
    } else {
      mode = Mode.APPROXIMATE;
    }
    Plan plan = new Plan(mode, arms, continuation, binary);
    plans.put(c.id(), plan);
    return plan;
  }

  /** A branch that cannot finish: non-empty and every last step is a Fail step (or such a condition). */
  private boolean terminates(List<Step> steps) {
    if (steps.isEmpty()) {
      return false;
    }
    StepGraph g = StepGraph.of(steps);
    for (int sink : g.sinks()) {
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
    return true;
  }

  private boolean copyable(Step c, List<Step> list, Set<String> continuation, List<Arm> live) {
    if (copied + continuation.size() * live.size() > COPY_BUDGET) {
      return false;
    }
    for (Step s : list) {
      if (!continuation.contains(s.id())) {
        continue;
      }
      // SageMaker cannot nest condition steps, and a copy inside a branch cannot wait for another condition.
      if (StepTree.flatten(List.of(s)).stream().anyMatch(x -> x.spec() instanceof ConditionSpec)) {
        return false;
      }
      for (String a : s.after()) {
        Step target = byId.get(a);
        if (!a.equals(c.id()) && target.spec() instanceof ConditionSpec) {
          return false;
        }
      }
    }
    for (Arm arm : live) {
      if (!arm.steps().isEmpty() && completion(arm.steps(), Scope.ROOT).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private void placeCondition(
      Step c, List<Step> list, Scope scope, List<Condition> guard, List<String> deps, List<Object> top) {
    Plan plan = plans.get(c.id());
    if (plan == null) {
      throw new IllegalStateException("condition '" + c.id() + "' was not planned");
    }
    List<Step> continuation = list.stream().filter(s -> plan.continuation().contains(s.id())).toList();
    List<List<Object>> contents = new ArrayList<>();
    for (Arm arm : plan.arms()) {
      List<Object> branch = new ArrayList<>();
      List<Condition> inner = new ArrayList<>(guard);
      inner.addAll(arm.tests());
      placeList(arm.steps(), scope, inner, Map.of(), List.of(), branch, top);
      if (plan.mode() == Mode.COPY && arm.live()) {
        long liveArms = plan.arms().stream().filter(Arm::live).count();
        Scope copyScope = scope;
        if (liveArms > 1) {
          copyScope = copyScope(continuation, arm.tag(), scope);
        }
        List<String> finish = arm.steps().isEmpty() ? List.of() : completion(arm.steps(), scope).orElseThrow();
        placeList(continuation, copyScope, inner, Map.of(c.id(), finish), List.of(), branch, top);
      }
      contents.add(branch);
    }
    String name = nameOf(c.id(), scope);
    List<String> siblingNames = conditionNames(c, plan, scope);
    if (siblingNames.size() == 1 && siblingNames.get(0).equals(name) && guard.isEmpty() && plan.binary()) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("Name", name);
      step.put("Type", "Condition");
      Map<String, Object> args = new LinkedHashMap<>();
      args.put("Conditions", conditions(c, plan.arms().get(0).tests(), scope));
      args.put("IfSteps", contents.get(0));
      args.put("ElseSteps", contents.get(1));
      step.put("Arguments", args);
      common(step, c, deps);
      top.add(step);
      return;
    }
    notes.accept(SageMakerNote.CONDITION_LOWERED.at(c.id(),
        "condition '" + c.id() + "' (" + (plan.arms().size() - 1) + " branch(es) and otherwise"
            + (guard.isEmpty() ? "" : ", inside another condition's branch")
            + ") became sibling condition steps " + siblingNames
            + ", each testing everything its branch needs"));
    int n = 0;
    for (int k = 0; k < plan.arms().size(); k++) {
      Arm arm = plan.arms().get(k);
      if (contents.get(k).isEmpty()) {
        continue;
      }
      List<Condition> tests = new ArrayList<>(guard);
      tests.addAll(arm.tests());
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("Name", n < siblingNames.size() ? siblingNames.get(n) : names.allocate(c.id(), name + "-" + arm.tag(), ""));
      n++;
      step.put("Type", "Condition");
      Map<String, Object> args = new LinkedHashMap<>();
      args.put("Conditions", conditions(c, tests, scope));
      args.put("IfSteps", contents.get(k));
      args.put("ElseSteps", List.of());
      step.put("Arguments", args);
      common(step, c, deps);
      top.add(step);
    }
    if (n == 0) {
      // Every arm is empty: keep one condition step so the graph still has the node others may follow.
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("Name", name);
      step.put("Type", "Condition");
      Map<String, Object> args = new LinkedHashMap<>();
      List<Condition> tests = new ArrayList<>(guard);
      tests.addAll(plan.arms().get(0).tests());
      args.put("Conditions", conditions(c, tests, scope));
      args.put("IfSteps", List.of());
      args.put("ElseSteps", List.of());
      step.put("Arguments", args);
      common(step, c, deps);
      top.add(step);
    }
  }

  /** The names of the condition steps one IR condition becomes (memoised per condition and scope). */
  private final Map<String, List<String>> siblingNames = new HashMap<>();

  private List<String> conditionNames(Step c, Plan plan, Scope scope) {
    String name = nameOf(c.id(), scope);
    return siblingNames.computeIfAbsent(name, k -> {
      List<String> out = new ArrayList<>();
      if (plan.binary() && !insideCondition.contains(c.id())) {
        out.add(name);
        return out;
      }
      boolean first = true;
      for (Arm arm : plan.arms()) {
        if (arm.steps().isEmpty() && !(plan.mode() == Mode.COPY && arm.live())) {
          continue;
        }
        out.add(first ? name : names.allocate(c.id(), name + "-" + arm.tag(), ""));
        first = false;
      }
      if (out.isEmpty()) {
        out.add(name);
      }
      return out;
    });
  }

  private List<Object> conditions(Step c, List<Condition> tests, Scope scope) {
    SageMakerValues values = values(c, scope);
    return SageMakerConditions.render(tests, values);
  }

  // ---------------------------------------------------------------------------------------------
  // completion: the all-of DependsOn that means "this step (list) has finished", when one exists

  private Optional<List<String>> completion(List<Step> steps, Scope scope) {
    StepGraph g = StepGraph.of(steps);
    BitSet errorPath = errorPath(steps, g);
    Set<String> out = new LinkedHashSet<>();
    for (int sink : g.sinks()) {
      if (errorPath.get(sink)) {
        continue;
      }
      Step s = steps.get(sink);
      if (s.spec() instanceof ConditionSpec cs) {
        List<List<Step>> arms = new ArrayList<>();
        cs.branches().forEach(b -> arms.add(b.steps()));
        arms.add(cs.otherwise());
        List<List<Step>> live = arms.stream().filter(a -> !terminates(a)).toList();
        if (live.isEmpty()) {
          Optional<List<String>> fail = completion(arms.get(0), scope);
          if (fail.isEmpty()) {
            return Optional.empty();
          }
          out.addAll(fail.get());
        } else if (live.size() == 1 && !live.get(0).isEmpty()) {
          Optional<List<String>> inner = completion(live.get(0), scope);
          if (inner.isEmpty()) {
            return Optional.empty();
          }
          out.addAll(inner.get());
        } else {
          return Optional.empty();
        }
      } else if (s.spec() instanceof ForEachSpec f && unrollable(f)) {
        for (int i = 0; i < f.items().size(); i++) {
          Optional<List<String>> inner = completion(f.steps(), itemScope(s, f, i, scope));
          if (inner.isEmpty()) {
            return Optional.empty();
          }
          out.addAll(inner.get());
        }
      } else {
        out.add(nameOf(s.id(), scope));
      }
    }
    return Optional.of(List.copyOf(out));
  }

  // ---------------------------------------------------------------------------------------------
  // for-each

  private boolean unrollable(ForEachSpec f) {
    return f.itemsFrom().isEmpty() && !f.items().isEmpty()
        && (long) f.items().size() * StepTree.flatten(f.steps()).size() <= UNROLL_BUDGET;
  }

  private final Map<String, Scope> itemScopes = new HashMap<>();

  private Scope itemScope(Step forEach, ForEachSpec f, int item, Scope scope) {
    String key = forEach.id() + "#" + item + "#" + System.identityHashCode(scope);
    Scope cached = itemScopes.get(key);
    if (cached != null) {
      return cached;
    }
    Scope s = copyScope(f.steps(), String.valueOf(item + 1), scope);
    itemScopes.put(key, s);
    return s;
  }

  private void placeForEach(
      Step s, ForEachSpec f, Scope scope, List<Condition> guard, List<String> deps, List<Object> out,
      List<Object> top) {
    if (!unrollable(f)) {
      notes.accept(SageMakerNote.FOR_EACH_DYNAMIC.at(s.id(), f.itemsFrom().isPresent()
          ? "for-each over items known only at run time: SageMaker Pipelines cannot fan out dynamically; a"
              + " callback step stands in for the whole loop"
          : "for-each would unroll into more than " + UNROLL_BUDGET + " steps; a callback step stands in for it"));
      SageMakerMapping.Mapped m = mapping.placeholder(s, values(s, scope), notes);
      out.add(node(s, nameOf(s.id(), scope), m, deps));
      return;
    }
    notes.accept(SageMakerNote.FOR_EACH_UNROLLED.at(s.id(),
        "for-each '" + s.id() + "' unrolled into " + f.items().size() + " copies of its body"));
    if (f.maxConcurrency() > 0 && f.maxConcurrency() < f.items().size()) {
      notes.accept(SageMakerNote.FOR_EACH_CONCURRENCY_DROPPED.at(s.id(),
          "maxConcurrency " + f.maxConcurrency() + " dropped: all " + f.items().size()
              + " copies may run at once (SageMaker limits parallel steps only per execution)"));
    }
    for (int i = 0; i < f.items().size(); i++) {
      List<Step> body = SageMakerItems.substitute(f.steps(), f.items().get(i));
      placeList(body, itemScope(s, f, i, scope), guard, Map.of(), deps, out, top);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // single steps

  private String nameOf(String id, Scope scope) {
    String n = scope.lookup(id);
    return n != null ? n : primary.get(id);
  }

  /** New names for a copy of {@code steps} (nested ones included): each current name plus {@code -tag}. */
  private Scope copyScope(List<Step> steps, String tag, Scope scope) {
    Map<String, String> renamed = new LinkedHashMap<>();
    for (Step x : StepTree.flatten(steps)) {
      String base = nameOf(x.id(), scope);
      String suffix = SageMakerMapping.nameSuffix(x.kind());
      if (!suffix.isEmpty() && base.endsWith(suffix)) {
        base = base.substring(0, base.length() - suffix.length());
      }
      renamed.put(x.id(), names.allocate(x.id(), base + "-" + tag, suffix));
      if (x.kind() == StepKind.MODEL_DEPLOY) {
        renamed.put(x.id() + "#config", names.allocate(x.id(), base + "-" + tag, "-EndpointConfig"));
      }
    }
    return new Scope(renamed, scope);
  }

  private SageMakerValues values(Step owner, Scope scope) {
    return new SageMakerValues(new SageMakerValues.Resolver() {
      @Override
      public String nameOf(String stepId) {
        return SageMakerPlacement.this.nameOf(stepId, scope);
      }

      @Override
      public Optional<Step> stepOf(String stepId) {
        return Optional.ofNullable(byId.get(stepId));
      }
    }, owner.id(), notes);
  }

  private List<Map<String, Object>> nodes(Step s, Scope scope, List<String> deps) {
    SageMakerValues values = values(s, scope);
    if (s.kind() == StepKind.MODEL_DEPLOY) {
      String configName = scope.lookup(s.id() + "#config") != null
          ? scope.lookup(s.id() + "#config") : deployConfigPrimary.get(s.id());
      List<SageMakerMapping.Mapped> two = mapping.deploy(s, configName, values, notes);
      Map<String, Object> config = node(s, configName, two.get(0), deps);
      Map<String, Object> endpoint = node(s, nameOf(s.id(), scope), two.get(1), List.of());
      return List.of(config, endpoint);
    }
    return List.of(node(s, nameOf(s.id(), scope), mapping.map(s, values, notes), deps));
  }

  private Map<String, Object> node(Step s, String name, SageMakerMapping.Mapped m, List<String> deps) {
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("Name", name);
    step.put("Type", m.type());
    Map<String, Object> args = new LinkedHashMap<>(m.arguments());
    mergeExtension(s, "arguments", args);
    step.put("Arguments", args);
    common(step, s, deps);
    Optional<RetryPolicy> retry = pipeline.retryOf(s);
    if (retry.isPresent() && retry.get().retries() > 0) {
      if (m.retryable()) {
        List<Object> policies = SageMakerRetries.policies(s.id(), retry.get(), m.jobStep(), notes);
        if (!policies.isEmpty()) {
          step.put("RetryPolicies", policies);
        }
      } else {
        notes.accept(SageMakerNote.RETRY_UNSUPPORTED.at(s.id(),
            "retry (" + retry.get().retries() + " retries) dropped: a " + m.type() + " step takes no RetryPolicies"));
      }
    }
    pipeline.cachingOf(s).ifPresent(c -> {
      if (m.cacheable()) {
        Map<String, Object> cache = new LinkedHashMap<>();
        cache.put("Enabled", c.enabled());
        c.expireAfter().ifPresent(d -> cache.put("ExpireAfter", Durations.format(d)));
        step.put("CacheConfig", cache);
      } else if (c.enabled()) {
        notes.accept(SageMakerNote.CACHING_UNSUPPORTED.at(s.id(),
            "caching dropped: a " + m.type() + " step cannot be cached"));
      }
    });
    step.putAll(m.extra());
    mergeExtension(s, "step", step);
    return step;
  }

  /** Name-independent fields every step has: DependsOn, DisplayName, Description. */
  private void common(Map<String, Object> step, Step s, List<String> deps) {
    if (!deps.isEmpty()) {
      step.put("DependsOn", deps);
    }
    s.displayName().ifPresent(d -> step.put("DisplayName", d));
    s.description().ifPresent(d -> step.put("Description", d));
    for (String format : s.extensions().keySet()) {
      if (!format.equals("sagemaker")) {
        notes.accept(SageMakerNote.EXTENSION_IGNORED.at(s.id(),
            "extensions." + format + " of step '" + s.id() + "' do not apply to SageMaker"));
      }
    }
  }

  /** Step extension {@code sagemaker.<key>}: fields kept verbatim from a SageMaker source, merged back. */
  @SuppressWarnings("unchecked")
  private static void mergeExtension(Step s, String key, Map<String, Object> into) {
    Object e = s.extension("sagemaker").get(key);
    if (e instanceof Map<?, ?> m) {
      SageMakerMapping.raw((Map<String, Object>) m).forEach(into::putIfAbsent);
    }
  }
}
