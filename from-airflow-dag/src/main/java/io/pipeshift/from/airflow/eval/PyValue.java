package io.pipeshift.from.airflow.eval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value the static evaluator knows (or knows it does not know). Plain Python data are records; the
 * Airflow objects a DAG file builds (tasks, groups, DAGs) are the mutable classes {@link TaskNode},
 * {@link TaskGroupNode} and {@link DagNode}. Nothing here ever runs user code.
 */
public interface PyValue {

  /** Python's {@code None}. */
  enum None implements PyValue {
    NONE
  }

  record Bool(boolean value) implements PyValue {
    public static final Bool TRUE = new Bool(true);
    public static final Bool FALSE = new Bool(false);

    public static Bool of(boolean b) {
      return b ? TRUE : FALSE;
    }
  }

  record Int(long value) implements PyValue {}

  record Float(double value) implements PyValue {}

  record Str(String value) implements PyValue {}

  /** A list (mutable: {@code append}/{@code extend} at module level are common in DAG files). */
  record PyList(List<PyValue> items) implements PyValue {
    public static PyList of(List<PyValue> items) {
      return new PyList(new ArrayList<>(items));
    }
  }

  record Tuple(List<PyValue> items) implements PyValue {
    public Tuple {
      items = List.copyOf(items);
    }
  }

  record PySet(List<PyValue> items) implements PyValue {}

  /** A dict in insertion order (mutable, like Python's). */
  record Dict(LinkedHashMap<PyValue, PyValue> entries) implements PyValue {
    public static Dict empty() {
      return new Dict(new LinkedHashMap<>());
    }

    public PyValue get(String key) {
      return entries.get(new Str(key));
    }
  }

  /** {@code datetime.timedelta}, {@code pendulum.duration}. */
  record Timedelta(Duration value) implements PyValue {}

  /** {@code datetime.datetime}, {@code pendulum.datetime}: ISO-8601 text and the time zone if given. */
  record DateTime(String iso, String timezone) implements PyValue {}

  /**
   * Something that cannot be known without running the file: the source text of the expression and the
   * construct it stands for ({@code Variable.get}, {@code call os.environ.get}, ...). Flows through
   * the evaluation like any value and becomes a marked value plus a located warning in the IR.
   */
  record Unresolved(String source, String construct, int line, int column) implements PyValue {
    /** The marked text that stands for the value in the IR. */
    public String marker() {
      return "${unresolved: " + source + "}";
    }
  }

  /** An imported name, by its qualified Python path ({@code airflow.sdk.DAG}, {@code datetime.timedelta}). */
  record Symbol(String qualifiedName) implements PyValue {
    public String simpleName() {
      int dot = qualifiedName.lastIndexOf('.');
      return dot < 0 ? qualifiedName : qualifiedName.substring(dot + 1);
    }
  }

  /** An attribute of a value that is looked up at call time ({@code task.set_downstream}, {@code s.format}). */
  record BoundMethod(PyValue self, String name) implements PyValue {}

  /** A class defined in the DAG file; its body is never run. */
  record ClassDef(String name, String qualifiedName, List<PyValue> bases) implements PyValue {}

  /**
   * A function defined in the DAG file (or a lambda), with the scope it closes over and its parameters
   * (defaults are evaluated where the function is defined, as in Python).
   */
  record Function(String name, FunctionSource source, Scope closure, List<FunctionSource.Parameter> parameters)
      implements PyValue {}

  /**
   * An object of a class the evaluator does not model ({@code CronTriggerTimetable(...)},
   * {@code k8s.V1Pod(...)}): the call as written, so a mapping can read it or mark it.
   */
  record Instance(String qualifiedName, List<PyValue> args, Map<String, PyValue> kwargs, Unresolved asUnresolved)
      implements PyValue {}

  /** {@code @task}-style decorated function: calling it creates a task. */
  record TaskFactory(Function function, String flavour, Map<String, PyValue> options) implements PyValue {
    public TaskFactory with(Map<String, PyValue> more) {
      Map<String, PyValue> merged = new LinkedHashMap<>(options);
      merged.putAll(more);
      return new TaskFactory(function, flavour, merged);
    }
  }

  /** A decorator that still waits for its function ({@code @task.virtualenv(...)}, {@code @dag(...)}). */
  record PendingDecorator(String kind, String flavour, Map<String, PyValue> options) implements PyValue {}

  /** {@code @dag}-decorated function: calling it builds a DAG. */
  record DagFactory(Function function, Map<String, PyValue> options) implements PyValue {}

  /** {@code @task_group}-decorated function: calling it builds a task group. */
  record GroupFactory(Function function, Map<String, PyValue> options) implements PyValue {}

  /** {@code Operator.partial(...)} or {@code factory.partial(...)}, waiting for {@code .expand(...)}. */
  record Partial(PyValue callee, Map<String, PyValue> kwargs, List<PyValue> args) implements PyValue {}

  /** The result of a task ({@code XComArg}): passing it to another task makes an edge. */
  record XComArg(TaskNode task, String key) implements PyValue {}

  /** {@code Label("...")}: an edge modifier that remembers the tasks on its left. */
  record EdgeLabel(String label, List<TaskNode> upstream) implements PyValue {}

  /** {@code Param(default, type=..., ...)}. */
  record Param(PyValue defaultValue, Map<String, PyValue> options) implements PyValue {}

  /** An argument of a {@code @dag} function: a DAG parameter read when the run starts. */
  record DagParam(String name, PyValue defaultValue) implements PyValue {}

  /** {@code Asset(...)}/{@code Dataset(...)}, or an {@code |}/{@code &} combination of them. */
  record Asset(String operator, List<String> names) implements PyValue {}
}
