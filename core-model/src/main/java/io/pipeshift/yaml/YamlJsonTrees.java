package io.pipeshift.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pipeshift.diag.Diagnostic;
import io.pipeshift.diag.InvalidInputException;
import io.pipeshift.diag.Location;
import io.pipeshift.diag.Problem;
import io.pipeshift.document.JsonDocument;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML document (a CloudFormation template, typically) as a located JSON tree, so JSON and YAML inputs
 * share one reader downstream. CloudFormation's short-form tags become their long form: {@code !Ref X} ->
 * {@code {"Ref": "X"}}, {@code !GetAtt a.b} -> {@code {"Fn::GetAtt": ["a", "b"]}}, {@code !Condition c}
 * -> {@code {"Condition": "c"}}, any other {@code !Name v} -> {@code {"Fn::Name": v}}. Same limits as IR
 * YAML; aliases are expanded under the node limit.
 */
public final class YamlJsonTrees {

  private YamlJsonTrees() {}

  public static JsonDocument read(String file, String text) {
    return read(file, text, ReaderLimits.DEFAULT);
  }

  public static JsonDocument read(String file, String text, ReaderLimits limits) {
    Node root = YamlDocuments.compose(file, text, limits);
    if (root == null) {
      throw InvalidInputException.of(Diagnostic.error(Problem.EMPTY_DOCUMENT, Location.start(file)));
    }
    Map<String, Location> locations = new HashMap<>();
    Converter c = new Converter(file, locations, limits);
    JsonNode tree = c.convert(root, "");
    return new JsonDocument(file, tree, locations);
  }

  private static final class Converter {
    private final String file;
    private final Map<String, Location> locations;
    private final ReaderLimits limits;
    private final JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);
    private int visited;

    Converter(String file, Map<String, Location> locations, ReaderLimits limits) {
      this.file = file;
      this.locations = locations;
      this.limits = limits;
    }

    private Location loc(Node n) {
      return new Location(file, n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
    }

    JsonNode convert(Node n, String pointer) {
      if (++visited > limits.maxNodes()) {
        throw InvalidInputException.of(Diagnostic.error(Problem.TOO_MANY_NODES, loc(n), limits.maxNodes()));
      }
      locations.putIfAbsent(pointer, loc(n));
      String tag = n.getTag().getValue();
      if (tag.startsWith("!") && !tag.startsWith("!!")) {
        String name = tag.substring(1);
        JsonNode inner = plain(n, pointer);
        if (name.equals("GetAtt") && inner.isTextual()) {
          String text = inner.asText();
          int dot = text.indexOf('.');
          ArrayNode parts = nodes.arrayNode();
          parts.add(dot < 0 ? text : text.substring(0, dot));
          if (dot >= 0) {
            parts.add(text.substring(dot + 1));
          }
          inner = parts;
        }
        String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
        ObjectNode o = nodes.objectNode();
        o.set(key, inner);
        return o;
      }
      return plain(n, pointer);
    }

    private JsonNode plain(Node n, String pointer) {
      if (n instanceof MappingNode m) {
        ObjectNode o = nodes.objectNode();
        for (NodeTuple t : m.getValue()) {
          Node k = t.getKeyNode();
          String key = k instanceof ScalarNode s ? s.getValue() : String.valueOf(k);
          String child = JsonDocument.child(pointer, key);
          locations.put(child, loc(k));
          o.set(key, convert(t.getValueNode(), child));
        }
        return o;
      }
      if (n instanceof SequenceNode s) {
        ArrayNode a = nodes.arrayNode();
        int i = 0;
        for (Node item : s.getValue()) {
          a.add(convert(item, JsonDocument.child(pointer, i++)));
        }
        return a;
      }
      ScalarNode s = (ScalarNode) n;
      String v = s.getValue();
      Tag tag = s.getTag();
      if (tag.equals(Tag.NULL)) {
        return nodes.nullNode();
      }
      if (tag.equals(Tag.BOOL)) {
        String lower = v.toLowerCase(java.util.Locale.ROOT);
        return nodes.booleanNode(lower.equals("true") || lower.equals("yes") || lower.equals("on") || lower.equals("y"));
      }
      if (tag.equals(Tag.INT)) {
        try {
          BigInteger big = new BigInteger(v.replace("_", "").replaceFirst("^\\+", ""));
          return big.bitLength() < 63 ? nodes.numberNode(big.longValue()) : nodes.numberNode(big);
        } catch (NumberFormatException e) {
          return nodes.textNode(v);
        }
      }
      if (tag.equals(Tag.FLOAT)) {
        try {
          return nodes.numberNode(Double.parseDouble(v.replace("_", "")));
        } catch (NumberFormatException e) {
          return nodes.textNode(v);
        }
      }
      return nodes.textNode(v);
    }
  }
}
