package io.pipeshift.from.airflow.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One DAG the file builds: its arguments and its tasks by id, in creation order. */
public final class DagNode implements PyValue {

  private final String dagId;
  private final Map<String, PyValue> kwargs;
  private final Map<String, TaskNode> tasks = new LinkedHashMap<>();
  private final Map<String, Integer> groupIds = new LinkedHashMap<>();
  private final int line;
  private final int column;
  private final List<PyValue.DagParam> functionParams;
  private String docMd;

  DagNode(String dagId, Map<String, PyValue> kwargs, List<PyValue.DagParam> functionParams, int line, int column) {
    this.dagId = dagId;
    this.kwargs = kwargs;
    this.functionParams = functionParams;
    this.line = line;
    this.column = column;
  }

  public String dagId() {
    return dagId;
  }

  /** The DAG's arguments as written ({@code schedule}, {@code default_args}, {@code params}, ...). */
  public Map<String, PyValue> kwargs() {
    return kwargs;
  }

  public Map<String, TaskNode> tasks() {
    return tasks;
  }

  /** Arguments of a {@code @dag} function: DAG params with their defaults. */
  public List<PyValue.DagParam> functionParams() {
    return functionParams;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public Optional<String> docMd() {
    return Optional.ofNullable(docMd);
  }

  void docMd(String doc) {
    this.docMd = doc;
  }

  /** {@code default_args} as a map of known keys (empty when absent or unknown). */
  Map<String, PyValue> defaultArgs() {
    PyValue d = kwargs.get("default_args");
    Map<String, PyValue> out = new LinkedHashMap<>();
    if (d instanceof PyValue.Dict dict) {
      dict.entries().forEach((k, v) -> {
        if (k instanceof PyValue.Str s) {
          out.put(s.value(), v);
        }
      });
    }
    return out;
  }

  /** A group id not used yet in this DAG (Airflow suffixes {@code __1}, {@code __2} on collision). */
  String uniqueGroupId(String id) {
    Integer n = groupIds.get(id);
    if (n == null) {
      groupIds.put(id, 0);
      return id;
    }
    groupIds.put(id, n + 1);
    String candidate = id + "__" + (n + 1);
    groupIds.put(candidate, 0);
    return candidate;
  }

  @Override
  public String toString() {
    return "<DAG: " + dagId + ">";
  }
}
