package io.pipeshift.aws.blueprint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pipeshift.document.JsonText;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The module's one JSON reader and printer: insertion order kept (never sorted), two-space indentation
 * and a trailing newline for pretty text, one line for text sent to AWS.
 */
public final class Json {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);

  private Json() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** Parses JSON text; throws {@link IllegalArgumentException} with the parser's message when it is not JSON. */
  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Any tree of maps, lists and scalars as a JSON node. */
  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** One line, for API parameters (core's one JSON printer). */
  public static String compact(JsonNode node) {
    return JsonText.compact(node);
  }

  /** Indented, with a trailing newline (core's one JSON printer). */
  public static String pretty(JsonNode node) {
    return JsonText.write(node);
  }

  /** A node as plain maps (insertion-ordered), lists and scalars, e.g. for a YAML printer. */
  public static Object plain(JsonNode node) {
    return MAPPER.convertValue(node, Object.class);
  }

  /** A copy of {@code node} with every string leaf replaced by {@code f(leaf)}. */
  public static JsonNode mapStrings(JsonNode node, UnaryOperator<String> f) {
    if (node.isTextual()) {
      return JsonNodeFactory.instance.textNode(f.apply(node.asText()));
    }
    if (node.isArray()) {
      ArrayNode out = array();
      node.forEach(n -> out.add(mapStrings(n, f)));
      return out;
    }
    if (node.isObject()) {
      ObjectNode out = object();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.set(e.getKey(), mapStrings(e.getValue(), f));
      }
      return out;
    }
    return node;
  }

  /** Same JSON value, numbers compared by value (1 equals 1.0), objects regardless of key order. */
  public static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode other = b.get(e.getKey());
        if (other == null || !sameValue(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!sameValue(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** An insertion-ordered map from alternating keys and values. */
  public static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
