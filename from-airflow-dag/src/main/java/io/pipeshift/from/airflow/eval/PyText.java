package io.pipeshift.from.airflow.eval;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Python's {@code str()}, {@code repr()}, {@code format()} and {@code json.dumps()} for known values. Each
 * returns null when the value (or a part of it) is not known, so the caller can mark the result.
 */
final class PyText {

  private PyText() {}

  static String str(PyValue v) {
    if (v instanceof PyValue.Str s) {
      return s.value();
    }
    return repr(v);
  }

  static String repr(PyValue v) {
    if (v instanceof PyValue.Str s) {
      return quote(s.value());
    }
    if (v instanceof PyValue.Int i) {
      return Long.toString(i.value());
    }
    if (v instanceof PyValue.Float f) {
      return floatRepr(f.value());
    }
    if (v instanceof PyValue.Bool b) {
      return b.value() ? "True" : "False";
    }
    if (v == PyValue.None.NONE) {
      return "None";
    }
    if (v instanceof PyValue.PyList l) {
      return seq("[", l.items(), "]");
    }
    if (v instanceof PyValue.Tuple t) {
      return t.items().size() == 1 ? "(" + elem(t.items().get(0)) + ",)" : seq("(", t.items(), ")");
    }
    if (v instanceof PyValue.PySet s) {
      return s.items().isEmpty() ? "set()" : seq("{", s.items(), "}");
    }
    if (v instanceof PyValue.Dict d) {
      StringBuilder b = new StringBuilder("{");
      String sep = "";
      for (Map.Entry<PyValue, PyValue> e : d.entries().entrySet()) {
        String k = repr(e.getKey());
        String x = repr(e.getValue());
        if (k == null || x == null) {
          return null;
        }
        b.append(sep).append(k).append(": ").append(x);
        sep = ", ";
      }
      return b.append('}').toString();
    }
    if (v instanceof PyValue.Timedelta t) {
      return timedelta(t.value());
    }
    if (v instanceof PyValue.DateTime d) {
      return d.iso().replace('T', ' ') + ("UTC".equals(d.timezone()) ? "+00:00" : "");
    }
    if (v instanceof PyValue.XComArg x) {
      // what Airflow renders for an XComArg used in a template string
      return "{{ task_instance.xcom_pull(task_ids='" + x.task().taskId() + "', dag_id='"
          + x.task().dag().map(DagNode::dagId).orElse("") + "', key='" + x.key() + "') }}";
    }
    if (v instanceof PyValue.DagParam p) {
      return "{{ params." + p.name() + " }}";
    }
    return null;
  }

  private static String elem(PyValue v) {
    String r = repr(v);
    return r == null ? "?" : r;
  }

  private static String seq(String open, List<PyValue> items, String close) {
    StringBuilder b = new StringBuilder(open);
    String sep = "";
    for (PyValue i : items) {
      String r = repr(i);
      if (r == null) {
        return null;
      }
      b.append(sep).append(r);
      sep = ", ";
    }
    return b.append(close).toString();
  }

  static String quote(String s) {
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder b = new StringBuilder().append(q);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c == q) {
            b.append('\\').append(c);
          } else if (c < 0x20 || c == 0x7f) {
            b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append(q).toString();
  }

  static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e16) {
      return new BigDecimal(d).toPlainString() + ".0";
    }
    String s = Double.toString(d);
    if (s.contains("E")) {
      String[] parts = s.split("E");
      int exp = Integer.parseInt(parts[1]);
      String mant = parts[0].endsWith(".0") ? parts[0].substring(0, parts[0].length() - 2) : parts[0];
      if (exp >= -4 && exp < 16) {
        return new BigDecimal(s).toPlainString();
      }
      return mant + "e" + (exp < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
    }
    return s;
  }

  /** Python's {@code str(timedelta)}: {@code 1 day, 2:03:04}. */
  static String timedelta(Duration d) {
    long total = d.getSeconds();
    long days = Math.floorDiv(total, 86400);
    long rest = Math.floorMod(total, 86400);
    String hms = String.format(Locale.ROOT, "%d:%02d:%02d", rest / 3600, (rest % 3600) / 60, rest % 60);
    if (d.getNano() != 0) {
      hms += String.format(Locale.ROOT, ".%06d", d.getNano() / 1000);
    }
    return days == 0 ? hms : days + (Math.abs(days) == 1 ? " day, " : " days, ") + hms;
  }

  /** {@code format(value, spec)} for the common format specifications; null when not supported. */
  static String format(PyValue v, String spec) {
    if (spec.isEmpty()) {
      return str(v);
    }
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("(?:(.)?([<>^=]))?([+\\- ])?(#)?(0)?(\\d+)?([,_])?(?:\\.(\\d+))?([bcdeEfFgGnosxX%])?")
        .matcher(spec);
    if (!m.matches()) {
      return null;
    }
    String fill = m.group(1) == null ? (m.group(5) != null ? "0" : " ") : m.group(1);
    String align = m.group(2);
    String sign = m.group(3);
    int width = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
    String grouping = m.group(7);
    Integer precision = m.group(8) == null ? null : Integer.parseInt(m.group(8));
    String type = m.group(9);
    String body;
    boolean numeric = v instanceof PyValue.Int || v instanceof PyValue.Float || v instanceof PyValue.Bool;
    if (type == null || type.equals("s")) {
      if (numeric && precision != null && v instanceof PyValue.Float f) {
        body = new BigDecimal(f.value()).setScale(precision, java.math.RoundingMode.HALF_EVEN).toPlainString();
      } else {
        body = str(v);
        if (body == null) {
          return null;
        }
        if (precision != null && !numeric && body.length() > precision) {
          body = body.substring(0, precision);
        }
      }
    } else if (numeric) {
      double d = v instanceof PyValue.Int i ? i.value() : v instanceof PyValue.Float f ? f.value()
          : ((PyValue.Bool) v).value() ? 1 : 0;
      long n = (long) d;
      switch (type) {
        case "d", "n" -> {
          if (!(v instanceof PyValue.Int) && !(v instanceof PyValue.Bool)) {
            return null;
          }
          body = Long.toString(n);
        }
        case "f", "F" -> body = String.format(Locale.ROOT, "%." + (precision == null ? 6 : precision) + "f", d);
        case "e", "E" -> body = String.format(Locale.ROOT, "%." + (precision == null ? 6 : precision) + type, d);
        case "%" -> body = String.format(Locale.ROOT, "%." + (precision == null ? 6 : precision) + "f", d * 100) + "%";
        case "x" -> body = Long.toHexString(n);
        case "X" -> body = Long.toHexString(n).toUpperCase(Locale.ROOT);
        case "o" -> body = Long.toOctalString(n);
        case "b" -> body = Long.toBinaryString(n);
        default -> {
          return null;
        }
      }
      if (grouping != null && (type.equals("d") || type.equals("f") || type.equals("F"))) {
        int dot = body.indexOf('.');
        String intPart = dot < 0 ? body : body.substring(0, dot);
        String frac = dot < 0 ? "" : body.substring(dot);
        boolean neg = intPart.startsWith("-");
        String digits = neg ? intPart.substring(1) : intPart;
        StringBuilder g = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
          if (i > 0 && (digits.length() - i) % 3 == 0) {
            g.append(grouping);
          }
          g.append(digits.charAt(i));
        }
        body = (neg ? "-" : "") + g + frac;
      }
      if (sign != null && !body.startsWith("-") && !sign.equals("-")) {
        body = sign + body;
      }
    } else {
      return null;
    }
    if (body.length() >= width) {
      return body;
    }
    String a = align != null ? align : numeric ? ">" : "<";
    if (m.group(5) != null && align == null && numeric) {
      a = "=";
    }
    int pad = width - body.length();
    return switch (a) {
      case "<" -> body + fill.repeat(pad);
      case "^" -> fill.repeat(pad / 2) + body + fill.repeat(pad - pad / 2);
      case "=" -> body.startsWith("-") || body.startsWith("+")
          ? body.charAt(0) + fill.repeat(pad) + body.substring(1) : fill.repeat(pad) + body;
      default -> fill.repeat(pad) + body;
    };
  }

  /** {@code json.dumps(value)} with Python's default separators; null when a part is not known. */
  static String json(PyValue v) {
    if (v instanceof PyValue.Str s) {
      StringBuilder b = new StringBuilder("\"");
      for (int i = 0; i < s.value().length(); i++) {
        char c = s.value().charAt(i);
        switch (c) {
          case '"' -> b.append("\\\"");
          case '\\' -> b.append("\\\\");
          case '\n' -> b.append("\\n");
          case '\r' -> b.append("\\r");
          case '\t' -> b.append("\\t");
          default -> {
            if (c < 0x20 || c > 0x7e) {
              b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
              b.append(c);
            }
          }
        }
      }
      return b.append('"').toString();
    }
    if (v instanceof PyValue.Int || v instanceof PyValue.Float) {
      return repr(v);
    }
    if (v instanceof PyValue.Bool b) {
      return b.value() ? "true" : "false";
    }
    if (v == PyValue.None.NONE) {
      return "null";
    }
    List<PyValue> items = v instanceof PyValue.PyList l ? l.items() : v instanceof PyValue.Tuple t ? t.items() : null;
    if (items != null) {
      StringBuilder b = new StringBuilder("[");
      String sep = "";
      for (PyValue i : items) {
        String j = json(i);
        if (j == null) {
          return null;
        }
        b.append(sep).append(j);
        sep = ", ";
      }
      return b.append(']').toString();
    }
    if (v instanceof PyValue.Dict d) {
      StringBuilder b = new StringBuilder("{");
      String sep = "";
      for (Map.Entry<PyValue, PyValue> e : d.entries().entrySet()) {
        String k = e.getKey() instanceof PyValue.Str s ? json(s) : json(new PyValue.Str(String.valueOf(str(e.getKey()))));
        String x = json(e.getValue());
        if (x == null || str(e.getKey()) == null) {
          return null;
        }
        b.append(sep).append(k).append(": ").append(x);
        sep = ", ";
      }
      return b.append('}').toString();
    }
    return null;
  }

  /** {@code "..." % args} for %s, %r, %d, %i, %f and %%; null when not supported. */
  static String percent(String template, PyValue args) {
    List<PyValue> values = args instanceof PyValue.Tuple t ? t.items() : List.of(args);
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (i + 1 >= template.length()) {
        return null;
      }
      char k = template.charAt(++i);
      if (k == '%') {
        out.append('%');
        continue;
      }
      if (args instanceof PyValue.Dict d && k == '(') {
        int close = template.indexOf(')', i);
        if (close < 0 || close + 1 >= template.length()) {
          return null;
        }
        PyValue x = d.get(template.substring(i + 1, close));
        char type = template.charAt(close + 1);
        String s = x == null ? null : type == 'r' ? repr(x) : str(x);
        if (s == null) {
          return null;
        }
        out.append(s);
        i = close + 1;
        continue;
      }
      if (next >= values.size()) {
        return null;
      }
      PyValue x = values.get(next++);
      String s = switch (k) {
        case 's' -> str(x);
        case 'r' -> repr(x);
        case 'd', 'i' -> x instanceof PyValue.Int || x instanceof PyValue.Bool ? str(x)
            : x instanceof PyValue.Float f ? Long.toString((long) f.value()) : null;
        case 'f' -> x instanceof PyValue.Int || x instanceof PyValue.Float ? format(x, ".6f") : null;
        default -> null;
      };
      if (s == null) {
        return null;
      }
      out.append(s);
    }
    return next == values.size() || args instanceof PyValue.Dict ? out.toString() : null;
  }
}
