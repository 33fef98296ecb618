package io.pipeshift.to.airflow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The import block of a generated file, written the way ruff's isort rules (I001) want it: standard library
 * first, then third-party, a blank line between sections, plain {@code import x} before
 * {@code from x import y} within a section, modules sorted case-insensitively, imported names ordered
 * constants, classes, then the rest, and long lines wrapped in parentheses. Only imports that are used
 * are ever added (F401).
 */
final class PyImports {

  /** Top-level modules of the Python standard library the generator uses. */
  private static final Set<String> STDLIB = Set.of("datetime", "importlib", "json");

  private final PyNames names;
  private final Map<String, PyName> modules = new TreeMap<>();
  private final Map<String, Map<String, PyName>> members = new TreeMap<>();

  PyImports(PyNames names) {
    this.names = names;
  }

  /** {@code import module}; the module's top-level name is reserved. */
  PyName module(String module) {
    PyName existing = modules.get(module);
    if (existing != null) {
      return existing;
    }
    String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
    PyName n = names.isTaken(top) ? new PyName(top) : names.reserve(top);
    modules.put(module, n);
    return n;
  }

  /** {@code from module import member} (aliased when another import holds the name); reserves the name. */
  PyName from(String module, String member) {
    return fromAliased(module, member);
  }

  /** {@code from module import member as alias} with a fixed, reserved alias. */
  PyName fromAs(String module, String member, String alias) {
    Map<String, PyName> m = members.computeIfAbsent(module, k -> new LinkedHashMap<>());
    String entry = member + " as " + alias;
    PyName existing = m.get(entry);
    if (existing != null) {
      return existing;
    }
    PyName n = names.isTaken(alias) ? new PyName(alias) : names.reserve(alias);
    m.put(entry, n);
    return n;
  }

  /** {@code from module import member}, or {@code member as member2} when the name is taken already. */
  PyName fromAliased(String module, String member) {
    Map<String, PyName> m = members.computeIfAbsent(module, k -> new LinkedHashMap<>());
    for (Map.Entry<String, PyName> e : m.entrySet()) {
      if (e.getKey().equals(member) || e.getKey().startsWith(member + " as ")) {
        return e.getValue();
      }
    }
    if (!names.isTaken(member)) {
      PyName n = names.reserve(member);
      m.put(member, n);
      return n;
    }
    int n = 2;
    while (names.isTaken(member + n)) {
      n++;
    }
    PyName alias = names.reserve(member + n);
    m.put(member + " as " + alias.identifier(), alias);
    return alias;
  }

  /** {@code from module import member} for a member whose name the caller reserved already. */
  void registerReserved(String module, String member) {
    if (!names.isTaken(member)) {
      throw new IllegalStateException("not reserved: " + member);
    }
    members.computeIfAbsent(module, k -> new LinkedHashMap<>()).putIfAbsent(member, new PyName(member));
  }

  boolean isEmpty() {
    return modules.isEmpty() && members.isEmpty();
  }

  /** The import block (without trailing blank lines). */
  List<String> lines() {
    List<String> out = new ArrayList<>();
    for (boolean stdlib : new boolean[] {true, false}) {
      List<String> section = new ArrayList<>();
      modules.keySet().stream()
          .filter(m -> isStdlib(m) == stdlib)
          .sorted(MODULE_ORDER)
          .forEach(m -> section.add("import " + m));
      members.keySet().stream()
          .filter(m -> isStdlib(m) == stdlib)
          .sorted(MODULE_ORDER)
          .forEach(m -> section.addAll(fromLines(m, members.get(m).keySet())));
      if (!section.isEmpty()) {
        if (!out.isEmpty()) {
          out.add("");
        }
        out.addAll(section);
      }
    }
    return out;
  }

  private static List<String> fromLines(String module, Set<String> names) {
    TreeSet<String> sorted = new TreeSet<>(MEMBER_ORDER);
    sorted.addAll(names);
    String one = "from " + module + " import " + String.join(", ", sorted);
    if (one.length() <= PyLayout.WIDTH) {
      return List.of(one);
    }
    List<String> out = new ArrayList<>();
    out.add("from " + module + " import (");
    sorted.forEach(n -> out.add("    " + n + ","));
    out.add(")");
    return out;
  }

  private static boolean isStdlib(String module) {
    String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
    return STDLIB.contains(top);
  }

  private static final Comparator<String> MODULE_ORDER =
      Comparator.comparing((String m) -> m.toLowerCase(Locale.ROOT)).thenComparing(Comparator.naturalOrder());

  /** isort's order-by-type: CONSTANTS, then Classes, then everything else; case-insensitive within. */
  private static final Comparator<String> MEMBER_ORDER =
      Comparator.comparingInt((String m) -> memberType(m.split(" ")[0]))
          .thenComparing((String m) -> m.toLowerCase(Locale.ROOT))
          .thenComparing(Comparator.naturalOrder());

  private static int memberType(String name) {
    if (name.length() > 1 && name.equals(name.toUpperCase(Locale.ROOT))) {
      return 0;
    }
    return Character.isUpperCase(name.charAt(0)) ? 1 : 2;
  }
}
