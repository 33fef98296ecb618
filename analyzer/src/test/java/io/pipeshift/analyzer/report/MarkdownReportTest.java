package io.pipeshift.analyzer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownReportTest {

  @Test
  void tableCellsCannotBreakTheTable() {
    assertEquals("a \\| b &lt;x&gt; c", MarkdownReport.cell("a | b\n<x> c").replace("  ", " "));
    assertEquals("'x'", MarkdownReport.code("`x`"));
  }

  @Test
  void sarifUrisAreRelativeReferencesOrFileUris() {
    assertEquals("examples/my%20file.yaml", SarifReport.uri("examples/my file.yaml"));
    assertEquals("file:///tmp/a.yaml", SarifReport.uri("/tmp/a.yaml"));
    assertEquals("Ends.", SarifReport.sentence("Ends"));
    assertEquals("RegisterModelWithoutGate", SarifReport.pascal("register-model-without-gate"));
  }
}
