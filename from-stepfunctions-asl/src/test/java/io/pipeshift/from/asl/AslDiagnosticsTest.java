package io.pipeshift.from.asl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.diag.Diagnostic;
import io.pipeshift.diag.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad machines are located diagnostics: a code, the JSON pointer in the message, and line:col. */
class AslDiagnosticsTest {

  private static List<Diagnostic> errors(String json) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> AslImporter.read("bad.json", json));
    return e.diagnostics();
  }

  @Test
  void anUnknownNextNamesThePointerTheLineAndTheClosestState() {
    String json = """
        {
          "StartAt": "A",
          "States": {
            "A": {"Type": "Pass", "Next": "Bee"},
            "B": {"Type": "Succeed"}
          }
        }
        """;
    Diagnostic d = errors(json).get(0);
    assertEquals("ASLR005", d.code());
    assertEquals(4, d.location().line());
    assertEquals(27, d.location().column());
    assertTrue(d.message().contains("(at /States/A/Next)"), d.message());
    assertEquals("bad.json:4:27: error ASLR005: Next of state 'A' names unknown state 'Bee' (at /States/A/Next)\n"
        + "    hint: did you mean 'B'?", d.render());
  }

  @Test
  void everyProblemIsReportedTogetherInFileOrder() {
    String json = """
        {
          "StartAt": "A",
          "States": {
            "A": {"Type": "Task", "Next": "B"},
            "B": {"Type": "Paralel", "End": true},
            "C": {"Type": "Wait", "Seconds": 5, "Next": "A", "End": true},
            "D": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                  "Retry": [{"ErrorEquals": ["States.ALL"]}, {"ErrorEquals": ["X"]}],
                  "Catch": [{"ErrorEquals": ["States.ALL"]}]}
          }
        }
        """;
    List<String> codes = errors(json).stream().map(d -> d.code() + "@" + d.location().line()).toList();
    assertEquals(List.of("ASLR003@4", "ASLR006@5", "ASLR007@6", "ASLR009@8", "ASLR003@9"), codes);
  }

  @Test
  void stateNamesMustBeUniqueAcrossBranches() {
    String json = """
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "End": true, "Branches": [
            {"StartAt": "X", "States": {"X": {"Type": "Succeed"}}},
            {"StartAt": "X", "States": {"X": {"Type": "Succeed"}}}]}}}
        """;
    Diagnostic d = errors(json).get(0);
    assertEquals("ASLR004", d.code());
    assertEquals(4, d.location().line());
    assertTrue(d.message().contains("/States/P/Branches/1/States/X"), d.message());
  }

  @Test
  void notAMachineAndNotJsonAreLocated() {
    assertEquals("ASLR001", errors("[1, 2]").get(0).code());
    Diagnostic syntax = errors("{\n  \"StartAt\": \"A\",\n  \"States\": {,}\n}").get(0);
    assertEquals("IR011", syntax.code());
    assertEquals(3, syntax.location().line());
  }

  @Test
  void aNextIntoAnotherBranchIsAnError() {
    String json = """
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "Next": "Z", "Branches": [
            {"StartAt": "X", "States": {"X": {"Type": "Pass", "Next": "Z"}}}]},
          "Z": {"Type": "Succeed"}}}
        """;
    Diagnostic d = errors(json).get(0);
    assertEquals("ASLR005", d.code());
    assertTrue(d.message().contains("/States/P/Branches/0/States/X/Next"), d.message());
  }
}
