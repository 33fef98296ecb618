package io.pipeshift.from.airflow.eval;

import java.util.List;

/**
 * What statically evaluating one DAG file found.
 *
 * @param dags the DAGs the file builds, in creation order
 * @param warnings what could not be known or kept, located
 * @param docstring the module docstring, if any
 */
public record EvaluatedModule(List<DagNode> dags, List<EvalWarning> warnings, String docstring) {
  public EvaluatedModule {
    dags = List.copyOf(dags);
    warnings = List.copyOf(warnings);
  }
}
