package io.pipeshift.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pipeshift.testing.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IrReferenceTest {

  @Test
  void theCommittedReferenceIsTheGeneratedOne() throws IOException {
    Path file = Examples.root().resolve("docs/ir-reference.md");
    String generated = IrReference.markdown();
    if (Boolean.getBoolean("pipeshift.updateGolden")) {
      Files.writeString(file, generated);
    }
    assertEquals(generated, Files.exists(file) ? Files.readString(file) : "",
        "docs/ir-reference.md is stale: run mvn -pl core-model test -Dtest=IrReferenceTest -Dpipeshift.updateGolden=true");
  }
}
