package io.pipeshift.validate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.diag.Diagnostic;
import io.pipeshift.diag.InvalidInputException;
import io.pipeshift.testing.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each file in examples/invalid/ starts with "# IRnnn: ..." naming the codes it must produce, located. */
class InvalidExamplesTest {

  private static final Pattern CODES = Pattern.compile("IR\\d{3}");

  static Stream<Path> broken() {
    return Examples.invalid().stream();
  }

  @ParameterizedTest
  @MethodSource("broken")
  void eachBrokenExampleReportsItsCodesAtALine(Path file) throws IOException {
    String firstLine = Files.readAllLines(file).get(0);
    List<String> expected = new ArrayList<>();
    Matcher m = CODES.matcher(firstLine);
    while (m.find()) {
      expected.add(m.group());
    }
    assertFalse(expected.isEmpty(), file + " must name its expected codes on line 1");
    List<Diagnostic> diagnostics;
    try {
      diagnostics = new PipelineLoaderProbe().diagnostics(file);
    } catch (RuntimeException e) {
      throw new AssertionError("unexpected exception for " + file, e);
    }
    for (String code : expected) {
      assertTrue(diagnostics.stream().anyMatch(d -> d.code().equals(code) && d.location().line() > 1),
          () -> file + ": expected " + code + " at a line, got:\n" + render(diagnostics));
    }
    assertTrue(diagnostics.stream().allMatch(d -> d.location().file().equals(file.toString())));
  }

  private static String render(List<Diagnostic> ds) {
    return String.join("\n", ds.stream().map(Diagnostic::render).toList());
  }

  /** Loads a file and returns its diagnostics, whether reading or validation found them. */
  static final class PipelineLoaderProbe {
    List<Diagnostic> diagnostics(Path file) {
      try {
        new PipelineLoader().load(file);
        return List.of();
      } catch (InvalidInputException e) {
        return e.diagnostics();
      }
    }
  }
}
