package io.pipeshift.from.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}. {@code -Dpipeshift.updateGolden=true} rewrites them;
 * otherwise a mismatch writes {@code <name>_actual.<ext>} next to the golden file and fails.
 */
final class Golden {

  private static final Path DIR = Path.of("src/test/resources/golden");

  private Golden() {}

  static void check(String name, String actual) throws IOException {
    Path golden = DIR.resolve(name);
    int dot = name.lastIndexOf('.');
    Path actualFile = DIR.resolve(name.substring(0, dot) + "_actual" + name.substring(dot));
    if (Boolean.getBoolean("pipeshift.updateGolden")) {
      Files.createDirectories(DIR);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      Files.deleteIfExists(actualFile);
      return;
    }
    if (!Files.exists(golden)) {
      Files.writeString(actualFile, actual, StandardCharsets.UTF_8);
      fail("no golden file " + golden + "; wrote " + actualFile + " (rerun with -Dpipeshift.updateGolden=true)");
    }
    String expected = Files.readString(golden, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      Files.writeString(actualFile, actual, StandardCharsets.UTF_8);
    } else {
      Files.deleteIfExists(actualFile);
    }
    assertEquals(expected, actual, "differs from " + golden + " (see " + actualFile + ")");
  }
}
