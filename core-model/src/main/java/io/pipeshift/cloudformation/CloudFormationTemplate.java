package io.pipeshift.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipeshift.diag.Diagnostic;
import io.pipeshift.diag.InvalidInputException;
import io.pipeshift.diag.Problem;
import io.pipeshift.document.JsonDocument;
import io.pipeshift.yaml.ReaderLimits;
import io.pipeshift.yaml.YamlJsonTrees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CloudFormation (or SAM) template, JSON or YAML, read as a located tree, and the workflow definitions
 * embedded in it: an object ({@code Definition}), a JSON string ({@code DefinitionString},
 * {@code PipelineDefinitionBody}), or a string built with {@code Fn::Sub} / {@code Fn::Join}. Template
 * variables that cannot be resolved offline ({@code ${AWS::Region}}, {@code Ref}, {@code Fn::GetAtt}) stay
 * in the text as {@code ${...}} and are listed, so importers can note them. Each importer looks for its
 * own resource type; this class knows no workflow format.
 */
public final class CloudFormationTemplate {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(!?)([^}]*)}");

  private final JsonDocument document;

  private CloudFormationTemplate(JsonDocument document) {
    this.document = document;
  }

  /** A workflow definition found in a template. */
  public record Embedded(String resourceName, String resourceType, JsonDocument definition, List<String> unresolved) {
    public Embedded {
      unresolved = List.copyOf(unresolved);
    }
  }

  /** Whether the first bytes of a file look like a template that declares {@code resourceType}. */
  public static boolean mentions(String head, String resourceType) {
    return head.contains(resourceType) && (head.contains("Resources") || head.contains("AWSTemplateFormatVersion"));
  }

  public static CloudFormationTemplate read(Path file) {
    String text = JsonDocument.readText(file, ReaderLimits.DEFAULT);
    return parse(file.toString(), text);
  }

  /** JSON when the text starts with '{', else YAML (YAML is a superset, but JSON positions are exacter). */
  public static CloudFormationTemplate parse(String file, String text) {
    String trimmed = text.stripLeading();
    JsonDocument doc = trimmed.startsWith("{") ? JsonDocument.parse(file, text) : YamlJsonTrees.read(file, text);
    return new CloudFormationTemplate(doc);
  }

  public JsonDocument document() {
    return document;
  }

  /** Names of the resources of a type, in template order. */
  public List<String> resources(String type) {
    List<String> out = new ArrayList<>();
    JsonNode resources = document.root().path("Resources");
    for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (type.equals(e.getValue().path("Type").asText())) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /**
   * The first definition held by a resource of one of {@code types}, at the first present property path
   * ({@code "Definition"}, {@code "PipelineDefinition/PipelineDefinitionBody"}...). {@code substitutions}
   * names a property of {@code ${name} -> value} replacements (e.g. {@code DefinitionSubstitutions}), or
   * is empty. Throws a located diagnostic when no resource holds a readable definition.
   */
  public Embedded definition(List<String> types, List<String> propertyPaths, Optional<String> substitutions) {
    for (String type : types) {
      for (String name : resources(type)) {
        String props = "/Resources/" + JsonDocument.escape(name) + "/Properties";
        for (String path : propertyPaths) {
          String pointer = props + "/" + path;
          JsonNode node = document.root().at(pointer);
          if (node.isMissingNode() || node.isNull()) {
            continue;
          }
          JsonNode subs = substitutions.map(s -> document.root().at(props + "/" + s)).orElse(null);
          return embedded(name, type, pointer, node, subs);
        }
      }
    }
    throw InvalidInputException.of(Diagnostic.error(Problem.NO_DEFINITION_IN_TEMPLATE, document.at("/Resources"),
        String.join(" or ", types), String.join(" or ", propertyPaths)));
  }

  private Embedded embedded(String name, String type, String pointer, JsonNode node, JsonNode subs) {
    if (node.isObject() && !isIntrinsic(node)) {
      return new Embedded(name, type, document.view(pointer), List.of());
    }
    Set<String> unresolved = new LinkedHashSet<>();
    Map<String, JsonNode> variables = new java.util.LinkedHashMap<>();
    if (subs != null && subs.isObject()) {
      subs.fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue()));
    }
    String text = substitute(text(node, pointer, variables, unresolved), variables, unresolved);
    String inner = document.file() + " (" + pointer.substring(1) + ")";
    JsonDocument parsed;
    try {
      parsed = JsonDocument.parse(inner, text);
    } catch (InvalidInputException e) {
      List<Diagnostic> out = new ArrayList<>(e.diagnostics());
      if (!unresolved.isEmpty()) {
        out.add(Diagnostic.error(Problem.UNRESOLVED_TEMPLATE_VALUE, document.at(pointer), String.join(", ", unresolved),
            "the definition is not JSON once they are left as ${...} placeholders"));
      }
      throw new InvalidInputException(out);
    }
    return new Embedded(name, type, parsed, List.copyOf(unresolved));
  }

  private static boolean isIntrinsic(JsonNode node) {
    if (node.size() != 1) {
      return false;
    }
    String key = node.fieldNames().next();
    return key.equals("Ref") || key.startsWith("Fn::");
  }

  /** The string a definition value evaluates to offline. */
  private String text(JsonNode node, String pointer, Map<String, JsonNode> variables, Set<String> unresolved) {
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isObject() && node.has("Fn::Sub")) {
      JsonNode sub = node.get("Fn::Sub");
      if (sub.isTextual()) {
        return sub.asText();
      }
      if (sub.isArray() && sub.size() >= 1 && sub.get(0).isTextual()) {
        if (sub.size() > 1 && sub.get(1).isObject()) {
          sub.get(1).fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue()));
        }
        return sub.get(0).asText();
      }
    }
    if (node.isObject() && node.has("Fn::Join")) {
      JsonNode join = node.get("Fn::Join");
      if (join.isArray() && join.size() == 2 && join.get(0).isTextual() && join.get(1).isArray()) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < join.get(1).size(); i++) {
          if (i > 0) {
            b.append(join.get(0).asText());
          }
          b.append(text(join.get(1).get(i), pointer + "/Fn::Join/1/" + i, variables, unresolved));
        }
        return b.toString();
      }
    }
    if (node.isObject() && node.has("Ref")) {
      String ref = node.get("Ref").asText();
      if (!variables.containsKey(ref)) {
        unresolved.add(ref);
      }
      return "${" + ref + "}";
    }
    if (node.isObject() && node.has("Fn::GetAtt")) {
      JsonNode att = node.get("Fn::GetAtt");
      String ref = att.isArray() ? att.get(0).asText() + "." + att.path(1).asText() : att.asText();
      unresolved.add(ref);
      return "${" + ref + "}";
    }
    throw InvalidInputException.of(Diagnostic.error(Problem.UNRESOLVED_TEMPLATE_VALUE, document.at(pointer),
        "the definition", "expected a string, Fn::Sub or Fn::Join"));
  }

  /**
   * Replaces {@code ${name}} by literal substitutions; other variables stay as written and are recorded.
   * {@code ${!x}} is CloudFormation's escape for a literal {@code ${x}}.
   */
  private static String substitute(String text, Map<String, JsonNode> variables, Set<String> unresolved) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (!m.group(1).isEmpty()) {
        replacement = "${" + m.group(2) + "}";
      } else {
        JsonNode v = variables.get(m.group(2));
        if (v != null && v.isValueNode()) {
          replacement = v.asText();
        } else {
          unresolved.add(m.group(2));
          replacement = m.group(0);
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
