package io.pipeshift.to.airflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a python step's {@code code} can be copied into the DAG file as it is: only when it is
 * exactly one plain {@code def NAME(...):} of the step's function whose definition runs nothing when the
 * module is imported. The check is lexical (a small Python tokenizer) and conservative: anything it is not
 * sure about is refused, and the writer then calls the function from its module or emits a placeholder.
 *
 * <p>Refused: decorators (they run at import), {@code async def}, annotations (evaluated at import),
 * default values other than plain literals, any statement at column 0 after the header, unbalanced
 * brackets, unterminated strings, inconsistent indentation, tabs, control and format characters (hidden
 * bidirectional text), and f-strings with quotes inside a replacement field (Python 3.11 and 3.12
 * tokenise those differently).
 */
final class PythonSource {

  private PythonSource() {}

  /** A definition that may be copied. */
  record Definition(
      String name, List<String> lines, List<String> parameters, List<String> required, boolean acceptsAnyKeyword) {

    /** The same definition with the function renamed (the header's name token only). */
    Definition renamed(String newName) {
      List<String> l = new ArrayList<>(lines);
      l.set(0, l.get(0).replaceFirst("^def\\s+" + name + "\\b", "def " + newName));
      return new Definition(newName, l, parameters, required, acceptsAnyKeyword);
    }
  }

  /** The outcome: a definition, or why the code cannot be copied. */
  record Check(Optional<Definition> definition, String reason) {
    static Check ok(Definition d) {
      return new Check(Optional.of(d), "");
    }

    static Check refused(String reason) {
      return new Check(Optional.empty(), reason);
    }
  }

  private static final Set<String> LITERAL_NAMES = Set.of("True", "False", "None");

  /** Checks that {@code code} is a single plain definition of {@code function}. */
  static Check check(String code, String function) {
    for (int i = 0; i < code.length(); ) {
      int cp = code.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n') {
        continue;
      }
      if (cp == '\t') {
        return Check.refused("it contains a tab");
      }
      int type = Character.getType(cp);
      if (cp < 0x20 || cp == 0x7f || type == Character.CONTROL || type == Character.FORMAT
          || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE
          || type == Character.UNASSIGNED) {
        return Check.refused(String.format("it contains the invisible or control character U+%04X", cp));
      }
    }
    List<String> lines = dedent(code);
    if (lines.isEmpty()) {
      return Check.refused("it is empty");
    }
    List<LogicalLine> logical;
    try {
      logical = new Tokenizer(String.join("\n", lines) + "\n").logicalLines();
    } catch (IllegalArgumentException e) {
      return Check.refused(e.getMessage());
    }
    if (logical.isEmpty()) {
      return Check.refused("it has no statement");
    }
    LogicalLine header = logical.get(0);
    if (header.column != 0) {
      return Check.refused("it does not start at column 0");
    }
    for (int i = 1; i < logical.size(); i++) {
      if (logical.get(i).column == 0) {
        return Check.refused("it has a second top-level statement on line " + (logical.get(i).line + 1));
      }
    }
    return header(header, function, lines);
  }

  private static Check header(LogicalLine header, String function, List<String> lines) {
    List<Token> t = header.tokens;
    if (t.size() < 5 || !t.get(0).is(Kind.NAME, "def")) {
      return Check.refused("it does not start with 'def " + function + "('");
    }
    if (!t.get(1).is(Kind.NAME, function)) {
      return Check.refused("it defines '" + t.get(1).text + "', not '" + function + "'");
    }
    if (!t.get(2).is(Kind.OP, "(")) {
      return Check.refused("the definition has no parameter list");
    }
    List<String> parameters = new ArrayList<>();
    List<String> required = new ArrayList<>();
    boolean anyKeyword = false;
    boolean keywordOnly = false;
    int i = 3;
    while (i < t.size() && !t.get(i).is(Kind.OP, ")")) {
      Token tok = t.get(i);
      if (tok.is(Kind.OP, ",") || tok.is(Kind.OP, "/")) {
        i++;
        continue;
      }
      String stars = "";
      if (tok.is(Kind.OP, "*") || tok.is(Kind.OP, "**")) {
        stars = tok.text;
        i++;
        if (stars.equals("*") && i < t.size() && t.get(i).is(Kind.OP, ",")) {
          keywordOnly = true;
          continue;
        }
        tok = i < t.size() ? t.get(i) : null;
      }
      if (tok == null || tok.kind != Kind.NAME || PyNames.KEYWORDS.contains(tok.text)) {
        return Check.refused("its parameter list is not plain names with literal defaults");
      }
      String param = tok.text;
      i++;
      if (i < t.size() && t.get(i).is(Kind.OP, ":")) {
        return Check.refused("parameter annotations are evaluated at import");
      }
      boolean hasDefault = false;
      if (i < t.size() && t.get(i).is(Kind.OP, "=")) {
        if (!stars.isEmpty()) {
          return Check.refused("its parameter list is not plain names with literal defaults");
        }
        i++;
        if (i < t.size() && t.get(i).is(Kind.OP, "-")) {
          i++;
          if (i >= t.size() || t.get(i).kind != Kind.NUMBER) {
            return Check.refused("default values must be plain literals");
          }
        }
        if (i >= t.size() || !isLiteral(t.get(i))) {
          return Check.refused("default values must be plain literals (they are evaluated at import)");
        }
        i++;
        while (i < t.size() && t.get(i).kind == Kind.STRING && isLiteral(t.get(i))) {
          i++; // implicit concatenation of literal strings
        }
        hasDefault = true;
      }
      if (stars.equals("**")) {
        anyKeyword = true;
      } else if (stars.equals("*")) {
        keywordOnly = true;
      } else {
        parameters.add(param);
        if (!hasDefault) {
          required.add(param);
        }
      }
      if (i < t.size() && !t.get(i).is(Kind.OP, ",") && !t.get(i).is(Kind.OP, ")")) {
        return Check.refused("its parameter list is not plain names with literal defaults");
      }
    }
    if (i >= t.size()) {
      return Check.refused("its parameter list is not closed");
    }
    i++;
    if (i < t.size() && t.get(i).is(Kind.OP, "->")) {
      return Check.refused("return annotations are evaluated at import");
    }
    if (i >= t.size() || !t.get(i).is(Kind.OP, ":")) {
      return Check.refused("the definition header does not end with ':'");
    }
    boolean inlineBody = i + 1 < t.size();
    if (!inlineBody && header.lineCount == lines.size()) {
      return Check.refused("the function has no body");
    }
    return Check.ok(new Definition(function, lines, parameters, required, anyKeyword));
  }

  private static boolean isLiteral(Token t) {
    if (t.kind == Kind.NUMBER) {
      return true;
    }
    if (t.kind == Kind.NAME) {
      return LITERAL_NAMES.contains(t.text);
    }
    if (t.kind != Kind.STRING) {
      return false;
    }
    int quote = Math.min(t.text.indexOf('"') < 0 ? t.text.length() : t.text.indexOf('"'),
        t.text.indexOf('\'') < 0 ? t.text.length() : t.text.indexOf('\''));
    return !t.text.substring(0, quote).toLowerCase(java.util.Locale.ROOT).contains("f");
  }

  /** Lines without trailing blank lines, trailing spaces or the indentation they all share. */
  static List<String> dedent(String code) {
    List<String> lines = new ArrayList<>(List.of(code.split("\n", -1)));
    lines.replaceAll(l -> l.replaceAll("\\s+$", ""));
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    while (!lines.isEmpty() && lines.get(0).isEmpty()) {
      lines.remove(0);
    }
    int common = Integer.MAX_VALUE;
    for (String l : lines) {
      if (!l.isEmpty()) {
        int n = 0;
        while (n < l.length() && l.charAt(n) == ' ') {
          n++;
        }
        common = Math.min(common, n);
      }
    }
    if (common > 0 && common != Integer.MAX_VALUE) {
      final int c = common;
      lines.replaceAll(l -> l.isEmpty() ? l : l.substring(c));
    }
    return lines;
  }

  // ---------------------------------------------------------------------------------------------

  private enum Kind {
    NAME,
    NUMBER,
    STRING,
    OP
  }

  private record Token(Kind kind, String text) {
    boolean is(Kind k, String s) {
      return kind == k && text.equals(s);
    }
  }

  /** A logical line: its tokens, the 0-based physical line and column where it starts, lines it spans. */
  private record LogicalLine(List<Token> tokens, int line, int column, int lineCount) {}

  /** Just enough of Python's tokenizer to find logical lines, their indentation and the header's tokens. */
  private static final class Tokenizer {
    private final String s;
    private int pos;
    private int line;

    Tokenizer(String s) {
      this.s = s;
    }

    List<LogicalLine> logicalLines() {
      List<LogicalLine> out = new ArrayList<>();
      Deque<Integer> indents = new ArrayDeque<>();
      indents.push(0);
      boolean expectIndent = false;
      while (pos < s.length()) {
        // start of a physical line outside brackets: measure indentation
        int col = 0;
        while (pos < s.length() && s.charAt(pos) == ' ') {
          pos++;
          col++;
        }
        if (pos >= s.length()) {
          break;
        }
        char c = s.charAt(pos);
        if (c == '\n') {
          pos++;
          line++;
          continue;
        }
        if (c == '#') {
          skipComment();
          continue;
        }
        int startLine = line;
        if (expectIndent) {
          if (col <= indents.peek()) {
            throw new IllegalArgumentException("an indented block is missing on line " + (line + 1));
          }
          indents.push(col);
          expectIndent = false;
        } else if (col > indents.peek()) {
          throw new IllegalArgumentException("unexpected indentation on line " + (line + 1));
        } else {
          while (col < indents.peek()) {
            indents.pop();
          }
          if (col != indents.peek()) {
            throw new IllegalArgumentException("inconsistent dedent on line " + (line + 1));
          }
        }
        List<Token> tokens = readLogicalLine();
        out.add(new LogicalLine(tokens, startLine, col, line - startLine));
        Token last = tokens.get(tokens.size() - 1);
        expectIndent = last.is(Kind.OP, ":");
      }
      if (expectIndent) {
        throw new IllegalArgumentException("the last block has no body");
      }
      return out;
    }

    private void skipComment() {
      while (pos < s.length() && s.charAt(pos) != '\n') {
        pos++;
      }
    }

    /** Tokens up to the end of the logical line (the newline is consumed). */
    private List<Token> readLogicalLine() {
      List<Token> tokens = new ArrayList<>();
      Deque<Character> brackets = new ArrayDeque<>();
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == '\n') {
          pos++;
          line++;
          if (brackets.isEmpty()) {
            return tokens;
          }
          continue;
        }
        if (c == ' ') {
          pos++;
          continue;
        }
        if (c == '#') {
          skipComment();
          continue;
        }
        if (c == '\\') {
          if (pos + 1 < s.length() && s.charAt(pos + 1) == '\n') {
            pos += 2;
            line++;
            continue;
          }
          throw new IllegalArgumentException("a stray backslash on line " + (line + 1));
        }
        if (Character.isLetter(c) || c == '_' || c > 0x7f) {
          int start = pos;
          while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_'
              || s.charAt(pos) > 0x7f)) {
            pos++;
          }
          String word = s.substring(start, pos);
          if (pos < s.length() && (s.charAt(pos) == '"' || s.charAt(pos) == '\'')) {
            String prefix = word.toLowerCase(java.util.Locale.ROOT);
            if (!prefix.matches("r|u|f|b|br|rb|fr|rf")) {
              throw new IllegalArgumentException("unknown string prefix '" + word + "' on line " + (line + 1));
            }
            tokens.add(new Token(Kind.STRING, word + readString(prefix.contains("f"))));
          } else {
            tokens.add(new Token(Kind.NAME, word));
          }
          continue;
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1)))) {
          int start = pos;
          while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '.'
              || s.charAt(pos) == '_'
              || ((s.charAt(pos) == '+' || s.charAt(pos) == '-') && (s.charAt(pos - 1) == 'e' || s.charAt(pos - 1) == 'E')))) {
            pos++;
          }
          tokens.add(new Token(Kind.NUMBER, s.substring(start, pos)));
          continue;
        }
        if (c == '"' || c == '\'') {
          tokens.add(new Token(Kind.STRING, readString(false)));
          continue;
        }
        if ("([{".indexOf(c) >= 0) {
          brackets.push(c);
          tokens.add(new Token(Kind.OP, String.valueOf(c)));
          pos++;
          continue;
        }
        if (")]}".indexOf(c) >= 0) {
          char open = c == ')' ? '(' : c == ']' ? '[' : '{';
          if (brackets.isEmpty() || brackets.pop() != open) {
            throw new IllegalArgumentException("unbalanced '" + c + "' on line " + (line + 1));
          }
          tokens.add(new Token(Kind.OP, String.valueOf(c)));
          pos++;
          continue;
        }
        tokens.add(new Token(Kind.OP, readOperator()));
      }
      if (!brackets.isEmpty()) {
        throw new IllegalArgumentException("a bracket is not closed");
      }
      return tokens;
    }

    private static final List<String> OPERATORS = List.of(
        "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+=", "-=",
        "*=", "/=", "%=", "&=", "|=", "^=", "@=");

    private String readOperator() {
      for (String op : OPERATORS) {
        if (s.startsWith(op, pos)) {
          pos += op.length();
          return op;
        }
      }
      char c = s.charAt(pos);
      if ("+-*/%@&|^~<>=.,:;!".indexOf(c) < 0) {
        throw new IllegalArgumentException("unexpected character '" + c + "' on line " + (line + 1));
      }
      pos++;
      return String.valueOf(c);
    }

    /** Reads a string literal starting at the quote; returns its source text. */
    private String readString(boolean formatted) {
      int start = pos;
      char q = s.charAt(pos);
      boolean triple = s.startsWith(String.valueOf(q).repeat(3), pos);
      pos += triple ? 3 : 1;
      int fieldDepth = 0;
      while (true) {
        if (pos >= s.length()) {
          throw new IllegalArgumentException("a string is not terminated");
        }
        char c = s.charAt(pos);
        if (c == '\\') {
          if (pos + 1 < s.length() && s.charAt(pos + 1) == '\n') {
            line++;
          }
          pos += 2;
          continue;
        }
        if (c == '\n') {
          if (!triple) {
            throw new IllegalArgumentException("a string is not terminated on line " + (line + 1));
          }
          line++;
          pos++;
          continue;
        }
        if (formatted) {
          if (c == '{') {
            if (fieldDepth == 0 && pos + 1 < s.length() && s.charAt(pos + 1) == '{') {
              pos += 2;
              continue;
            }
            fieldDepth++;
          } else if (c == '}' && fieldDepth > 0) {
            fieldDepth--;
          } else if ((c == '"' || c == '\'') && fieldDepth > 0) {
            throw new IllegalArgumentException("an f-string has quotes inside a replacement field");
          }
        }
        if (c == q && fieldDepth == 0) {
          if (!triple) {
            pos++;
            return s.substring(start, pos);
          }
          if (s.startsWith(String.valueOf(q).repeat(3), pos)) {
            pos += 3;
            return s.substring(start, pos);
          }
        }
        pos++;
      }
    }
  }
}
