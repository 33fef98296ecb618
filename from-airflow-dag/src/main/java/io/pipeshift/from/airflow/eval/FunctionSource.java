package io.pipeshift.from.airflow.eval;

import io.pipeshift.airflow.parse.PyParser;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Where a function of the DAG file was defined: its definition (a {@code def} or a {@code lambda}) and its
 * source text (the {@code def} without its decorators, dedented), which python steps keep as their code.
 */
public record FunctionSource(String name, ParserRuleContext definition, String code, int line, int column) {

  public boolean isLambda() {
    return definition instanceof PyParser.LambdefContext;
  }

  /** How an argument binds to a parameter. */
  public enum Kind {
    POSITIONAL_ONLY,
    POSITIONAL_OR_KEYWORD,
    VAR_POSITIONAL,
    KEYWORD_ONLY,
    VAR_KEYWORD
  }

  /** One parameter; {@code defaultValue} is null when it has none. */
  public record Parameter(String name, Kind kind, PyValue defaultValue) {}
}
