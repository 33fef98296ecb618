package io.pipeshift.aws.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the ASL emitter writes beside a definition with {@code infra=true} and a deployment needs:
 * {@code <machine>.role-policy.json} (the least-privilege policy of the state machine's role, derived
 * from the integrations it calls) and {@code <machine>.state-machine.json} (the workflow type and the
 * names of the {@code ${...}} substitutions the definition holds, e.g. activity ARNs). Its trigger
 * documents are not read: triggers come from the IR through the same {@code EventBridgeCron}, and the
 * trigger role's policy names the exact state machine ARN.
 */
final class AslCompanions {

  private final Map<String, String> companions;

  AslCompanions(Map<String, String> companions) {
    this.companions = companions;
  }

  Optional<JsonNode> rolePolicy() {
    return document(".role-policy.json").filter(d -> d.path("Statement").isArray());
  }

  /** STANDARD or EXPRESS. */
  String type() {
    return document(".state-machine.json").map(d -> d.path("type").asText("STANDARD")).orElse("STANDARD");
  }

  /** The placeholder names of {@code definitionSubstitutions}, in order. */
  List<String> substitutions() {
    List<String> names = new ArrayList<>();
    document(".state-machine.json").ifPresent(d -> {
      for (Iterator<String> it = d.path("definitionSubstitutions").fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
    });
    return names;
  }

  private Optional<JsonNode> document(String suffix) {
    for (Map.Entry<String, String> e : companions.entrySet()) {
      String name = e.getKey();
      if (name.endsWith(suffix) && !name.endsWith(".trigger-role-policy.json")) {
        return Optional.of(Json.parse(e.getValue()));
      }
    }
    return Optional.empty();
  }
}
