package io.pipeshift.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The text and JSON forms of a diff. Deterministic: changes in the order the diff found them. */
final class DiffRendering {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private DiffRendering() {}

  static String text(List<DiffChange> changes) {
    StringBuilder b = new StringBuilder();
    for (DiffChange c : changes) {
      b.append(line(c)).append('\n');
    }
    b.append(changes.isEmpty() ? "no differences" : changes.size() + (changes.size() == 1 ? " difference" : " differences"));
    return b.append('\n').toString();
  }

  static String line(DiffChange c) {
    String step = c.step().orElse("");
    String field = c.field().orElse("");
    return switch (c.type()) {
      case PARAMETER_ADDED -> "+ parameter " + field + " " + compact(c.after());
      case PARAMETER_REMOVED -> "- parameter " + field;
      case PARAMETER_CHANGED -> "~ parameter " + field + ": " + compact(c.before()) + " -> " + compact(c.after());
      case STEP_ADDED -> "+ step " + step + " (" + compact(c.after()) + ")";
      case STEP_REMOVED -> "- step " + step + " (" + compact(c.before()) + ")";
      case STEP_RENAMED -> "> step " + step + " renamed to " + compact(c.after());
      case STEP_MOVED -> "> step " + step + " moved from the " + compact(c.before()) + " to the " + compact(c.after());
      case EDGE_ADDED -> "+ edge " + field + " -> " + step;
      case EDGE_REMOVED -> "- edge " + field + " -> " + step;
      case METADATA_CHANGED -> "~ " + (step.isEmpty() ? "pipeline" : "step " + step) + ": " + field + " "
          + compact(c.before()) + " -> " + compact(c.after());
      default -> "~ step " + step + ": " + field + " " + compact(c.before()) + " -> " + compact(c.after());
    };
  }

  private static String compact(Optional<Object> value) {
    if (value.isEmpty()) {
      return "(none)";
    }
    Object v = value.get();
    if (v instanceof String s) {
      boolean plain = !s.isEmpty() && s.equals(s.strip()) && !s.contains(" -> ") && !s.contains("\n");
      try {
        return plain ? s : new ObjectMapper().writeValueAsString(s);
      } catch (JsonProcessingException e) {
        return s;
      }
    }
    try {
      return new ObjectMapper().writeValueAsString(v);
    } catch (JsonProcessingException e) {
      return String.valueOf(v);
    }
  }

  static String json(List<DiffChange> changes) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("same", changes.isEmpty());
    root.put("differences", changes.size());
    List<Object> list = new ArrayList<>();
    for (DiffChange c : changes) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", c.type().label());
      c.step().ifPresent(s -> m.put("step", s));
      c.field().ifPresent(f -> m.put("field", f));
      c.before().ifPresent(v -> m.put("before", v));
      c.after().ifPresent(v -> m.put("after", v));
      m.put("text", line(c));
      list.add(m);
    }
    root.put("changes", list);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
