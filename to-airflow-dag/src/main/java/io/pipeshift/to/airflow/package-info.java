/**
 * IR -> Apache Airflow DAG file (Python source): Airflow 3's {@code airflow.sdk} authoring API by default,
 * Airflow 2.10 imports on request ({@code airflow.version=2}). Entry point: {@link
 * io.pipeshift.to.airflow.AirflowTarget} (ServiceLoader id {@code airflow}).
 *
 * <p><b>Keeps</b>: every step as one task (task id = step id as a Python identifier), the dependency graph
 * (transitive reduction of {@code after} plus references), conditions as a {@code @task.branch} chooser plus
 * a join with {@code none_failed_min_one_success}, for-each as a mapped task group, catch handlers with
 * {@code one_failed}, retries (count, delay, backoff multiplier, maximum delay), timeouts, typed parameters
 * with defaults, allowed values and descriptions, the first schedule with its time zone, display names and
 * descriptions, SageMaker job requests (shared with the other spokes through
 * {@link io.pipeshift.requests.SageMakerRequests}), references as Jinja templates or XCom reads, python
 * steps' own function source when it is one plain definition.
 *
 * <p><b>Drops, with a fidelity note</b> ({@link io.pipeshift.to.airflow.AirflowNote}, documented in
 * docs/targets/airflow.md): error-class filters of retries and catches, the IR's exact jitter, caching, event
 * triggers and further schedules, approval notification details, callback waits, kinds without an operator
 * (placeholders that fail the run), register-model details the operator cannot template.
 *
 * <p><b>Safety</b>: every user string reaches the file through {@link io.pipeshift.to.airflow.PyLiteral}
 * (Python literal) and, in templated fields, {@link io.pipeshift.to.airflow.AirflowTemplate} or Airflow's
 * {@code literal()} (Jinja); every identifier through {@link io.pipeshift.to.airflow.PyNames}; all code
 * through {@link io.pipeshift.to.airflow.PyCode}. The file runs nothing at import but imports and DAG
 * construction: user code is copied only when it is a definition whose header evaluates nothing.
 */
package io.pipeshift.to.airflow;
