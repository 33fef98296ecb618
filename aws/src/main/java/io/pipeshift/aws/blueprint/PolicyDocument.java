package io.pipeshift.aws.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an IAM policy document: statements keyed by Sid, each with its actions and resources collected
 * without duplicates, in first-seen order (deterministic output). Trust policies too.
 */
public final class PolicyDocument {

  public static final String VERSION = "2012-10-17";

  private final Map<String, Statement> statements = new LinkedHashMap<>();

  private record Statement(Set<String> actions, Set<String> resources, JsonNode condition) {}

  /** Allows {@code actions} on {@code resources} in the statement {@code sid} (merged if it exists). */
  public PolicyDocument allow(String sid, List<String> actions, List<String> resources) {
    return allow(sid, actions, resources, null);
  }

  public PolicyDocument allow(String sid, List<String> actions, List<String> resources, JsonNode condition) {
    Statement s = statements.computeIfAbsent(sid,
        k -> new Statement(new LinkedHashSet<>(), new LinkedHashSet<>(), condition));
    s.actions().addAll(actions);
    s.resources().addAll(resources);
    return this;
  }

  public boolean isEmpty() {
    return statements.isEmpty();
  }

  public ObjectNode build() {
    ObjectNode doc = Json.object();
    doc.put("Version", VERSION);
    ArrayNode list = doc.putArray("Statement");
    statements.forEach((sid, s) -> {
      ObjectNode st = list.addObject();
      st.put("Sid", sid);
      st.put("Effect", "Allow");
      st.set("Action", oneOrMany(s.actions()));
      st.set("Resource", oneOrMany(s.resources()));
      if (s.condition() != null) {
        st.set("Condition", s.condition());
      }
    });
    return doc;
  }

  /** A trust policy letting the given service principals assume the role. */
  public static ObjectNode trust(String... services) {
    ObjectNode doc = Json.object();
    doc.put("Version", VERSION);
    ObjectNode st = doc.putArray("Statement").addObject();
    st.put("Effect", "Allow");
    ObjectNode principal = st.putObject("Principal");
    principal.set("Service", oneOrMany(List.of(services)));
    st.put("Action", "sts:AssumeRole");
    return doc;
  }

  private static JsonNode oneOrMany(Iterable<String> values) {
    List<String> list = new ArrayList<>();
    values.forEach(list::add);
    if (list.size() == 1) {
      return Json.tree(list.get(0));
    }
    ArrayNode a = Json.array();
    list.forEach(a::add);
    return a;
  }
}
