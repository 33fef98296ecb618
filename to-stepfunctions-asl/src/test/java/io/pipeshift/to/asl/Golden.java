package io.pipeshift.to.asl;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}. {@code -Dpipeshift.updateGolden=true} rewrites
 * them; otherwise a mismatch writes {@code <name>_actual.<ext>} next to the golden file and fails.
 */
final class Golden {

  static final boolean UPDATE = Boolean.getBoolean("pipeshift.updateGolden");

  private Golden() {}

  static Path dir() {
    Path module = Path.of("").toAbsolutePath();
    if (!Files.isDirectory(module.resolve("src/test/resources"))) {
      module = module.resolve("to-stepfunctions-asl");
    }
    return module.resolve("src/test/resources/golden");
  }

  static void check(String file, String actual) {
    Path golden = dir().resolve(file);
    int dot = file.lastIndexOf('.');
    Path actualFile = dir().resolve(file.substring(0, dot) + "_actual" + file.substring(dot));
    try {
      if (UPDATE) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        Files.deleteIfExists(actualFile);
        return;
      }
      String expected = Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : null;
      if (!actual.equals(expected)) {
        Files.createDirectories(actualFile.getParent());
        Files.writeString(actualFile, actual, StandardCharsets.UTF_8);
        fail((expected == null ? "no golden file " : "output differs from ") + golden + "; wrote " + actualFile
            + " (review it, then rerun with -Dpipeshift.updateGolden=true)");
      }
      Files.deleteIfExists(actualFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
