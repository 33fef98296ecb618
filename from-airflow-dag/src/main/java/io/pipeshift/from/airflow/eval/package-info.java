/**
 * The static evaluator: interprets a parsed DAG file over {@link io.pipeshift.from.airflow.eval.PyValue}s
 * without executing it. It knows Python's data (literals, containers, f-strings, %/format, comprehensions,
 * loops over known iterables, functions of the file with closures and defaults), a side-effect-free part of
 * the standard library (datetime, timedelta, pendulum, textwrap, json.dumps, os.path.join) and Airflow's
 * authoring API (DAG, @dag, @task and its flavours, TaskGroup/@task_group, Label, Param, chain,
 * chain_linear, cross_downstream, >>/<<, set_upstream/set_downstream, .partial/.expand, setup/teardown,
 * assets, @asset). Tasks, groups and DAGs are the mutable {@link io.pipeshift.from.airflow.eval.TaskNode},
 * {@link io.pipeshift.from.airflow.eval.TaskGroupNode}, {@link io.pipeshift.from.airflow.eval.DagNode}.
 *
 * <p>It never calls anything outside itself: an unknown call yields
 * {@link io.pipeshift.from.airflow.eval.PyValue.Unresolved} (located, with the construct's name), a class it
 * does not model an {@link io.pipeshift.from.airflow.eval.PyValue.Instance}; {@code open}, {@code exit},
 * {@code os.system}, {@code subprocess}, {@code eval} and imports of other modules are never run. Limits
 * (call depth, evaluation steps, range sizes) turn runaway files into warnings, not hangs.
 */
package io.pipeshift.from.airflow.eval;
