package io.pipeshift.from.asl;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pipeshift.diag.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of the fixture machines (text damage and structural damage: removed keys, values of
 * the wrong type, renamed targets) import or fail with located diagnostics; nothing else escapes.
 */
class AslHostileInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void mutatedMachinesNeverCrashTheImporter() throws Exception {
    List<String> fixtures = new ArrayList<>();
    try (var s = Files.list(Golden.dir().resolveSibling("machines"))) {
      for (Path p : s.sorted().toList()) {
        fixtures.add(Files.readString(p));
      }
    }
    long seed = 20261123L;
    Random random = new Random(seed);
    for (int i = 0; i < 1500; i++) {
      String base = fixtures.get(random.nextInt(fixtures.size()));
      String mutated = random.nextBoolean() ? damageText(base, random) : damageTree(base, random);
      try {
        AslImporter.read("fuzz.json", mutated);
      } catch (InvalidInputException expected) {
        if (expected.diagnostics().isEmpty()) {
          fail("seed " + seed + " case " + i + ": an InvalidInputException without diagnostics");
        }
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError("seed " + seed + " case " + i + " crashed the importer on:\n" + mutated, e);
      }
    }
  }

  @Test
  void aPassStateThatReadsItsOwnResultIsNotFollowedForever() {
    // found by the 10-minute fuzz run: A's Parameters read $.a.x, which A itself writes (ResultPath $.a)
    String machine = """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Parameters": {"x.$": "$.a.x"}, "ResultPath": "$.a", "Next": "B"},
          "B": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": "f", "Payload": {"y.$": "$.a.x"}}, "End": true}}}
        """;
    try {
      AslImporter.read("self-reading-pass.json", machine);
    } catch (InvalidInputException located) {
      if (located.diagnostics().isEmpty()) {
        fail("an InvalidInputException without diagnostics");
      }
    }
  }

  @Test
  void aJsonataMarkerWithNothingInsideIsNotAnExpression() {
    // found by the 10-minute fuzz run: "{%}" starts with "{%" and ends with "%}"
    String machine = """
        {"QueryLanguage": "JSONata", "StartAt": "C", "States": {
          "C": {"Type": "Choice", "Choices": [{"Condition": "{%}", "Next": "D"}], "Default": "D"},
          "D": {"Type": "Succeed"}}}
        """;
    try {
      AslImporter.read("empty-jsonata.json", machine);
    } catch (InvalidInputException located) {
      if (located.diagnostics().isEmpty()) {
        fail("an InvalidInputException without diagnostics");
      }
    }
  }

  private static String damageText(String s, Random r) {
    StringBuilder b = new StringBuilder(s);
    for (int k = 0, n = 1 + r.nextInt(3); k < n && b.length() > 0; k++) {
      int at = r.nextInt(b.length());
      switch (r.nextInt(3)) {
        case 0 -> b.deleteCharAt(at);
        case 1 -> b.insert(at, "{}[],:\"x0".charAt(r.nextInt(9)));
        default -> b.setCharAt(at, '"');
      }
    }
    return b.toString();
  }

  private static String damageTree(String s, Random r) throws Exception {
    JsonNode root = JSON.readTree(s);
    List<ObjectNode> objects = new ArrayList<>();
    collect(root, objects);
    for (int k = 0, n = 1 + r.nextInt(3); k < n; k++) {
      ObjectNode o = objects.get(r.nextInt(objects.size()));
      List<String> keys = new ArrayList<>();
      o.fieldNames().forEachRemaining(keys::add);
      if (keys.isEmpty()) {
        continue;
      }
      String key = keys.get(r.nextInt(keys.size()));
      switch (r.nextInt(5)) {
        case 0 -> o.remove(key);
        case 1 -> o.put(key, r.nextInt(100));
        case 2 -> o.set(key, JsonNodeFactory.instance.arrayNode().add("States.ALL"));
        case 3 -> o.put(key, keys.get(r.nextInt(keys.size())));
        default -> o.set(key, JsonNodeFactory.instance.objectNode());
      }
    }
    return JSON.writeValueAsString(root);
  }

  private static void collect(JsonNode n, List<ObjectNode> out) {
    if (n instanceof ObjectNode o) {
      out.add(o);
      for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
        collect(it.next(), out);
      }
    } else if (n instanceof ArrayNode a) {
      a.forEach(x -> collect(x, out));
    }
  }
}
