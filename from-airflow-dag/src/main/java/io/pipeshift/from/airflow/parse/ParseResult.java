package io.pipeshift.from.airflow.parse;

import java.util.List;
import java.util.Objects;

/**
 * Outcome of {@link PythonSourceParser#parse(String, String)}: either a parse tree or syntax errors.
 *
 * @param sourceName   name given by the caller (a file path, usually)
 * @param tree         the {@code fileInput} parse tree; {@code null} when there are diagnostics
 * @param diagnostics  syntax errors, sorted by position; empty when {@code tree} is present
 * @param llFallback   true when the fast SLL pass gave up and the full-LL pass ran
 */
public record ParseResult(String sourceName, PyParser.FileInputContext tree, List<SyntaxDiagnostic> diagnostics,
                          boolean llFallback) {

    public ParseResult {
        Objects.requireNonNull(sourceName, "sourceName");
        diagnostics = List.copyOf(diagnostics);
        if ((tree == null) == diagnostics.isEmpty()) {
            throw new IllegalArgumentException("exactly one of tree and diagnostics must be present");
        }
    }

    /** True when the source parsed without syntax errors. */
    public boolean ok() {
        return tree != null;
    }
}
