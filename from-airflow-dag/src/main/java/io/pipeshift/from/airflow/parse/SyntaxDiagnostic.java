package io.pipeshift.from.airflow.parse;

/**
 * One syntax error in a Python source.
 *
 * @param line    1-based line number
 * @param column  1-based column (in characters; a tab counts as one)
 * @param message what was found and what was expected, in plain words
 */
public record SyntaxDiagnostic(int line, int column, String message) {

    @Override
    public String toString() {
        return line + ":" + column + ": " + message;
    }
}
