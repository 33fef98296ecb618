package io.pipeshift.from.airflow.eval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's arithmetic, comparison and subscript operators on known values. Each returns null when the
 * operation is not defined for the values here (unknown operands, or types the evaluator does not model),
 * so the caller marks the result.
 */
final class Operators {

  private Operators() {}

  /** A slice {@code a:b:c} used as a subscript. */
  record SliceValue(PyValue start, PyValue stop, PyValue step) implements PyValue {}

  static PyValue binary(String op, PyValue a, PyValue b) {
    if (a instanceof PyValue.Int x && b instanceof PyValue.Int y) {
      return ints(op, x.value(), y.value());
    }
    if (isNumber(a) && isNumber(b)) {
      return floats(op, num(a), num(b));
    }
    switch (op) {
      case "+" -> {
        if (a instanceof PyValue.Str x && b instanceof PyValue.Str y) {
          return new PyValue.Str(x.value() + y.value());
        }
        if (a instanceof PyValue.PyList x && b instanceof PyValue.PyList y) {
          List<PyValue> out = new ArrayList<>(x.items());
          out.addAll(y.items());
          return new PyValue.PyList(out);
        }
        if (a instanceof PyValue.Tuple x && b instanceof PyValue.Tuple y) {
          List<PyValue> out = new ArrayList<>(x.items());
          out.addAll(y.items());
          return new PyValue.Tuple(out);
        }
        if (a instanceof PyValue.Timedelta x && b instanceof PyValue.Timedelta y) {
          return new PyValue.Timedelta(x.value().plus(y.value()));
        }
        return null;
      }
      case "-" -> {
        if (a instanceof PyValue.Timedelta x && b instanceof PyValue.Timedelta y) {
          return new PyValue.Timedelta(x.value().minus(y.value()));
        }
        return null;
      }
      case "*" -> {
        if (a instanceof PyValue.Str x && b instanceof PyValue.Int n) {
          return n.value() > 100_000 ? null : new PyValue.Str(x.value().repeat((int) Math.max(0, n.value())));
        }
        if (a instanceof PyValue.Int n && b instanceof PyValue.Str x) {
          return binary(op, b, a);
        }
        if (a instanceof PyValue.PyList x && b instanceof PyValue.Int n && n.value() <= 10_000) {
          List<PyValue> out = new ArrayList<>();
          for (long i = 0; i < n.value(); i++) {
            out.addAll(x.items());
          }
          return new PyValue.PyList(out);
        }
        if (a instanceof PyValue.Timedelta x && b instanceof PyValue.Int n) {
          return new PyValue.Timedelta(x.value().multipliedBy(n.value()));
        }
        if (a instanceof PyValue.Int n && b instanceof PyValue.Timedelta x) {
          return new PyValue.Timedelta(x.value().multipliedBy(n.value()));
        }
        return null;
      }
      case "/" -> {
        if (a instanceof PyValue.Timedelta x && b instanceof PyValue.Int n && n.value() != 0) {
          return new PyValue.Timedelta(x.value().dividedBy(n.value()));
        }
        return null;
      }
      case "%" -> {
        if (a instanceof PyValue.Str x) {
          String r = PyText.percent(x.value(), b);
          return r == null ? null : new PyValue.Str(r);
        }
        return null;
      }
      case "|" -> {
        if (a instanceof PyValue.Dict x && b instanceof PyValue.Dict y) {
          PyValue.Dict d = new PyValue.Dict(new LinkedHashMap<>(x.entries()));
          d.entries().putAll(y.entries());
          return d;
        }
        if (a instanceof PyValue.Asset x && b instanceof PyValue.Asset y) {
          return assets("any", x, y);
        }
        if (a instanceof PyValue.Bool x && b instanceof PyValue.Bool y) {
          return PyValue.Bool.of(x.value() | y.value());
        }
        return null;
      }
      case "&" -> {
        if (a instanceof PyValue.Asset x && b instanceof PyValue.Asset y) {
          return assets("all", x, y);
        }
        if (a instanceof PyValue.Bool x && b instanceof PyValue.Bool y) {
          return PyValue.Bool.of(x.value() & y.value());
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  private static PyValue assets(String operator, PyValue.Asset a, PyValue.Asset b) {
    List<String> names = new ArrayList<>(a.names());
    names.addAll(b.names());
    return new PyValue.Asset(operator, names);
  }

  private static boolean isNumber(PyValue v) {
    return v instanceof PyValue.Int || v instanceof PyValue.Float || v instanceof PyValue.Bool;
  }

  private static double num(PyValue v) {
    if (v instanceof PyValue.Int i) {
      return i.value();
    }
    if (v instanceof PyValue.Float f) {
      return f.value();
    }
    return ((PyValue.Bool) v).value() ? 1 : 0;
  }

  private static PyValue ints(String op, long x, long y) {
    try {
      return switch (op) {
        case "+" -> new PyValue.Int(Math.addExact(x, y));
        case "-" -> new PyValue.Int(Math.subtractExact(x, y));
        case "*" -> new PyValue.Int(Math.multiplyExact(x, y));
        case "/" -> y == 0 ? null : new PyValue.Float((double) x / y);
        case "//" -> y == 0 ? null : new PyValue.Int(Math.floorDiv(x, y));
        case "%" -> y == 0 ? null : new PyValue.Int(Math.floorMod(x, y));
        case "**" -> y < 0 ? new PyValue.Float(Math.pow(x, y)) : pow(x, y);
        case "<<" -> y < 0 || y > 62 ? null : new PyValue.Int(x << y);
        case ">>" -> y < 0 ? null : new PyValue.Int(x >> Math.min(y, 63));
        case "&" -> new PyValue.Int(x & y);
        case "|" -> new PyValue.Int(x | y);
        case "^" -> new PyValue.Int(x ^ y);
        default -> null;
      };
    } catch (ArithmeticException overflow) {
      return null;
    }
  }

  private static PyValue pow(long x, long y) {
    long r = 1;
    for (long i = 0; i < y; i++) {
      r = Math.multiplyExact(r, x);
    }
    return new PyValue.Int(r);
  }

  private static PyValue floats(String op, double x, double y) {
    return switch (op) {
      case "+" -> new PyValue.Float(x + y);
      case "-" -> new PyValue.Float(x - y);
      case "*" -> new PyValue.Float(x * y);
      case "/" -> y == 0 ? null : new PyValue.Float(x / y);
      case "//" -> y == 0 ? null : new PyValue.Float(Math.floor(x / y));
      case "%" -> y == 0 ? null : new PyValue.Float(x - y * Math.floor(x / y));
      case "**" -> new PyValue.Float(Math.pow(x, y));
      default -> null;
    };
  }

  static PyValue unary(String op, PyValue v) {
    if (v instanceof PyValue.Int i) {
      return switch (op) {
        case "-" -> new PyValue.Int(-i.value());
        case "+" -> i;
        default -> new PyValue.Int(~i.value());
      };
    }
    if (v instanceof PyValue.Float f) {
      return switch (op) {
        case "-" -> new PyValue.Float(-f.value());
        case "+" -> f;
        default -> null;
      };
    }
    if (v instanceof PyValue.Bool b) {
      return unary(op, new PyValue.Int(b.value() ? 1 : 0));
    }
    if (v instanceof PyValue.Timedelta t && op.equals("-")) {
      return new PyValue.Timedelta(t.value().negated());
    }
    return null;
  }

  /** {@code a OP b} for one link of a comparison chain; null when unknown. */
  static Boolean compare(String op, PyValue a, PyValue b) {
    switch (op) {
      case "is" -> {
        return identical(a, b);
      }
      case "is not" -> {
        Boolean r = identical(a, b);
        return r == null ? null : !r;
      }
      case "in" -> {
        return contains(b, a);
      }
      case "not in" -> {
        Boolean r = contains(b, a);
        return r == null ? null : !r;
      }
      case "==" -> {
        return equal(a, b);
      }
      case "!=" -> {
        Boolean r = equal(a, b);
        return r == null ? null : !r;
      }
      default -> {
        Integer c = order(a, b);
        if (c == null) {
          return null;
        }
        return switch (op) {
          case "<" -> c < 0;
          case "<=" -> c <= 0;
          case ">" -> c > 0;
          case ">=" -> c >= 0;
          default -> null;
        };
      }
    }
  }

  private static boolean known(PyValue v) {
    return v instanceof PyValue.Str || isNumber(v) || v == PyValue.None.NONE;
  }

  private static Boolean identical(PyValue a, PyValue b) {
    if (a == PyValue.None.NONE || b == PyValue.None.NONE) {
      if (a instanceof PyValue.Unresolved || b instanceof PyValue.Unresolved || a instanceof PyValue.DagParam
          || b instanceof PyValue.DagParam || a instanceof PyValue.XComArg || b instanceof PyValue.XComArg) {
        return null;
      }
      return a == b;
    }
    if (a instanceof PyValue.Bool && b instanceof PyValue.Bool) {
      return a.equals(b);
    }
    if (a instanceof PyValue.Unresolved || b instanceof PyValue.Unresolved) {
      return null;
    }
    return a == b;
  }

  static Boolean equal(PyValue a, PyValue b) {
    if (isNumber(a) && isNumber(b)) {
      return num(a) == num(b);
    }
    if (known(a) && known(b)) {
      return a.equals(b);
    }
    List<PyValue> la = seq(a);
    List<PyValue> lb = seq(b);
    if (la != null && lb != null && (a.getClass() == b.getClass())) {
      if (la.size() != lb.size()) {
        return false;
      }
      for (int i = 0; i < la.size(); i++) {
        Boolean e = equal(la.get(i), lb.get(i));
        if (e == null || !e) {
          return e;
        }
      }
      return true;
    }
    if (a instanceof PyValue.Dict x && b instanceof PyValue.Dict y) {
      return x.equals(y);
    }
    if (a instanceof PyValue.Unresolved || b instanceof PyValue.Unresolved || a instanceof PyValue.DagParam
        || b instanceof PyValue.DagParam || a instanceof PyValue.XComArg || b instanceof PyValue.XComArg
        || a instanceof PyValue.Instance || b instanceof PyValue.Instance) {
      return null;
    }
    return a.equals(b);
  }

  private static List<PyValue> seq(PyValue v) {
    if (v instanceof PyValue.PyList l) {
      return l.items();
    }
    if (v instanceof PyValue.Tuple t) {
      return t.items();
    }
    return null;
  }

  private static Integer order(PyValue a, PyValue b) {
    if (isNumber(a) && isNumber(b)) {
      return Double.compare(num(a), num(b));
    }
    if (a instanceof PyValue.Str x && b instanceof PyValue.Str y) {
      return x.value().compareTo(y.value());
    }
    if (a instanceof PyValue.Timedelta x && b instanceof PyValue.Timedelta y) {
      return x.value().compareTo(y.value());
    }
    List<PyValue> la = seq(a);
    List<PyValue> lb = seq(b);
    if (la != null && lb != null && a.getClass() == b.getClass()) {
      for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
        Boolean eq = equal(la.get(i), lb.get(i));
        if (eq == null) {
          return null;
        }
        if (!eq) {
          return order(la.get(i), lb.get(i));
        }
      }
      return Integer.compare(la.size(), lb.size());
    }
    return null;
  }

  private static Boolean contains(PyValue container, PyValue item) {
    if (container instanceof PyValue.Str s && item instanceof PyValue.Str i) {
      return s.value().contains(i.value());
    }
    if (container instanceof PyValue.Dict d) {
      if (!known(item)) {
        return null;
      }
      for (PyValue k : d.entries().keySet()) {
        if (!known(k)) {
          return null;
        }
      }
      return d.entries().containsKey(item);
    }
    List<PyValue> items = container instanceof PyValue.PySet s ? s.items() : seq(container);
    if (items == null) {
      return null;
    }
    boolean unknown = false;
    for (PyValue x : items) {
      Boolean e = equal(x, item);
      if (e == null) {
        unknown = true;
      } else if (e) {
        return true;
      }
    }
    return unknown ? null : false;
  }

  /** {@code v[key]} for known containers; null otherwise. */
  static PyValue subscript(PyValue v, PyValue key) {
    if (key instanceof SliceValue s) {
      return slice(v, s);
    }
    if (v instanceof PyValue.Dict d) {
      return d.entries().get(key);
    }
    List<PyValue> items = seq(v);
    if (v instanceof PyValue.Str str && key instanceof PyValue.Int i) {
      int n = str.value().length();
      long idx = i.value() < 0 ? n + i.value() : i.value();
      return idx >= 0 && idx < n ? new PyValue.Str(String.valueOf(str.value().charAt((int) idx))) : null;
    }
    if (items != null && key instanceof PyValue.Int i) {
      long idx = i.value() < 0 ? items.size() + i.value() : i.value();
      return idx >= 0 && idx < items.size() ? items.get((int) idx) : null;
    }
    return null;
  }

  private static PyValue slice(PyValue v, SliceValue s) {
    Integer step = s.step() == PyValue.None.NONE ? Integer.valueOf(1)
        : s.step() instanceof PyValue.Int i ? Integer.valueOf((int) i.value()) : null;
    if (step == null || step != 1) {
      return null;
    }
    int n;
    List<PyValue> items = seq(v);
    if (v instanceof PyValue.Str str) {
      n = str.value().length();
    } else if (items != null) {
      n = items.size();
    } else {
      return null;
    }
    Integer from = bound(s.start(), n, 0);
    Integer to = bound(s.stop(), n, n);
    if (from == null || to == null) {
      return null;
    }
    if (to < from) {
      to = from;
    }
    if (v instanceof PyValue.Str str) {
      return new PyValue.Str(str.value().substring(from, to));
    }
    List<PyValue> out = new ArrayList<>(items.subList(from, to));
    return v instanceof PyValue.Tuple ? new PyValue.Tuple(out) : new PyValue.PyList(out);
  }

  private static Integer bound(PyValue v, int n, int dflt) {
    if (v == PyValue.None.NONE) {
      return dflt;
    }
    if (!(v instanceof PyValue.Int i)) {
      return null;
    }
    long x = i.value() < 0 ? n + i.value() : i.value();
    return (int) Math.max(0, Math.min(n, x));
  }

  static Duration seconds(double s) {
    long whole = (long) Math.floor(s);
    return Duration.ofSeconds(whole, Math.round((s - whole) * 1e9));
  }

  static Map<String, PyValue> strKeys(PyValue.Dict d) {
    Map<String, PyValue> out = new LinkedHashMap<>();
    d.entries().forEach((k, v) -> {
      if (k instanceof PyValue.Str s) {
        out.put(s.value(), v);
      }
    });
    return out;
  }
}
