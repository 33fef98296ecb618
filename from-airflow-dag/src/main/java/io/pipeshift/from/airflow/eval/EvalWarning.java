package io.pipeshift.from.airflow.eval;

/**
 * Something the static evaluation could not know or could not keep, located in the DAG file.
 *
 * @param line 1-based line
 * @param column 1-based column
 * @param construct a short, stable name of the construct ({@code Variable.get}, {@code environment variable},
 *     {@code while loop}), counted in bulk-import summaries
 * @param message what happened and what the IR holds instead
 */
public record EvalWarning(int line, int column, String construct, String message) {

  /** What kind of gap a warning reports. */
  public enum Kind {
    /** A value known only at run time. */
    UNRESOLVED,
    /** An if or loop the evaluator decided by assumption, or skipped. */
    ASSUMED,
    /** A part of the file that was not evaluated at all. */
    NOT_EVALUATED
  }

  public Kind kind() {
    return switch (construct) {
      case "evaluator limit", "evaluation budget", "while loop", "match statement", "raise at module level",
          "star import", "task outside a DAG", "sys.exit (not run)" -> Kind.NOT_EVALUATED;
      default -> message.contains("assumed") || message.contains("was not evaluated") ? Kind.ASSUMED : Kind.UNRESOLVED;
    };
  }
}
