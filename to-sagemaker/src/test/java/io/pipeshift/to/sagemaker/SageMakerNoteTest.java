package io.pipeshift.to.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.testing.Examples;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The note catalogue: stable, well-formed codes, each documented once in docs/targets/sagemaker.md. */
class SageMakerNoteTest {

  @Test
  void codesAreUniqueAndWellFormed() {
    Set<String> codes = new TreeSet<>();
    for (SageMakerNote n : SageMakerNote.values()) {
      assertTrue(n.code().matches("SM\\d{3}"), n.code());
      assertTrue(codes.add(n.code()), "duplicate " + n.code());
      assertTrue(!n.summary().isBlank() && !n.summary().endsWith("."), n.code());
    }
  }

  @Test
  void theTargetPageListsExactlyTheCatalogue() throws Exception {
    String page = Files.readString(Examples.root().resolve("docs/targets/sagemaker.md"));
    Matcher m = Pattern.compile("^\\| (SM\\d{3}) \\| (info|warning|error) \\|", Pattern.MULTILINE).matcher(page);
    Set<String> documented = new TreeSet<>();
    while (m.find()) {
      SageMakerNote note = Arrays.stream(SageMakerNote.values()).filter(n -> n.code().equals(m.group(1)))
          .findFirst().orElseThrow(() -> new AssertionError("documented but unknown: " + m.group(1)));
      assertEquals(note.severity().label(), m.group(2), note.code());
      assertTrue(documented.add(m.group(1)), "documented twice: " + m.group(1));
    }
    Set<String> all = new TreeSet<>();
    Arrays.stream(SageMakerNote.values()).forEach(n -> all.add(n.code()));
    assertEquals(all, documented);
  }
}
