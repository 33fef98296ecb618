package io.pipeshift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.testing.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CommandsTest {

  @TempDir Path dir;

  @Test
  void validateAcceptsEveryExample() {
    String[] args = Stream.concat(Stream.of("validate"), Examples.valid().stream().map(Path::toString)).toArray(String[]::new);
    CliRun run = CliRun.of(args);
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("retraining.yaml: valid"), run.out());
  }

  static Stream<Path> broken() {
    return Examples.invalid().stream();
  }

  @ParameterizedTest
  @MethodSource("broken")
  void validateRejectsBrokenFilesWithExitTwoAndLocatedMessagesWithoutStackTraces(Path file) {
    CliRun run = CliRun.of("validate", file.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().matches("(?s).*" + java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+: error IR\\d{3}: .*"), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
  }

  @Test
  void graphPrintsAMermaidFlowchartWithEveryStep() {
    CliRun run = CliRun.of("graph", Examples.file("retraining.yaml").toString(), "--format", "mermaid");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("flowchart TD\n"));
    for (String step : new String[] {"preprocess", "train", "evaluate", "check_accuracy", "register_model", "accuracy_too_low"}) {
      assertTrue(run.out().matches("(?s).*\\bs_" + step + "[\\[{].*"), step + " missing:\n" + run.out());
    }
  }

  @Test
  void graphPrintsDot() {
    CliRun run = CliRun.of("graph", Examples.file("hybrid.yaml").toString(), "--format", "dot");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("digraph \"hybrid-recommender\" {"), run.out());
    assertTrue(run.out().contains("s_train_candidate"));
  }

  @Test
  void convertToIrIsTheCanonicalForm() throws IOException {
    Path out = dir.resolve("canonical.yaml");
    CliRun run = CliRun.of("convert", Examples.file("multi-service.yaml").toString(), "--to", "ir", "-o", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(Files.readString(out).startsWith("pipeshift: 1\nname: orders-feature-pipeline\n"));
    CliRun again = CliRun.of("validate", out.toString());
    assertEquals(0, again.exitCode(), again.err());
  }

  @Test
  void badInputLeavesNoOutputFileBehind() throws IOException {
    Path out = dir.resolve("never.yaml");
    CliRun run = CliRun.of("convert", Examples.file("invalid/cycle.yaml").toString(), "--to", "ir", "-o", out.toString());
    assertEquals(2, run.exitCode());
    assertFalse(Files.exists(out));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.count(), "no temp files either");
    }
  }

  @Test
  void anUnknownTargetIsAUsageErrorNamingTheKnownOnes() {
    CliRun run = CliRun.of("convert", Examples.file("retraining.yaml").toString(), "--to", "excel");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("unknown target 'excel'") && run.err().contains("ir"), run.err());
  }

  @Test
  void aMissingFileIsBadInput() {
    CliRun run = CliRun.of("validate", dir.resolve("nope.yaml").toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("no such file"), run.err());
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, CliRun.of("graph").exitCode());
    assertEquals(2, CliRun.of("frobnicate").exitCode());
  }

  @Test
  void helpAndVersionExitZero() {
    CliRun help = CliRun.of("--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("Exit codes:"), help.out());
    assertEquals(0, CliRun.of("--version").exitCode());
  }
}
