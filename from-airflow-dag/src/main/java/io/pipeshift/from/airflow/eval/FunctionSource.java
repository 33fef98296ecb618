package io.pipeshift.from.airflow.eval;

import io.pipeshift.from.airflow.parse.PyParser;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Where a function of the DAG file was defined: its definition (a {@code def} or a {@code lambda}) and where.
 * {@link #code()} gives its source text (the {@code def} without its decorators, dedented), which python steps
 * keep as their code; it is cut from the file only when asked for.
 */
public record FunctionSource(String name, ParserRuleContext definition, int line, int column) {

  public boolean isLambda() {
    return definition instanceof PyParser.LambdefContext;
  }

  /** The source text: the dedented {@code def} (decorators excluded), or the lambda expression. */
  public String code() {
    String text = ModuleEvaluator.fullText(definition);
    return isLambda() ? text : ModuleEvaluator.dedent(text, column - 1);
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
