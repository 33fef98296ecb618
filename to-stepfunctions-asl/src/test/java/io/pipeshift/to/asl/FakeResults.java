package io.pipeshift.to.asl;

import io.pipeshift.document.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each mocked Task returns in a local run: for a Task with a ResultSelector, an object holding every
 * path the selector reads (so the selector works); for a property-file read, a JSON Body holding every
 * property the machine reads from it (numbers, 1.0). Pipeline and endpoint polls report success.
 */
final class FakeResults {

  private static final Pattern PATH = Pattern.compile("(?<![$\\w])\\$((?:\\.[A-Za-z_][A-Za-z0-9_]*|\\[\\d+])+)");
  private static final Pattern SEGMENT = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_]*)|\\[(\\d+)]");

  private FakeResults() {}

  static Map<String, Object> of(Map<String, Object> machine, String definitionText) {
    Map<String, Object> results = new LinkedHashMap<>();
    java.util.Set<String> lists = new java.util.HashSet<>(); // result fields a Map iterates over
    AslStates.forEach(machine, (name, state) -> {
      if (state.get("ItemsPath") instanceof String p) {
        lists.add(p);
      }
    });
    AslStates.forEach(machine, (name, state) -> {
      if (!"Task".equals(state.get("Type")) || !(state.get("ResultSelector") instanceof Map<?, ?> selector)) {
        return;
      }
      Map<String, Object> fake = new LinkedHashMap<>();
      for (Object expr : selector.values()) {
        String text = String.valueOf(expr);
        if (text.contains("States.StringToJson($.Body)")) {
          String key = String.valueOf(state.get("ResultPath"));
          fake.put("Body", JsonText.compact(propertyDocument(definitionText, key)));
          continue;
        }
        Matcher m = PATH.matcher(text);
        while (m.find()) {
          put(fake, segments(m.group(1)), 0);
        }
      }
      for (Map.Entry<?, ?> e : selector.entrySet()) {
        String field = String.valueOf(e.getKey()).replaceAll("\\.\\$$", "");
        Matcher m = PATH.matcher(String.valueOf(e.getValue()));
        if (lists.contains(state.get("ResultPath") + "." + field) && m.matches()) {
          List<Object> path = segments(m.group(1));
          put(fake, path, 0);
          setLeaf(fake, path, new ArrayList<>(List.of("item-1", "item-2")));
        }
      }
      results.put(name, fake);
    });
    return results;
  }

  /** A document with every {@code <resultPath>.value.<path>} the machine reads set to 1.0. */
  private static Map<String, Object> propertyDocument(String definitionText, String resultPath) {
    Map<String, Object> doc = new LinkedHashMap<>();
    Pattern uses = Pattern.compile(Pattern.quote(resultPath + ".value") + "((?:\\.[A-Za-z_][A-Za-z0-9_]*|\\[\\d+])+)");
    Matcher m = uses.matcher(definitionText);
    while (m.find()) {
      put(doc, segments(m.group(1)), 0);
    }
    return doc;
  }

  @SuppressWarnings("unchecked")
  private static void setLeaf(Object container, List<Object> path, Object value) {
    Object at = container;
    for (int i = 0; i < path.size() - 1; i++) {
      Object seg = path.get(i);
      at = seg instanceof Integer n ? ((List<Object>) at).get(n) : ((Map<String, Object>) at).get((String) seg);
    }
    Object last = path.get(path.size() - 1);
    if (last instanceof Integer n) {
      ((List<Object>) at).set(n, value);
    } else {
      ((Map<String, Object>) at).put((String) last, value);
    }
  }

  private static List<Object> segments(String path) {
    List<Object> out = new ArrayList<>();
    Matcher m = SEGMENT.matcher(path);
    while (m.find()) {
      out.add(m.group(1) != null ? m.group(1) : Integer.valueOf(m.group(2)));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void put(Object container, List<Object> path, int i) {
    Object seg = path.get(i);
    boolean last = i == path.size() - 1;
    Object next = last ? leaf(path) : path.get(i + 1) instanceof Integer ? new ArrayList<>() : new LinkedHashMap<>();
    if (container instanceof Map<?, ?> m) {
      Map<String, Object> map = (Map<String, Object>) m;
      Object existing = map.get((String) seg);
      if (existing == null || last) {
        map.put((String) seg, next);
        existing = next;
      }
      if (!last) {
        put(existing, path, i + 1);
      }
    } else {
      List<Object> list = (List<Object>) container;
      int index = (Integer) seg;
      while (list.size() <= index) {
        list.add(last ? leaf(path) : path.get(i + 1) instanceof Integer ? new ArrayList<>() : new LinkedHashMap<>());
      }
      if (!last) {
        put(list.get(index), path, i + 1);
      }
    }
  }

  private static Object leaf(List<Object> path) {
    return leaf(String.valueOf(path.get(path.size() - 1)));
  }

  /** The fake value of a field named {@code name} (property-file values are always 1.0). */
  static Object leaf(String name) {
    return switch (name) {
      case "PipelineExecutionStatus" -> "Succeeded";
      case "EndpointStatus" -> "InService";
      default -> name.endsWith("Arn") ? "arn:aws:fake:us-east-1:123456789012:thing/fake-" + name
          : name.endsWith("Name") || name.endsWith("Id") || name.endsWith("Uri") || name.endsWith("Path")
              || name.endsWith("Artifacts") ? "fake-" + name : 1.0;
    };
  }
}
