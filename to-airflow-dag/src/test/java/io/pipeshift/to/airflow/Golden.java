package io.pipeshift.to.airflow;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under src/test/resources/golden/. {@code -Dpipeshift.updateGolden=true} rewrites them; a
 * mismatch writes {@code <name>_actual.<ext>} next to the golden file and fails.
 */
final class Golden {

  static final String UPDATE = "pipeshift.updateGolden";

  private Golden() {}

  static Path directory() {
    Path p = Path.of("src/test/resources/golden");
    if (!Files.isDirectory(p)) {
      p = Path.of("to-airflow-dag/src/test/resources/golden");
    }
    return p;
  }

  static void check(String name, String actual) {
    Path golden = directory().resolve(name);
    int dot = name.lastIndexOf('.');
    Path actualFile = directory().resolve(name.substring(0, dot) + "_actual" + name.substring(dot));
    try {
      if (Boolean.getBoolean(UPDATE)) {
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        Files.deleteIfExists(actualFile);
        return;
      }
      if (!Files.exists(golden)) {
        Files.writeString(actualFile, actual, StandardCharsets.UTF_8);
        fail("no golden file " + golden + "; wrote " + actualFile + " (run with -D" + UPDATE + "=true to accept)");
      }
      String expected = Files.readString(golden, StandardCharsets.UTF_8);
      if (!expected.equals(actual)) {
        Files.writeString(actualFile, actual, StandardCharsets.UTF_8);
        fail(golden + " differs; wrote " + actualFile + " (review it, then run with -D" + UPDATE + "=true)");
      }
      Files.deleteIfExists(actualFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
