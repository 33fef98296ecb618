package io.pipeshift.from.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.document.JsonDocument;
import io.pipeshift.testing.Examples;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every diagnostic and note code is unique, formats, and is documented in docs/importers.md. */
class SageMakerCodesTest {

  @Test
  void everyCodeIsUniqueFormattedAndDocumented() throws Exception {
    String docs = Files.readString(Examples.root().resolve("docs/importers.md"));
    JsonDocument doc = JsonDocument.parse("x.json", "{}");
    List<String> codes = new ArrayList<>();
    for (SageMakerProblem p : SageMakerProblem.values()) {
      codes.add(p.code());
      Object[] args = {"a", "b", "c"};
      assertTrue(p.at(doc, "/x", args).message().endsWith("(at /x)"));
    }
    for (SageMakerImportNote n : SageMakerImportNote.values()) {
      codes.add(n.at("s", "m").code());
    }
    assertEquals(codes.size(), new HashSet<>(codes).size(), codes.toString());
    for (String c : codes) {
      assertTrue(docs.contains(c), c + " is not in docs/importers.md");
    }
  }
}
