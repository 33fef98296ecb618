package io.pipeshift.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the repository's examples/ folder from any module's tests. Shared through core-model's test-jar. */
public final class Examples {

  private Examples() {}

  public static Path root() {
    String prop = System.getProperty("pipeshift.root");
    if (prop != null && Files.isDirectory(Path.of(prop, "examples"))) {
      return Path.of(prop).toAbsolutePath();
    }
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      if (Files.isDirectory(p.resolve("examples")) && Files.exists(p.resolve("pom.xml"))) {
        return p;
      }
      p = p.getParent();
    }
    throw new IllegalStateException("cannot find the repository root (a folder with examples/ and pom.xml)");
  }

  public static Path file(String relative) {
    return root().resolve("examples").resolve(relative);
  }

  /** The valid examples: examples/*.yaml. */
  public static List<Path> valid() {
    return list(root().resolve("examples"));
  }

  /** The broken examples: examples/invalid/*.yaml. */
  public static List<Path> invalid() {
    return list(root().resolve("examples/invalid"));
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
