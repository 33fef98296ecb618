package io.pipeshift.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipeshift.analyzer.report.Format;
import io.pipeshift.analyzer.report.Reporters;
import io.pipeshift.analyzer.score.Clarity;
import io.pipeshift.analyzer.score.Score;
import io.pipeshift.diag.Severity;
import io.pipeshift.validate.PipelineLoader;
import io.pipeshift.yaml.LoadedPipeline;
import io.pipeshift.yaml.PipelineReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The acceptance lines of issue 7, on the repository's examples. */
class ExamplesAcceptanceTest {

  static Analysis analyze(String example) {
    return Analyzer.analyze(new PipelineLoader().load(TestFiles.example(example)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "retraining.yaml, SAGEMAKER_PIPELINES, sagemakerShare",
    "multi-service.yaml, STEP_FUNCTIONS, compensation",
    "hybrid.yaml, AIRFLOW, nonAwsStep",
  })
  void examplesGoWhereTheStudyGuidesSay(String example, Orchestrator expected, String keySignal) {
    Analysis a = analyze(example);
    assertEquals(expected, a.scorecard().recommendation());
    assertEquals(Clarity.CLEAR, a.scorecard().clarity(), "margin " + a.scorecard().margin());
    Score best = a.scorecard().of(expected);
    assertTrue(best.reasons().stream().anyMatch(r -> r.signal().equals(keySignal) && r.points() > 0),
        "the decisive reason is given: " + best.reasons());
    for (Score s : a.scorecard().scores()) {
      assertTrue(s.score() >= 0 && s.score() <= 100);
      assertFalse(s.reasons().isEmpty(), s.orchestrator() + " has reasons");
    }
  }

  @Test
  void registerWithoutGateIsReportedAtItsLineInTextAndSarif() throws Exception {
    Path file = TestFiles.example("analyzer/register-without-gate.yaml");
    int line = Files.readAllLines(file).indexOf("  - id: register") + 1;
    Analysis a = analyze("analyzer/register-without-gate.yaml");
    Finding f = a.findings().stream().filter(x -> x.ruleId().equals("PS101")).findFirst().orElseThrow();
    assertEquals(line, f.location().line());
    assertEquals(5, f.location().column());
    assertTrue(a.hasFindingsAtLeast(Severity.WARNING), "--fail-on warning would exit 1");
    assertFalse(a.hasFindingsAtLeast(Severity.ERROR));

    String text = Reporters.render(List.of(a), Format.TEXT);
    assertTrue(text.contains(file + ":" + line + ":5: warning PS101: "), text);

    JsonNode sarif = new ObjectMapper().readTree(Reporters.render(List.of(a), Format.SARIF));
    JsonNode result = sarif.path("runs").get(0).path("results").get(0);
    assertEquals("PS101", result.path("ruleId").asText());
    JsonNode region = result.path("locations").get(0).path("physicalLocation").path("region");
    assertEquals(line, region.path("startLine").asInt());
    assertEquals(5, region.path("startColumn").asInt());
  }

  @Test
  void analysisAndEveryReportAreDeterministic() {
    for (Format format : Format.values()) {
      List<Analysis> first = List.of(analyze("retraining.yaml"), analyze("hybrid.yaml"));
      List<Analysis> second = List.of(analyze("retraining.yaml"), analyze("hybrid.yaml"));
      String a = Reporters.render(first, format);
      assertEquals(a, Reporters.render(second, format), format.id());
      assertTrue(a.endsWith("\n"), format.id() + " ends with a newline");
    }
  }

  @Test
  void everyValidExampleIsAnalysed() throws Exception {
    for (Path p : TestFiles.yamlFiles(TestFiles.repo().resolve("examples"))) {
      if (p.toString().contains("/invalid/")) {
        continue;
      }
      LoadedPipeline loaded = new PipelineReader().read(p.toString(), Files.readString(p));
      Analysis a = Analyzer.analyze(loaded);
      assertEquals(3, a.scorecard().scores().size(), p.toString());
    }
  }
}
