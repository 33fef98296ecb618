package io.pipeshift.from.airflow.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The side-effect-free builtins and methods of str, list and dict, on known values. Anything with an
 * effect ({@code open}, {@code exit}, {@code eval}, {@code __import__}, {@code input}) is never run: it
 * yields a marked value.
 */
final class Builtins {

  private Builtins() {}

  static PyValue call(Calls calls, String name, Calls.Args a, Calls.Site site) {
    List<PyValue> args = a.args;
    PyValue x = args.isEmpty() ? null : args.get(0);
    switch (name) {
      case "print" -> {
        return PyValue.None.NONE;
      }
      case "range" -> {
        List<Long> n = new ArrayList<>();
        for (PyValue v : args) {
          if (!(v instanceof PyValue.Int i)) {
            return unknown(site, args);
          }
          n.add(i.value());
        }
        long start = n.size() >= 2 ? n.get(0) : 0;
        long stop = n.size() >= 2 ? n.get(1) : n.isEmpty() ? 0 : n.get(0);
        long step = n.size() >= 3 ? n.get(2) : 1;
        if (step == 0) {
          return site.unresolved("range");
        }
        long count = step > 0 ? Math.max(0, (stop - start + step - 1) / step) : Math.max(0, (start - stop - step - 1) / -step);
        if (count > ModuleEvaluator.maxRange()) {
          return site.unresolved("large range");
        }
        List<PyValue> out = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
          out.add(new PyValue.Int(start + i * step));
        }
        return new PyValue.PyList(out);
      }
      case "len" -> {
        if (x instanceof PyValue.Str s) {
          return new PyValue.Int(s.value().codePointCount(0, s.value().length()));
        }
        if (x instanceof PyValue.Dict d) {
          return new PyValue.Int(d.entries().size());
        }
        Optional<List<PyValue>> items = x == null ? Optional.empty() : ModuleEvaluator.iterate(x);
        return items.<PyValue>map(i -> new PyValue.Int(i.size())).orElseGet(() -> unknown(site, args));
      }
      case "list", "tuple", "set", "frozenset", "sorted", "reversed" -> {
        List<PyValue> items;
        if (x == null) {
          items = new ArrayList<>();
        } else {
          Optional<List<PyValue>> it = ModuleEvaluator.iterate(x);
          if (it.isEmpty()) {
            return unknown(site, args);
          }
          items = new ArrayList<>(it.get());
        }
        if (name.equals("sorted")) {
          if (a.kwargs.containsKey("key")) {
            return site.unresolved("sorted with key");
          }
          try {
            items.sort(Calls.natural());
          } catch (IllegalArgumentException unordered) {
            return site.unresolved("sorted");
          }
          if (ModuleEvaluator.truth(a.kwargs.getOrDefault("reverse", PyValue.Bool.FALSE)) == Boolean.TRUE) {
            java.util.Collections.reverse(items);
          }
        }
        if (name.equals("reversed")) {
          java.util.Collections.reverse(items);
        }
        return switch (name) {
          case "tuple" -> new PyValue.Tuple(items);
          case "set", "frozenset" -> new PyValue.PySet(distinct(items));
          default -> new PyValue.PyList(items);
        };
      }
      case "dict" -> {
        PyValue.Dict d = PyValue.Dict.empty();
        if (x instanceof PyValue.Dict other) {
          d.entries().putAll(other.entries());
        } else if (x != null) {
          Optional<List<PyValue>> it = ModuleEvaluator.iterate(x);
          if (it.isEmpty()) {
            return unknown(site, args);
          }
          for (PyValue pair : it.get()) {
            Optional<List<PyValue>> kv = ModuleEvaluator.iterate(pair);
            if (kv.isEmpty() || kv.get().size() != 2) {
              return site.unresolved("dict");
            }
            d.entries().put(kv.get().get(0), kv.get().get(1));
          }
        }
        a.kwargs.forEach((k, v) -> d.entries().put(new PyValue.Str(k), v));
        return d;
      }
      case "str" -> {
        if (x == null) {
          return new PyValue.Str("");
        }
        String s = PyText.str(x);
        return s != null ? new PyValue.Str(s) : unknown(site, args);
      }
      case "repr" -> {
        String s = x == null ? null : PyText.repr(x);
        return s != null ? new PyValue.Str(s) : unknown(site, args);
      }
      case "format" -> {
        PyValue spec = args.size() > 1 ? args.get(1) : new PyValue.Str("");
        String s = x != null && spec instanceof PyValue.Str sp ? PyText.format(x, sp.value()) : null;
        return s != null ? new PyValue.Str(s) : unknown(site, args);
      }
      case "int" -> {
        if (x instanceof PyValue.Int) {
          return x;
        }
        if (x instanceof PyValue.Float f) {
          return new PyValue.Int((long) f.value());
        }
        if (x instanceof PyValue.Bool b) {
          return new PyValue.Int(b.value() ? 1 : 0);
        }
        if (x instanceof PyValue.Str s) {
          try {
            return new PyValue.Int(Long.parseLong(s.value().trim().replace("_", "")));
          } catch (NumberFormatException bad) {
            return site.unresolved("int()");
          }
        }
        return x == null ? new PyValue.Int(0) : unknown(site, args);
      }
      case "float" -> {
        if (x instanceof PyValue.Int i) {
          return new PyValue.Float(i.value());
        }
        if (x instanceof PyValue.Float) {
          return x;
        }
        if (x instanceof PyValue.Str s) {
          try {
            return new PyValue.Float(Double.parseDouble(s.value().trim()));
          } catch (NumberFormatException bad) {
            return site.unresolved("float()");
          }
        }
        return x == null ? new PyValue.Float(0) : unknown(site, args);
      }
      case "bool" -> {
        Boolean b = x == null ? Boolean.FALSE : ModuleEvaluator.truth(x);
        return b != null ? PyValue.Bool.of(b) : unknown(site, args);
      }
      case "abs" -> {
        if (x instanceof PyValue.Int i) {
          return new PyValue.Int(Math.abs(i.value()));
        }
        if (x instanceof PyValue.Float f) {
          return new PyValue.Float(Math.abs(f.value()));
        }
        return unknown(site, args);
      }
      case "enumerate" -> {
        Optional<List<PyValue>> it = x == null ? Optional.empty() : ModuleEvaluator.iterate(x);
        PyValue startV = args.size() > 1 ? args.get(1) : a.kwargs.getOrDefault("start", new PyValue.Int(0));
        if (it.isEmpty() || !(startV instanceof PyValue.Int st)) {
          return unknown(site, args);
        }
        List<PyValue> out = new ArrayList<>();
        long i = st.value();
        for (PyValue v : it.get()) {
          out.add(new PyValue.Tuple(List.of(new PyValue.Int(i++), v)));
        }
        return new PyValue.PyList(out);
      }
      case "zip" -> {
        List<List<PyValue>> lists = new ArrayList<>();
        for (PyValue v : args) {
          Optional<List<PyValue>> it = ModuleEvaluator.iterate(v);
          if (it.isEmpty()) {
            return unknown(site, args);
          }
          lists.add(it.get());
        }
        int n = lists.stream().mapToInt(List::size).min().orElse(0);
        List<PyValue> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          List<PyValue> row = new ArrayList<>();
          for (List<PyValue> l : lists) {
            row.add(l.get(i));
          }
          out.add(new PyValue.Tuple(row));
        }
        return new PyValue.PyList(out);
      }
      case "min", "max", "sum", "any", "all" -> {
        List<PyValue> items = args;
        if (args.size() == 1) {
          Optional<List<PyValue>> it = ModuleEvaluator.iterate(x);
          if (it.isEmpty()) {
            return unknown(site, args);
          }
          items = it.get();
        }
        return aggregate(name, items, site, args);
      }
      case "getattr" -> {
        if (args.size() >= 2 && args.get(1) instanceof PyValue.Str attr && !(x instanceof PyValue.Unresolved)) {
          if (x instanceof PyValue.Symbol s) {
            return new PyValue.Symbol(s.qualifiedName() + "." + attr.value());
          }
        }
        return args.size() >= 3 ? args.get(2) : unknown(site, args);
      }
      case "isinstance", "hasattr", "callable", "type", "id", "hash", "vars", "globals", "locals" -> {
        return site.unresolved(name + "()");
      }
      case "open", "exit", "quit", "eval", "exec", "compile", "__import__", "input", "setattr" -> {
        return site.unresolved(name.equals("__import__") ? "dynamic import" : name + "() (not run)");
      }
      default -> {
        return unknown(site, args);
      }
    }
  }

  private static PyValue unknown(Calls.Site site, List<PyValue> args) {
    for (PyValue v : args) {
      if (v instanceof PyValue.Unresolved u) {
        return new PyValue.Unresolved(site.call(), u.construct(), site.line(), site.column());
      }
    }
    return site.unresolved("call " + site.callee());
  }

  private static List<PyValue> distinct(List<PyValue> items) {
    List<PyValue> out = new ArrayList<>();
    for (PyValue v : items) {
      if (!out.contains(v)) {
        out.add(v);
      }
    }
    return out;
  }

  private static PyValue aggregate(String name, List<PyValue> items, Calls.Site site, List<PyValue> args) {
    switch (name) {
      case "any", "all" -> {
        boolean all = name.equals("all");
        for (PyValue v : items) {
          Boolean b = ModuleEvaluator.truth(v);
          if (b == null) {
            return unknown(site, args);
          }
          if (b != all) {
            return PyValue.Bool.of(!all);
          }
        }
        return PyValue.Bool.of(all);
      }
      case "sum" -> {
        PyValue total = new PyValue.Int(0);
        for (PyValue v : items) {
          total = Operators.binary("+", total, v);
          if (total == null) {
            return unknown(site, args);
          }
        }
        return total;
      }
      default -> {
        if (items.isEmpty()) {
          return site.unresolved(name + "() of nothing");
        }
        PyValue best = items.get(0);
        for (PyValue v : items) {
          Boolean better = Operators.compare(name.equals("min") ? "<" : ">", v, best);
          if (better == null) {
            return unknown(site, args);
          }
          if (better) {
            best = v;
          }
        }
        return best;
      }
    }
  }

  // ================================================================ methods

  static PyValue method(Calls calls, PyValue self, String name, Calls.Args a, Calls.Site site) {
    if (self instanceof PyValue.Str s) {
      return strMethod(s.value(), name, a, site);
    }
    if (self instanceof PyValue.PyList l) {
      return listMethod(l, name, a, site);
    }
    if (self instanceof PyValue.Dict d) {
      return dictMethod(d, name, a, site);
    }
    if (self instanceof PyValue.Timedelta t && name.equals("total_seconds")) {
      return new PyValue.Float(t.value().toNanos() / 1e9);
    }
    return null;
  }

  private static PyValue strMethod(String s, String name, Calls.Args a, Calls.Site site) {
    List<PyValue> args = a.args;
    PyValue x = args.isEmpty() ? null : args.get(0);
    String arg = x instanceof PyValue.Str xs ? xs.value() : null;
    switch (name) {
      case "format" -> {
        String r = format(s, a);
        return r != null ? new PyValue.Str(r) : unknown(site, args);
      }
      case "join" -> {
        Optional<List<PyValue>> it = x == null ? Optional.empty() : ModuleEvaluator.iterate(x);
        if (it.isEmpty()) {
          return unknown(site, args);
        }
        List<String> parts = new ArrayList<>();
        for (PyValue v : it.get()) {
          if (!(v instanceof PyValue.Str vs)) {
            return unknown(site, List.of(v));
          }
          parts.add(vs.value());
        }
        return new PyValue.Str(String.join(s, parts));
      }
      case "upper" -> {
        return new PyValue.Str(s.toUpperCase(Locale.ROOT));
      }
      case "lower" -> {
        return new PyValue.Str(s.toLowerCase(Locale.ROOT));
      }
      case "strip", "lstrip", "rstrip" -> {
        if (x != null && arg == null) {
          return unknown(site, args);
        }
        String chars = arg == null ? " \t\n\r\f\u000B" : arg;
        int from = 0;
        int to = s.length();
        if (!name.equals("rstrip")) {
          while (from < to && chars.indexOf(s.charAt(from)) >= 0) {
            from++;
          }
        }
        if (!name.equals("lstrip")) {
          while (to > from && chars.indexOf(s.charAt(to - 1)) >= 0) {
            to--;
          }
        }
        return new PyValue.Str(s.substring(from, to));
      }
      case "replace" -> {
        if (arg != null && args.size() >= 2 && args.get(1) instanceof PyValue.Str to && args.size() == 2) {
          return new PyValue.Str(s.replace(arg, to.value()));
        }
        return unknown(site, args);
      }
      case "split" -> {
        if (x == null || x == PyValue.None.NONE) {
          List<PyValue> out = new ArrayList<>();
          for (String p : s.trim().split("\\s+")) {
            if (!p.isEmpty()) {
              out.add(new PyValue.Str(p));
            }
          }
          return new PyValue.PyList(out);
        }
        if (arg == null || arg.isEmpty() || args.size() > 1) {
          return unknown(site, args);
        }
        List<PyValue> out = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = s.indexOf(arg, from)) >= 0) {
          out.add(new PyValue.Str(s.substring(from, at)));
          from = at + arg.length();
        }
        out.add(new PyValue.Str(s.substring(from)));
        return new PyValue.PyList(out);
      }
      case "startswith", "endswith" -> {
        if (arg == null) {
          return unknown(site, args);
        }
        return PyValue.Bool.of(name.equals("startswith") ? s.startsWith(arg) : s.endsWith(arg));
      }
      case "title" -> {
        StringBuilder b = new StringBuilder();
        boolean up = true;
        for (char c : s.toCharArray()) {
          b.append(up ? Character.toUpperCase(c) : Character.toLowerCase(c));
          up = !Character.isLetter(c);
        }
        return new PyValue.Str(b.toString());
      }
      case "capitalize" -> {
        return new PyValue.Str(s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT)
            + s.substring(1).toLowerCase(Locale.ROOT));
      }
      case "zfill" -> {
        if (x instanceof PyValue.Int w) {
          String r = s;
          while (r.length() < w.value()) {
            r = "0" + r;
          }
          return new PyValue.Str(r);
        }
        return unknown(site, args);
      }
      case "partition", "rpartition" -> {
        if (arg == null || arg.isEmpty()) {
          return unknown(site, args);
        }
        int at = name.equals("partition") ? s.indexOf(arg) : s.lastIndexOf(arg);
        List<PyValue> parts = at < 0
            ? (name.equals("partition") ? List.of(new PyValue.Str(s), new PyValue.Str(""), new PyValue.Str(""))
                : List.of(new PyValue.Str(""), new PyValue.Str(""), new PyValue.Str(s)))
            : List.of(new PyValue.Str(s.substring(0, at)), new PyValue.Str(arg), new PyValue.Str(s.substring(at + arg.length())));
        return new PyValue.Tuple(parts);
      }
      case "encode", "decode" -> {
        return new PyValue.Str(s);
      }
      default -> {
        return unknown(site, args);
      }
    }
  }

  /** {@code str.format}: {@code {}}, {@code {0}}, {@code {name}}, {@code {name.attr}} not supported. */
  static String format(String template, Calls.Args a) {
    StringBuilder out = new StringBuilder();
    int auto = 0;
    int n = template.length();
    for (int i = 0; i < n; i++) {
      char c = template.charAt(i);
      if (c == '{' && i + 1 < n && template.charAt(i + 1) == '{') {
        out.append('{');
        i++;
        continue;
      }
      if (c == '}' && i + 1 < n && template.charAt(i + 1) == '}') {
        out.append('}');
        i++;
        continue;
      }
      if (c != '{') {
        out.append(c);
        continue;
      }
      int close = template.indexOf('}', i);
      if (close < 0) {
        return null;
      }
      String field = template.substring(i + 1, close);
      String spec = "";
      String conversion = null;
      int colon = field.indexOf(':');
      if (colon >= 0) {
        spec = field.substring(colon + 1);
        field = field.substring(0, colon);
      }
      int bang = field.indexOf('!');
      if (bang >= 0) {
        conversion = field.substring(bang + 1);
        field = field.substring(0, bang);
      }
      PyValue v;
      if (field.isEmpty()) {
        v = auto < a.args.size() ? a.args.get(auto++) : null;
      } else if (field.chars().allMatch(Character::isDigit)) {
        int idx = Integer.parseInt(field);
        v = idx < a.args.size() ? a.args.get(idx) : null;
      } else {
        v = a.kwargs.get(field);
      }
      if (v == null) {
        return null;
      }
      String s = "r".equals(conversion) ? PyText.repr(v) : PyText.format(v, spec);
      if (s == null) {
        return null;
      }
      out.append(s);
      i = close;
    }
    return out.toString();
  }

  private static PyValue listMethod(PyValue.PyList l, String name, Calls.Args a, Calls.Site site) {
    List<PyValue> args = a.args;
    switch (name) {
      case "append" -> {
        if (!args.isEmpty()) {
          l.items().add(args.get(0));
        }
        return PyValue.None.NONE;
      }
      case "extend" -> {
        Optional<List<PyValue>> it = args.isEmpty() ? Optional.empty() : ModuleEvaluator.iterate(args.get(0));
        if (it.isEmpty()) {
          return unknown(site, args);
        }
        l.items().addAll(it.get());
        return PyValue.None.NONE;
      }
      case "insert" -> {
        if (args.size() == 2 && args.get(0) instanceof PyValue.Int i) {
          int idx = (int) Math.max(0, Math.min(l.items().size(), i.value() < 0 ? l.items().size() + i.value() : i.value()));
          l.items().add(idx, args.get(1));
          return PyValue.None.NONE;
        }
        return unknown(site, args);
      }
      case "pop" -> {
        if (l.items().isEmpty()) {
          return site.unresolved("pop from empty list");
        }
        int idx = args.isEmpty() ? l.items().size() - 1 : args.get(0) instanceof PyValue.Int i
            ? (int) (i.value() < 0 ? l.items().size() + i.value() : i.value()) : -1;
        return idx >= 0 && idx < l.items().size() ? l.items().remove(idx) : unknown(site, args);
      }
      case "copy" -> {
        return PyValue.PyList.of(l.items());
      }
      case "index" -> {
        int idx = args.isEmpty() ? -1 : l.items().indexOf(args.get(0));
        return idx >= 0 ? new PyValue.Int(idx) : unknown(site, args);
      }
      case "count" -> {
        return new PyValue.Int(args.isEmpty() ? 0 : l.items().stream().filter(args.get(0)::equals).count());
      }
      case "reverse" -> {
        java.util.Collections.reverse(l.items());
        return PyValue.None.NONE;
      }
      default -> {
        return unknown(site, args);
      }
    }
  }

  private static PyValue dictMethod(PyValue.Dict d, String name, Calls.Args a, Calls.Site site) {
    List<PyValue> args = a.args;
    switch (name) {
      case "get" -> {
        if (args.isEmpty()) {
          return unknown(site, args);
        }
        PyValue v = d.entries().get(args.get(0));
        return v != null ? v : args.size() > 1 ? args.get(1) : PyValue.None.NONE;
      }
      case "keys" -> {
        return PyValue.PyList.of(new ArrayList<>(d.entries().keySet()));
      }
      case "values" -> {
        return PyValue.PyList.of(new ArrayList<>(d.entries().values()));
      }
      case "items" -> {
        List<PyValue> out = new ArrayList<>();
        d.entries().forEach((k, v) -> out.add(new PyValue.Tuple(List.of(k, v))));
        return new PyValue.PyList(out);
      }
      case "update" -> {
        if (!args.isEmpty()) {
          if (!(args.get(0) instanceof PyValue.Dict other)) {
            return unknown(site, args);
          }
          d.entries().putAll(other.entries());
        }
        a.kwargs.forEach((k, v) -> d.entries().put(new PyValue.Str(k), v));
        return PyValue.None.NONE;
      }
      case "copy" -> {
        return new PyValue.Dict(new LinkedHashMap<>(d.entries()));
      }
      case "setdefault" -> {
        if (args.isEmpty()) {
          return unknown(site, args);
        }
        return d.entries().computeIfAbsent(args.get(0), k -> args.size() > 1 ? args.get(1) : PyValue.None.NONE);
      }
      case "pop" -> {
        if (args.isEmpty()) {
          return unknown(site, args);
        }
        PyValue v = d.entries().remove(args.get(0));
        return v != null ? v : args.size() > 1 ? args.get(1) : site.unresolved("pop of missing key");
      }
      default -> {
        return unknown(site, args);
      }
    }
  }

  static Map<String, PyValue> kwargs(Calls.Args a) {
    return a.kwargs;
  }
}
