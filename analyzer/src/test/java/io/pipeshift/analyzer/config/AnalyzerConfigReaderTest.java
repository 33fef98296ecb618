package io.pipeshift.analyzer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.analyzer.Analysis;
import io.pipeshift.analyzer.Analyzer;
import io.pipeshift.analyzer.Orchestrator;
import io.pipeshift.analyzer.TestFiles;
import io.pipeshift.analyzer.rules.Rules;
import io.pipeshift.diag.Diagnostic;
import io.pipeshift.diag.InvalidInputException;
import io.pipeshift.diag.Severity;
import io.pipeshift.validate.PipelineLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzerConfigReaderTest {

  final AnalyzerConfigReader reader = new AnalyzerConfigReader(Rules.ids());

  @Test
  void overridesKeepEveryOtherDefault() {
    AnalyzerConfig c = reader.read(".pipeshift.yaml", """
        other-tool: {anything: 1}
        analyzer:
          weights:
            compensation: {stepFunctions: 20}
          thresholds:
            sagemakerShare: 0.75
            longRunning: 30m
          typicalDurations:
            training: 3h
          rules:
            PS102: off
            PS106: error
        """);
    assertEquals(20, c.weights().compensation().stepFunctions());
    assertEquals(Weights.DEFAULTS.compensation().sagemakerPipelines(), c.weights().compensation().sagemakerPipelines());
    assertEquals(Weights.DEFAULTS.dynamicFanOut(), c.weights().dynamicFanOut());
    assertEquals(0.75, c.thresholds().sagemakerShare());
    assertEquals(Duration.ofMinutes(30), c.thresholds().longRunning());
    assertEquals(Thresholds.DEFAULTS.historyEventLimit(), c.thresholds().historyEventLimit());
    assertEquals(Duration.ofHours(3), c.typicalDurations().get("training"));
    assertEquals(Duration.ofMinutes(20), c.typicalDurations().get("processing"));
    assertEquals(RuleLevel.OFF, c.rules().get("PS102"));
    assertEquals(CostAssumptions.DEFAULTS, c.cost());
  }

  @Test
  void emptyFileOrNoAnalyzerSectionMeansDefaults() {
    assertEquals(AnalyzerConfig.DEFAULTS, reader.read("a.yaml", ""));
    assertEquals(AnalyzerConfig.DEFAULTS, reader.read("a.yaml", "convert: {strict: true}\n"));
  }

  @Test
  void mistakesAreLocatedErrorsWithHints() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> reader.read("c.yaml", """
        analyzer:
          thresholds:
            sagemakerShar: 0.7
            largeFanOut: many
          rules:
            PS999: off
            PS101: loud
        """));
    assertEquals(4, e.diagnostics().size(), e.getMessage());
    Diagnostic unknown = e.diagnostics().get(0);
    assertEquals("c.yaml:3:5", unknown.location().toString());
    assertTrue(unknown.hint().orElse("").contains("sagemakerShare"), unknown.render());
    assertTrue(e.getMessage().contains("c.yaml:4:18") && e.getMessage().contains("a whole number"), e.getMessage());
    assertTrue(e.getMessage().contains("'PS999'"), e.getMessage());
    assertTrue(e.getMessage().contains("off, info, warning or error"), e.getMessage());
  }

  @Test
  void ruleLevelsChangeTheFindings() {
    Analysis normal = Analyzer.analyze(new PipelineLoader().load(TestFiles.example("analyzer/register-without-gate.yaml")));
    assertTrue(normal.findings().stream().anyMatch(f -> f.ruleId().equals("PS101") && f.severity() == Severity.WARNING));
    AnalyzerConfig raised = reader.read("c.yaml", "analyzer: {rules: {PS101: error}}");
    Analysis a = Analyzer.analyze(new PipelineLoader().load(TestFiles.example("analyzer/register-without-gate.yaml")), raised);
    assertTrue(a.findings().stream().anyMatch(f -> f.ruleId().equals("PS101") && f.severity() == Severity.ERROR));
    AnalyzerConfig off = reader.read("c.yaml", "analyzer: {rules: {PS101: off}}");
    Analysis b = Analyzer.analyze(new PipelineLoader().load(TestFiles.example("analyzer/register-without-gate.yaml")), off);
    assertTrue(b.findings().stream().noneMatch(f -> f.ruleId().equals("PS101")));
  }

  @Test
  void weightsChangeTheRecommendation() {
    AnalyzerConfig airflowLover = reader.read("c.yaml",
        "analyzer: {weights: {idleCost: {airflow: 100}}}");
    Analysis a = Analyzer.analyze(new PipelineLoader().load(TestFiles.example("multi-service.yaml")), airflowLover);
    assertEquals(Orchestrator.AIRFLOW, a.scorecard().recommendation());
  }

  @Test
  void discoveryFindsTheNearestFileBelowTheRepositoryRoot(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve(".git"));
    Path sub = Files.createDirectories(dir.resolve("a/b"));
    assertTrue(AnalyzerConfigReader.discover(sub).isEmpty());
    Files.writeString(dir.resolve(".pipeshift.yaml"), "analyzer: {}\n");
    assertEquals(dir.resolve(".pipeshift.yaml").toAbsolutePath(), AnalyzerConfigReader.discover(sub).orElseThrow());
  }

  @Test
  void hostileYamlIsRejectedByTheSafeReader() {
    String bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n".repeat(1)
        + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n" + "analyzer: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
    assertThrows(InvalidInputException.class, () -> reader.read("bomb.yaml", bomb));
    assertThrows(InvalidInputException.class, () -> reader.read("tag.yaml", "analyzer: !!javax.script.ScriptEngineManager []\n"));
  }
}
