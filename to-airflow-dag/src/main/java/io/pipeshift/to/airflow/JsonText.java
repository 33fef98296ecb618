package io.pipeshift.to.airflow;

import io.pipeshift.ir.RawNull;
import java.util.List;
import java.util.Map;

/**
 * JSON text for payloads the generated DAG sends as strings (Lambda payloads, Step Functions input,
 * EventBridge details). The module depends on core-model only, so this small writer is the one place JSON
 * strings are escaped: quotes, backslashes, control characters and every non-ASCII character (as
 * {@code \\uXXXX} code units), so the text survives any transport unchanged.
 */
final class JsonText {

  private JsonText() {}

  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  /** A JSON string literal. */
  static String string(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c >= 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static void write(Object value, StringBuilder out) {
    if (value == null || value instanceof RawNull) {
      out.append("null");
    } else if (value instanceof String s) {
      out.append(string(s));
    } else if (value instanceof Boolean b) {
      out.append(b);
    } else if (value instanceof Double d) {
      if (d.isNaN()) {
        out.append("NaN");
      } else if (d.isInfinite()) {
        out.append(d > 0 ? "Infinity" : "-Infinity");
      } else {
        out.append(PyExpr.number(d).flat());
      }
    } else if (value instanceof Number n) {
      out.append(n);
    } else if (value instanceof Map<?, ?> m) {
      out.append('{');
      String sep = "";
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.append(sep).append(string(String.valueOf(e.getKey()))).append(": ");
        write(e.getValue(), out);
        sep = ", ";
      }
      out.append('}');
    } else if (value instanceof List<?> l) {
      out.append('[');
      String sep = "";
      for (Object o : l) {
        out.append(sep);
        write(o, out);
        sep = ", ";
      }
      out.append(']');
    } else {
      out.append(string(String.valueOf(value)));
    }
  }
}
