package io.pipeshift.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.diag.Diagnostic;
import io.pipeshift.diag.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs built to exhaust the reader: each is rejected with a located diagnostic, never an exception of
 * another kind, without reading it all into memory when the size alone decides.
 */
class HostileInputTest {

  @TempDir Path dir;

  private static Diagnostic rejectionOf(String text) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new PipelineReader().read("hostile.yaml", text));
    assertTrue(e.diagnostics().stream().allMatch(d -> d.location().file().equals("hostile.yaml")));
    return e.diagnostics().get(0);
  }

  @Test
  void billionLaughsIsRejectedByTheAliasLimit() {
    StringBuilder y = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'i'; c++) {
      y.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        y.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      y.append("]\n");
      prev = c;
    }
    assertEquals("IR003", rejectionOf(y.toString()).code());
  }

  @Test
  void aliasExpansionUnderTheAliasLimitIsStoppedByTheNodeLimit() {
    // 4 levels of 12 aliases = 48 aliases (under the alias limit) but 12^5 leaves when expanded
    StringBuilder y = new StringBuilder("name: x\nextensions:\n  l0: &l0 [1,2,3,4,5,6,7,8,9,10,11,12]\n");
    for (int level = 1; level <= 4; level++) {
      y.append("  l").append(level).append(": &l").append(level).append(" [");
      for (int i = 0; i < 12; i++) {
        y.append(i == 0 ? "" : ",").append("*l").append(level - 1);
      }
      y.append("]\n");
    }
    y.append("steps: []\n");
    ReaderLimits limits = new ReaderLimits(ReaderLimits.DEFAULT.maxBytes(), 50, 64, 100_000);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new PipelineReader(limits).read("x.yaml", y.toString()));
    assertEquals("IR008", e.diagnostics().get(0).code(), e.getMessage());
  }

  @Test
  void tenThousandDeepNestingIsRejected() {
    String deep = "name: deep\nextensions: " + "[".repeat(10_000) + "]".repeat(10_000) + "\nsteps: []\n";
    assertEquals("IR004", rejectionOf(deep).code());
  }

  @Test
  void deepBlockNestingIsRejected() {
    // block style needs indentation per level: 2,000 levels is ~2 MB of text
    StringBuilder y = new StringBuilder("name: deep\nextensions:\n");
    for (int i = 0; i < 2_000; i++) {
      y.append(" ".repeat(i + 1)).append("k:\n");
    }
    assertEquals("IR004", rejectionOf(y.toString()).code());
  }

  @Test
  void aHundredMegabyteScalarIsRejectedBySizeWithoutReadingIt() throws IOException {
    Path huge = dir.resolve("huge.yaml");
    try (OutputStream out = Files.newOutputStream(huge)) {
      out.write("name: \"".getBytes());
      byte[] chunk = new byte[1 << 20];
      Arrays.fill(chunk, (byte) 'x');
      for (int i = 0; i < 100; i++) {
        out.write(chunk);
      }
      out.write("\"\nsteps: []\n".getBytes());
    }
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new PipelineReader().read(huge));
    assertEquals("IR002", e.diagnostics().get(0).code());
    assertEquals(1, e.diagnostics().get(0).location().line());
  }

  @Test
  void aLargeStringBelowTheFileLimitButAboveTheLimitsIsRejected() {
    ReaderLimits small = new ReaderLimits(1024, 10, 10, 1000);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new PipelineReader(small).read("big.yaml", "name: \"" + "y".repeat(5000) + "\"\nsteps: []\n"));
    assertEquals("IR002", e.diagnostics().get(0).code());
  }

  @Test
  void malformedUtf8IsAnErrorNotAReplacementCharacter() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.write(bad, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new PipelineReader().read(bad));
    assertEquals("IR007", e.diagnostics().get(0).code());
  }

  @Test
  void javaTypeTagsAreNotConstructed() {
    Diagnostic d = rejectionOf("name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]\nsteps: []\n");
    assertTrue(d.code().startsWith("IR"), d.render());
  }

  @Test
  void everyProblemInAFileIsReportedTogether() {
    String y = """
        name: many
        steps:
          - id: a
            kind: bash
            comand: echo
          - id: b
            kind: trainig
          - id: c
            kind: bash
            command: echo
            timeout: soon
        """;
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new PipelineReader().read("many.yaml", y));
    assertTrue(e.diagnostics().size() >= 4, e.getMessage());
  }
}
