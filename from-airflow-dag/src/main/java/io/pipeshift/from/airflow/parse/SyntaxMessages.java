package io.pipeshift.from.airflow.parse;

import java.util.ArrayList;
import java.util.List;

import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Phrases a parser error as "found X but expected Y" in plain words. */
final class SyntaxMessages {

    private static final int[] NAME_TOKENS = {
        PyLexer.NAME, PyLexer.MATCH, PyLexer.CASE, PyLexer.TYPE, PyLexer.UNDERSCORE,
    };

    private static final int[] EXPRESSION_STARTS = {
        PyLexer.NAME, PyLexer.MATCH, PyLexer.CASE, PyLexer.TYPE, PyLexer.UNDERSCORE, PyLexer.NUMBER,
        PyLexer.STRING, PyLexer.FSTRING_START, PyLexer.LPAR, PyLexer.LSQB, PyLexer.LBRACE, PyLexer.MINUS,
        PyLexer.PLUS, PyLexer.TILDE, PyLexer.NOT, PyLexer.AWAIT, PyLexer.LAMBDA, PyLexer.NONE, PyLexer.TRUE,
        PyLexer.FALSE, PyLexer.ELLIPSIS, PyLexer.YIELD, PyLexer.STAR,
    };

    private static final int[] OPERATORS = {
        PyLexer.VBAR, PyLexer.CIRCUMFLEX, PyLexer.AMPER, PyLexer.LEFTSHIFT, PyLexer.RIGHTSHIFT, PyLexer.PLUS,
        PyLexer.MINUS, PyLexer.STAR, PyLexer.SLASH, PyLexer.DOUBLESLASH, PyLexer.PERCENT, PyLexer.AT,
        PyLexer.DOUBLESTAR, PyLexer.EQEQUAL, PyLexer.NOTEQUAL, PyLexer.LESS, PyLexer.LESSEQUAL, PyLexer.GREATER,
        PyLexer.GREATEREQUAL, PyLexer.IN, PyLexer.NOT, PyLexer.IS, PyLexer.AND, PyLexer.OR, PyLexer.IF,
        PyLexer.DOT, PyLexer.LPAR, PyLexer.LSQB, PyLexer.PLUSEQUAL, PyLexer.MINEQUAL, PyLexer.STAREQUAL,
        PyLexer.SLASHEQUAL, PyLexer.DOUBLESLASHEQUAL, PyLexer.PERCENTEQUAL, PyLexer.ATEQUAL, PyLexer.AMPEREQUAL,
        PyLexer.VBAREQUAL, PyLexer.CIRCUMFLEXEQUAL, PyLexer.LEFTSHIFTEQUAL, PyLexer.RIGHTSHIFTEQUAL,
        PyLexer.DOUBLESTAREQUAL, PyLexer.COLONEQUAL,
    };

    private SyntaxMessages() {
    }

    static String describe(Parser parser, Token offending) {
        IntervalSet expected;
        try {
            expected = parser.getExpectedTokens();
        } catch (RuntimeException e) {
            expected = new IntervalSet();
        }
        if (offending.getType() == PyLexer.INDENT) {
            return "unexpected indent: found an indented line where no block starts";
        }
        String found = found(offending);
        if (expected.size() == 1 && expected.contains(PyLexer.INDENT)) {
            return "found " + found + " but expected an indented block";
        }
        String message = "found " + found + (expected.isNil() ? " (invalid syntax)" : " but expected " + expectedWords(expected));
        Token previous = parser.getInputStream().LT(-1);
        if (previous != null && previous.getType() == PyLexer.NAME && "print".equals(previous.getText())
                && (offending.getType() == PyLexer.STRING || offending.getType() == PyLexer.NAME
                    || offending.getType() == PyLexer.NUMBER || offending.getType() == PyLexer.FSTRING_START)) {
            message += " (missing parentheses in call to 'print'?)";
        }
        return message;
    }

    static String found(Token t) {
        int type = t.getType();
        switch (type) {
            case Token.EOF:
                return "end of file";
            case PyLexer.NEWLINE:
                return t.getStopIndex() < t.getStartIndex() ? "end of file" : "end of line";
            case PyLexer.INDENT:
                return "an indent";
            case PyLexer.DEDENT:
                return "the end of an indented block";
            case PyLexer.NAME:
                return "name '" + t.getText() + "'";
            case PyLexer.NUMBER:
                return "number " + t.getText();
            case PyLexer.STRING:
                return "string " + shorten(t.getText());
            case PyLexer.FSTRING_START:
                return "f-string " + t.getText() + "...";
            case PyLexer.FSTRING_MIDDLE:
                return "f-string text " + shorten(t.getText());
            case PyLexer.FSTRING_END:
                return "the end of an f-string";
            case PyLexer.ERRORTOKEN:
                return "invalid input " + shorten(t.getText());
            default:
                String literal = PyLexer.VOCABULARY.getLiteralName(type);
                if (literal != null && Character.isLetter(literal.charAt(1))) {
                    return "keyword " + literal;
                }
                return literal != null ? literal : "'" + t.getText() + "'";
        }
    }

    private static String expectedWords(IntervalSet expected) {
        IntervalSet rest = new IntervalSet(expected);
        List<String> words = new ArrayList<>();
        if (containsAll(rest, PyLexer.NAME, PyLexer.NUMBER, PyLexer.LPAR)) {
            words.add("an expression");
            removeAll(rest, EXPRESSION_STARTS);
        } else if (rest.contains(PyLexer.NAME)) {
            words.add("a name");
            removeAll(rest, NAME_TOKENS);
        }
        int operators = 0;
        for (int op : OPERATORS) {
            if (rest.contains(op)) {
                operators++;
            }
        }
        if (operators >= 5) {
            words.add("an operator");
            removeAll(rest, OPERATORS);
        }
        for (int type : rest.toArray()) {
            words.add(expectedToken(type));
        }
        if (words.size() > 8) {
            List<String> first = new ArrayList<>(words.subList(0, 7));
            first.add("another token");
            words = first;
        }
        return join(words);
    }

    private static String expectedToken(int type) {
        switch (type) {
            case Token.EOF:
                return "end of file";
            case PyLexer.NEWLINE:
                return "end of line";
            case PyLexer.INDENT:
                return "an indented block";
            case PyLexer.DEDENT:
                return "the end of the indented block";
            case PyLexer.NAME:
                return "a name";
            case PyLexer.NUMBER:
                return "a number";
            case PyLexer.STRING:
                return "a string";
            case PyLexer.FSTRING_START:
                return "an f-string";
            case PyLexer.FSTRING_MIDDLE:
                return "f-string text";
            case PyLexer.FSTRING_END:
                return "the end of the f-string";
            default:
                String literal = PyLexer.VOCABULARY.getLiteralName(type);
                return literal != null ? literal : PyLexer.VOCABULARY.getDisplayName(type);
        }
    }

    private static boolean containsAll(IntervalSet set, int... types) {
        for (int t : types) {
            if (!set.contains(t)) {
                return false;
            }
        }
        return true;
    }

    private static void removeAll(IntervalSet set, int[] types) {
        for (int t : types) {
            set.remove(t);
        }
    }

    private static String join(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private static String shorten(String text) {
        String oneLine = text.replace("\n", "\\n").replace("\r", "\\r");
        return oneLine.length() <= 24 ? oneLine : oneLine.substring(0, 21) + "...";
    }
}
