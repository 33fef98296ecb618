package io.pipeshift.from.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.diag.Diagnostic;
import io.pipeshift.diag.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad definitions are located diagnostics: a code, the JSON pointer in the message, and line:col. */
class SageMakerDiagnosticsTest {

  private static List<Diagnostic> errors(String json) {
    return assertThrows(InvalidInputException.class, () -> SageMakerImporter.read("bad.json", json)).diagnostics();
  }

  @Test
  void everyProblemIsReportedTogetherWithPointerAndPosition() {
    String json = """
        {
          "Version": "2020-12-01",
          "Parameters": [{"Name": "X", "Type": "Strng"}],
          "Steps": [
            {"Name": "A", "Type": "Fail", "Arguments": {"ErrorMessage": {"Get": "Parameters.Y"}}},
            {"Name": "B", "Type": "Fail", "DependsOn": ["AA"]},
            {"Name": "A", "Type": "Fail"}
          ]
        }
        """;
    List<Diagnostic> ds = errors(json);
    List<String> codes = ds.stream().map(d -> d.code() + "@" + d.location().line()).toList();
    assertEquals(List.of("SMR009@3", "SMR004@7"), codes);
    assertTrue(ds.get(1).message().contains("(at /Steps/2/Name)"), ds.get(1).message());
  }

  @Test
  void unknownDependenciesAndParametersAreLocated() {
    String json = """
        {"Version": "2020-12-01", "Steps": [
          {"Name": "A", "Type": "Fail", "Arguments": {"ErrorMessage": {"Get": "Parameters.Y"}}},
          {"Name": "B", "Type": "Fail", "DependsOn": ["AA"]}]}
        """;
    List<Diagnostic> ds = errors(json);
    assertEquals(List.of("SMR006", "SMR005"), ds.stream().map(Diagnostic::code).toList());
    assertEquals(2, ds.get(0).location().line());
    assertTrue(ds.get(0).message().endsWith("(at /Steps/0/Arguments/ErrorMessage/Get)"), ds.get(0).message());
    assertEquals("did you mean 'A'?", ds.get(1).hint().orElseThrow());
  }

  @Test
  void notADefinition() {
    assertEquals("SMR001", errors("{\"Version\": \"2020-12-01\"}").get(0).code());
    assertEquals("SMR002", errors("{\"Steps\": {}}").get(0).code());
    assertEquals("IR011", errors("{\"Steps\": [}").get(0).code());
  }
}
