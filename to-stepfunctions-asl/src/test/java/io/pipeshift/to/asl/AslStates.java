package io.pipeshift.to.asl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Walks a parsed ASL definition: every state, nested branches and item processors included. */
final class AslStates {

  private AslStates() {}

  /** Visits (name, state) for every state of the machine, depth first. */
  @SuppressWarnings("unchecked")
  static void forEach(Map<String, Object> machine, BiConsumer<String, Map<String, Object>> visit) {
    Map<String, Object> states = (Map<String, Object>) machine.get("States");
    for (Map.Entry<String, Object> e : states.entrySet()) {
      Map<String, Object> state = (Map<String, Object>) e.getValue();
      visit.accept(e.getKey(), state);
      if (state.get("Branches") instanceof List<?> branches) {
        branches.forEach(b -> forEach((Map<String, Object>) b, visit));
      }
      if (state.get("ItemProcessor") instanceof Map<?, ?> p) {
        forEach((Map<String, Object>) p, visit);
      }
    }
  }

  /** Every state by name (names are unique across the machine). */
  static Map<String, Map<String, Object>> all(Map<String, Object> machine) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    forEach(machine, out::put);
    return out;
  }

  /** Every state name, duplicates kept (to find them). */
  static List<String> names(Map<String, Object> machine) {
    List<String> out = new ArrayList<>();
    forEach(machine, (n, s) -> out.add(n));
    return out;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String json) {
    try {
      return AslOracles.JSON.readValue(json, LinkedHashMap.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
