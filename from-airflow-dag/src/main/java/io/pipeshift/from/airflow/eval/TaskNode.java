package io.pipeshift.from.airflow.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One Airflow task as the DAG file builds it. Mutable while the file is evaluated. */
public final class TaskNode implements PyValue {

  /** How the task was written. */
  public enum Style {
    /** {@code SomeOperator(task_id=..., ...)}. */
    OPERATOR,
    /** A {@code @task}-decorated function call. */
    TASKFLOW
  }

  private String taskId;
  private final Style style;
  private final String operator;
  private final String flavour;
  private final Map<String, PyValue> kwargs = new LinkedHashMap<>();
  private final List<PyValue> args = new ArrayList<>();
  private final Map<String, PyValue> expand = new LinkedHashMap<>();
  private final Map<String, PyValue> callKwargs = new LinkedHashMap<>();
  private final PyValue.Function function;
  private final int line;
  private final int column;
  private final Map<String, PyValue> defaults;
  private DagNode dag;
  private TaskGroupNode group;
  private final Set<TaskNode> upstream = new LinkedHashSet<>();
  private final Set<TaskNode> downstream = new LinkedHashSet<>();
  private boolean mapped;
  private boolean setup;
  private boolean teardown;

  TaskNode(String taskId, Style style, String operator, String flavour, PyValue.Function function,
      Map<String, PyValue> defaults, int line, int column) {
    this.taskId = taskId;
    this.style = style;
    this.operator = operator;
    this.flavour = flavour;
    this.function = function;
    this.defaults = defaults;
    this.line = line;
    this.column = column;
  }

  public String taskId() {
    return taskId;
  }

  void rename(String id) {
    this.taskId = id;
  }

  public Style style() {
    return style;
  }

  /** The operator's qualified class name, or {@code @task} / {@code @task.<flavour>} for TaskFlow. */
  public String operator() {
    return operator;
  }

  /** The TaskFlow flavour ({@code python}, {@code branch}, {@code bash}, {@code virtualenv}, ...). */
  public String flavour() {
    return flavour;
  }

  /** Keyword arguments as written (operator arguments, or TaskFlow options and call arguments). */
  public Map<String, PyValue> kwargs() {
    return kwargs;
  }

  /** Positional arguments of a TaskFlow call. */
  public List<PyValue> args() {
    return args;
  }

  /** Keyword arguments of a TaskFlow call ({@code f(x=1)}); {@link #kwargs()} holds the task's options. */
  public Map<String, PyValue> callKwargs() {
    return callKwargs;
  }

  /** {@code .expand(...)} arguments of a mapped task. */
  public Map<String, PyValue> expandArguments() {
    return expand;
  }

  public Optional<PyValue.Function> function() {
    return Optional.ofNullable(function);
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** {@code default_args} in force where the task was created (the DAG's, then its groups'). */
  public Map<String, PyValue> defaults() {
    return defaults;
  }

  /** An argument as Airflow resolves it: the task's own, else {@code default_args}. */
  public Optional<PyValue> argument(String name) {
    PyValue v = kwargs.get(name);
    if (v == null) {
      v = defaults.get(name);
    }
    return Optional.ofNullable(v);
  }

  public Optional<DagNode> dag() {
    return Optional.ofNullable(dag);
  }

  void attach(DagNode d) {
    this.dag = d;
  }

  public Optional<TaskGroupNode> group() {
    return Optional.ofNullable(group);
  }

  void group(TaskGroupNode g) {
    this.group = g;
  }

  public Set<TaskNode> upstream() {
    return upstream;
  }

  public Set<TaskNode> downstream() {
    return downstream;
  }

  public boolean mapped() {
    return mapped;
  }

  void markMapped() {
    mapped = true;
  }

  public boolean isSetup() {
    return setup;
  }

  public boolean isTeardown() {
    return teardown;
  }

  void markSetup() {
    setup = true;
  }

  void markTeardown() {
    teardown = true;
  }

  @Override
  public String toString() {
    return "<Task(" + operator + "): " + taskId + ">";
  }
}
