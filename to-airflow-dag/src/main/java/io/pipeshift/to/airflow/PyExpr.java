package io.pipeshift.to.airflow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Python expression as a small tree, so that user text can only ever appear as a string literal
 * ({@link Str}, written by {@link PyLiteral}) and names only as allocated {@link PyName}s. {@link #flat}
 * prints it on one line; {@link PyLayout} breaks it over lines black-style when it does not fit.
 *
 * <p>The same tree prints as a Jinja expression ({@link Dialect#JINJA}): subscripts, attribute access,
 * calls with keyword arguments and string literals mean the same in both languages.
 */
public sealed interface PyExpr {

  /** Where the expression will be read. */
  enum Dialect {
    PYTHON,
    JINJA
  }

  /** An allocated name. */
  record Name(PyName name) implements PyExpr {}

  /** Fixed code written by the generator: numbers, None, True, dotted names. Never user text. */
  record Code(String code) implements PyExpr {
    public Code {
      if (!isSafe(code)) {
        throw new IllegalArgumentException("not a fixed code fragment: " + code);
      }
    }

    /** One or more of {@code A-Z a-z 0-9 _ . + -}: no quote, space, bracket or operator can get in. */
    private static boolean isSafe(String code) {
      for (int i = 0; i < code.length(); i++) {
        char c = code.charAt(i);
        if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
            || c == '+' || c == '-')) {
          return false;
        }
      }
      return !code.isEmpty();
    }
  }

  /**
   * A string literal with any content. {@code literal} is its Python source, always computed here from
   * {@code value} by {@link PyLiteral#string} (whatever a caller passes), once: layout prints a literal
   * several times while it tries line breaks.
   */
  record Str(String value, String literal) implements PyExpr {
    public Str {
      literal = PyLiteral.string(value);
    }

    public Str(String value) {
      this(value, null);
    }
  }

  /** {@code callee(arg, ..., key=value, ...)}. */
  record Call(PyExpr callee, List<PyExpr> args, List<Kwarg> kwargs) implements PyExpr {
    public Call {
      args = List.copyOf(args);
      kwargs = List.copyOf(kwargs);
    }
  }

  /** A keyword argument; the keyword is a Python identifier. */
  record Kwarg(String keyword, PyExpr value) {
    public Kwarg {
      if (!PyNames.isIdentifier(keyword) || PyNames.KEYWORDS.contains(keyword)) {
        throw new IllegalArgumentException("not a keyword argument name: " + keyword);
      }
    }
  }

  /** {@code {key: value, ...}} in insertion order. */
  record Dict(List<Map.Entry<PyExpr, PyExpr>> entries) implements PyExpr {
    public Dict {
      entries = List.copyOf(entries);
    }
  }

  /** {@code [item, ...]}. */
  record ListExpr(List<PyExpr> items) implements PyExpr {
    public ListExpr {
      items = List.copyOf(items);
    }
  }

  /** {@code target.attribute}. */
  record Attr(PyExpr target, String attribute) implements PyExpr {
    public Attr {
      if (!PyNames.isIdentifier(attribute)) {
        throw new IllegalArgumentException("not an attribute name: " + attribute);
      }
    }
  }

  /** {@code target[key]}. */
  record Subscript(PyExpr target, PyExpr key) implements PyExpr {}

  /** A binary operator; both sides are parenthesised when they are operators themselves. */
  record Op(PyExpr left, String operator, PyExpr right) implements PyExpr {
    static final Set<String> OPERATORS = Set.of(">>", "==", "!=", ">", ">=", "<", "<=", "in", "is", "+", "~");

    public Op {
      if (!OPERATORS.contains(operator)) {
        throw new IllegalArgumentException("unknown operator " + operator);
      }
    }
  }

  /** {@code not operand}. */
  record Not(PyExpr operand) implements PyExpr {}

  /** {@code a and b and c} (or {@code or}); each operand parenthesised when it is an operator. */
  record BoolOp(String operator, List<PyExpr> operands) implements PyExpr {
    public BoolOp {
      if (!operator.equals("and") && !operator.equals("or")) {
        throw new IllegalArgumentException("unknown boolean operator " + operator);
      }
      operands = List.copyOf(operands);
    }
  }

  /** A dependency chain {@code a >> b >> [c, d]}. */
  record ShiftChain(List<PyExpr> operands) implements PyExpr {
    public ShiftChain {
      operands = List.copyOf(operands);
    }
  }

  /** Jinja string concatenation {@code a ~ b ~ c}: only valid in the Jinja dialect. */
  record Concat(List<PyExpr> operands) implements PyExpr {
    public Concat {
      operands = List.copyOf(operands);
    }
  }

  /** A Jinja filter, {@code (operand | filter)}: only valid in the Jinja dialect. */
  record Filter(PyExpr operand, String filter) implements PyExpr {
    static final Set<String> FILTERS = Set.of("tojson", "fromjson", "string");

    public Filter {
      if (!FILTERS.contains(filter)) {
        throw new IllegalArgumentException("unknown filter " + filter);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  static PyExpr name(PyName n) {
    return new Name(n);
  }

  static PyExpr code(String fixed) {
    return new Code(fixed);
  }

  static PyExpr str(String s) {
    return new Str(s);
  }

  static PyExpr none() {
    return new Code("None");
  }

  static PyExpr bool(boolean b) {
    return new Code(b ? "True" : "False");
  }

  static PyExpr number(long n) {
    return new Code(Long.toString(n));
  }

  /** A float as Python writes it; NaN and infinities as {@code float("nan")} etc. */
  static PyExpr number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      String text = Double.isNaN(d) ? "nan" : d > 0 ? "inf" : "-inf";
      return call(code("float"), List.of(str(text)), List.of());
    }
    String s = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    if (Math.abs(d) >= 1e16 || (d != 0 && Math.abs(d) < 1e-6)) {
      s = Double.toString(d).replace('E', 'e');
    } else if (!s.contains(".")) {
      s = s + ".0";
    }
    return new Code(s);
  }

  /** A JSON-like literal (string, number, boolean, null marker, list, map) as a Python literal. */
  static PyExpr literal(Object value) {
    if (value instanceof PyExpr e) {
      return e;
    }
    if (value instanceof String s) {
      return str(s);
    }
    if (value instanceof Boolean b) {
      return bool(b);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return number(((Number) value).longValue());
    }
    if (value instanceof java.math.BigInteger bi) {
      return new Code(bi.toString());
    }
    if (value instanceof Number n) {
      return number(n.doubleValue());
    }
    if (value instanceof Map<?, ?> m) {
      List<Map.Entry<PyExpr, PyExpr>> entries = new ArrayList<>();
      m.forEach((k, v) -> entries.add(Map.entry(str(String.valueOf(k)), literal(v))));
      return new Dict(entries);
    }
    if (value instanceof List<?> l) {
      return new ListExpr(l.stream().map(PyExpr::literal).toList());
    }
    return none(); // RawNull and anything null-like
  }

  static PyExpr call(PyExpr callee, List<PyExpr> args, List<Kwarg> kwargs) {
    return new Call(callee, args, kwargs);
  }

  static PyExpr call(PyName callee, PyExpr... args) {
    return new Call(name(callee), List.of(args), List.of());
  }

  static Kwarg kw(String keyword, PyExpr value) {
    return new Kwarg(keyword, value);
  }

  static PyExpr subscript(PyExpr target, String key) {
    return new Subscript(target, str(key));
  }

  static PyExpr attr(PyExpr target, String attribute) {
    return new Attr(target, attribute);
  }

  // ---------------------------------------------------------------------------------------------

  /** The expression on one line, as Python. */
  default String flat() {
    return flat(Dialect.PYTHON);
  }

  /** The expression on one line, in the given dialect. */
  default String flat(Dialect dialect) {
    if (this instanceof Str s && dialect == Dialect.PYTHON) {
      return s.literal(); // already printed once
    }
    StringBuilder out = new StringBuilder();
    Printer.print(this, dialect, out);
    return out.toString();
  }

  /**
   * Appends the expression on one line to {@code out} and says whether {@code out} is then at most
   * {@code limit} characters long. Stops printing as soon as the limit is passed (what was appended is
   * then a truncated line), so a layout that tries each level of a large tree on one line does not print
   * the whole tree at every level.
   */
  default boolean appendWithin(StringBuilder out, int limit) {
    Printer.print(this, Dialect.PYTHON, out, limit);
    return out.length() <= limit;
  }

  /** Prints expressions on one line. */
  final class Printer {
    private Printer() {}

    static void print(PyExpr e, Dialect d, StringBuilder out) {
      print(e, d, out, Integer.MAX_VALUE);
    }

    /** Prints {@code e}, or nothing once {@code out} is longer than {@code limit} (the line is then too long). */
    private static void print(PyExpr e, Dialect d, StringBuilder out, int limit) {
      if (out.length() <= limit) {
        printNode(e, d, out, limit);
      }
    }

    private static void printNode(PyExpr e, Dialect d, StringBuilder out, int limit) {
      // Jinja expressions are written without spaces so a template is one "word" (ruff's E501 exempts it)
      String comma = d == Dialect.JINJA ? "," : ", ";
      if (e instanceof Name n) {
        out.append(n.name().identifier());
      } else if (e instanceof Code c) {
        out.append(c.code());
      } else if (e instanceof Str s) {
        out.append(d == Dialect.JINJA ? PyLiteral.jinjaString(s.value()) : s.literal());
      } else if (e instanceof Call c) {
        print(c.callee(), d, out, limit);
        out.append('(');
        String sep = "";
        for (PyExpr a : c.args()) {
          out.append(sep);
          print(a, d, out, limit);
          sep = comma;
        }
        for (Kwarg k : c.kwargs()) {
          out.append(sep).append(k.keyword()).append('=');
          print(k.value(), d, out, limit);
          sep = comma;
        }
        out.append(')');
      } else if (e instanceof Dict m) {
        out.append('{');
        String sep = "";
        for (Map.Entry<PyExpr, PyExpr> en : m.entries()) {
          out.append(sep);
          print(en.getKey(), d, out, limit);
          out.append(d == Dialect.JINJA ? ":" : ": ");
          print(en.getValue(), d, out, limit);
          sep = comma;
        }
        out.append('}');
      } else if (e instanceof ListExpr l) {
        out.append('[');
        String sep = "";
        for (PyExpr i : l.items()) {
          out.append(sep);
          print(i, d, out, limit);
          sep = comma;
        }
        out.append(']');
      } else if (e instanceof Attr a) {
        printOperand(a.target(), d, out, limit);
        out.append('.').append(a.attribute());
      } else if (e instanceof Subscript s) {
        printOperand(s.target(), d, out, limit);
        out.append('[');
        print(s.key(), d, out, limit);
        out.append(']');
      } else if (e instanceof Op o) {
        printOperand(o.left(), d, out, limit);
        out.append(' ').append(o.operator()).append(' ');
        printOperand(o.right(), d, out, limit);
      } else if (e instanceof Not n) {
        out.append("not ");
        printOperand(n.operand(), d, out, limit);
      } else if (e instanceof BoolOp b) {
        String sep = "";
        for (PyExpr o : b.operands()) {
          out.append(sep);
          printOperand(o, d, out, limit);
          sep = " " + b.operator() + " ";
        }
      } else if (e instanceof ShiftChain c) {
        String sep = "";
        for (PyExpr o : c.operands()) {
          out.append(sep);
          printOperand(o, d, out, limit);
          sep = " >> ";
        }
      } else if (e instanceof Concat c) {
        if (d != Dialect.JINJA) {
          throw new IllegalStateException("Jinja concatenation in Python code");
        }
        String sep = "";
        for (PyExpr o : c.operands()) {
          out.append(sep);
          printOperand(o, d, out, limit);
          sep = "~";
        }
      } else if (e instanceof Filter f) {
        if (d != Dialect.JINJA) {
          throw new IllegalStateException("a Jinja filter in Python code: " + f.filter());
        }
        out.append('(');
        print(f.operand(), d, out, limit);
        out.append('|').append(f.filter()).append(')');
      } else {
        throw new IllegalStateException("unknown expression " + e);
      }
    }

    private static void printOperand(PyExpr e, Dialect d, StringBuilder out, int limit) {
      boolean paren = e instanceof Op || e instanceof Not || e instanceof BoolOp || e instanceof Concat;
      if (paren) {
        out.append('(');
      }
      print(e, d, out, limit);
      if (paren) {
        out.append(')');
      }
    }
  }
}
