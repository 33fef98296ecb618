package io.pipeshift.from.airflow.eval;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Variables of one Python scope (the module, or one call of a function), with the enclosing scope. */
public final class Scope {

  private final Scope parent;
  private final Map<String, PyValue> names = new HashMap<>();
  private Set<String> globals;

  Scope(Scope parent) {
    this.parent = parent;
  }

  /** The value a name has in this scope or an enclosing one. */
  public Optional<PyValue> get(String name) {
    return lookup(name);
  }

  Optional<PyValue> lookup(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      PyValue v = s.names.get(name);
      if (v != null) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  void assign(String name, PyValue value) {
    if (globals != null && globals.contains(name)) {
      module().names.put(name, value);
    } else {
      names.put(name, value);
    }
  }

  void declareGlobal(String name) {
    if (globals == null) {
      globals = new HashSet<>();
    }
    globals.add(name);
  }

  void delete(String name) {
    names.remove(name);
  }

  Scope module() {
    Scope s = this;
    while (s.parent != null) {
      s = s.parent;
    }
    return s;
  }

  Map<String, PyValue> own() {
    return names;
  }
}
