package io.pipeshift.analyzer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the analyzer's test inputs and the repository's files are. */
public final class TestFiles {

  private TestFiles() {}

  /** A folder or file under src/test/resources (as copied to target/test-classes). */
  public static Path resource(String relative) {
    try {
      return Path.of(TestFiles.class.getResource("/" + relative).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("no test resource " + relative, e);
    }
  }

  /** The repository root (the folder with examples/ and the parent pom). */
  public static Path repo() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("examples")) && Files.isRegularFile(p.resolve("pom.xml"))
          && Files.isDirectory(p.resolve("analyzer"))) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
  }

  public static Path example(String relative) {
    return repo().resolve("examples").resolve(relative);
  }

  public static List<Path> yamlFiles(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
