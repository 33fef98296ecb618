package io.pipeshift.ir;

import java.util.List;

/**
 * When the step fails with one of {@code errors} (after its retries), the run continues at {@code handler},
 * a step in the same step list that is only reached this way (an error path, e.g. a compensation step).
 */
public record CatchClause(@DefaultValue("[all]") List<ErrorClass> errors, String handler) {
  public CatchClause {
    errors = List.copyOf(errors);
  }
}
