package io.pipeshift.to.asl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state machine role's policy, built from what the states actually call. Statements with the same
 * actions and condition are merged; order is the order in which integrations first appear, so the same
 * pipeline always gives the same document.
 */
final class AslIam {

  /** Actions on resources, with an optional IAM condition block. */
  record Statement(List<String> actions, List<String> resources, Map<String, Object> condition) {
    Statement {
      actions = List.copyOf(actions);
      resources = List.copyOf(resources);
      condition = condition == null ? Map.of() : condition;
    }

    static Statement of(List<String> actions, String... resources) {
      return new Statement(actions, List.of(resources), Map.of());
    }
  }

  /** The rule a {@code .sync} integration manages to hear about its job ending (events permissions). */
  static Statement eventsRule(String ruleName) {
    return Statement.of(List.of("events:PutTargets", "events:PutRule", "events:DescribeRule"),
        "arn:aws:events:*:*:rule/" + ruleName);
  }

  /** iam:PassRole for roles handed to a service. */
  static Statement passRole(List<String> roles, String service) {
    return new Statement(List.of("iam:PassRole"), roles,
        Map.of("StringEquals", Map.of("iam:PassedToService", service)));
  }

  private final Map<Shape, Merged> byShape = new LinkedHashMap<>();

  /** Statements with the same actions and condition merge into one (their resources are united). */
  private record Shape(List<String> actions, Map<String, Object> condition) {}

  private record Merged(List<String> actions, Set<String> resources, Map<String, Object> condition) {}

  void add(Statement s) {
    Shape shape = new Shape(s.actions(), s.condition());
    Merged m = byShape.computeIfAbsent(shape, k -> new Merged(s.actions(), new LinkedHashSet<>(), s.condition()));
    m.resources().addAll(s.resources());
  }

  void addAll(List<Statement> statements) {
    statements.forEach(this::add);
  }

  boolean isEmpty() {
    return byShape.isEmpty();
  }

  /** The IAM policy document. */
  Map<String, Object> document() {
    List<Object> statements = new ArrayList<>();
    for (Merged m : byShape.values()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("Effect", "Allow");
      s.put("Action", m.actions().size() == 1 ? m.actions().get(0) : m.actions());
      List<String> resources = m.resources().contains("*") ? List.of("*") : new ArrayList<>(m.resources());
      s.put("Resource", resources.size() == 1 ? resources.get(0) : resources);
      if (!m.condition().isEmpty()) {
        s.put("Condition", m.condition());
      }
      statements.add(s);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("Version", "2012-10-17");
    doc.put("Statement", statements);
    return doc;
  }
}
