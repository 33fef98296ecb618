package io.pipeshift.from.airflow.parse;

import java.util.ArrayList;
import java.util.List;

import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Hand-written superclass of {@code PyParser}: the checks CPython's parser makes beyond its grammar proper
 * (its "invalid_*" rules and literal decoding), so that {@code ast.parse} and this parser reject the same
 * sources. Grammar actions call these methods at the end of the few rules concerned, on the context just
 * built; nothing walks the tree afterwards.
 *
 * <p>Checked: assignment, augmented-assignment, annotation, for, comprehension, with-as and del targets;
 * argument order and unparenthesised generator arguments; parameters without a default after ones with a
 * default; starred expressions in parentheses and comprehensions; f-string conversion characters; string
 * and bytes literals (escape sequences, non-ASCII bytes, mixing bytes with str).
 *
 * <p>Findings go to {@link #semanticDiagnostics()}; they do not disturb the parse (prediction ignores
 * actions), and {@link PythonSourceParser} reports them along with syntax errors.
 */
public abstract class PyParserBase extends Parser {

    private final List<SyntaxDiagnostic> semanticDiagnostics = new ArrayList<>();
    private String source;
    private boolean charIndexed;

    protected PyParserBase(TokenStream input) {
        super(input);
    }

    /** Gives the checks direct access to the source (token indexes are char indexes when {@code charIndexed}). */
    void setSource(String source, boolean charIndexed) {
        this.source = source;
        this.charIndexed = charIndexed;
    }

    public List<SyntaxDiagnostic> semanticDiagnostics() {
        return semanticDiagnostics;
    }

    @Override
    public void reset() {
        super.reset();
        if (semanticDiagnostics != null) { // null while Parser's constructor calls reset()
            semanticDiagnostics.clear();
        }
    }

    private void error(Token at, String message) {
        if (semanticDiagnostics.size() < 10) {
            semanticDiagnostics.add(new SyntaxDiagnostic(at.getLine(), at.getCharPositionInLine() + 1, message));
        }
    }

    // ------------------------------------------------------------------ assignment targets

    /** exprStmt with '=', an augmented assignment or an annotation. */
    protected void checkAssignment(PyParser.ExprStmtContext ctx) {
        PyParser.StarExpressionsContext lhs = ctx.starExpressions();
        if (ctx.COLON() != null) {
            if (lhs.COMMA().size() > 0) {
                error(lhs.start, "only single target (not tuple) can be annotated");
                return;
            }
            PyParser.StarExpressionContext only = lhs.starExpression(0);
            String bad = only.STAR() != null ? "starred" : invalidTarget(only.expression());
            if (bad == null && isDisplay(only.expression(), PyLexer.LSQB)) {
                bad = "list";
            } else if (bad == null && isDisplay(only.expression(), PyLexer.LPAR)) {
                bad = "tuple";
            }
            if (bad != null) {
                error(lhs.start, bad.equals("list") || bad.equals("tuple")
                        ? "only single target (not " + bad + ") can be annotated"
                        : "illegal target for annotation");
            }
            return;
        }
        if (ctx.augAssign() != null) {
            String bad = lhs.COMMA().size() > 0 ? "tuple"
                    : lhs.starExpression(0).STAR() != null ? "starred"
                    : invalidAugTarget(lhs.starExpression(0).expression());
            if (bad != null) {
                error(lhs.start, "'" + bad + "' is an illegal expression for augmented assignment");
            }
            return;
        }
        checkTargets(lhs, "assign to");
        List<PyParser.AnnotatedRhsContext> values = ctx.annotatedRhs();
        for (int i = 0; i < values.size() - 1; i++) {
            PyParser.AnnotatedRhsContext v = values.get(i);
            if (v.yieldExpr() != null) {
                error(v.start, "assignment to yield expression not possible");
            } else {
                checkTargets(v.starExpressions(), "assign to");
            }
        }
    }

    private void checkTargets(PyParser.StarExpressionsContext list, String verb) {
        for (PyParser.StarExpressionContext e : list.starExpression()) {
            String bad = e.STAR() != null ? invalidTarget(e.bitExpr()) : invalidTarget(e.expression());
            if (bad != null) {
                error(e.start, "cannot " + verb + " " + bad);
                return;
            }
        }
    }

    /** for loops and comprehensions. */
    protected void checkStarTargets(PyParser.StarTargetsContext ctx) {
        for (PyParser.StarTargetContext t : ctx.starTarget()) {
            checkStarTarget(t);
        }
    }

    /** with-item 'as' target (a single starTarget). */
    protected void checkStarTarget(PyParser.StarTargetContext t) {
        String bad = invalidTarget(t.primary());
        if (bad != null) {
            error(t.start, "cannot assign to " + bad);
        }
    }

    protected void checkDelTargets(PyParser.DelTargetsContext ctx) {
        for (PyParser.PrimaryContext p : ctx.primary()) {
            String bad = invalidTarget(p);
            if (bad != null) {
                error(p.start, "cannot delete " + bad);
                return;
            }
        }
    }

    private static boolean isDisplay(PyParser.ExpressionContext e, int bracket) {
        PyParser.PrimaryContext p = simplePrimary(e);
        if (p == null || !p.trailer().isEmpty()) {
            return false;
        }
        PyParser.AtomContext atom = p.atom();
        if (atom.start.getType() != bracket) {
            return false;
        }
        PyParser.StarNamedExpressionsOrCompContext body = atom.starNamedExpressionsOrComp();
        return bracket == PyLexer.LSQB || body == null || !body.COMMA().isEmpty();
    }

    /** The primary an expression consists of, or null if it has operators. */
    private static PyParser.PrimaryContext simplePrimary(PyParser.ExpressionContext e) {
        if (e == null || e.lambdef() != null || e.IF() != null) {
            return null;
        }
        PyParser.DisjunctionContext d = e.disjunction(0);
        if (d.getChildCount() != 1) {
            return null;
        }
        PyParser.ComparisonContext c = d.comparison(0);
        if (c.getChildCount() != 1) {
            return null;
        }
        PyParser.BitExprContext b = c.bitExpr(0);
        if (b.getChildCount() != 1) {
            return null;
        }
        PyParser.FactorContext f = b.factor(0);
        return f.getChildCount() == 1 ? f.primary() : null;
    }

    private static String invalidAugTarget(PyParser.ExpressionContext e) {
        PyParser.PrimaryContext p = simplePrimary(e);
        if (p == null) {
            return describe(e);
        }
        if (!p.trailer().isEmpty()) {
            return p.trailer(p.trailer().size() - 1).LPAR() != null ? "function call" : null;
        }
        PyParser.AtomContext atom = p.atom();
        if (atom.LPAR() != null && atom.starNamedExpressionsOrComp() != null
                && atom.starNamedExpressionsOrComp().COMMA().isEmpty()
                && atom.starNamedExpressionsOrComp().compFor() == null) {
            PyParser.StarNamedExpressionContext inner = atom.starNamedExpressionsOrComp().starNamedExpression(0);
            return inner.namedExpression() != null && inner.namedExpression().COLONEQUAL() == null
                    ? invalidAugTarget(inner.namedExpression().expression()) : "starred";
        }
        String kind = invalidTarget(p);
        return kind != null ? kind : atom.LPAR() != null ? "tuple" : atom.LSQB() != null ? "list" : null;
    }

    /** Null if the expression may be assigned to, else what it is (for the message). */
    private static String invalidTarget(PyParser.ExpressionContext e) {
        PyParser.PrimaryContext p = simplePrimary(e);
        return p != null ? invalidTarget(p) : describe(e);
    }

    private static String invalidTarget(PyParser.BitExprContext b) {
        if (b.getChildCount() != 1 || b.factor(0).getChildCount() != 1) {
            return "expression";
        }
        return invalidTarget(b.factor(0).primary());
    }

    private static String describe(PyParser.ExpressionContext e) {
        if (e.lambdef() != null) {
            return "lambda";
        }
        if (e.IF() != null) {
            return "conditional expression";
        }
        PyParser.DisjunctionContext d = e.disjunction(0);
        if (d.getChildCount() != 1) {
            return "expression";
        }
        PyParser.ComparisonContext c = d.comparison(0);
        if (c.getChildCount() != 1) {
            return "comparison";
        }
        PyParser.FactorContext f = c.bitExpr(0).factor(0);
        if (c.bitExpr(0).getChildCount() == 1 && f.AWAIT() != null && f.getChildCount() == 2) {
            return "await expression";
        }
        return "expression";
    }

    private static String invalidTarget(PyParser.PrimaryContext p) {
        List<PyParser.TrailerContext> trailers = p.trailer();
        if (!trailers.isEmpty()) {
            return trailers.get(trailers.size() - 1).LPAR() != null ? "function call" : null;
        }
        PyParser.AtomContext atom = p.atom();
        switch (atom.start.getType()) {
            case PyLexer.NAME:
            case PyLexer.MATCH:
            case PyLexer.CASE:
            case PyLexer.TYPE:
            case PyLexer.UNDERSCORE:
                return null;
            case PyLexer.NONE:
                return "None";
            case PyLexer.TRUE:
                return "True";
            case PyLexer.FALSE:
                return "False";
            case PyLexer.ELLIPSIS:
                return "ellipsis";
            case PyLexer.NUMBER:
            case PyLexer.STRING:
                return "literal";
            case PyLexer.FSTRING_START:
                return "f-string expression";
            case PyLexer.LBRACE:
                return atom.dictOrSetBody() == null || !atom.dictOrSetBody().dictItem().isEmpty()
                        ? (atom.dictOrSetBody() != null && atom.dictOrSetBody().compFor() != null
                                ? "dict comprehension" : "dict literal")
                        : (atom.dictOrSetBody().compFor() != null ? "set comprehension" : "set display");
            case PyLexer.LPAR:
            case PyLexer.LSQB:
                if (atom.yieldExpr() != null) {
                    return "yield expression";
                }
                PyParser.StarNamedExpressionsOrCompContext body = atom.starNamedExpressionsOrComp();
                if (body == null) {
                    return null;
                }
                if (body.compFor() != null) {
                    return atom.LPAR() != null ? "generator expression" : "list comprehension";
                }
                for (PyParser.StarNamedExpressionContext element : body.starNamedExpression()) {
                    String bad;
                    if (element.STAR() != null) {
                        bad = invalidTarget(element.bitExpr());
                    } else if (element.namedExpression().COLONEQUAL() != null) {
                        bad = "named expression";
                    } else {
                        bad = invalidTarget(element.namedExpression().expression());
                    }
                    if (bad != null) {
                        return bad;
                    }
                }
                return null;
            default:
                return "expression";
        }
    }

    // ------------------------------------------------------------------ calls, parameters, starred

    /** Call or class arguments: ordering rules and unparenthesised generator expressions. */
    protected void checkArguments(PyParser.ArgumentsContext ctx) {
        boolean classDef = ctx.getParent() instanceof PyParser.ClassDefContext;
        List<PyParser.ArgumentContext> args = ctx.argument();
        boolean trailingComma = ctx.COMMA().size() >= args.size();
        boolean keyword = false;
        boolean keywordUnpacking = false;
        for (PyParser.ArgumentContext a : args) {
            if (a.namedExpression() != null) {
                if (a.compFor() != null && (classDef || args.size() > 1 || trailingComma)) {
                    error(a.start, classDef ? "a class's bases cannot be a generator expression"
                            : "generator expression must be parenthesized");
                    return;
                }
                if (keywordUnpacking) {
                    error(a.start, "positional argument follows keyword argument unpacking");
                    return;
                }
                if (keyword) {
                    error(a.start, "positional argument follows keyword argument");
                    return;
                }
            } else if (a.STAR() != null) {
                if (keywordUnpacking) {
                    error(a.start, "iterable argument unpacking follows keyword argument unpacking");
                    return;
                }
            } else if (a.EQUAL() != null) {
                keyword = true;
            } else {
                keywordUnpacking = true;
            }
        }
    }

    /** Positional parameters: none without a default after one with a default. */
    protected void checkDefaults(List<? extends ParserRuleContext> params) {
        boolean seenDefault = false;
        for (ParserRuleContext p : params) {
            boolean hasDefault = p.getChildCount() > 0
                    && p.getChild(p.getChildCount() - 2) instanceof TerminalNode eq
                    && eq.getSymbol().getType() == PyLexer.EQUAL;
            if (hasDefault) {
                seenDefault = true;
            } else if (seenDefault) {
                error(p.start, "parameter without a default follows parameter with a default");
                return;
            }
        }
    }

    /** '(' or '[' body: `(*a)` and `[*a for a in b]` are not allowed. */
    protected void checkStarredInDisplay(PyParser.StarNamedExpressionsOrCompContext body, boolean parenthesised) {
        PyParser.StarNamedExpressionContext first = body.starNamedExpression(0);
        if (first.STAR() == null) {
            return;
        }
        if (body.compFor() != null) {
            error(first.start, "iterable unpacking cannot be used in comprehension");
        } else if (parenthesised && body.COMMA().isEmpty()) {
            error(first.start, "cannot use starred expression here");
        }
    }

    /** `match *a:` needs a comma (the subject is then a tuple). */
    protected void checkSubject(PyParser.SubjectExprContext ctx) {
        if (ctx.COMMA().isEmpty() && ctx.starNamedExpression(0).STAR() != null) {
            error(ctx.start, "cannot use starred expression here");
        }
    }

    protected void checkDictOrSet(PyParser.DictOrSetBodyContext body) {
        if (body.compFor() == null) {
            return;
        }
        if (!body.dictItem().isEmpty() && body.dictItem(0).DOUBLESTAR() != null) {
            error(body.start, "dict unpacking cannot be used in dict comprehension");
        } else if (!body.starNamedExpression().isEmpty() && body.starNamedExpression(0).STAR() != null) {
            error(body.start, "iterable unpacking cannot be used in comprehension");
        }
    }

    /** `!r`, `!s` or `!a`, written right after the '!'. */
    protected void checkConversion(PyParser.FstringConversionContext ctx) {
        Token bang = ctx.EXCLAMATION().getSymbol();
        Token name = ctx.name().start;
        if (name.getStartIndex() != bang.getStopIndex() + 1) {
            error(name, "f-string: conversion type must come right after the exclamation mark");
            return;
        }
        String text = name.getText();
        if (!text.equals("r") && !text.equals("s") && !text.equals("a")) {
            error(name, "f-string: invalid conversion character '" + text + "': expected 's', 'r', or 'a'");
        }
    }

    // ------------------------------------------------------------------ string literals

    /** Adjacent literals: no bytes/str mixing; escapes and bytes contents valid. */
    protected void checkStrings(ParserRuleContext strings) {
        int kind = 0; // 1 = str, 2 = bytes
        for (ParseTree child : strings.children) {
            if (child instanceof TerminalNode node) {
                Token t = node.getSymbol();
                int prefixEnd = prefixLength(t);
                boolean bytes = false;
                boolean raw = false;
                for (int i = 0; i < prefixEnd; i++) {
                    char c = charAt(t, i);
                    bytes |= c == 'b' || c == 'B';
                    raw |= c == 'r' || c == 'R';
                }
                int thisKind = bytes ? 2 : 1;
                if (kind != 0 && kind != thisKind) {
                    error(t, "cannot mix bytes and nonbytes literals");
                    return;
                }
                kind = thisKind;
                int length = length(t);
                int quotes = length - prefixEnd >= 6 && charAt(t, prefixEnd) == charAt(t, prefixEnd + 1)
                        && charAt(t, prefixEnd) == charAt(t, prefixEnd + 2) ? 3 : 1;
                checkBody(t, prefixEnd + quotes, length - quotes, bytes, raw);
            } else if (child instanceof PyParser.FstringContext f) {
                if (kind == 2) {
                    error(f.start, "cannot mix bytes and nonbytes literals");
                    return;
                }
                kind = 1;
                boolean raw = false;
                for (int i = 0; i < prefixLength(f.start); i++) {
                    raw |= charAt(f.start, i) == 'r' || charAt(f.start, i) == 'R';
                }
                if (!raw) {
                    checkFstringParts(f.fstringPart());
                }
            }
        }
    }

    private void checkFstringParts(List<PyParser.FstringPartContext> parts) {
        for (PyParser.FstringPartContext part : parts) {
            if (part.FSTRING_MIDDLE() != null) {
                Token t = part.FSTRING_MIDDLE().getSymbol();
                checkBody(t, 0, length(t), false, false);
            } else {
                PyParser.FstringFormatSpecContext spec = part.fstringReplacementField().fstringFormatSpec();
                if (spec != null) {
                    checkFstringParts(spec.fstringPart());
                }
            }
        }
    }

    /** Token length in chars (token indexes count code points when the source has supplementary characters). */
    private int length(Token t) {
        return charIndexed ? t.getStopIndex() - t.getStartIndex() + 1 : t.getText().length();
    }

    private int prefixLength(Token t) {
        int n = 0;
        int length = length(t);
        while (n < length) {
            char c = charAt(t, n);
            if (c == '\'' || c == '"') {
                break;
            }
            n++;
        }
        return n;
    }

    private char charAt(Token t, int offset) {
        if (charIndexed) {
            return source.charAt(t.getStartIndex() + offset);
        }
        return t.getText().charAt(offset); // only for sources with supplementary characters
    }

    /** Checks the literal body between offsets [from, to) of the token. */
    private void checkBody(Token t, int from, int to, boolean bytes, boolean raw) {
        if (!charIndexed) {
            String text = t.getText();
            checkBody(t, text, from, Math.min(to, text.length()), bytes, raw);
            return;
        }
        int base = t.getStartIndex();
        checkBody(t, source, base + from, base + to, bytes, raw);
    }

    private void checkBody(Token t, String s, int from, int to, boolean bytes, boolean raw) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (bytes && c > 127) {
                error(t, "bytes can only contain ASCII literal characters");
                return;
            }
            if (c != '\\' || raw || i + 1 >= to) {
                continue;
            }
            char n = s.charAt(++i);
            String problem = null;
            switch (n) {
                case 'x':
                    problem = hexDigits(s, i + 1, to, 2) ? null : "truncated \\xXX escape";
                    break;
                case 'u':
                    problem = bytes || hexDigits(s, i + 1, to, 4) ? null : "truncated \\uXXXX escape";
                    break;
                case 'U':
                    if (!bytes) {
                        if (!hexDigits(s, i + 1, to, 8)) {
                            problem = "truncated \\UXXXXXXXX escape";
                        } else if (Long.parseLong(s.substring(i + 1, i + 9), 16) > Character.MAX_CODE_POINT) {
                            problem = "illegal Unicode character";
                        }
                    }
                    break;
                case 'N':
                    if (!bytes) {
                        int close = i + 1 < to && s.charAt(i + 1) == '{' ? s.indexOf('}', i + 2) : -1;
                        if (close < 0 || close >= to || close == i + 2) {
                            problem = "malformed \\N character escape";
                        }
                    }
                    break;
                default:
                    break;
            }
            if (problem != null) {
                error(t, "(unicode error) " + problem);
                return;
            }
        }
    }

    private static boolean hexDigits(String s, int from, int to, int count) {
        if (from + count > to) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
