package io.pipeshift.to.airflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Breaks a Python expression over lines the way black does: on one line when it fits, else one element
 * per line with a trailing comma, recursively; a string literal that does not fit becomes parenthesised
 * implicit concatenation. Lines stay within {@link #WIDTH} columns whenever a break point exists.
 */
final class PyLayout {

  /** ruff's default line length (E501). */
  static final int WIDTH = 88;
  static final int STEP = 4;

  private PyLayout() {}

  /** The line being tried by {@link #fitting}, reused: a large DAG tries millions of lines. */
  private static final ThreadLocal<StringBuilder> SCRATCH = ThreadLocal.withInitial(() -> new StringBuilder(256));

  /** The lines of {@code prefix + expr + suffix} at {@code indent} columns (indentation included). */
  static List<String> lines(int indent, String prefix, PyExpr expr, String suffix) {
    List<String> out = new ArrayList<>();
    layout(indent, prefix, expr, suffix, out);
    return out;
  }

  private static void layout(int indent, String prefix, PyExpr expr, String suffix, List<String> out) {
    String oneLine = fitting(indent, prefix, expr, suffix);
    if (oneLine != null) {
      out.add(oneLine);
      return;
    }
    String pad = " ".repeat(indent);
    if (expr instanceof PyExpr.Call c && c.args().isEmpty() && c.kwargs().isEmpty()) {
      if (c.callee() instanceof PyExpr.Call) {
        layout(indent, prefix, c.callee(), "()" + suffix, out);
      } else {
        out.add(pad + prefix + expr.flat() + suffix);
      }
    } else if (expr instanceof PyExpr.Call c && c.args().size() == 1 && c.kwargs().isEmpty()
        && c.args().get(0) instanceof PyExpr.Str s && !(c.callee() instanceof PyExpr.Call)) {
      // f("long text") -> f(\n    "long "\n    "text"\n)
      out.add(pad + prefix + c.callee().flat() + "(");
      String inner = " ".repeat(indent + STEP);
      PyLiteral.chunks(s.value(), Math.max(20, WIDTH - indent - STEP)).forEach(ch -> out.add(inner + ch));
      out.add(pad + ")" + suffix);
    } else if (expr instanceof PyExpr.Call c) {
      String head = prefix + c.callee().flat() + "(";
      if (c.callee() instanceof PyExpr.Call && indent + width(head) > WIDTH) {
        layout(indent, prefix, c.callee(), "(", out);
      } else {
        out.add(pad + head);
      }
      for (PyExpr a : c.args()) {
        layout(indent + STEP, "", a, ",", out);
      }
      for (PyExpr.Kwarg k : c.kwargs()) {
        layout(indent + STEP, k.keyword() + "=", k.value(), ",", out);
      }
      out.add(pad + ")" + suffix);
    } else if (expr instanceof PyExpr.Not n) {
      if (n.operand() instanceof PyExpr.Op || n.operand() instanceof PyExpr.BoolOp) {
        layout(indent, prefix + "not ", n.operand(), suffix, out); // the operand's own parentheses
      } else {
        out.add(pad + prefix + "not (");
        layout(indent + STEP, "", n.operand(), "", out);
        out.add(pad + ")" + suffix);
      }
    } else if (expr instanceof PyExpr.Op || expr instanceof PyExpr.BoolOp || expr instanceof PyExpr.ShiftChain) {
      List<PyExpr> operands;
      List<String> operators = new ArrayList<>();
      if (expr instanceof PyExpr.Op o) {
        operands = List.of(o.left(), o.right());
        operators.add(o.operator());
      } else if (expr instanceof PyExpr.BoolOp b) {
        operands = b.operands();
        b.operands().forEach(x -> operators.add(b.operator()));
      } else {
        operands = ((PyExpr.ShiftChain) expr).operands();
        operands.forEach(x -> operators.add(">>"));
      }
      out.add(pad + prefix + "(");
      for (int i = 0; i < operands.size(); i++) {
        operand(indent + STEP, i == 0 ? "" : operators.get(i - 1) + " ", operands.get(i), out);
      }
      out.add(pad + ")" + suffix);
    } else if (expr instanceof PyExpr.Dict d && !d.entries().isEmpty()) {
      out.add(pad + prefix + "{");
      for (Map.Entry<PyExpr, PyExpr> e : d.entries()) {
        layout(indent + STEP, e.getKey().flat() + ": ", e.getValue(), ",", out);
      }
      out.add(pad + "}" + suffix);
    } else if (expr instanceof PyExpr.ListExpr l && !l.items().isEmpty()) {
      out.add(pad + prefix + "[");
      for (PyExpr i : l.items()) {
        layout(indent + STEP, "", i, ",", out);
      }
      out.add(pad + "]" + suffix);
    } else if (expr instanceof PyExpr.Str s) {
      String inner = " ".repeat(indent + STEP);
      List<String> chunks = PyLiteral.chunks(s.value(), Math.max(20, WIDTH - indent - STEP));
      if (chunks.size() == 1 && prefix.isEmpty()) {
        out.add(pad + prefix + expr.flat() + suffix); // one unbreakable chunk: nothing to gain
        return;
      }
      out.add(pad + prefix + "(");
      chunks.forEach(c -> out.add(inner + c));
      out.add(pad + ")" + suffix);
    } else {
      out.add(pad + prefix + expr.flat() + suffix);
    }
  }

  /**
   * The line {@code prefix + expr + suffix} at {@code indent} (indentation included) when it fits, else
   * null. A line of more than twice the room in characters cannot fit (a character takes at least one
   * column and at most two chars), so the expression is printed only up to that length: trying every level
   * of a deep tree stays linear in the size of the tree.
   */
  private static String fitting(int indent, String prefix, PyExpr expr, String suffix) {
    int room = WIDTH - indent - width(prefix) - width(suffix);
    if (room < 0) {
      return null;
    }
    StringBuilder line = SCRATCH.get();
    line.setLength(0);
    for (int i = 0; i < indent; i++) {
      line.append(' ');
    }
    line.append(prefix);
    if (!expr.appendWithin(line, line.length() + 2 * room)) {
      return null;
    }
    line.append(suffix);
    return width(line) <= WIDTH ? line.toString() : null;
  }

  /** An operand of a broken operator chain: parenthesised when it is an operator itself. */
  private static void operand(int indent, String prefix, PyExpr e, List<String> out) {
    boolean nested = e instanceof PyExpr.Op || e instanceof PyExpr.BoolOp || e instanceof PyExpr.ShiftChain
        || e instanceof PyExpr.Not;
    if (!nested) {
      layout(indent, prefix, e, "", out);
      return;
    }
    String flat = prefix + "(" + e.flat() + ")";
    if (indent + width(flat) <= WIDTH || e instanceof PyExpr.Not) {
      out.add(" ".repeat(indent) + flat);
    } else {
      layout(indent, prefix, e, "", out);
    }
  }

  /** Display width as ruff measures it: East Asian wide and fullwidth characters count two columns. */
  static int width(CharSequence s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = Character.codePointAt(s, i);
      i += Character.charCount(cp);
      w += wide(cp) ? 2 : 1;
    }
    return w;
  }

  static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f)
        || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f)
        || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f000 && cp <= 0x1faff)
        || (cp >= 0x20000 && cp <= 0x3fffd);
  }
}
