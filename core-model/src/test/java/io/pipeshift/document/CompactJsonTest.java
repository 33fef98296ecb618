package io.pipeshift.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompactJsonTest {

  private static Map<String, Object> tree() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("z", 1L);
    inner.put("a", null);
    List<Object> list = new ArrayList<>(List.of("x", inner));
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("Type", "Task");
    root.put("Parameters", inner);
    root.put("Items", list);
    return root;
  }

  @Test
  void aCompactCopyEqualsTheTreeAndPrintsTheSameJson() {
    Map<String, Object> tree = tree();
    Map<String, Object> compact = CompactJson.object(tree);
    assertEquals(tree, compact);
    assertEquals(tree.hashCode(), compact.hashCode());
    assertEquals(JsonText.write(tree), JsonText.write(compact));
    assertEquals(List.of("Type", "Parameters", "Items"), new ArrayList<>(compact.keySet()));
  }

  @Test
  void keysKeepTheirOrderAndNullValuesAreKept() {
    Map<String, Object> compact = CompactJson.object(tree());
    @SuppressWarnings("unchecked")
    Map<String, Object> parameters = (Map<String, Object>) compact.get("Parameters");
    assertEquals(List.of("z", "a"), new ArrayList<>(parameters.keySet()));
    assertTrue(parameters.containsKey("a"));
    assertNull(parameters.get("a"));
    assertFalse(parameters.containsKey("missing"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theCopyIsDeepAndImmutable() {
    Map<String, Object> tree = tree();
    Map<String, Object> compact = CompactJson.object(tree);
    ((Map<String, Object>) tree.get("Parameters")).put("late", "change");
    assertFalse(((Map<?, ?>) compact.get("Parameters")).containsKey("late"));
    assertThrows(UnsupportedOperationException.class, () -> compact.put("x", 1));
    assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) compact.get("Items")).add("y"));
    assertSame(compact, CompactJson.of(compact), "already compact parts are shared");
  }

  @Test
  void aShallowCopyKeepsItsNestedObjectsSoTheyCanStillBeFilledIn() {
    Map<String, Object> catcher = new LinkedHashMap<>();
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("Type", "Task");
    state.put("Catch", List.of(catcher));
    Map<String, Object> compact = CompactJson.shallow(state);
    catcher.put("Next", "Handler");
    assertTrue(JsonText.write(compact).contains("\"Next\": \"Handler\""));
    Map<String, Object> frozen = CompactJson.object(compact);
    catcher.put("Later", true);
    assertFalse(JsonText.write(frozen).contains("Later"), "a deep copy of a shallow copy is copied, not shared");
  }

  @Test
  void aBuilderReplacesARepeatedKeyInPlaceLikeALinkedHashMap() {
    CompactJson.ObjectBuilder b = new CompactJson.ObjectBuilder(1);
    b.put("a", 1L);
    b.put("b", 2L);
    b.put("a", 3L);
    b.put("c", 4L);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("a", 3L);
    expected.put("b", 2L);
    expected.put("c", 4L);
    assertEquals(JsonText.write(expected), JsonText.write(b.build()));
  }
}
