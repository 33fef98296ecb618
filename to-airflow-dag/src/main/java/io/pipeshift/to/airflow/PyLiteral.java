package io.pipeshift.to.airflow;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place text becomes a Python (or Jinja) string literal. Every user-supplied string in a generated
 * DAG file passes through {@link #quote}; nothing else writes quotes or backslashes.
 *
 * <p>The literal evaluates to exactly the input: backslashes and the quote are escaped, control characters
 * (NUL included), format characters (bidi overrides), separators other than the space, private-use,
 * unassigned and lone surrogate code units become {@code \xNN}, {@code \\uNNNN} or {@code \UNNNNNNNN}
 * escapes. Printable non-ASCII text stays readable (the file is UTF-8). A lone surrogate (possible in a
 * Java string) becomes {@code \\udXXX}, which Python also keeps as a lone surrogate.
 *
 * <p>The ASCII form ({@link Style#JINJA}) escapes every non-ASCII character as well and uses single
 * quotes: it is at the same time a valid Python literal and a valid Jinja string literal with the same
 * value (Jinja decodes string literals with Python's {@code unicode-escape} rules).
 */
public final class PyLiteral {

  /** Which kind of literal to write. */
  public enum Style {
    /** Double-quoted Python literal, readable non-ASCII text kept. */
    PYTHON('"', false),
    /** Single-quoted Python literal, for text with double quotes. */
    PYTHON_SINGLE('\'', false),
    /** Single-quoted, ASCII only: valid in Python and inside a Jinja expression. */
    JINJA('\'', true);

    private final char quote;
    private final boolean asciiOnly;

    Style(char quote, boolean asciiOnly) {
      this.quote = quote;
      this.asciiOnly = asciiOnly;
    }
  }

  private PyLiteral() {}

  /**
   * A Python string literal evaluating to {@code text}: double-quoted, or single-quoted when that needs
   * fewer escapes (as black prefers).
   */
  public static String string(String text) {
    if (isPlain(text)) {
      return '"' + text + '"'; // nothing to escape: the common case, without a pass per character
    }
    return quote(text, style(text));
  }

  /** Printable ASCII without backslash or double quote: the literal is the text in double quotes. */
  private static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '\\' || c == '"') {
        return false;
      }
    }
    return true;
  }

  /** Double quotes unless the text has more double than single quotes. */
  static Style style(String text) {
    int doubles = 0;
    int singles = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        doubles++;
      } else if (c == '\'') {
        singles++;
      }
    }
    return doubles > singles ? Style.PYTHON_SINGLE : Style.PYTHON;
  }

  /** A single-quoted ASCII literal, valid in Python and Jinja, evaluating to {@code text}. */
  public static String jinjaString(String text) {
    return quote(text, Style.JINJA);
  }

  /** The literal for {@code text} in the given style. */
  public static String quote(String text, Style style) {
    StringBuilder out = new StringBuilder(text.length() + 2);
    out.append(style.quote);
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      appendEscaped(out, cp, style);
    }
    return out.append(style.quote).toString();
  }

  /**
   * The literal split into pieces of at most {@code width} columns each (quotes included), which Python's
   * implicit concatenation joins back into {@code text}. Breaks after a newline and after the last space
   * that fits, never inside an escape; a word longer than the width gets a piece of its own without
   * surrounding spaces, so the line holding it is a single word (which ruff's E501 accepts).
   */
  public static List<String> chunks(String text, int width) {
    Style style = style(text);
    List<List<String>> words = new ArrayList<>(); // each: non-space units, then trailing spaces
    List<String> current = new ArrayList<>();
    boolean inSpaces = false;
    for (String u : units(text, style)) {
      boolean space = u.equals(" ");
      if (inSpaces && !space) {
        words.add(current);
        current = new ArrayList<>();
      }
      current.add(u);
      inSpaces = space;
      if (u.equals("\\n")) {
        current.add(NEWLINE_BREAK);
        words.add(current);
        current = new ArrayList<>();
        inSpaces = false;
      }
    }
    if (!current.isEmpty()) {
      words.add(current);
    }
    List<String> out = new ArrayList<>();
    List<String> chunk = new ArrayList<>();
    int chunkWidth = 2;
    for (List<String> word : words) {
      boolean forcedBreak = word.get(word.size() - 1) == NEWLINE_BREAK;
      List<String> units = forcedBreak ? word.subList(0, word.size() - 1) : word;
      int w = units.stream().mapToInt(PyLayout::width).sum();
      if (!chunk.isEmpty() && chunkWidth + w > width) {
        out.add(wrap(chunk, style));
        chunk = new ArrayList<>();
        chunkWidth = 2;
      }
      if (chunk.isEmpty() && 2 + w > width) {
        int solid = units.size();
        while (solid > 0 && units.get(solid - 1).equals(" ")) {
          solid--;
        }
        out.add(wrap(units.subList(0, solid), style));
        chunk = new ArrayList<>(units.subList(solid, units.size()));
        chunkWidth = 2 + chunk.size();
      } else {
        chunk.addAll(units);
        chunkWidth += w;
      }
      if (forcedBreak) {
        out.add(wrap(chunk, style));
        chunk = new ArrayList<>();
        chunkWidth = 2;
      }
    }
    if (!chunk.isEmpty() || out.isEmpty()) {
      out.add(wrap(chunk, style));
    }
    return out;
  }

  /** Marks the end of a word that ends with a newline escape (compared by identity). */
  @SuppressWarnings("StringOperationCanBeSimplified")
  private static final String NEWLINE_BREAK = new String("\\n-break");

  private static String wrap(List<String> units, Style style) {
    return style.quote + String.join("", units) + style.quote;
  }

  /** The escaped form of each code point, in order. */
  private static List<String> units(String text, Style style) {
    List<String> units = new ArrayList<>(text.length());
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      units.add(escape(cp, style));
    }
    return units;
  }

  private static String escape(int cp, Style style) {
    StringBuilder out = new StringBuilder(2);
    appendEscaped(out, cp, style);
    return out.toString();
  }

  /** Appends the escaped form of one code point: the one escaping rule of every literal written here. */
  private static void appendEscaped(StringBuilder out, int cp, Style style) {
    switch (cp) {
      case '\\':
        out.append("\\\\");
        return;
      case '\n':
        out.append("\\n");
        return;
      case '\r':
        out.append("\\r");
        return;
      case '\t':
        out.append("\\t");
        return;
      default:
        break;
    }
    if (cp == style.quote) {
      out.append('\\').append((char) cp);
    } else if (cp == ' ' && style == Style.JINJA) {
      out.append("\\x20"); // keeps a Jinja expression free of spaces
    } else if (cp >= 0x20 && cp < 0x7f) {
      out.append((char) cp);
    } else if (!style.asciiOnly && cp > 0x9f && readable(cp)) {
      out.appendCodePoint(cp);
    } else if (cp <= 0xff) {
      out.append(String.format("\\x%02x", cp));
    } else if (cp <= 0xffff) {
      out.append(String.format("\\u%04x", cp));
    } else {
      out.append(String.format("\\U%08x", cp));
    }
  }

  /** Characters a reader can see and that no editor or terminal treats specially. */
  private static boolean readable(int cp) {
    if (Character.isSurrogate((char) cp) && cp <= 0xffff) {
      return false;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
          Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
      default -> true;
    };
  }
}
