package io.pipeshift.from.airflow.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses Python 3 source text (language level 3.12/3.13) into a {@code fileInput} parse tree without
 * executing anything.
 *
 * <p>Two stages, as recommended for ANTLR 4 parsers:
 * <ol>
 *   <li><b>SLL.</b> Prediction mode {@link PredictionMode#SLL}, {@link BailErrorStrategy}, no error
 *       listeners. SLL never looks at the full parser call stack, so it is fast; it is exact for every
 *       input that is syntactically valid unless a decision needs full context. Any syntax error (or an
 *       SLL conflict that would need full context) throws {@link ParseCancellationException}.</li>
 *   <li><b>Full LL</b>, only after such a bail-out: the same token stream is rewound ({@code seek(0)},
 *       nothing is lexed twice), the parser is reset to {@link PredictionMode#LL} with an error strategy
 *       that phrases the first syntax error in plain words, and a collecting error listener records it.
 *       If this pass succeeds, the input was valid after all (an SLL "false error") and its tree is
 *       returned; {@link ParseResult#llFallback()} tells which stage produced the result.</li>
 * </ol>
 *
 * <p>Checks that CPython's parser makes beyond its grammar (assignment targets, argument order, literal
 * escapes, ...) run as grammar actions in {@link PyParserBase} during either stage; their findings are
 * reported like syntax errors. Lexical errors (bad characters, unterminated strings, inconsistent indentation) are reported by the
 * lexer; they always make the parse fail as well, because the lexer hands an {@code ERRORTOKEN} to the
 * parser. Instances are stateless and thread-safe; the ANTLR prediction caches are shared (static).
 */
public final class PythonSourceParser {

    private static final Comparator<SyntaxDiagnostic> BY_POSITION =
            Comparator.comparingInt(SyntaxDiagnostic::line).thenComparingInt(SyntaxDiagnostic::column);

    /** Parses {@code text}; {@code sourceName} is only used to label the result. */
    public ParseResult parse(String sourceName, String text) {
        CharStream chars = CharStreams.fromString(text, sourceName);
        PyLexer lexer = new PyLexer(chars);
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        PyParser parser = new PyParser(tokens);
        parser.removeErrorListeners();
        parser.setSource(text, chars.size() == text.length());
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            PyParser.FileInputContext tree = parser.fileInput();
            if (lexer.getDiagnostics().isEmpty()) {
                List<SyntaxDiagnostic> semantic = new ArrayList<>(parser.semanticDiagnostics());
                semantic.sort(BY_POSITION);
                return semantic.isEmpty()
                        ? new ParseResult(sourceName, tree, List.of(), false)
                        : new ParseResult(sourceName, null, semantic, false);
            }
        } catch (ParseCancellationException bail) {
            // fall through to the full-LL pass
        } catch (StackOverflowError deep) {
            return tooDeep(sourceName, false);
        }

        tokens.seek(0);
        parser.reset();
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        parser.setErrorHandler(new PlainWordsErrorStrategy());
        CollectingErrorListener collector = new CollectingErrorListener();
        parser.addErrorListener(collector);
        PyParser.FileInputContext tree = null;
        try {
            tree = parser.fileInput();
        } catch (ParseCancellationException firstErrorReported) {
            // PlainWordsErrorStrategy stops at the first syntax error, like CPython
        } catch (StackOverflowError deep) {
            return tooDeep(sourceName, true);
        }
        List<SyntaxDiagnostic> diagnostics = new ArrayList<>(lexer.getDiagnostics());
        diagnostics.addAll(parser.semanticDiagnostics());
        for (SyntaxDiagnostic d : collector.diagnostics) {
            // the lexer's explanation of the same spot (bad bracket, bad literal) is the better one
            boolean explained = diagnostics.stream()
                    .anyMatch(l -> l.line() == d.line() && l.column() == d.column());
            if (!explained) {
                diagnostics.add(d);
            }
        }
        if (diagnostics.isEmpty() && tree != null) {
            return new ParseResult(sourceName, tree, List.of(), true);
        }
        if (diagnostics.isEmpty()) {
            diagnostics.add(new SyntaxDiagnostic(1, 1, "invalid syntax"));
        }
        diagnostics.sort(BY_POSITION);
        return new ParseResult(sourceName, null, diagnostics, true);
    }

    private static ParseResult tooDeep(String sourceName, boolean ll) {
        return new ParseResult(sourceName, null,
                List.of(new SyntaxDiagnostic(1, 1, "source is nested too deeply to be parsed")), ll);
    }

    /** Records what the error strategy reports; errors at lexer error tokens are already explained by the lexer. */
    private static final class CollectingErrorListener extends BaseErrorListener {
        final List<SyntaxDiagnostic> diagnostics = new ArrayList<>();

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                                int charPositionInLine, String msg, RecognitionException e) {
            if (offendingSymbol instanceof Token t && t.getType() == PyLexer.ERRORTOKEN) {
                return;
            }
            diagnostics.add(new SyntaxDiagnostic(line, charPositionInLine + 1, msg));
        }
    }

    /**
     * Stops at the first syntax error (no recovery, hence no cascades of follow-up errors) after notifying
     * the listeners with a plain-words message: what was found and what was expected.
     */
    private static final class PlainWordsErrorStrategy extends BailErrorStrategy {

        @Override
        public void reportError(Parser recognizer, RecognitionException e) {
            // reported (once, in our words) by recover()
        }

        @Override
        public void recover(Parser recognizer, RecognitionException e) {
            report(recognizer, e.getOffendingToken() != null ? e.getOffendingToken() : recognizer.getCurrentToken(), e);
        }

        @Override
        public Token recoverInline(Parser recognizer) {
            report(recognizer, recognizer.getCurrentToken(), null);
            return null; // unreachable
        }

        /**
         * At the entry of a block or loop, reports a token that no alternative (nor the exit) can start, so
         * that the message lists every expected token rather than only those after a skipped optional part.
         * Unlike the default strategy this never deletes or inserts tokens.
         */
        @Override
        public void sync(Parser recognizer) {
            ATNState state = recognizer.getInterpreter().atn.states.get(recognizer.getState());
            switch (state.getStateType()) {
                case ATNState.BLOCK_START:
                case ATNState.STAR_BLOCK_START:
                case ATNState.PLUS_BLOCK_START:
                case ATNState.STAR_LOOP_ENTRY:
                case ATNState.PLUS_LOOP_BACK:
                case ATNState.STAR_LOOP_BACK:
                    IntervalSet next = recognizer.getATN().nextTokens(state);
                    int la = recognizer.getInputStream().LA(1);
                    if (!next.contains(la) && !next.contains(Token.EPSILON)) {
                        report(recognizer, recognizer.getCurrentToken(), null);
                    }
                    break;
                default:
                    break;
            }
        }

        private void report(Parser recognizer, Token offending, RecognitionException e) {
            String message = SyntaxMessages.describe(recognizer, offending);
            recognizer.notifyErrorListeners(offending, message, e);
            throw new ParseCancellationException(message, e);
        }
    }
}
