package io.pipeshift.aws.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipeshift.fidelity.FidelityNote;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what the ASL emitter writes beside a definition with {@code infra=true}: the least-privilege IAM
 * policy of the state machine's role (any companion whose JSON is a policy document, or holds one under
 * {@code PolicyDocument}) and the workflow type (STANDARD unless the emitter says EXPRESS).
 */
final class StateMachinePolicy {

  private StateMachinePolicy() {}

  static Optional<JsonNode> fromCompanions(Map<String, String> companions) {
    for (Map.Entry<String, String> e : companions.entrySet()) {
      if (!e.getKey().endsWith(".json")) {
        continue;
      }
      JsonNode doc;
      try {
        doc = Json.parse(e.getValue());
      } catch (IllegalArgumentException notJson) {
        continue;
      }
      Optional<JsonNode> policy = policyIn(doc);
      if (policy.isPresent()) {
        return policy.map(StateMachinePolicy::normalise);
      }
    }
    return Optional.empty();
  }

  private static Optional<JsonNode> policyIn(JsonNode doc) {
    if (doc.isObject() && doc.path("Statement").isArray()) {
      return Optional.of(doc);
    }
    if (doc.path("PolicyDocument").path("Statement").isArray()) {
      return Optional.of(doc.path("PolicyDocument"));
    }
    return Optional.empty();
  }

  /** Placeholder spellings other emitters use become this module's {@link Arns} placeholders. */
  private static JsonNode normalise(JsonNode policy) {
    return Json.mapStrings(policy, s -> s
        .replace("${AWS::Partition}", Arns.PARTITION)
        .replace("${AWS::Region}", Arns.REGION)
        .replace("${AWS::AccountId}", Arns.ACCOUNT));
  }

  static String type(Map<String, String> companions, List<FidelityNote> notes) {
    for (String text : companions.values()) {
      if (text.contains("\"StateMachineType\": \"EXPRESS\"") || text.contains("\"StateMachineType\":\"EXPRESS\"")) {
        return "EXPRESS";
      }
    }
    return "STANDARD";
  }
}
