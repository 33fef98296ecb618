package io.pipeshift.from.airflow.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Runs every valid spec snippet with {@code PredictionMode.LL_EXACT_AMBIG_DETECTION} and a
 * {@code DiagnosticErrorListener} (see {@link GrammarDiagnosticsProbe}). The grammar has exactly one
 * intentional ambiguity: {@code with (a, b):} is both a parenthesised list of with-items and a single
 * tuple-valued item. CPython's PEG grammar takes the first alternative (the item list), and so does ANTLR.
 * Any other ambiguity is a grammar bug (and a potential cause of slow full-LL prediction).
 */
class GrammarAmbiguityTest {

    @Test
    void onlyTheParenthesisedWithItemsAreAmbiguous() {
        List<GrammarDiagnosticsProbe.Ambiguity> found = new ArrayList<>();
        for (Arguments a : PythonGrammarSpecTest.validSnippets()) {
            Object[] args = a.get();
            found.addAll(GrammarDiagnosticsProbe.ambiguities((String) args[0], (String) args[1]));
        }
        List<GrammarDiagnosticsProbe.Ambiguity> unexpected = found.stream()
                .filter(x -> !x.rule().equals("withStmt"))
                .toList();
        assertTrue(unexpected.isEmpty(), () -> "unexpected ambiguities: " + unexpected);
        List<String> withTexts = found.stream().map(GrammarDiagnosticsProbe.Ambiguity::text).toList();
        assertEquals(List.of("(a,b):", "(a):"), withTexts);
    }

    @Test
    void theWithAmbiguityResolvesToTheItemList() {
        ParseResult r = new PythonSourceParser().parse("<snippet>", "with (a, b): pass\n");
        PyParser.WithStmtContext with = r.tree().statement(0).compoundStmt().withStmt();
        assertEquals(2, with.withItem().size(), "two context managers, not one tuple");
    }
}
