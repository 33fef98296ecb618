package io.pipeshift.analyzer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.analyzer.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md is exactly what {@link RulesDoc} generates. Run with {@code -Dpipeshift.regenerate=true} to
 * rewrite it.
 */
class RulesDocTest {

  @Test
  void committedRulesPageIsUpToDate() throws IOException {
    Path page = TestFiles.repo().resolve("docs/rules.md");
    String generated = RulesDoc.generate();
    if (Boolean.getBoolean("pipeshift.regenerate")) {
      Files.createDirectories(page.getParent());
      Files.writeString(page, generated, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(page), "docs/rules.md is missing; generate it with: " + RulesDoc.REGENERATE);
    assertEquals(generated, Files.readString(page, StandardCharsets.UTF_8),
        "docs/rules.md is out of date with the @Rule annotations and sidecars; regenerate it with: "
            + RulesDoc.REGENERATE);
  }

  @Test
  void everyRuleHasASectionWithItsIdAndName() {
    String page = RulesDoc.generate();
    for (Rule r : Rules.metadata()) {
      assertTrue(page.contains("\n## " + r.id() + " " + r.name() + "\n"), r.id());
    }
  }
}
