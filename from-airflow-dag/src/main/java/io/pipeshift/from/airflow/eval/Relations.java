package io.pipeshift.from.airflow.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Tasks, groups, DAGs and the edges between them, with Airflow's rules: task ids prefixed by their group
 * and made unique for TaskFlow calls ({@code __1}), {@code >>}/{@code <<} on tasks, lists, groups (roots and
 * leaves) and labels, {@code chain}, {@code chain_linear}, {@code cross_downstream}, setup/teardown scopes,
 * and tasks created without a DAG adopted by the DAG of the task they are linked to.
 */
final class Relations {

  private static final Pattern SUFFIX = Pattern.compile("__\\d+$");

  private final ModuleEvaluator ev;
  private final List<TaskNode> orphans = new ArrayList<>();

  Relations(ModuleEvaluator ev) {
    this.ev = ev;
  }

  // ---------------------------------------------------------------- creation

  DagNode newDag(String dagId, Map<String, PyValue> kwargs, List<PyValue.DagParam> params, ParserRuleContext at) {
    String id = dagId;
    for (DagNode d : ev.dags) {
      if (d.dagId().equals(dagId)) {
        id = dagId + "__" + (ev.dags.size() + 1);
        ev.warn(at, "duplicate DAG id", "DAG id '" + dagId + "' is used twice in this file (Airflow rejects the"
            + " file); the second one is imported as '" + id + "'");
        break;
      }
    }
    DagNode d = new DagNode(id, kwargs, params, at.getStart().getLine(), at.getStart().getCharPositionInLine() + 1);
    ev.dags.add(d);
    return d;
  }

  TaskGroupNode newGroup(String id, Map<String, PyValue> kw, boolean suffixOnCollision, ParserRuleContext at) {
    DagNode dag = kw.get("dag") instanceof DagNode d ? d : ev.currentDag();
    TaskGroupNode parent = kw.get("parent_group") instanceof TaskGroupNode g ? g : ev.currentGroup(dag);
    Boolean prefix = kw.containsKey("prefix_group_id") ? ModuleEvaluator.truth(kw.get("prefix_group_id")) : Boolean.TRUE;
    String full = parent != null ? parent.childId(id) : id;
    if (dag != null) {
      String unique = dag.uniqueGroupId(full);
      if (suffixOnCollision) {
        full = unique;
      }
    }
    Map<String, PyValue> defaults = new LinkedHashMap<>(parent != null ? parent.defaults() : Map.of());
    if (kw.get("default_args") instanceof PyValue.Dict d) {
      defaults.putAll(Operators.strKeys(d));
    }
    TaskGroupNode g = new TaskGroupNode(full, prefix == null || prefix, parent, dag, defaults);
    if (parent != null) {
      parent.addGroup(g);
    }
    return g;
  }

  /** Where a new task goes: the DAG and group passed explicitly, else the ones of the enclosing context. */
  record Placement(DagNode dag, TaskGroupNode group, Map<String, PyValue> defaults) {}

  Placement placement(Map<String, PyValue> kw) {
    DagNode dag = kw.remove("dag") instanceof DagNode d ? d : ev.currentDag();
    PyValue g = kw.remove("task_group");
    TaskGroupNode group = g instanceof TaskGroupNode tg ? tg : ev.currentGroup(dag);
    if (dag == null && group != null && group.dag().isPresent()) {
      dag = group.dag().get();
    }
    Map<String, PyValue> defaults = new LinkedHashMap<>();
    if (dag != null) {
      defaults.putAll(dag.defaultArgs());
    }
    if (group != null) {
      defaults.putAll(group.defaults());
    }
    if (kw.remove("default_args") instanceof PyValue.Dict own) {
      defaults.putAll(Operators.strKeys(own));
    }
    return new Placement(dag, group, defaults);
  }

  /** Airflow's {@code get_unique_task_id}: {@code id}, else {@code id__N} one above the highest N used. */
  String uniqueTaskId(String id, DagNode dag, TaskGroupNode group) {
    String full = group != null ? group.childId(id) : id;
    if (dag == null || !dag.tasks().containsKey(full)) {
      return id;
    }
    String prefix = SUFFIX.split(full)[0];
    Pattern p = Pattern.compile("^" + Pattern.quote(prefix) + "__(\\d+)$");
    long max = 0;
    for (String existing : dag.tasks().keySet()) {
      Matcher m = p.matcher(existing);
      if (m.matches()) {
        max = Math.max(max, Long.parseLong(m.group(1)));
      }
    }
    return SUFFIX.split(id)[0] + "__" + (max + 1);
  }

  void register(TaskNode t, Placement where, ParserRuleContext at) {
    if (where.group() != null) {
      where.group().add(t);
      t.group(where.group());
    }
    if (where.dag() != null) {
      addToDag(t, where.dag(), at);
    } else {
      orphans.add(t);
    }
    for (List<TaskNode> scope : ev.createdIn) {
      scope.add(t);
    }
  }

  private void addToDag(TaskNode t, DagNode dag, ParserRuleContext at) {
    if (dag.tasks().containsKey(t.taskId()) && dag.tasks().get(t.taskId()) != t) {
      String original = t.taskId();
      int n = 1;
      while (dag.tasks().containsKey(original + "__" + n)) {
        n++;
      }
      t.rename(original + "__" + n);
      ev.warn(t.line(), t.column(), "duplicate task id", "task id '" + original + "' is used twice in DAG '"
          + dag.dagId() + "' (Airflow rejects the file); the second task is imported as '" + t.taskId() + "'");
    }
    dag.tasks().put(t.taskId(), t);
    t.attach(dag);
  }

  /** Tasks created outside any DAG that no edge tied to one. */
  List<TaskNode> orphans() {
    return orphans.stream().filter(t -> t.dag().isEmpty()).toList();
  }

  /** Edges from every task that {@code XComArg}s inside {@code v} come from. */
  void dependOnResults(PyValue v, TaskNode t) {
    for (TaskNode source : results(v, new ArrayList<>(), 0)) {
      edge(source, t);
    }
  }

  private List<TaskNode> results(PyValue v, List<TaskNode> out, int depth) {
    if (depth > 20) {
      return out;
    }
    if (v instanceof PyValue.XComArg x) {
      out.add(x.task());
    } else if (v instanceof PyValue.PyList l) {
      l.items().forEach(i -> results(i, out, depth + 1));
    } else if (v instanceof PyValue.Tuple t) {
      t.items().forEach(i -> results(i, out, depth + 1));
    } else if (v instanceof PyValue.Dict d) {
      d.entries().values().forEach(i -> results(i, out, depth + 1));
    }
    return out;
  }

  // ---------------------------------------------------------------- edges

  /** {@code left >> right} (or {@code left << right}); returns the right operand, as Python does. */
  PyValue shift(PyValue left, PyValue right, boolean downstream, ParserRuleContext at) {
    PyValue up = downstream ? left : right;
    PyValue down = downstream ? right : left;
    if (down instanceof PyValue.EdgeLabel label) {
      label.upstream().addAll(leaves(up, at));
      return right;
    }
    if (up instanceof PyValue.EdgeLabel label) {
      for (TaskNode u : label.upstream()) {
        for (TaskNode d : roots(down, at)) {
          edge(u, d);
        }
      }
      return right;
    }
    link(up, down, at);
    return right;
  }

  /** Every leaf of {@code up} before every root of {@code down}. */
  void link(PyValue up, PyValue down, ParserRuleContext at) {
    List<TaskNode> ups = leaves(up, at);
    List<TaskNode> downs = roots(down, at);
    for (TaskNode u : ups) {
      for (TaskNode d : downs) {
        edge(u, d);
      }
    }
  }

  void edge(TaskNode up, TaskNode down) {
    if (up == down) {
      return;
    }
    up.downstream().add(down);
    down.upstream().add(up);
    if (up.dag().isPresent() && down.dag().isEmpty()) {
      addToDag(down, up.dag().get(), null);
    } else if (down.dag().isPresent() && up.dag().isEmpty()) {
      addToDag(up, down.dag().get(), null);
    }
  }

  /** The tasks a value stands for on the upstream side of an edge (a group's leaves). */
  List<TaskNode> leaves(PyValue v, ParserRuleContext at) {
    return endpoints(v, false, at);
  }

  /** The tasks a value stands for on the downstream side of an edge (a group's roots). */
  List<TaskNode> roots(PyValue v, ParserRuleContext at) {
    return endpoints(v, true, at);
  }

  private List<TaskNode> endpoints(PyValue v, boolean roots, ParserRuleContext at) {
    if (v instanceof TaskNode t) {
      return List.of(t);
    }
    if (v instanceof PyValue.XComArg x) {
      return List.of(x.task());
    }
    if (v instanceof TaskGroupNode g) {
      return roots ? g.roots() : g.leaves();
    }
    if (v instanceof PyValue.EdgeLabel l) {
      return roots ? List.of() : new ArrayList<>(l.upstream());
    }
    List<PyValue> items = v instanceof PyValue.PyList l ? l.items() : v instanceof PyValue.Tuple t ? t.items()
        : v instanceof PyValue.PySet s ? s.items() : null;
    if (items != null) {
      List<TaskNode> out = new ArrayList<>();
      for (PyValue i : items) {
        out.addAll(endpoints(i, roots, at));
      }
      return out;
    }
    if (at != null) {
      String construct = v instanceof PyValue.Unresolved u ? u.construct() : "edge to a non-task";
      ev.warn(at, construct, "`" + ModuleEvaluator.text(at) + "` links something that is not a known task;"
          + " that dependency is missing");
    }
    return List.of();
  }

  /** The tasks a value refers to (for context managers and setup/teardown). */
  List<TaskNode> tasksOf(PyValue v) {
    if (v instanceof TaskNode || v instanceof PyValue.XComArg || v instanceof PyValue.PyList
        || v instanceof PyValue.Tuple) {
      return endpoints(v, true, null);
    }
    return List.of();
  }

  /** Airflow's {@code chain(*elements)}. */
  void chain(List<PyValue> elements, ParserRuleContext at) {
    for (int i = 0; i + 1 < elements.size(); i++) {
      PyValue up = elements.get(i);
      PyValue down = elements.get(i + 1);
      List<PyValue> ups = sequence(up);
      List<PyValue> downs = sequence(down);
      if (ups != null && downs != null) {
        if (ups.size() != downs.size()) {
          ev.warn(at, "chain of unequal lists", "chain() got lists of different lengths (" + ups.size() + " and "
              + downs.size() + "); Airflow rejects this, and these dependencies are missing");
          continue;
        }
        for (int j = 0; j < ups.size(); j++) {
          shift(ups.get(j), downs.get(j), true, at);
        }
      } else {
        shift(up, down, true, at);
      }
    }
  }

  /** Airflow's {@code chain_linear(*elements)}: every task of one element before every task of the next. */
  void chainLinear(List<PyValue> elements, ParserRuleContext at) {
    for (int i = 0; i + 1 < elements.size(); i++) {
      link(elements.get(i), elements.get(i + 1), at);
    }
  }

  private static List<PyValue> sequence(PyValue v) {
    if (v instanceof PyValue.PyList l) {
      return l.items();
    }
    if (v instanceof PyValue.Tuple t) {
      return t.items();
    }
    return null;
  }

  /**
   * After {@code with teardown_task:} (or a setup task): the work tasks created inside that have no upstream
   * task run after the setups, those with no downstream task run before the teardowns.
   */
  void setupTeardownScope(List<TaskNode> context, List<TaskNode> created) {
    List<TaskNode> work = created.stream().filter(t -> !t.isSetup() && !t.isTeardown()).toList();
    if (work.isEmpty()) {
      return;
    }
    LinkedHashSet<TaskNode> setups = new LinkedHashSet<>();
    List<TaskNode> teardowns = new ArrayList<>();
    for (TaskNode t : context) {
      if (t.isTeardown()) {
        teardowns.add(t);
        t.upstream().stream().filter(TaskNode::isSetup).forEach(setups::add);
      } else if (t.isSetup()) {
        setups.add(t);
      }
    }
    List<TaskNode> roots = work.stream().filter(t -> t.upstream().isEmpty()).toList();
    List<TaskNode> leaves = work.stream().filter(t -> t.downstream().isEmpty()).toList();
    for (TaskNode s : setups) {
      roots.forEach(r -> edge(s, r));
    }
    for (TaskNode td : teardowns) {
      leaves.forEach(l -> edge(l, td));
    }
  }

  Optional<TaskNode> single(PyValue v) {
    if (v instanceof TaskNode t) {
      return Optional.of(t);
    }
    if (v instanceof PyValue.XComArg x) {
      return Optional.of(x.task());
    }
    return Optional.empty();
  }
}
