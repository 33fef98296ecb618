package io.pipeshift.to.asl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.testing.Examples;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AslNoteTest {

  @Test
  void codesAreUniqueAndWellFormed() {
    Set<String> seen = new HashSet<>();
    for (AslNote n : AslNote.values()) {
      assertTrue(n.code().matches("ASL\\d{3}"), n.code());
      assertTrue(seen.add(n.code()), "duplicate " + n.code());
      assertTrue(!n.summary().endsWith("."), n.code() + " summary ends with a period");
    }
  }

  @Test
  void theDocsPageExplainsEveryNote() throws Exception {
    String page = Files.readString(Examples.root().resolve("docs/targets/step-functions.md"));
    for (AslNote n : AslNote.values()) {
      String row = "| " + n.code() + " | " + n.severity().label() + " |";
      assertTrue(page.contains(row), "docs/targets/step-functions.md lacks the row for " + n.code() + " (" + row + ")");
    }
  }

  @Test
  void theTargetIsFoundByServiceLoader() {
    io.pipeshift.spi.PipelineTarget t = java.util.ServiceLoader.load(io.pipeshift.spi.PipelineTarget.class).stream()
        .map(java.util.ServiceLoader.Provider::get).filter(x -> x.id().equals("asl")).findFirst().orElseThrow();
    assertEquals(AslTarget.class, t.getClass());
  }
}
