package io.pipeshift.analyzer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pipeshift.analyzer.Analysis;
import io.pipeshift.analyzer.Analyzer;
import io.pipeshift.analyzer.TestFiles;
import io.pipeshift.oracles.Oracles;
import io.pipeshift.oracles.ProcessRun;
import io.pipeshift.validate.PipelineValidator;
import io.pipeshift.yaml.LoadedPipeline;
import io.pipeshift.yaml.PipelineReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SARIF output is valid SARIF 2.1.0 by {@code @microsoft/sarif-multitool validate} (the npm oracle). The tool
 * exits 0 even for invalid files, so the test counts error-level results in its own SARIF output; a broken
 * file proves the count catches errors.
 */
class SarifValidationTest {

  static final Path OUT = Path.of("target/sarif");
  static final ObjectMapper JSON = new ObjectMapper();

  /** Every example and every rule test input: a report with findings of every rule. */
  static String sarifOfEverything() throws Exception {
    List<Analysis> analyses = new ArrayList<>();
    for (Path p : TestFiles.yamlFiles(TestFiles.repo().resolve("examples"))) {
      if (!p.toString().contains("/invalid/")) {
        LoadedPipeline loaded = new PipelineReader().read(TestFiles.repo().relativize(p).toString(), Files.readString(p));
        if (!PipelineValidator.hasErrors(new PipelineValidator().validate(loaded))) {
          analyses.add(Analyzer.analyze(loaded));
        }
      }
    }
    for (Path p : TestFiles.yamlFiles(TestFiles.resource("rules"))) {
      String name = "analyzer/src/test/resources/rules/" + p.getParent().getFileName() + "/" + p.getFileName();
      analyses.add(Analyzer.analyze(new PipelineReader().read(name, Files.readString(p))));
    }
    return Reporters.render(analyses, Format.SARIF);
  }

  static long errorsFromMultitool(Path sarif) throws Exception {
    Path log = sarif.resolveSibling(sarif.getFileName() + ".validation.sarif").toAbsolutePath();
    ProcessRun.Result r = ProcessRun.of(Oracles.node(), Oracles.sarifMultitool(), "validate", sarif.toAbsolutePath(),
        "-o", log, "--log", "ForceOverwrite").timeout(Duration.ofSeconds(180)).run().requireSuccess();
    assertTrue(Files.exists(log), "sarif-multitool wrote no log: " + r.describe());
    long errors = 0;
    for (JsonNode run : JSON.readTree(log.toFile()).path("runs")) {
      for (JsonNode result : run.path("results")) {
        if (result.path("level").asText("warning").equals("error")) {
          errors++;
        }
      }
    }
    return errors;
  }

  @Test
  void reportOfEveryRuleIsValidSarif() throws Exception {
    Files.createDirectories(OUT);
    Path sarif = OUT.resolve("everything.sarif");
    String text = sarifOfEverything();
    Files.writeString(sarif, text);
    JsonNode root = JSON.readTree(text);
    java.util.Set<String> ruleIds = new java.util.TreeSet<>();
    root.path("runs").get(0).path("results").forEach(r -> ruleIds.add(r.path("ruleId").asText()));
    assertEquals(new java.util.TreeSet<>(io.pipeshift.analyzer.rules.Rules.ids()), ruleIds,
        "findings of every rule are in the report");
    assertEquals(0, errorsFromMultitool(sarif), "sarif-multitool found errors; see " + sarif + ".validation.sarif");
  }

  @Test
  void validatorCountsErrorsInABrokenFile() throws Exception {
    Files.createDirectories(OUT);
    ObjectNode root = (ObjectNode) JSON.readTree(sarifOfEverything());
    ((ObjectNode) root.path("runs").get(0).path("tool").path("driver")).remove("name");
    ((ObjectNode) root.path("runs").get(0).path("results").get(0)).put("level", "fatal");
    Path broken = OUT.resolve("broken.sarif");
    Files.writeString(broken, JSON.writeValueAsString(root));
    assertTrue(errorsFromMultitool(broken) >= 2, "the oracle reports a missing driver name and a bad level");
  }
}
