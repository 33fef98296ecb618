package io.pipeshift.requests;

import io.pipeshift.ir.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Walks request trees: finds and renders the {@link Value} references left in them. */
public final class RequestTree {

  private RequestTree() {}

  /** A copy of the tree with every reference replaced by what {@code renderer} returns for it. */
  public static Object render(Object tree, Function<Value, Object> renderer) {
    if (tree instanceof Value v) {
      return renderer.apply(v);
    }
    if (tree instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>((int) (m.size() / 0.75f) + 1); // sized once
      m.forEach((k, v) -> out.put(String.valueOf(k), render(v, renderer)));
      return out;
    }
    if (tree instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(v -> out.add(render(v, renderer)));
      return out;
    }
    return tree;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> renderMap(Map<String, Object> tree, Function<Value, Object> renderer) {
    return (Map<String, Object>) render(tree, renderer);
  }

  /** Every reference in the tree, in order. */
  public static List<Value> references(Object tree) {
    List<Value> out = new ArrayList<>();
    collect(tree, out);
    return out;
  }

  private static void collect(Object tree, List<Value> out) {
    if (tree instanceof Value v) {
      out.add(v);
    } else if (tree instanceof Map<?, ?> m) {
      m.values().forEach(v -> collect(v, out));
    } else if (tree instanceof List<?> l) {
      l.forEach(v -> collect(v, out));
    }
  }
}
