package io.pipeshift.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.diag.InvalidInputException;
import io.pipeshift.diag.Location;
import org.junit.jupiter.api.Test;

class JsonDocumentTest {

  private static final String TEXT = """
      {
        "StartAt": "A",
        "States": {
          "A": {"Type": "Pass",
                "Next": "B/C"},
          "B/C": {"Type": "Succeed"}
        },
        "List": [1, {"x": true}]
      }
      """;

  @Test
  void everyPointerHasTheLineAndColumnOfItsKey() {
    JsonDocument doc = JsonDocument.parse("m.json", TEXT);
    assertEquals(new Location("m.json", 2, 3), doc.at("/StartAt"));
    assertEquals(new Location("m.json", 5, 11), doc.at("/States/A/Next"));
    assertEquals(new Location("m.json", 6, 5), doc.at("/States/B~1C"));
    assertEquals(new Location("m.json", 8, 15), doc.at("/List/1"));
    assertEquals(new Location("m.json", 8, 16), doc.at("/List/1/x"));
  }

  @Test
  void anAbsentPointerFallsBackToItsNearestEnclosingNode() {
    JsonDocument doc = JsonDocument.parse("m.json", TEXT);
    assertEquals(doc.at("/States/A"), doc.at("/States/A/Retry/0/MaxAttempts"));
    assertEquals(new Location("m.json", 1, 1), doc.at("/Nothing"));
  }

  @Test
  void aViewResolvesPointersRelativeToItsBase() {
    JsonDocument view = JsonDocument.parse("m.json", TEXT).view("/States");
    assertEquals("Pass", view.root().path("A").path("Type").asText());
    assertEquals(new Location("m.json", 5, 11), view.at("/A/Next"));
  }

  @Test
  void syntaxErrorsAreLocated() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> JsonDocument.parse("bad.json", "{\n  \"a\": 1,\n  \"b\": ]\n}"));
    assertEquals("IR011", e.diagnostics().get(0).code());
    assertEquals(3, e.diagnostics().get(0).location().line());
  }

  @Test
  void duplicateKeysAreErrors() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> JsonDocument.parse("dup.json", "{\"a\": 1,\n \"a\": 2}"));
    assertEquals("IR012", e.diagnostics().get(0).code());
    assertTrue(e.getMessage().contains("'a'"), e.getMessage());
    assertEquals(2, e.diagnostics().get(0).location().line());
  }

  @Test
  void deepNestingAndEmptyInputAreDiagnosticsNotCrashes() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    assertEquals("IR004", assertThrows(InvalidInputException.class, () -> JsonDocument.parse("d.json", deep))
        .diagnostics().get(0).code());
    assertEquals("IR011", assertThrows(InvalidInputException.class, () -> JsonDocument.parse("e.json", "  "))
        .diagnostics().get(0).code());
    assertEquals("IR011", assertThrows(InvalidInputException.class, () -> JsonDocument.parse("t.json", "{} {}"))
        .diagnostics().get(0).code());
  }
}
