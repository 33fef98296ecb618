package io.pipeshift.from.airflow.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Hand-written part of the Python lexer ({@code PyLexer.g4} names this class as its superclass).
 *
 * <p>Responsibilities:
 * <ul>
 *   <li><b>Logical lines.</b> The grammar's NEWLINE rule matches every physical line break and calls
 *       {@link #onNewline()}. A break is dropped when it is inside brackets (implicit line joining)
 *       or when the next line is blank or holds only a comment; otherwise the indentation of the next
 *       line is measured by looking ahead in the character stream (no characters are consumed).</li>
 *   <li><b>INDENT / DEDENT.</b> Synthesised in {@link #nextToken()} in front of the first token of
 *       each logical line, following CPython's tokenizer: tabs advance to the next multiple of 8, a
 *       form feed resets the column, and every level is also compared with tabs counted as one column
 *       ("altcol"): disagreement is a TabError. A dedent that matches no enclosing level is an error.
 *       Errors become an {@code ERRORTOKEN} (which no parser rule accepts) plus a {@link SyntaxDiagnostic}.</li>
 *   <li><b>End of input.</b> A final NEWLINE (if the last line had tokens) and one DEDENT per open level.</li>
 *   <li><b>f-strings (PEP 701).</b> Tracks the nesting of f-strings and replacement fields: a '}' or a
 *       ':' at the field's own bracket depth ends the field / starts its format spec; inside
 *       brackets they are ordinary tokens. A ':=' at field level is a ':' followed by a spec starting
 *       with '=' (as in CPython: {@code f"{x:=10}"}).</li>
 * </ul>
 *
 * <p>Allocation: besides the tokens themselves, only the synthetic INDENT/DEDENT/NEWLINE tokens are
 * created; indentation is measured with {@code _input.LA(i)}, never via token text.
 */
public abstract class PyLexerBase extends Lexer {

    private static final int TAB_SIZE = 8;

    /** Synthetic tokens waiting to be handed out (INDENT/DEDENT/ERRORTOKEN followed by a real token, or the EOF run). */
    private final ArrayDeque<Token> pending = new ArrayDeque<>();

    private int[] indentStack = new int[32];
    private int[] altIndentStack = new int[32];
    private int indentTop; // indentStack[0] == 0 always

    /** Open (, [ and { including the braces of f-string replacement fields. */
    private int depth;
    // The open brackets themselves (character, line, column), for "never closed" / "does not match" errors.
    private int[] bracketChars = new int[32];
    private int[] bracketLines = new int[32];
    private int[] bracketColumns = new int[32];

    /** True while no token of the current logical line has been handed out. */
    private boolean atLineStart = true;
    private boolean firstCall = true;

    /** Indentation (tabs to 8 / tabs as 1) of the line that follows the last logical NEWLINE. */
    private int nextIndent;
    private int nextAltIndent;

    // f-string bookkeeping: one entry per open f-string (its body mode) ...
    private int[] fstringModes = new int[8];
    private int fstringTop;
    // ... and one per open replacement field (bracket depth right after its '{', spec mode to use).
    private int[] fieldDepths = new int[8];
    private int[] fieldSpecModes = new int[8];
    private int fieldTop;

    private final List<SyntaxDiagnostic> diagnostics = new ArrayList<>();
    private static final int MAX_DIAGNOSTICS = 10;

    protected PyLexerBase(CharStream input) {
        super(input);
    }

    /** Lexical errors found so far (bad characters, unterminated strings, indentation errors). */
    public List<SyntaxDiagnostic> getDiagnostics() {
        return diagnostics;
    }

    @Override
    public void reset() {
        super.reset();
        pending.clear();
        indentTop = 0;
        depth = 0;
        atLineStart = true;
        firstCall = true;
        fstringTop = 0;
        fieldTop = 0;
        diagnostics.clear();
    }

    // ------------------------------------------------------------------ token stream

    @Override
    public Token nextToken() {
        if (!pending.isEmpty()) {
            return pending.poll();
        }
        if (firstCall) {
            firstCall = false;
            measureIndentation(1);
        }
        while (true) {
            Token t = super.nextToken();
            int type = t.getType();
            if (type == PyLexer.NEWLINE) {
                if (atLineStart) {
                    continue; // nothing on this logical line (only possible at the start of input)
                }
                atLineStart = true;
                return t;
            }
            if (type == Token.EOF) {
                return endOfInput(t);
            }
            if (atLineStart) {
                atLineStart = false;
                if (indentationChanges(t)) {
                    pending.add(t);
                    return pending.poll();
                }
            }
            return t;
        }
    }

    @Override
    public Token emit() {
        Token t = super.emit();
        if (t.getType() == PyLexer.ERRORTOKEN) {
            reportErrorToken(t);
        }
        return t;
    }

    /** Queues INDENT/DEDENT (or an error token) for the first token of a logical line; true if anything was queued. */
    private boolean indentationChanges(Token first) {
        int col = nextIndent;
        int alt = nextAltIndent;
        int top = indentStack[indentTop];
        if (col == top) {
            if (alt != altIndentStack[indentTop]) {
                pending.add(errorToken(first, "inconsistent use of tabs and spaces in indentation"));
                return true;
            }
            return false;
        }
        if (col > top) {
            if (alt <= altIndentStack[indentTop]) {
                pending.add(errorToken(first, "inconsistent use of tabs and spaces in indentation"));
                return true;
            }
            if (++indentTop == indentStack.length) {
                indentStack = Arrays.copyOf(indentStack, indentTop * 2);
                altIndentStack = Arrays.copyOf(altIndentStack, indentTop * 2);
            }
            indentStack[indentTop] = col;
            altIndentStack[indentTop] = alt;
            pending.add(synthetic(PyLexer.INDENT, first, "<INDENT>"));
            return true;
        }
        while (indentTop > 0 && col < indentStack[indentTop]) {
            indentTop--;
            pending.add(synthetic(PyLexer.DEDENT, first, "<DEDENT>"));
        }
        if (col != indentStack[indentTop]) {
            pending.add(errorToken(first, "unindent does not match any outer indentation level"));
        } else if (alt != altIndentStack[indentTop]) {
            pending.add(errorToken(first, "inconsistent use of tabs and spaces in indentation"));
        }
        return true;
    }

    private Token endOfInput(Token eof) {
        if (depth > 0) {
            int i = depth - 1;
            diagnose(bracketLines[i], bracketColumns[i] + 1,
                    "'" + (char) bracketChars[i] + "' was never closed");
        }
        if (!atLineStart) {
            pending.add(synthetic(PyLexer.NEWLINE, eof, "<NEWLINE>"));
            atLineStart = true;
        }
        while (indentTop > 0) {
            indentTop--;
            pending.add(synthetic(PyLexer.DEDENT, eof, "<DEDENT>"));
        }
        pending.add(eof);
        return pending.poll();
    }

    private Token synthetic(int type, Token at, String text) {
        return _factory.create(_tokenFactorySourcePair, type, text, Token.DEFAULT_CHANNEL,
                at.getStartIndex(), at.getStartIndex() - 1, at.getLine(), at.getCharPositionInLine());
    }

    private void diagnose(int line, int column, String message) {
        if (diagnostics.size() < MAX_DIAGNOSTICS) {
            diagnostics.add(new SyntaxDiagnostic(line, column, message));
        }
    }

    private Token errorToken(Token at, String message) {
        diagnose(at.getLine(), at.getCharPositionInLine() + 1, message);
        return _factory.create(_tokenFactorySourcePair, PyLexer.ERRORTOKEN, "<indentation error>",
                Token.DEFAULT_CHANNEL, at.getStartIndex(), at.getStartIndex() - 1, at.getLine(),
                at.getCharPositionInLine());
    }

    private void reportErrorToken(Token t) {
        int start = t.getStartIndex();
        int c = _input.getText(Interval.of(start, start)).codePointAt(0);
        String message;
        if (c == '\'' || c == '"' || isStringPrefixChar(c)) {
            boolean triple = t.getStopIndex() - start >= 2 && tripleQuoteAt(start);
            message = _mode != DEFAULT_MODE
                    ? unexpectedInFString(c)
                    : triple ? "unterminated triple-quoted string literal" : "unterminated string literal";
        } else if (c == '\\') {
            message = "unexpected character after line continuation character";
        } else if (c == '}' && _mode != DEFAULT_MODE) {
            message = "f-string: single '}' is not allowed";
        } else if (c == '\n' || c == '\r') {
            message = "unterminated f-string literal";
        } else if (c == '0' && _mode == DEFAULT_MODE) {
            message = "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers";
        } else if (c == '\u00a0' || Character.getType(c) == Character.FORMAT) {
            message = String.format("invalid non-printable character U+%04X", c);
        } else {
            message = String.format("invalid character '%s' (U+%04X)", new String(Character.toChars(c)), c);
        }
        diagnose(t.getLine(), t.getCharPositionInLine() + 1, message);
    }

    private static String unexpectedInFString(int c) {
        return "f-string: unexpected character '" + new String(Character.toChars(c)) + "'";
    }

    private static boolean isStringPrefixChar(int c) {
        return c == 'r' || c == 'R' || c == 'u' || c == 'U' || c == 'b' || c == 'B';
    }

    private boolean tripleQuoteAt(int start) {
        String s = _input.getText(Interval.of(start, Math.min(start + 4, _input.size() - 1)));
        return s.contains("'''") || s.contains("\"\"\"");
    }

    // ------------------------------------------------------------------ actions called by PyLexer.g4

    /**
     * NEWLINE action. Inside brackets the break is dropped. Otherwise the next line's indentation is
     * measured (unless it is blank, comment-only or the end of input) and the break is kept if it ends a
     * logical line; {@link #nextToken()} drops kept breaks that follow no token (e.g. at the start of input).
     */
    protected void onNewline() {
        if (depth > 0) {
            skip();
            return;
        }
        if (!measureIndentation(1) && atLineStart) {
            skip();
        }
    }

    /**
     * Measures the indentation of the line starting at lookahead offset {@code la}; returns false for
     * a blank line, a comment-only line or end of input (whose line breaks are not logical line ends).
     */
    private boolean measureIndentation(int la) {
        int col = 0;
        int alt = 0;
        int i = la;
        while (true) {
            int c = _input.LA(i);
            if (c == ' ') {
                col++;
                alt++;
            } else if (c == '\t') {
                col = (col / TAB_SIZE + 1) * TAB_SIZE;
                alt++;
            } else if (c == '\f') {
                col = 0;
                alt = 0;
            } else {
                if (c == '\n' || c == '\r' || c == '#' || c == CharStream.EOF) {
                    return false;
                }
                if (c == '\\' && (_input.LA(i + 1) == '\n' || _input.LA(i + 1) == '\r')) {
                    return false; // a line that is only a continuation backslash joins the next one
                }
                break;
            }
            i++;
        }
        nextIndent = col;
        nextAltIndent = alt;
        return true;
    }

    protected void openBracket() {
        if (depth == bracketChars.length) {
            bracketChars = Arrays.copyOf(bracketChars, depth * 2);
            bracketLines = Arrays.copyOf(bracketLines, depth * 2);
            bracketColumns = Arrays.copyOf(bracketColumns, depth * 2);
        }
        bracketChars[depth] = _input.LA(-1);
        bracketLines[depth] = _tokenStartLine;
        bracketColumns[depth] = _tokenStartCharPositionInLine;
        depth++;
    }

    protected void closeBracket() {
        // ')' and ']' never close a replacement field: keep the field's own depth intact so that its '}'
        // is still recognised (the parser reports the stray bracket).
        int floor = fieldTop > 0 ? fieldDepths[fieldTop - 1] : 0;
        checkClosing(floor);
        if (depth > floor) {
            depth--;
        }
    }

    /** '}' in DEFAULT_MODE: either closes a bracket or ends the innermost replacement field. */
    protected void closeBrace() {
        if (fieldTop > 0 && fieldDepths[fieldTop - 1] == depth) {
            fieldTop--;
            depth--;
            popMode(); // back to the f-string body or the enclosing format spec
        } else {
            checkClosing(fieldTop > 0 ? fieldDepths[fieldTop - 1] : 0);
            if (depth > 0) {
                depth--;
            }
        }
    }

    /** Reports a closing bracket that has no opener or the wrong one (CPython's tokenizer errors). */
    private void checkClosing(int floor) {
        int close = _input.LA(-1);
        int line = _tokenStartLine;
        int column = _tokenStartCharPositionInLine + 1;
        if (depth <= floor) {
            diagnose(line, column, "unmatched '" + (char) close + "'");
            return;
        }
        int open = bracketChars[depth - 1];
        boolean matches = open == '(' ? close == ')' : open == '[' ? close == ']' : close == '}';
        if (!matches) {
            diagnose(line, column, "closing parenthesis '" + (char) close + "' does not match opening parenthesis '"
                    + (char) open + "'");
        }
    }

    /** ':' in DEFAULT_MODE: at a replacement field's own level it starts the format spec. */
    protected void colon() {
        if (atFieldLevel()) {
            pushMode(fieldSpecModes[fieldTop - 1]);
        }
    }

    /** ':=' in DEFAULT_MODE: at field level this is ':' plus a spec beginning with '='. */
    protected void colonEqual() {
        if (atFieldLevel()) {
            setType(PyLexer.COLON);
            _input.seek(_input.index() - 1);
            getInterpreter().setCharPositionInLine(getInterpreter().getCharPositionInLine() - 1);
            pushMode(fieldSpecModes[fieldTop - 1]);
        }
    }

    private boolean atFieldLevel() {
        return fieldTop > 0 && fieldDepths[fieldTop - 1] == depth;
    }

    /** FSTRING_START_* action: the token becomes FSTRING_START and the body mode is entered. */
    protected void fstringStart(int bodyMode) {
        setType(PyLexer.FSTRING_START);
        if (fstringTop == fstringModes.length) {
            fstringModes = Arrays.copyOf(fstringModes, fstringTop * 2);
        }
        fstringModes[fstringTop++] = bodyMode;
        pushMode(bodyMode);
    }

    /** Closing quote of an f-string body. */
    protected void fstringEnd() {
        if (fstringTop > 0) {
            fstringTop--;
        }
        popMode();
    }

    /** '{' in an f-string body or format spec: a replacement field starts, lexed in DEFAULT_MODE. */
    protected void fieldStart() {
        openBracket();
        if (fieldTop == fieldDepths.length) {
            fieldDepths = Arrays.copyOf(fieldDepths, fieldTop * 2);
            fieldSpecModes = Arrays.copyOf(fieldSpecModes, fieldTop * 2);
        }
        fieldDepths[fieldTop] = depth;
        fieldSpecModes[fieldTop] = specModeFor(fstringTop > 0 ? fstringModes[fstringTop - 1] : PyLexer.F_DQ);
        fieldTop++;
        pushMode(DEFAULT_MODE);
    }

    /** '}' in a format spec: ends the spec and the replacement field it belongs to. */
    protected void specEnd() {
        popMode(); // the spec
        if (fieldTop > 0) {
            fieldTop--;
            depth--;
            popMode(); // the field's DEFAULT_MODE
        }
    }

    private static int specModeFor(int bodyMode) {
        switch (bodyMode) {
            case PyLexer.F_SQ:
            case PyLexer.RF_SQ:
                return PyLexer.SPEC_SQ;
            case PyLexer.F_DQ:
            case PyLexer.RF_DQ:
                return PyLexer.SPEC_DQ;
            default:
                return PyLexer.SPEC_LONG;
        }
    }
}
