/**
 * Evaluated DAGs -> IR pipelines. {@link io.pipeshift.from.airflow.mapping.DagMapping} maps one DAG;
 * {@link io.pipeshift.from.airflow.mapping.OperatorMapping} one task's kind (Amazon provider operators to
 * typed steps, SageMaker {@code config=} through {@link io.pipeshift.requests.SageMakerRequestReader}, python
 * callables and {@code @task} to python steps with their source, Bash to bash, time sensors to waits, the rest
 * to {@code external} with the import path and raw arguments); {@link io.pipeshift.from.airflow.mapping.Structure}
 * rebuilds conditions, for-each and catches from the flat graph; {@link io.pipeshift.from.airflow.mapping.RetryMapping},
 * {@link io.pipeshift.from.airflow.mapping.ScheduleMapping} and {@link io.pipeshift.from.airflow.mapping.ParameterMapping}
 * the DAG-level settings; {@link io.pipeshift.from.airflow.mapping.ValueMapping} values (Jinja {@code params}
 * and XCom references to IR references, unknowns to marked literals); {@link io.pipeshift.from.airflow.mapping.StepIds}
 * task ids to step ids.
 *
 * <p><b>Drops, with a note</b>: trigger-rule semantics other than all_success (kept in extensions),
 * dynamic task mapping that is not a recognisable for-each (kept in extensions), Airflow's retry jitter,
 * {@code execution_timeout=None} against a DAG default, {@code @once}/{@code @continuous}/custom
 * timetables, request fields the IR kinds have no place for.
 */
package io.pipeshift.from.airflow.mapping;
