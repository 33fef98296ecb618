/**
 * Airflow DAG files -> IR, statically: the file is parsed with the project's own Python grammar
 * ({@code io.pipeshift.from.airflow.parse}), evaluated by {@link io.pipeshift.from.airflow.eval.ModuleEvaluator}
 * (nothing is imported or run) and mapped by {@link io.pipeshift.from.airflow.mapping.DagMapping}.
 *
 * <p>Entry points: {@link io.pipeshift.from.airflow.AirflowDagReader} (one file, every DAG in it),
 * {@link io.pipeshift.from.airflow.AirflowDagSource} (the {@code airflow} input format of {@code convert} and
 * friends, ServiceLoader), {@link io.pipeshift.from.airflow.AirflowImport} (a folder in parallel, with an
 * {@link io.pipeshift.from.airflow.ImportSummary}; {@code pipeshift import airflow}).
 *
 * <p><b>Keeps</b>: DAG ids, every task (task id, TaskGroup prefix, operator), every dependency, retries and
 * timeouts, schedules (cron with the start date's time zone, presets, timedeltas, cron/delta timetables,
 * assets as event patterns), params, tags, descriptions, python callables' source, the typed fields of the
 * Amazon provider operators, and whatever the IR has no field for under {@code extensions.airflow}
 * (trigger rules, mapping, leftover operator arguments, DAG arguments).
 *
 * <p><b>Recognises</b>: branch tasks whose callable tests params/XComs/JSON properties against literals and
 * whose arms meet at an EmptyOperator join (-> condition), mapped task groups over literal lists or a task's
 * result (-> for-each), {@code one_failed} tasks after work tasks (-> catch handlers).
 *
 * <p><b>Marks, never guesses</b>: values known only at run time ({@code Variable.get}, environment, the
 * clock, files, unknown calls) become {@code ${unresolved: <source>}} plus a located warning
 * ({@link io.pipeshift.from.airflow.ImportNote}); undecidable ifs and loops over unknown values are warned
 * about with what was assumed.
 */
package io.pipeshift.from.airflow;
