package io.pipeshift.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.pipeshift.analyzer.report.Format;
import io.pipeshift.analyzer.report.ReportOptions;
import io.pipeshift.analyzer.report.Reporters;
import io.pipeshift.validate.PipelineLoader;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportsTest {

  static List<Analysis> examples() {
    PipelineLoader loader = new PipelineLoader();
    return List.of("retraining.yaml", "multi-service.yaml", "hybrid.yaml", "analyzer/register-without-gate.yaml").stream()
        .map(n -> Analyzer.analyze(loader.load(TestFiles.example(n)))).toList();
  }

  @Test
  void jsonReportIsVersionedAndMatchesItsDocumentedSchema() throws Exception {
    String json = Reporters.render(examples(), Format.JSON);
    JsonNode root = new ObjectMapper().readTree(json);
    assertEquals(1, root.path("schemaVersion").asInt());
    assertEquals("sagemaker-pipelines", root.path("analyses").get(0).path("recommendation").path("orchestrator").asText());
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(Files.readString(TestFiles.repo().resolve("docs/analyzer-report.schema.json")), InputFormat.JSON);
    List<Error> errors = schema.validate(root);
    assertEquals(List.of(), errors.stream().map(Error::toString).toList());
  }

  @Test
  void textIsColouredOnlyWhenAsked() {
    String plain = Reporters.render(examples(), Format.TEXT, ReportOptions.PLAIN);
    String coloured = Reporters.render(examples(), Format.TEXT, ReportOptions.COLOUR);
    assertFalse(plain.contains("\u001b["), "no ANSI codes in plain text");
    assertTrue(coloured.contains("\u001b["));
    assertEquals(plain, coloured.replaceAll("\u001b\\[[0-9;]*m", ""), "colour changes nothing else");
  }

  @Test
  void markdownFitsAPullRequestComment() {
    String md = Reporters.render(examples(), Format.MARKDOWN);
    assertTrue(md.length() < 65_536, "GitHub comments hold 65,536 characters; this is " + md.length());
    assertTrue(md.contains("**Recommendation: Step Functions"), md);
    assertTrue(md.contains("| warning | PS101 |"), md);
  }

}
