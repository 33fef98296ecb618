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

  /**
   * The lines written so far, each ended by a newline, in chunks of about {@link #CHUNK} characters: a
   * 100,000-task DAG is ~4 million lines, and one small string per line made the emitter spend a third of
   * its time in the garbage collector (and more than 1 GiB of heap).
   */
  private final List<StringBuilder> chunks = new ArrayList<>();

  private static final int CHUNK = 1 << 16;

  /** Whether the last chunk is also held by another writer (then the next line starts a new chunk). */
  private boolean lastShared;

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
      line(" ".repeat(indent) + prefix);
    } else {
      PyLayout.lines(indent, prefix.toString(), expression, suffix.toString()).forEach(this::line);
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
    line("");
    return this;
  }

  /**
   * Lines of Python that the caller has checked (a user's function definition): added verbatim, each
   * indented to the current level. Only for source text proven to be one safe definition.
   */
  PyCode verbatim(List<String> checkedLines) {
    for (String l : checkedLines) {
      line(l.isEmpty() ? "" : " ".repeat(indent) + l);
    }
    return this;
  }

  /**
   * Appends another writer's lines as they are (create it at the indentation it belongs to). Its chunks are
   * shared, not copied; both writers start a new chunk for their next line.
   */
  PyCode append(PyCode other) {
    chunks.addAll(other.chunks);
    lastShared = true;
    other.lastShared = true;
    return this;
  }

  boolean isEmpty() {
    return chunks.isEmpty();
  }

  List<String> lines() {
    String text = toString();
    return text.isEmpty() ? List.of() : List.of(text.substring(0, text.length() - 1).split("\n", -1));
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    chunks.forEach(out::append);
    return out.toString();
  }

  /** {@link #toString()} written chunk by chunk to {@code out}. */
  void writeTo(java.io.Writer out) throws java.io.IOException {
    char[] buffer = new char[CHUNK];
    for (StringBuilder chunk : chunks) {
      for (int from = 0; from < chunk.length(); from += buffer.length) {
        int to = Math.min(chunk.length(), from + buffer.length);
        chunk.getChars(from, to, buffer, 0);
        out.write(buffer, 0, to - from);
      }
    }
  }

  private void line(String text) {
    StringBuilder last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
    if (last == null || lastShared || last.length() + text.length() >= CHUNK) {
      // a writer's first chunk starts small (most writers hold a few lines), later ones at full size
      last = new StringBuilder(Math.max(chunks.isEmpty() ? 256 : CHUNK, text.length() + 1));
      chunks.add(last);
      lastShared = false;
    }
    last.append(text).append('\n');
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
