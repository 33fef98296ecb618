package io.pipeshift.from.airflow.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@code TaskGroup}: it prefixes the ids of what is created inside it and can stand in edges for its tasks. */
public final class TaskGroupNode implements PyValue {

  private final String groupId;
  private final boolean prefix;
  private final TaskGroupNode parent;
  private final DagNode dag;
  private final Map<String, PyValue> defaults;
  private final List<TaskNode> tasks = new ArrayList<>();
  private final List<TaskGroupNode> children = new ArrayList<>();
  private Map<String, PyValue> expand;

  TaskGroupNode(String groupId, boolean prefix, TaskGroupNode parent, DagNode dag, Map<String, PyValue> defaults) {
    this.groupId = groupId;
    this.prefix = prefix;
    this.parent = parent;
    this.dag = dag;
    this.defaults = defaults;
  }

  public String groupId() {
    return groupId;
  }

  /** Whether children's ids start with {@code groupId.} ({@code prefix_group_id}). */
  public boolean prefixes() {
    return prefix;
  }

  public Optional<TaskGroupNode> parent() {
    return Optional.ofNullable(parent);
  }

  public Optional<DagNode> dag() {
    return Optional.ofNullable(dag);
  }

  /** {@code default_args} for tasks in the group (the enclosing ones merged in). */
  Map<String, PyValue> defaults() {
    return defaults;
  }

  /** The id a child called {@code id} gets. */
  String childId(String id) {
    return prefix ? groupId + "." + id : id;
  }

  void add(TaskNode t) {
    tasks.add(t);
    if (parent != null) {
      parent.add(t);
    }
  }

  void addGroup(TaskGroupNode g) {
    children.add(g);
  }

  /** Every task in the group, nested groups included, in creation order. */
  public List<TaskNode> tasks() {
    return tasks;
  }

  /** Tasks of the group with no upstream task inside the group (Airflow's {@code get_roots}). */
  List<TaskNode> roots() {
    return tasks.stream().filter(t -> t.upstream().stream().noneMatch(tasks::contains)).toList();
  }

  /** Tasks of the group with no downstream task inside the group (Airflow's {@code get_leaves}). */
  List<TaskNode> leaves() {
    return tasks.stream().filter(t -> t.downstream().stream().noneMatch(tasks::contains)).toList();
  }

  /** For a mapped group ({@code .expand(...)}/{@code .expand_kwargs(...)}): what it is mapped over. */
  public Optional<Map<String, PyValue>> expandArguments() {
    return Optional.ofNullable(expand);
  }

  void expand(Map<String, PyValue> arguments) {
    this.expand = arguments;
  }

  /** The group's own {@code default_args} merged with the enclosing groups'. */
  public Map<String, PyValue> defaultArgs() {
    return defaults;
  }

  @Override
  public String toString() {
    return "<TaskGroup: " + groupId + ">";
  }
}
