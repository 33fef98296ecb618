package io.pipeshift.from.airflow.eval;

/**
 * Something the static evaluation could not know or could not keep, located in the DAG file.
 *
 * @param line 1-based line
 * @param column 1-based column
 * @param construct a short, stable name of the construct ({@code Variable.get}, {@code unknown call},
 *     {@code loop over unknown}), counted in bulk-import summaries
 * @param message what happened and what the IR holds instead
 */
public record EvalWarning(int line, int column, String construct, String message) {}
