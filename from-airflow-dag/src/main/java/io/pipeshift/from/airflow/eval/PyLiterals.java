package io.pipeshift.from.airflow.eval;

import java.util.Locale;

/** Python literal tokens -> values: string and f-string escapes, numbers. One place for these rules. */
final class PyLiterals {

  private PyLiterals() {}

  /** Whether a STRING token is a bytes literal ({@code b'...'}). */
  static boolean isBytes(String token) {
    return prefix(token).toLowerCase(Locale.ROOT).contains("b");
  }

  /** The text of a STRING token (prefix and quotes removed, escapes applied unless raw). */
  static String string(String token) {
    String prefix = prefix(token);
    boolean raw = prefix.indexOf('r') >= 0 || prefix.indexOf('R') >= 0;
    String body = token.substring(prefix.length());
    int q = body.startsWith("\"\"\"") || body.startsWith("'''") ? 3 : 1;
    String inner = body.substring(q, body.length() - q);
    return raw ? inner : unescape(inner, false);
  }

  /** The literal text of an f-string middle part: {@code {{}} and {@code }}} halved, escapes applied. */
  static String fstringMiddle(String text, boolean raw) {
    String t = text.replace("{{", "{").replace("}}", "}");
    return raw ? t : unescape(t, true);
  }

  private static String prefix(String token) {
    int i = 0;
    while (i < token.length() && token.charAt(i) != '\'' && token.charAt(i) != '"') {
      i++;
    }
    return token.substring(0, i);
  }

  static String unescape(String s, boolean fstring) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= n) {
        out.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case '\n' -> { }
        case '\r' -> {
          if (i + 1 < n && s.charAt(i + 1) == '\n') {
            i++;
          }
        }
        case '\\' -> out.append('\\');
        case '\'' -> out.append('\'');
        case '"' -> out.append('"');
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'v' -> out.append('\u000B');
        case 'x' -> i = hex(s, i, 2, out);
        case 'u' -> i = hex(s, i, 4, out);
        case 'U' -> i = hex(s, i, 8, out);
        case 'N' -> {
          int close = s.indexOf('}', i);
          if (i + 1 < n && s.charAt(i + 1) == '{' && close > 0) {
            try {
              out.appendCodePoint(Character.codePointOf(s.substring(i + 2, close)));
            } catch (IllegalArgumentException unknown) {
              out.append(s, i - 1, close + 1);
            }
            i = close;
          } else {
            out.append('\\').append(e);
          }
        }
        default -> {
          if (e >= '0' && e <= '7') {
            int j = i;
            int v = 0;
            while (j < n && j < i + 3 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
              v = v * 8 + (s.charAt(j) - '0');
              j++;
            }
            out.append((char) v);
            i = j - 1;
          } else {
            out.append('\\').append(e);
          }
        }
      }
    }
    return out.toString();
  }

  private static int hex(String s, int at, int digits, StringBuilder out) {
    int end = at + 1 + digits;
    if (end > s.length()) {
      out.append('\\').append(s.charAt(at));
      return at;
    }
    try {
      out.appendCodePoint(Integer.parseInt(s.substring(at + 1, end), 16));
      return end - 1;
    } catch (IllegalArgumentException bad) {
      out.append('\\').append(s.charAt(at));
      return at;
    }
  }

  /** A NUMBER token as an int or float value; null for imaginary numbers and ints beyond 64 bits. */
  static PyValue number(String token) {
    String t = token.replace("_", "");
    String lower = t.toLowerCase(Locale.ROOT);
    try {
      if (lower.endsWith("j")) {
        return null;
      }
      if (lower.startsWith("0x")) {
        return new PyValue.Int(Long.parseLong(t.substring(2), 16));
      }
      if (lower.startsWith("0o")) {
        return new PyValue.Int(Long.parseLong(t.substring(2), 8));
      }
      if (lower.startsWith("0b")) {
        return new PyValue.Int(Long.parseLong(t.substring(2), 2));
      }
      if (lower.contains(".") || lower.contains("e")) {
        return new PyValue.Float(Double.parseDouble(t));
      }
      return new PyValue.Int(Long.parseLong(t));
    } catch (NumberFormatException tooLarge) {
      return null;
    }
  }
}
