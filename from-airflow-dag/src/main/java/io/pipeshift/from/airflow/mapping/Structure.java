package io.pipeshift.from.airflow.mapping;

import io.pipeshift.from.airflow.ImportNote;
import io.pipeshift.from.airflow.eval.BranchFunction;
import io.pipeshift.from.airflow.eval.PyValue;
import io.pipeshift.from.airflow.eval.TaskGroupNode;
import io.pipeshift.from.airflow.eval.TaskNode;
import io.pipeshift.ir.CatchClause;
import io.pipeshift.ir.ErrorClass;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.ForEachSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises, in the flat task graph, the Airflow shapes the IR has containers for, and rebuilds them:
 * <ul>
 *   <li>a mapped task group ({@code group.expand(x=[...])}, {@code .expand_kwargs([...])}) over literal items
 *       or another task's result whose edges cross its boundary only at its roots and leaves -> a for-each;</li>
 *   <li>a branch task whose callable {@link BranchFunction} can read, whose returned tasks form disjoint arms that
 *       meet at one EmptyOperator join with {@code none_failed_min_one_success} (or {@code one_success},
 *       {@code none_failed}) -> a condition (the join becomes the condition's rejoin);</li>
 *   <li>a task with {@code trigger_rule="one_failed"} and exactly one upstream task -> that task's catch
 *       handler.</li>
 * </ul>
 * Anything else stays as plain steps (with the notes the step mapping wrote). Applied recursively to the
 * lists it builds.
 */
final class Structure {

  private static final Set<String> JOIN_RULES = Set.of("none_failed_min_one_success", "one_success", "none_failed");

  private final MappingContext ctx;
  private final ValueMapping values;
  private final Map<String, TaskNode> tasks = new LinkedHashMap<>();
  private final Set<String> usedIds = new LinkedHashSet<>();
  private final Set<TaskGroupNode> tried = new LinkedHashSet<>();
  private final Set<String> triedBranches = new LinkedHashSet<>();
  final PropertyFiles propertyFiles;

  Structure(MappingContext ctx, ValueMapping values) {
    this.ctx = ctx;
    this.values = values;
    this.propertyFiles = new PropertyFiles(ctx);
    ctx.stepIds.forEach((t, id) -> {
      tasks.put(id, t);
      usedIds.add(id);
    });
  }

  List<Step> apply(List<Step> list) {
    List<Step> l = forEach(list);
    l = conditions(l);
    return catches(l);
  }

  // ---------------------------------------------------------------- helpers

  private static Map<String, List<String>> downstream(List<Step> list) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    list.forEach(s -> out.put(s.id(), new ArrayList<>()));
    for (Step s : list) {
      for (String a : s.after()) {
        if (out.containsKey(a)) {
          out.get(a).add(s.id());
        }
      }
    }
    return out;
  }

  private static Step find(List<Step> list, String id) {
    for (Step s : list) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    return null;
  }

  private String rule(TaskNode t) {
    PyValue r = t.kwargs().containsKey("trigger_rule") ? t.kwargs().get("trigger_rule") : t.defaults().get("trigger_rule");
    return r instanceof PyValue.Str s ? s.value() : "all_success";
  }

  private static Map<String, Object> airflow(Step s) {
    return new LinkedHashMap<>(s.extension("airflow"));
  }

  private static Step withExtension(Step s, Map<String, Object> airflow) {
    Map<String, Object> ext = new LinkedHashMap<>(s.extensions());
    if (airflow.isEmpty()) {
      ext.remove("airflow");
    } else {
      ext.put("airflow", airflow);
    }
    return new Step(s.id(), s.spec(), s.displayName(), s.description(), s.after(), s.retry(), s.catches(),
        s.timeout(), s.caching(), ext);
  }

  /** Replaces references to {@code removed} ids by {@code to} in every step's after (no duplicates). */
  private static List<Step> redirect(List<Step> list, Set<String> removed, String to) {
    List<Step> out = new ArrayList<>(list.size());
    for (Step s : list) {
      if (s.after().stream().noneMatch(removed::contains)) {
        out.add(s);
        continue;
      }
      LinkedHashSet<String> after = new LinkedHashSet<>();
      for (String a : s.after()) {
        after.add(removed.contains(a) ? to : a);
      }
      after.remove(s.id());
      out.add(s.withAfter(new ArrayList<>(after)));
    }
    return out;
  }

  // ---------------------------------------------------------------- for-each

  private List<Step> forEach(List<Step> list) {
    List<Step> current = list;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Step s : current) {
        TaskNode t = tasks.get(s.id());
        TaskGroupNode g = t == null ? null : outermostMapped(t, current);
        if (g == null || !tried.add(g)) {
          continue;
        }
        List<Step> rebuilt = forEachOf(g, current);
        if (rebuilt != null) {
          current = rebuilt;
          changed = true;
          break;
        }
      }
    }
    return current;
  }

  /** The outermost mapped group of {@code t} all of whose tasks are in {@code list}. */
  private TaskGroupNode outermostMapped(TaskNode t, List<Step> list) {
    TaskGroupNode best = null;
    for (TaskGroupNode g = t.group().orElse(null); g != null; g = g.parent().orElse(null)) {
      if (g.expandArguments().isPresent() && g.tasks().stream().allMatch(x -> find(list, ctx.stepId(x)) != null)) {
        best = g;
      }
    }
    return best;
  }

  private List<Step> forEachOf(TaskGroupNode g, List<Step> list) {
    Set<String> members = new LinkedHashSet<>();
    g.tasks().forEach(t -> members.add(ctx.stepId(t)));
    Map<String, List<String>> down = downstream(list);
    TaskNode first = g.tasks().get(0);
    for (Step s : list) {
      if (!members.contains(s.id())) {
        continue;
      }
      boolean root = s.after().stream().noneMatch(members::contains);
      boolean leaf = down.get(s.id()).stream().noneMatch(members::contains);
      boolean enters = s.after().stream().anyMatch(a -> !members.contains(a));
      boolean leaves = down.get(s.id()).stream().anyMatch(d -> !members.contains(d));
      if ((enters && !root) || (leaves && !leaf)) {
        ctx.note(ImportNote.MAPPED_TASK, s.id(), first.line(), first.column(), "the mapped task group "
            + g.groupId() + " has edges into or out of its middle; it stays as mapped plain steps");
        return null;
      }
    }
    Optional<ForEachItems> items = items(g);
    if (items.isEmpty()) {
      return null;
    }
    int maxConcurrency = g.defaultArgs().get("max_active_tis_per_dagrun") instanceof PyValue.Int n ? (int) n.value() : 0;
    String id = allocate(StepIds.sanitize(g.groupId()));
    List<Step> body = new ArrayList<>();
    LinkedHashSet<String> outsideUps = new LinkedHashSet<>();
    int position = -1;
    for (int i = 0; i < list.size(); i++) {
      Step s = list.get(i);
      if (!members.contains(s.id())) {
        continue;
      }
      position = position < 0 ? i : position;
      List<String> after = new ArrayList<>();
      for (String a : s.after()) {
        if (members.contains(a)) {
          after.add(a);
        } else {
          outsideUps.add(a);
        }
      }
      Map<String, Object> ext = airflow(s);
      ext.remove("expand");
      body.add(withExtension(s.withAfter(after), ext));
    }
    Map<String, Object> ext = new LinkedHashMap<>();
    ext.put("task_group", g.groupId());
    Step loop = new Step(id, new ForEachSpec(items.get().items(), items.get().from(), maxConcurrency, apply(body)),
        Optional.empty(), Optional.empty(), new ArrayList<>(outsideUps), Optional.empty(), List.of(), Optional.empty(),
        Optional.empty(), Map.of("airflow", ext));
    List<Step> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (i == position) {
        out.add(loop);
      }
      if (!members.contains(list.get(i).id())) {
        out.add(list.get(i));
      }
    }
    ctx.note(ImportNote.MAPPED_TASK, id, first.line(), first.column(), "the mapped task group " + g.groupId()
        + " is a for-each step over " + (items.get().from().isPresent() ? "another task's result" : items.get().items().size() + " items"));
    return redirect(out, members, id);
  }

  private record ForEachItems(List<Object> items, Optional<Value> from) {}

  private Optional<ForEachItems> items(TaskGroupNode g) {
    Map<String, PyValue> expand = g.expandArguments().orElseThrow();
    if (expand.size() != 1) {
      return Optional.empty();
    }
    PyValue v = expand.values().iterator().next();
    boolean kwargs = expand.containsKey("**");
    if (v instanceof PyValue.XComArg) {
      Optional<Value> ref = values.value(v, null);
      return ref.filter(r -> r instanceof Value.StepOutputRef).map(r -> new ForEachItems(List.of(), Optional.of(r)));
    }
    List<PyValue> list = v instanceof PyValue.PyList l ? l.items() : v instanceof PyValue.Tuple t ? t.items() : null;
    if (list == null) {
      return Optional.empty();
    }
    List<Object> items = new ArrayList<>();
    String key = null;
    boolean single = kwargs;
    for (PyValue item : list) {
      if (kwargs) {
        if (!(item instanceof PyValue.Dict d)) {
          return Optional.empty();
        }
        if (d.entries().size() != 1 || !(d.entries().keySet().iterator().next() instanceof PyValue.Str k)
            || (key != null && !key.equals(k.value()))) {
          single = false;
        } else {
          key = k.value();
        }
      }
    }
    for (PyValue item : list) {
      Object raw = single ? values.raw(((PyValue.Dict) item).entries().values().iterator().next(), null)
          : values.raw(item, null);
      if (raw instanceof String s && s.startsWith("${")) {
        return Optional.empty();
      }
      items.add(raw);
    }
    return Optional.of(new ForEachItems(items, Optional.empty()));
  }

  private String allocate(String id) {
    String candidate = id;
    int n = 2;
    while (usedIds.contains(candidate)) {
      candidate = id + "_" + n++;
    }
    usedIds.add(candidate);
    return candidate;
  }

  // ---------------------------------------------------------------- conditions

  private List<Step> conditions(List<Step> list) {
    List<Step> current = list;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Step s : current) {
        TaskNode t = tasks.get(s.id());
        if (t == null || !DagMapping.isBranch(t) || t.function().isEmpty() || !triedBranches.add(s.id())) {
          continue;
        }
        Optional<BranchFunction> bf = BranchFunction.read(t.function().get(), names(current));
        if (bf.isEmpty()) {
          continue;
        }
        List<Step> rebuilt = conditionOf(s, t, bf.get(), current);
        if (rebuilt != null) {
          current = rebuilt;
          changed = true;
          break;
        }
      }
    }
    return current;
  }

  /** Names for the values branch tests read: params, XComs of tasks, JSON properties of processing outputs. */
  private BranchFunction.Names names(List<Step> list) {
    return new BranchFunction.Names() {
      @Override
      public Optional<String> parameter(String name) {
        return Optional.ofNullable(ctx.parameters.get(name));
      }

      @Override
      public Optional<Value> output(String taskId, Optional<String> key) {
        for (Map.Entry<String, TaskNode> e : tasks.entrySet()) {
          if (e.getValue().taskId().equals(taskId)) {
            io.pipeshift.ir.kinds.StepSpec spec = ctx.specs.get(ctx.stepId(e.getValue()));
            Optional<Set<String>> outputs = spec == null ? Optional.empty() : spec.outputNames();
            String name = key.orElse(outputs.isPresent() && outputs.get().size() == 1
                ? outputs.get().iterator().next() : "return_value");
            if (outputs.isPresent() && !outputs.get().contains(name)) {
              return Optional.empty();
            }
            return Optional.of(new Value.StepOutputRef(e.getKey(), name));
          }
        }
        return Optional.empty();
      }

      @Override
      public Optional<Value> jsonProperty(String uri, String path) {
        return propertyFiles.reference(uri, path);
      }
    };
  }

  private String stepOfTask(String taskId, List<Step> list) {
    for (Step s : list) {
      TaskNode t = tasks.get(s.id());
      if (t != null && t.taskId().equals(taskId)) {
        return s.id();
      }
    }
    return null;
  }

  private List<Step> conditionOf(Step c, TaskNode branch, BranchFunction bf, List<Step> list) {
    Map<String, List<String>> down = downstream(list);
    List<List<String>> armStarts = new ArrayList<>();
    for (BranchFunction.Arm a : bf.arms()) {
      armStarts.add(a.taskIds());
    }
    armStarts.add(bf.otherwise());
    List<List<String>> starts = new ArrayList<>();
    for (List<String> ids : armStarts) {
      List<String> steps = new ArrayList<>();
      for (String taskId : ids) {
        String step = stepOfTask(taskId, list);
        if (step == null) {
          return null;
        }
        steps.add(step);
      }
      starts.add(steps);
    }
    for (Step j : list) {
      TaskNode jt = tasks.get(j.id());
      if (jt == null || j == c || !JOIN_RULES.contains(rule(jt)) || !jt.operator().endsWith("EmptyOperator")) {
        continue;
      }
      List<Set<String>> arms = arms(c, j, starts, list, down);
      if (arms != null) {
        return build(c, branch, bf, j, arms, list);
      }
    }
    return null;
  }

  /** The member sets of the arms when {@code j} joins them exactly, else null. */
  private static List<Set<String>> arms(Step c, Step j, List<List<String>> starts, List<Step> list,
      Map<String, List<String>> down) {
    List<Set<String>> arms = new ArrayList<>();
    Set<String> all = new LinkedHashSet<>();
    boolean empty = false;
    for (List<String> s : starts) {
      Set<String> members = new LinkedHashSet<>();
      if (s.equals(List.of(j.id()))) {
        empty = true;
        arms.add(members);
        continue;
      }
      List<String> queue = new ArrayList<>(s);
      while (!queue.isEmpty()) {
        String id = queue.remove(0);
        if (id.equals(j.id())) {
          continue;
        }
        if (id.equals(c.id()) || !members.add(id)) {
          if (id.equals(c.id())) {
            return null;
          }
          continue;
        }
        queue.addAll(down.getOrDefault(id, List.of()));
      }
      for (String m : members) {
        if (!all.add(m)) {
          return null;
        }
      }
      arms.add(members);
    }
    Set<String> startSet = new LinkedHashSet<>();
    starts.forEach(startSet::addAll);
    startSet.remove(j.id());
    for (int i = 0; i < arms.size(); i++) {
      Set<String> members = arms.get(i);
      for (String m : members) {
        Step s = find(list, m);
        boolean isStart = starts.get(i).contains(m);
        for (String a : s.after()) {
          if (a.equals(c.id()) ? !isStart : !members.contains(a)) {
            return null;
          }
        }
        if (isStart && !s.after().contains(c.id())) {
          return null;
        }
        for (String d : down.get(m)) {
          if (!members.contains(d) && !d.equals(j.id())) {
            return null;
          }
        }
      }
    }
    for (String d : down.get(c.id())) {
      if (!startSet.contains(d) && !d.equals(j.id())) {
        return null;
      }
    }
    for (String a : j.after()) {
      if (!all.contains(a) && !a.equals(c.id())) {
        return null;
      }
    }
    if (j.after().contains(c.id()) != empty) {
      return null;
    }
    // every arm's leaves must lead to the join
    for (Set<String> members : arms) {
      for (String m : members) {
        List<String> ds = down.get(m);
        if (ds.stream().noneMatch(members::contains) && !ds.contains(j.id())) {
          return null;
        }
      }
    }
    return arms;
  }

  private List<Step> build(Step c, TaskNode branch, BranchFunction bf, Step j, List<Set<String>> arms, List<Step> list) {
    List<ConditionSpec.Branch> branches = new ArrayList<>();
    for (int i = 0; i < bf.arms().size(); i++) {
      branches.add(new ConditionSpec.Branch(bf.arms().get(i).when(), apply(armSteps(arms.get(i), c, list))));
    }
    List<Step> otherwise = apply(armSteps(arms.get(arms.size() - 1), c, list));
    Map<String, Object> ext = airflow(c);
    ext.remove("branch");
    ext.remove("arguments");
    TaskNode jt = tasks.get(j.id());
    ext.put("join_task_id", jt.taskId());
    Step condition = new Step(c.id(), new ConditionSpec(branches, otherwise), c.displayName(), c.description(),
        c.after(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Map.of("airflow", ext));
    Set<String> removed = new LinkedHashSet<>();
    arms.forEach(removed::addAll);
    removed.add(j.id());
    List<Step> out = new ArrayList<>();
    for (Step s : list) {
      if (s == c) {
        out.add(condition);
      } else if (!removed.contains(s.id())) {
        out.add(s);
      }
    }
    ctx.note(ImportNote.BRANCH_KEPT, c.id(), branch.line(), branch.column(), "the branch task and its join "
        + jt.taskId() + " are read as a condition step (its tests compare DAG params with literals)");
    return redirect(out, Set.of(j.id()), c.id());
  }

  private static List<Step> armSteps(Set<String> members, Step c, List<Step> list) {
    List<Step> out = new ArrayList<>();
    for (Step s : list) {
      if (members.contains(s.id())) {
        List<String> after = s.after().stream().filter(a -> !a.equals(c.id())).toList();
        out.add(s.withAfter(after));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- catches

  private List<Step> catches(List<Step> list) {
    Map<String, String> handlerOf = new LinkedHashMap<>();
    for (Step h : list) {
      TaskNode t = tasks.get(h.id());
      if (t == null || !rule(t).equals("one_failed") || h.after().isEmpty()) {
        continue;
      }
      boolean ok = true;
      for (String s : h.after()) {
        Step handled = find(list, s);
        ok &= handled != null && handled.kind().isWork() && !handlerOf.containsKey(s) && !handlerOf.containsValue(s)
            && !handlerOf.containsKey(h.id());
      }
      if (ok) {
        h.after().forEach(s -> handlerOf.put(s, h.id()));
      }
    }
    if (handlerOf.isEmpty()) {
      return list;
    }
    List<Step> out = new ArrayList<>();
    for (Step s : list) {
      Step x = s;
      if (handlerOf.containsKey(s.id())) {
        List<CatchClause> catches = new ArrayList<>(s.catches());
        catches.add(new CatchClause(List.of(ErrorClass.ALL), handlerOf.get(s.id())));
        x = x.withCatches(catches);
      }
      if (handlerOf.containsValue(s.id())) {
        Map<String, Object> ext = airflow(x);
        ext.remove("trigger_rule");
        x = withExtension(x.withAfter(List.of()), ext);
        TaskNode t = tasks.get(s.id());
        ctx.note(ImportNote.TRIGGER_RULE, s.id(), t.line(), t.column(), "a one_failed task is read as the catch"
            + " handler of the tasks before it (" + s.after() + ")");
      }
      out.add(x);
    }
    return out;
  }
}
