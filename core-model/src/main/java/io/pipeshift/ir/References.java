package io.pipeshift.ir;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds the values (and so the parameter and step references) a step uses, by walking its fields. */
public final class References {

  private References() {}

  /**
   * Per record class, the components whose declared type can hold a value, a condition or a step: a walk
   * need not read an image URI, a {@code List<String>} or an {@code Optional<Duration>}. Computed once per
   * class from the generic types; anything typed as an interface other than a collection, or as
   * {@code Object}, is read.
   */
  private static final ClassValue<int[]> VALUE_COMPONENTS = new ClassValue<>() {
    @Override
    protected int[] computeValue(Class<?> type) {
      RecordShape shape = RecordShape.of(type);
      return java.util.stream.IntStream.range(0, shape.size())
          .filter(i -> mayHoldValues(shape.genericType(i), new java.util.HashSet<>()))
          .toArray();
    }
  };

  private static boolean mayHoldValues(java.lang.reflect.Type t, Set<Class<?>> visiting) {
    if (t instanceof java.lang.reflect.ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      java.lang.reflect.Type[] args = p.getActualTypeArguments();
      if (java.util.Collection.class.isAssignableFrom(raw) || raw == Optional.class) {
        return mayHoldValues(args[0], visiting);
      }
      if (Map.class.isAssignableFrom(raw)) {
        return mayHoldValues(args[1], visiting);
      }
      return true;
    }
    if (!(t instanceof Class<?> c)) {
      return true; // a wildcard or type variable: could be anything
    }
    if (c.isPrimitive() || c.isEnum() || c == String.class || c == Boolean.class || c == Character.class
        || Number.class.isAssignableFrom(c) || c.getName().startsWith("java.time.")) {
      return false;
    }
    if (Value.class.isAssignableFrom(c) || Condition.class.isAssignableFrom(c) || Step.class.isAssignableFrom(c)) {
      return true;
    }
    if (c.isRecord()) {
      if (!visiting.add(c)) {
        return false; // already being looked at further up: its other components decide
      }
      RecordShape shape = RecordShape.of(c);
      for (int i = 0; i < shape.size(); i++) {
        if (mayHoldValues(shape.genericType(i), visiting)) {
          return true;
        }
      }
      return false;
    }
    return true; // Object, an interface such as StepSpec, a raw collection
  }

  /** Values in the step's own fields (conditions included), not inside nested steps. */
  public static List<Value> ownValues(Step step) {
    List<Value> out = new ArrayList<>();
    walk(step.spec(), out, false);
    return out;
  }

  /** Values in the step and in every step nested inside it. */
  public static List<Value> deepValues(Step step) {
    List<Value> out = new ArrayList<>();
    walk(step.spec(), out, true);
    return out;
  }

  /** Step ids referenced by the step's values (deep), in first-use order. */
  public static Set<String> referencedSteps(Step step) {
    Set<String> out = new LinkedHashSet<>();
    for (Value v : deepValues(step)) {
      out.addAll(v.referencedSteps());
    }
    return out;
  }

  /** Every value in the pipeline, with the step that holds it. */
  public static List<Map.Entry<Step, Value>> all(Pipeline pipeline) {
    List<Map.Entry<Step, Value>> out = new ArrayList<>();
    for (Step s : pipeline.allSteps()) {
      ownValues(s).forEach(v -> out.add(Map.entry(s, v)));
    }
    return out;
  }

  /** Parameter names a value uses, joins included. */
  public static List<String> parameters(Value v) {
    if (v instanceof Value.ParameterRef p) {
      return List.of(p.name());
    }
    if (v instanceof Value.Join j) {
      return j.values().stream().flatMap(x -> parameters(x).stream()).toList();
    }
    return List.of();
  }

  /**
   * A copy of a step's own fields (or any IR record) with every value replaced by what {@code f} returns for
   * it; values inside conditions and joins are visited too, nested steps are left as they are. Importers use
   * it to turn what they first read as text into references.
   */
  @SuppressWarnings("unchecked")
  public static <T> T mapValues(T node, java.util.function.UnaryOperator<Value> f) {
    return (T) rewrite(node, f, false);
  }

  /**
   * A copy of any IR object, nested steps included, with {@code f} applied to every value leaf: a join is
   * rebuilt around its rewritten parts and is not itself given to {@code f}. Emitters use it to make a
   * step's copies (a for-each body per item, a branch continuation under new names).
   */
  @SuppressWarnings("unchecked")
  public static <T> T mapLeaves(T node, java.util.function.UnaryOperator<Value> f) {
    return (T) rewrite(node, f, true);
  }

  private static Object rewrite(Object o, java.util.function.UnaryOperator<Value> f, boolean deep) {
    if (o instanceof Value.Join j) {
      Value joined = new Value.Join(j.separator(), j.values().stream().map(v -> (Value) rewrite(v, f, deep)).toList());
      return deep ? joined : f.apply(joined);
    }
    if (o instanceof Value v) {
      return f.apply(v);
    }
    if (o instanceof Step && !deep) {
      return o;
    }
    if (o instanceof Optional<?> opt) {
      return opt.map(x -> rewrite(x, f, deep));
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(rewrite(x, f, deep)));
      return out;
    }
    if (o instanceof Map<?, ?> m) {
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      m.forEach((k, x) -> out.put(k, rewrite(x, f, deep)));
      return out;
    }
    if (o instanceof Record r) {
      RecordShape shape = RecordShape.of(r.getClass());
      Object[] args = new Object[shape.size()];
      for (int i = 0; i < args.length; i++) {
        args[i] = rewrite(shape.get(r, i), f, deep);
      }
      return shape.rebuild(args);
    }
    return o;
  }

  private static void walk(Object o, List<Value> out, boolean deep) {
    if (o instanceof Value v) {
      out.add(v);
    } else if (o instanceof Condition c) {
      out.addAll(c.values());
    } else if (o instanceof Step s) {
      if (deep) {
        walk(s.spec(), out, true);
      }
    } else if (o instanceof List<?> l) {
      for (Object x : l) {
        walk(x, out, deep);
      }
    } else if (o instanceof Map<?, ?> m) {
      for (Object x : m.values()) {
        walk(x, out, deep);
      }
    } else if (o instanceof Optional<?> opt) {
      opt.ifPresent(x -> walk(x, out, deep));
    } else if (o instanceof Record r) {
      RecordShape shape = RecordShape.of(r.getClass());
      for (int i : VALUE_COMPONENTS.get(r.getClass())) {
        walk(shape.get(r, i), out, deep);
      }
    }
  }
}
