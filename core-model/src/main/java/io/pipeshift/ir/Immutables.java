package io.pipeshift.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Insertion-ordered immutable copies. {@code Map.copyOf} loses key order, and the IR keeps the user's order
 * so that output is deterministic and reads like the input.
 */
public final class Immutables {

  private Immutables() {}

  public static <K, V> Map<K, V> map(Map<K, V> source) {
    if (source.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(source));
  }

  /** Deep copy of a JSON-like tree (maps, lists, scalars) into immutable, ordered collections. */
  public static Object tree(Object node) {
    if (node instanceof Map<?, ?> m) {
      LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), tree(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (node instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      l.forEach(v -> copy.add(tree(v)));
      return Collections.unmodifiableList(copy);
    }
    if (node instanceof Integer i) {
      return i.longValue();
    }
    if (node instanceof Float f) {
      return f.doubleValue();
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> treeMap(Map<String, Object> source) {
    return (Map<String, Object>) tree(source);
  }
}
