package io.pipeshift.to.sagemaker;

import io.pipeshift.document.CompactJson;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.graph.StepGraph;
import io.pipeshift.ir.CatchClause;
import io.pipeshift.ir.Condition;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.References;
import io.pipeshift.ir.RetryPolicy;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepKind;
import io.pipeshift.ir.StepTree;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.ForEachSpec;
import io.pipeshift.time.Durations;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Places IR steps (after {@link SageMakerRejoins}) into SageMaker's step lists: the top-level
 * {@code Steps} and the {@code IfSteps} / {@code ElseSteps} of condition steps.
 *
 * <ul>
 *   <li><b>Conditions.</b> A two-way condition at the top level is one Condition step with IfSteps and
 *       ElseSteps. SageMaker does not nest condition steps, so an n-ary condition (else-if) and any
 *       condition inside a branch become sibling top-level condition steps, one per non-empty arm, each
 *       guarded by everything that must hold for its arm to run: the enclosing arms' tests, the earlier
 *       arms negated, its own test. Exactly one sibling's IfSteps run, as in the IR. A hoisted condition
 *       with nothing to wait for in its branch depends on the condition step of that branch.
 *   <li><b>For-each.</b> Literal items are unrolled: one renamed copy of the body per item, the item's
 *       fields substituted; steps after the for-each wait for every copy. Items known only at run time
 *       cannot be expressed (error note, callback placeholder).
 *   <li><b>Catch handlers.</b> SageMaker has no error path, so a step reached only through a catch (and
 *       everything after it) is left out with an error note; it would otherwise run on success.
 * </ul>
 */
final class SageMakerPlacement {

  /** Upper bound on steps created by unrolling one for-each. */
  static final int UNROLL_BUDGET = 500;

  private final Pipeline pipeline;
  private final SageMakerRejoins.Result lowered;
  private final SageMakerNames names;
  private final SageMakerMapping mapping;
  private final Consumer<FidelityNote> notes;
  private final Map<String, Step> byId = new HashMap<>();
  private final Map<String, String> primary = new HashMap<>();
  private final Map<String, String> deployConfigPrimary = new HashMap<>();
  private final Set<String> insideCondition = new HashSet<>();
  private final Map<String, List<String>> armNames = new HashMap<>();
  private final Map<String, Scope> itemScopes = new HashMap<>();

  /** SageMaker names in force where steps are placed: unrolled copies see their own names. */
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

  SageMakerPlacement(
      Pipeline pipeline, SageMakerRejoins.Result lowered, SageMakerNames names, SageMakerMapping mapping,
      Consumer<FidelityNote> notes) {
    this.pipeline = pipeline;
    this.lowered = lowered;
    this.names = names;
    this.mapping = mapping;
    this.notes = notes;
    for (Step s : StepTree.flatten(lowered.steps())) {
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
    // Names first, in document order, so they do not depend on the order of placement.
    for (Step s : StepTree.flatten(lowered.steps())) {
      String ir = origin(s.id());
      if (s.kind() == StepKind.MODEL_DEPLOY) {
        deployConfigPrimary.put(s.id(), names.allocate(ir, s.id(), "-EndpointConfig"));
      }
      String suffix = SageMakerMapping.nameSuffix(s.kind());
      String name = names.allocate(ir, s.id(), suffix);
      primary.put(s.id(), name);
      if (ir.equals(s.id()) && !name.equals(s.id() + suffix)) {
        notes.accept(SageMakerNote.NAME_CHANGED.at(ir,
            "step '" + ir + "' is named '" + name + "' in SageMaker (at most " + SageMakerNames.MAX_LENGTH
                + " characters of A-Z a-z 0-9 - _, unique)"));
      }
    }
    List<Object> top = new ArrayList<>();
    placeList(lowered.steps(), Scope.ROOT, List.of(), List.of(), List.of(), top, top);
    return top;
  }

  private String origin(String id) {
    return lowered.origin().getOrDefault(id, id);
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Places one step list.
   *
   * @param guard tests that hold whenever this list runs (empty at the top level)
   * @param entryDeps DependsOn for steps with no predecessor in this list (unrolled bodies)
   * @param hoist extra DependsOn for conditions hoisted out of a branch: the condition step of that branch
   * @param out the SageMaker list the steps go to
   * @param top the top-level list (condition steps always go there)
   */
  private void placeList(
      List<Step> list, Scope scope, List<Condition> guard, List<String> entryDeps, List<String> hoist,
      List<Object> out, List<Object> top) {
    StepGraph graph = StepGraph.of(list);
    BitSet errorPath = SageMakerRejoins.errorPath(list, graph);
    for (int i = 0; i < list.size(); i++) {
      Step s = list.get(i);
      if (errorPath.get(i)) {
        notes.accept(SageMakerNote.ERROR_PATH_DROPPED.at(origin(s.id()),
            "step '" + origin(s.id()) + "' runs only after a catch; SageMaker has no error path, so it is left out"));
        continue;
      }
      for (CatchClause c : s.catches()) {
        notes.accept(SageMakerNote.CATCH_DROPPED.at(origin(s.id()),
            "catch of " + c.errors() + " -> '" + origin(c.handler()) + "' dropped: SageMaker has no error path"));
      }
      List<String> deps = dependsOn(s, graph, scope, entryDeps);
      if (s.spec() instanceof ConditionSpec) {
        List<String> all = new ArrayList<>(deps);
        hoist.stream().filter(h -> !all.contains(h)).forEach(all::add);
        placeCondition(s, scope, guard, all, top);
      } else if (s.spec() instanceof ForEachSpec f) {
        placeForEach(s, f, scope, guard, deps, hoist, out, top);
      } else {
        out.addAll(nodes(s, scope, deps));
      }
    }
  }

  private List<String> dependsOn(Step s, StepGraph graph, Scope scope, List<String> entryDeps) {
    Set<String> own = new LinkedHashSet<>();
    for (Value v : References.ownValues(s)) {
      for (String r : v.referencedSteps()) {
        if (graph.contains(r)) {
          own.add(r);
        }
      }
    }
    for (String a : s.after()) {
      if (graph.contains(a)) {
        own.add(a);
      }
    }
    // A container's nested steps read outputs too. SageMaker sees those references only in the nested
    // steps, which does not hold back the container's other steps, so the container depends on them
    // itself (unless they are upstream of what it already waits for). Steps the rejoin pass moved in
    // were not inside it in the IR; their own references hold them.
    Set<String> nested = new LinkedHashSet<>();
    for (List<Step> child : StepTree.childLists(s)) {
      for (Step x : StepTree.flatten(child)) {
        if (!lowered.relocated().contains(x.id())) {
          References.ownValues(x).forEach(v -> v.referencedSteps().stream()
              .filter(r -> graph.contains(r) && !r.equals(s.id())).forEach(nested::add));
        }
      }
    }
    boolean entry = own.isEmpty() && nested.isEmpty();
    List<String> targets = new ArrayList<>(s.after());
    for (String r : nested) {
      if (own.contains(r) || targets.contains(r)) {
        continue;
      }
      int from = graph.indexOf(r);
      boolean implied = false;
      for (String d : own) {
        implied |= graph.reaches(from, graph.indexOf(d));
      }
      for (String d : nested) {
        implied |= !d.equals(r) && graph.reaches(from, graph.indexOf(d));
      }
      if (!implied) {
        targets.add(r);
      }
    }
    Set<String> deps = new LinkedHashSet<>();
    if (entry) {
      deps.addAll(entryDeps);
    }
    for (String a : targets) {
      Step target = byId.get(a);
      if (target.spec() instanceof ConditionSpec) {
        // Only left after the rejoin pass when approximated (SM203): start at evaluation.
        deps.addAll(conditionNames(target, scope));
      } else if (target.spec() instanceof ForEachSpec) {
        deps.addAll(completion(target, scope));
      } else {
        deps.add(nameOf(a, scope));
      }
    }
    return List.copyOf(deps);
  }

  // ---------------------------------------------------------------------------------------------
  // conditions

  /** One arm: the tests that must all hold for it to run, and its steps. */
  private record Arm(List<Condition> tests, List<Step> steps, String tag) {}

  private static List<Arm> arms(ConditionSpec spec) {
    List<Arm> arms = new ArrayList<>();
    List<Condition> earlier = new ArrayList<>();
    boolean binary = spec.branches().size() == 1;
    for (int k = 0; k < spec.branches().size(); k++) {
      ConditionSpec.Branch b = spec.branches().get(k);
      List<Condition> tests = new ArrayList<>();
      earlier.forEach(e -> tests.add(new Condition.Not(e)));
      tests.add(b.when());
      earlier.add(b.when());
      arms.add(new Arm(tests, b.steps(), binary ? "if" : "branch-" + (k + 1)));
    }
    List<Condition> none = new ArrayList<>();
    earlier.forEach(e -> none.add(new Condition.Not(e)));
    arms.add(new Arm(none, spec.otherwise(), "else"));
    return arms;
  }

  /** One Condition step with IfSteps and ElseSteps: a two-way condition that is not inside a branch. */
  private boolean single(Step c) {
    return ((ConditionSpec) c.spec()).branches().size() == 1 && !insideCondition.contains(c.id());
  }

  private void placeCondition(Step c, Scope scope, List<Condition> guard, List<String> deps, List<Object> top) {
    List<Arm> arms = arms((ConditionSpec) c.spec());
    String name = nameOf(c.id(), scope);
    List<String> gates = armNames(c, scope);
    // Conditions hoisted out of the arms are appended to the top level while the arms are placed; this
    // condition goes before them.
    int position = top.size();
    List<List<Object>> contents = new ArrayList<>();
    for (int k = 0; k < arms.size(); k++) {
      Arm arm = arms.get(k);
      List<Object> branch = new ArrayList<>();
      List<Condition> inner = new ArrayList<>(guard);
      inner.addAll(arm.tests());
      List<String> hoist = gates.get(k) == null ? List.of() : List.of(gates.get(k));
      placeList(arm.steps(), scope, inner, List.of(), hoist, branch, top);
      contents.add(branch);
    }
    if (single(c)) {
      top.add(position, conditionStep(c, name, arms.get(0).tests(), contents.get(0), contents.get(1), deps, scope));
      return;
    }
    List<String> emitted = gates.stream().filter(Objects::nonNull).toList();
    notes.accept(SageMakerNote.CONDITION_LOWERED.at(origin(c.id()),
        "condition '" + origin(c.id()) + "' (" + (arms.size() - 1) + " branch(es) and otherwise"
            + (guard.isEmpty() ? "" : ", inside another condition's branch") + ") became sibling condition steps "
            + (emitted.isEmpty() ? List.of(name) : emitted) + ", each testing everything its branch needs"));
    for (int k = 0; k < arms.size(); k++) {
      boolean placeholder = emitted.isEmpty() && k == 0;
      if (gates.get(k) == null && !placeholder) {
        continue;
      }
      List<Condition> tests = new ArrayList<>(guard);
      tests.addAll(arms.get(k).tests());
      top.add(position++, conditionStep(c, placeholder ? name : gates.get(k), tests, contents.get(k), List.of(), deps,
          scope));
    }
  }

  private Map<String, Object> conditionStep(
      Step c, String name, List<Condition> tests, List<Object> ifSteps, List<Object> elseSteps, List<String> deps,
      Scope scope) {
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("Name", name);
    step.put("Type", "Condition");
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("Conditions", SageMakerConditions.render(tests, values(c, scope)));
    args.put("IfSteps", ifSteps);
    args.put("ElseSteps", elseSteps);
    step.put("Arguments", args);
    common(step, c, deps);
    return step;
  }

  /** Per arm, the condition step that runs it (null: the arm is empty and gets none). Memoised by name. */
  private List<String> armNames(Step c, Scope scope) {
    String name = nameOf(c.id(), scope);
    return armNames.computeIfAbsent(name, key -> {
      List<Arm> arms = arms((ConditionSpec) c.spec());
      List<String> out = new ArrayList<>();
      if (single(c)) {
        arms.forEach(a -> out.add(name));
        return out;
      }
      boolean first = true;
      for (Arm arm : arms) {
        if (arm.steps().isEmpty()) {
          out.add(null);
          continue;
        }
        out.add(first ? name : names.allocate(origin(c.id()), name + "-" + arm.tag(), ""));
        first = false;
      }
      return out;
    });
  }

  /** Every condition step an IR condition became (all of them are evaluated). */
  private List<String> conditionNames(Step c, Scope scope) {
    List<String> out = armNames(c, scope).stream().filter(Objects::nonNull).distinct().toList();
    return out.isEmpty() ? List.of(nameOf(c.id(), scope)) : out;
  }

  // ---------------------------------------------------------------------------------------------
  // for-each

  private boolean unrollable(ForEachSpec f) {
    return f.itemsFrom().isEmpty() && !f.items().isEmpty()
        && (long) f.items().size() * StepTree.flatten(f.steps()).size() <= UNROLL_BUDGET;
  }

  private void placeForEach(
      Step s, ForEachSpec f, Scope scope, List<Condition> guard, List<String> deps, List<String> hoist,
      List<Object> out, List<Object> top) {
    String id = origin(s.id());
    if (!unrollable(f)) {
      notes.accept(SageMakerNote.FOR_EACH_DYNAMIC.at(id, f.itemsFrom().isPresent()
          ? "for-each over items known only at run time: SageMaker Pipelines cannot fan out dynamically; a"
              + " callback step stands in for the whole loop"
          : "for-each would unroll into more than " + UNROLL_BUDGET + " steps; a callback step stands in for it"));
      out.add(node(s, nameOf(s.id(), scope), mapping.placeholder(s, values(s, scope), notes), deps));
      return;
    }
    notes.accept(SageMakerNote.FOR_EACH_UNROLLED.at(id,
        "for-each '" + id + "' unrolled into " + f.items().size() + " copies of its body"));
    if (f.maxConcurrency() > 0 && f.maxConcurrency() < f.items().size()) {
      notes.accept(SageMakerNote.FOR_EACH_CONCURRENCY_DROPPED.at(id,
          "maxConcurrency " + f.maxConcurrency() + " dropped: all " + f.items().size()
              + " copies may run at once (SageMaker limits parallel steps only per execution)"));
    }
    for (int i = 0; i < f.items().size(); i++) {
      List<Step> body = SageMakerItems.substitute(f.steps(), f.items().get(i));
      placeList(body, itemScope(s, f, i, scope), guard, deps, hoist, out, top);
    }
  }

  private Scope itemScope(Step forEach, ForEachSpec f, int item, Scope scope) {
    String key = nameOf(forEach.id(), scope) + "#" + item;
    return itemScopes.computeIfAbsent(key, k -> {
      Map<String, String> renamed = new LinkedHashMap<>();
      for (Step x : StepTree.flatten(f.steps())) {
        String base = nameOf(x.id(), scope);
        String suffix = SageMakerMapping.nameSuffix(x.kind());
        if (!suffix.isEmpty() && base.endsWith(suffix)) {
          base = base.substring(0, base.length() - suffix.length());
        }
        renamed.put(x.id(), names.allocate(origin(x.id()), base + "-" + (item + 1), suffix));
        if (x.kind() == StepKind.MODEL_DEPLOY) {
          renamed.put(x.id() + "#config", names.allocate(origin(x.id()), base + "-" + (item + 1), "-EndpointConfig"));
        }
      }
      return new Scope(renamed, scope);
    });
  }

  /** The names whose success means a for-each has finished: the last steps of every copy. */
  private List<String> completion(Step forEach, Scope scope) {
    ForEachSpec f = (ForEachSpec) forEach.spec();
    if (!unrollable(f)) {
      return List.of(nameOf(forEach.id(), scope));
    }
    Set<String> out = new LinkedHashSet<>();
    StepGraph g = StepGraph.of(f.steps());
    BitSet errorPath = SageMakerRejoins.errorPath(f.steps(), g);
    for (int i = 0; i < f.items().size(); i++) {
      Scope item = itemScope(forEach, f, i, scope);
      for (int sink : g.sinks()) {
        if (errorPath.get(sink)) {
          continue;
        }
        Step s = f.steps().get(sink);
        if (s.spec() instanceof ForEachSpec) {
          out.addAll(completion(s, item));
        } else if (s.spec() instanceof ConditionSpec) {
          notes.accept(SageMakerNote.REJOIN_APPROXIMATED.at(origin(forEach.id()),
              "steps after for-each '" + origin(forEach.id()) + "' start when condition '" + origin(s.id())
                  + "' at the end of its body is evaluated, not when its branch ends"));
          out.addAll(conditionNames(s, item));
        } else {
          out.add(nameOf(s.id(), item));
        }
      }
    }
    return List.copyOf(out);
  }

  // ---------------------------------------------------------------------------------------------
  // single steps

  private String nameOf(String id, Scope scope) {
    String n = scope.lookup(id);
    return n != null ? n : primary.get(id);
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
    }, origin(owner.id()), notes);
  }

  private List<Map<String, Object>> nodes(Step s, Scope scope, List<String> deps) {
    SageMakerValues values = values(s, scope);
    if (s.kind() == StepKind.MODEL_DEPLOY) {
      String configName = scope.lookup(s.id() + "#config") != null
          ? scope.lookup(s.id() + "#config") : deployConfigPrimary.get(s.id());
      List<SageMakerMapping.Mapped> two = mapping.deploy(withOriginId(s), configName, values, notes);
      return List.of(node(s, configName, two.get(0), deps), node(s, nameOf(s.id(), scope), two.get(1), List.of()));
    }
    return List.of(node(s, nameOf(s.id(), scope), mapping.map(withOriginId(s), values, notes), deps));
  }

  /** The step as the mapping sees it: with its IR id, so notes name the step the user wrote. */
  private Step withOriginId(Step s) {
    String id = origin(s.id());
    return id.equals(s.id()) ? s : new Step(id, s.spec(), s.displayName(), s.description(), s.after(), s.retry(),
        s.catches(), s.timeout(), s.caching(), s.extensions());
  }

  private Map<String, Object> node(Step s, String name, SageMakerMapping.Mapped m, List<String> deps) {
    String id = origin(s.id());
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("Name", name);
    step.put("Type", m.type());
    Map<String, Object> args = new LinkedHashMap<>(m.arguments());
    mergeExtension(s, "arguments", args);
    step.put("Arguments", CompactJson.object(args)); // finished: held compactly until printed
    common(step, s, deps);
    Optional<RetryPolicy> retry = pipeline.retryOf(s);
    if (retry.isPresent() && retry.get().retries() > 0) {
      if (m.retryable()) {
        List<Object> policies = SageMakerRetries.policies(id, retry.get(), m.jobStep(), notes);
        if (!policies.isEmpty()) {
          step.put("RetryPolicies", policies);
        }
      } else {
        notes.accept(SageMakerNote.RETRY_UNSUPPORTED.at(id,
            "retry (" + retry.get().retries() + " retries) dropped: SageMaker takes no RetryPolicies on " + m.type()
                + " steps"));
      }
    }
    pipeline.cachingOf(s).ifPresent(c -> {
      if (m.cacheable()) {
        Map<String, Object> cache = new LinkedHashMap<>();
        cache.put("Enabled", c.enabled());
        c.expireAfter().ifPresent(d -> cache.put("ExpireAfter", Durations.format(d)));
        step.put("CacheConfig", cache);
      } else if (c.enabled()) {
        notes.accept(SageMakerNote.CACHING_UNSUPPORTED.at(id, "caching dropped: SageMaker cannot cache " + m.type()
            + " steps"));
      }
    });
    step.putAll(m.extra());
    mergeExtension(s, "step", step);
    return step;
  }

  /** DependsOn, DisplayName and Description, which every step has. */
  private void common(Map<String, Object> step, Step s, List<String> deps) {
    if (!deps.isEmpty()) {
      step.put("DependsOn", deps);
    }
    s.displayName().ifPresent(d -> step.put("DisplayName", d));
    s.description().ifPresent(d -> step.put("Description", d));
    for (String format : s.extensions().keySet()) {
      if (!format.equals("sagemaker")) {
        notes.accept(SageMakerNote.EXTENSION_IGNORED.at(origin(s.id()),
            "extensions." + format + " of step '" + origin(s.id()) + "' do not apply to SageMaker"));
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
