package io.pipeshift.to.airflow;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes Python source line by line from constant formats with typed placeholders, JavaPoet-style:
 * <ul>
 *   <li>{@code $N} an allocated {@link PyName};
 *   <li>{@code $S} any text, written as a string literal by {@link PyLiteral};
 *   <li>{@code $L} a number or boolean;
 *   <li>{@code $E} a {@link PyExpr}; at most one per line, laid out over several lines when too long;
 *   <li>{@code $$} a dollar sign.
 * </ul>
 * Formats are constants of the generator: they may not contain quotes, backslashes or line breaks, so a
 * string can only enter the file through {@code $S} or a {@link PyExpr.Str}. A wrong or missing argument
 * fails at once.
 */
final class PyCode {

  private final List<String> lines = new ArrayList<>();
  private int indent;

  PyCode() {
    this(0);
  }

  /** A writer whose lines will sit at {@code indent} columns (layout measures widths from there). */
  PyCode(int indent) {
    this.indent = indent;
  }

  int indentation() {
    return indent;
  }

  /** One statement (or header line) at the current indentation. */
  PyCode add(String format, Object... args) {
    checkFormat(format);
    StringBuilder prefix = new StringBuilder();
    PyExpr expression = null;
    StringBuilder suffix = new StringBuilder();
    int arg = 0;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      StringBuilder target = expression == null ? prefix : suffix;
      if (c != '$') {
        target.append(c);
        continue;
      }
      if (i + 1 >= format.length()) {
        throw new IllegalArgumentException("dangling $ in " + format);
      }
      char p = format.charAt(++i);
      if (p == '$') {
        target.append('$');
        continue;
      }
      if (arg >= args.length) {
        throw new IllegalArgumentException("too few arguments for " + format);
      }
      Object a = args[arg++];
      switch (p) {
        case 'N' -> target.append(require(a, PyName.class, format).identifier());
        case 'S' -> target.append(PyLiteral.string(require(a, String.class, format)));
        case 'L' -> {
          if (a instanceof Boolean b) {
            target.append(b ? "True" : "False");
          } else if (a instanceof Long || a instanceof Integer) {
            target.append(a);
          } else if (a instanceof Double d) {
            target.append(PyExpr.number(d).flat());
          } else {
            throw new IllegalArgumentException("$L needs a number or boolean, got " + a + " in " + format);
          }
        }
        case 'E' -> {
          if (expression != null) {
            throw new IllegalArgumentException("more than one $E in " + format);
          }
          expression = require(a, PyExpr.class, format);
        }
        default -> throw new IllegalArgumentException("unknown placeholder $" + p + " in " + format);
      }
    }
    if (arg != args.length) {
      throw new IllegalArgumentException("too many arguments for " + format);
    }
    if (expression == null) {
      lines.add(" ".repeat(indent) + prefix);
    } else {
      lines.addAll(PyLayout.lines(indent, prefix.toString(), expression, suffix.toString()));
    }
    return this;
  }

  PyCode indent() {
    indent += PyLayout.STEP;
    return this;
  }

  PyCode dedent() {
    if (indent < PyLayout.STEP) {
      throw new IllegalStateException("dedent below column 0");
    }
    indent -= PyLayout.STEP;
    return this;
  }

  /** An empty line (never trailing whitespace). */
  PyCode blank() {
    lines.add("");
    return this;
  }

  /**
   * Lines of Python that the caller has checked (a user's function definition): added verbatim, each
   * indented to the current level. Only for source text proven to be one safe definition.
   */
  PyCode verbatim(List<String> checkedLines) {
    for (String l : checkedLines) {
      lines.add(l.isEmpty() ? "" : " ".repeat(indent) + l);
    }
    return this;
  }

  /** Appends another writer's lines as they are (create it at the indentation it belongs to). */
  PyCode append(PyCode other) {
    lines.addAll(other.lines);
    return this;
  }

  boolean isEmpty() {
    return lines.isEmpty();
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public String toString() {
    return String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
  }

  /** {@link #toString()} written line by line to {@code out}. */
  void writeTo(java.io.Writer out) throws java.io.IOException {
    for (String line : lines) {
      out.write(line);
      out.write('\n');
    }
  }

  private static void checkFormat(String format) {
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c == '"' || c == '\'' || c == '\\' || c == '\n' || c == '\r') {
        throw new IllegalArgumentException("formats may not contain quotes, backslashes or line breaks: " + format);
      }
    }
  }

  private static <T> T require(Object a, Class<T> type, String format) {
    if (!type.isInstance(a)) {
      throw new IllegalArgumentException(
          "expected " + type.getSimpleName() + " but got " + (a == null ? "null" : a.getClass().getSimpleName())
              + " in " + format);
    }
    return type.cast(a);
  }
}
