package io.pipeshift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.testing.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pipeshift analyze} and {@code pipeshift compare}: exit codes, formats, -o, --config. */
class AnalyzeCommandTest {

  @TempDir Path dir;

  static String example(String name) {
    return Examples.file(name).toString();
  }

  @Test
  void registerWithoutGateFailsOnWarningAtItsLine() throws Exception {
    String file = example("analyzer/register-without-gate.yaml");
    int line = Files.readAllLines(Path.of(file)).indexOf("  - id: register") + 1;
    CliRun run = CliRun.of("analyze", file, "--fail-on", "warning");
    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.out().contains(file + ":" + line + ":5: warning PS101: "), run.out());
    assertEquals(0, CliRun.of("analyze", file).exitCode(), "default --fail-on error: a warning passes");
    assertEquals(0, CliRun.of("analyze", file, "--fail-on", "never").exitCode());
  }

  @Test
  void examplesAreRecommendedTheirOrchestrators() {
    CliRun run = CliRun.of("analyze", example("retraining.yaml"), example("multi-service.yaml"), example("hybrid.yaml"),
        "--format", "json", "--fail-on", "never");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().indexOf("\"orchestrator\" : \"sagemaker-pipelines\"") < run.out().indexOf("\"orchestrator\" : \"step-functions\""));
    assertTrue(run.out().contains("\"schemaVersion\" : 1"), run.out());
  }

  @Test
  void sarifAndHtmlGoToTheOutputFile() throws Exception {
    Path sarif = dir.resolve("out/report.sarif");
    CliRun run = CliRun.of("analyze", example("analyzer/register-without-gate.yaml"), "--format", "sarif", "-o", sarif.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.out());
    assertTrue(Files.readString(sarif).contains("\"ruleId\" : \"PS101\""));
    Path html = dir.resolve("report.html");
    assertEquals(0, CliRun.of("analyze", example("hybrid.yaml"), "--format", "html", "-o", html.toString()).exitCode());
    assertTrue(Files.readString(html).contains("<svg"));
  }

  @Test
  void badInputExitsTwoAndWritesNothing() {
    Path out = dir.resolve("never.json");
    CliRun run = CliRun.of("analyze", example("invalid/cycle.yaml"), "--format", "json", "-o", out.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("cycle.yaml:"), run.err());
    assertFalse(Files.exists(out));
    assertEquals(2, CliRun.of("analyze", example("hybrid.yaml"), "--format", "pdf").exitCode());
  }

  @Test
  void configFileChangesRuleLevelsAndBadConfigIsLocated() throws Exception {
    Path cfg = dir.resolve(".pipeshift.yaml");
    Files.writeString(cfg, "analyzer:\n  rules:\n    PS101: error\n");
    String file = example("analyzer/register-without-gate.yaml");
    CliRun run = CliRun.of("analyze", file, "--config", cfg.toString());
    assertEquals(1, run.exitCode(), run.out());
    assertTrue(run.out().contains("error PS101"), run.out());
    Files.writeString(cfg, "analyzer:\n  rules:\n    PS101: loud\n");
    CliRun bad = CliRun.of("analyze", file, "--config", cfg.toString());
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains(cfg + ":3:12"), bad.err());
  }

  @Test
  void compareShowsScoresCostsAndAssumptions() {
    CliRun run = CliRun.of("compare", example("multi-service.yaml"));
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("Recommendation: Step Functions"), run.out());
    assertTrue(run.out().contains("cost/1,000 runs"), run.out());
    assertTrue(run.out().contains("$0.025 per 1,000 state transitions"), run.out());
    assertEquals(2, CliRun.of("compare", example("hybrid.yaml"), "--format", "sarif").exitCode());
  }
}
