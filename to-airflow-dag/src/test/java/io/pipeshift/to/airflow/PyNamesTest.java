package io.pipeshift.to.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PyNamesTest {

  @Test
  void stepIdsBecomeSnakeCaseIdentifiers() {
    PyNames n = new PyNames();
    assertEquals("check_accuracy", n.newName("check-accuracy").identifier());
    assertEquals("train_model", n.newName("TrainModel").identifier());
    assertEquals("xg_boost_train", n.newName("XGBoostTrain").identifier());
    assertEquals("cafe", n.newName("Café").identifier());
    assertEquals("n2nd_step", n.newName("2nd step").identifier());
    assertEquals("task", n.newName("---").identifier());
    assertEquals("a_b_c", n.newName("--a--b__c-").identifier());
    assertEquals("n0_x", n.newName("0-x").identifier());
  }

  @Test
  void lowerCaseIdsTakeTheShortPathToTheSameNameAsTheGeneralRule() {
    // the same ids with one upper-case letter added at the end go through the general (regex) rule
    for (String id : new String[] {"step-0", "a__b", "-lead", "trail_", "x-y_z", "9lives", "a-b-c-d"}) {
      String viaGeneral = PyNames.sanitize(id + "Q");
      String viaShort = PyNames.sanitize(id);
      assertEquals(viaGeneral.endsWith("_q") ? viaGeneral.substring(0, viaGeneral.length() - 2)
          : viaGeneral.substring(0, viaGeneral.length() - 1), viaShort, id);
    }
  }

  @Test
  void keywordsSoftKeywordsAmbiguousNamesAndBuiltinsGetATrailingUnderscore() {
    PyNames n = new PyNames();
    assertEquals("class_", n.newName("class").identifier());
    assertEquals("import_", n.newName("import").identifier());
    assertEquals("match_", n.newName("match").identifier());
    assertEquals("type_", n.newName("type").identifier());
    assertEquals("list_", n.newName("list").identifier());
    assertEquals("l_", n.newName("l").identifier());
    assertEquals("true", n.newName("True").identifier()); // lower-cased: no longer the keyword
  }

  @Test
  void collisionsAreNumberedAndTagsRemembered() {
    PyNames n = new PyNames();
    PyName a = n.newName("a-b", "first");
    PyName b = n.newName("a_b", "second");
    assertEquals("a_b", a.identifier());
    assertEquals("a_b_2", b.identifier());
    assertEquals(b, n.get("second"));
    n.reserve("fixed");
    assertEquals("fixed_2", n.newName("fixed").identifier());
    assertThrows(IllegalStateException.class, () -> n.reserve("fixed"));
    assertThrows(IllegalArgumentException.class, () -> n.reserve("not valid"));
  }

  @Test
  void randomSuggestionsAlwaysGiveDistinctLegalShortNames() {
    Random r = new Random(11);
    PyNames n = new PyNames();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 5000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = r.nextInt(60); k > 0; k--) {
        sb.appendCodePoint(r.nextInt(4) == 0 ? r.nextInt(0x3000) : 'a' + r.nextInt(3));
      }
      String id = n.newName(sb.toString()).identifier();
      assertTrue(PyNames.isIdentifier(id), id);
      assertTrue(id.length() <= PyNames.MAX_LENGTH, id);
      assertTrue(!PyNames.KEYWORDS.contains(id) && !PyNames.BUILTINS.contains(id), id);
      assertTrue(seen.add(id), id);
    }
    assertNotEquals(0, seen.size());
  }
}
