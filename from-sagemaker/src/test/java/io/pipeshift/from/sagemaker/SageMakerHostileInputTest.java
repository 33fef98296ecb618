package io.pipeshift.from.sagemaker;

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

/** Seeded mutations of the fixture definitions import or fail with located diagnostics; nothing else escapes. */
class SageMakerHostileInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void mutatedDefinitionsNeverCrashTheImporter() throws Exception {
    List<String> fixtures = new ArrayList<>();
    try (var s = Files.list(Golden.dir().resolveSibling("definitions"))) {
      for (Path p : s.sorted().toList()) {
        fixtures.add(Files.readString(p));
      }
    }
    long seed = 912L;
    Random random = new Random(seed);
    for (int i = 0; i < 1500; i++) {
      String base = fixtures.get(random.nextInt(fixtures.size()));
      String mutated = random.nextInt(3) == 0 ? damageText(base, random) : damageTree(base, random);
      try {
        SageMakerImporter.read("fuzz.json", mutated);
      } catch (InvalidInputException expected) {
        if (expected.diagnostics().isEmpty()) {
          fail("seed " + seed + " case " + i + ": an InvalidInputException without diagnostics");
        }
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError("seed " + seed + " case " + i + " crashed the importer on:\n" + mutated, e);
      }
    }
  }

  private static String damageText(String s, Random r) {
    StringBuilder b = new StringBuilder(s);
    int at = r.nextInt(b.length());
    b.insert(at, "{}[],:\"x0".charAt(r.nextInt(9)));
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
      switch (r.nextInt(6)) {
        case 0 -> o.remove(key);
        case 1 -> o.put(key, r.nextInt(100));
        case 2 -> o.set(key, JsonNodeFactory.instance.arrayNode().add("Prepare"));
        case 3 -> o.put(key, "Steps.Train.Nothing");
        case 4 -> o.set(key, JsonNodeFactory.instance.objectNode().put("Get", "Steps.Prepare.X"));
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
