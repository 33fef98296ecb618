package io.pipeshift.analyzer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.analyzer.Analysis;
import io.pipeshift.analyzer.Analyzer;
import io.pipeshift.analyzer.TestFiles;
import io.pipeshift.validate.PipelineLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML report opens in real headless Chromium (Debian package): no console errors, no exceptions, no
 * blocked or failed loads, the graph is drawn with one node per step, and a screenshot is taken (kept in
 * target/html-report/ for people to look at). A page with a deliberate error proves the harness sees errors.
 */
class HtmlReportChromiumTest {

  static final Path OUT = Path.of("target/html-report");
  static HeadlessChromium chromium;

  @BeforeAll
  static void start() throws Exception {
    Files.createDirectories(OUT);
    chromium = new HeadlessChromium();
  }

  @AfterAll
  static void stop() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void reportOpensWithoutErrorsAndShowsTheGraph() throws Exception {
    PipelineLoader loader = new PipelineLoader();
    List<String> names = List.of("retraining.yaml", "multi-service.yaml", "hybrid.yaml", "analyzer/register-without-gate.yaml");
    List<Analysis> analyses = names.stream().map(n -> Analyzer.analyze(loader.load(TestFiles.example(n)))).toList();
    Path html = OUT.resolve("report.html").toAbsolutePath();
    Files.writeString(html, Reporters.render(analyses, Format.HTML));

    chromium.open(html);
    assertEquals(List.of(), chromium.problems(), "console errors, exceptions or failed loads");
    int steps = analyses.stream().mapToInt(a -> a.pipeline().allSteps().size()).sum();
    assertEquals(steps, chromium.evaluate("document.querySelectorAll('svg.graph g.node').length").asInt());
    assertEquals(analyses.size(), chromium.evaluate("document.querySelectorAll('svg.graph').length").asInt());
    assertTrue(chromium.evaluate("document.querySelector('svg.graph').getBoundingClientRect().width").asDouble() > 300,
        "the graph is laid out with a width");
    assertTrue(chromium.evaluate("document.querySelectorAll('svg.graph path.edge').length").asInt() > steps / 2);
    assertEquals("SageMaker Pipelines", chromium.evaluate("document.querySelector('tr.best td').textContent").asText());
    byte[] png = chromium.screenshot();
    Files.write(OUT.resolve("report.png"), png);
    assertTrue(png.length > 20_000, "a screenshot with content, " + png.length + " bytes");
    assertEquals(0x89, png[0] & 0xff, "PNG signature");
  }

  @Test
  void harnessSeesConsoleErrorsAndExceptions() throws Exception {
    Path bad = OUT.resolve("broken.html").toAbsolutePath();
    Files.writeString(bad, "<!DOCTYPE html><html><body><p>x</p><script>console.error('boom');"
        + " missingFunction();</script></body></html>\n");
    chromium.open(bad);
    List<String> problems = chromium.problems();
    assertTrue(problems.stream().anyMatch(p -> p.contains("console.error")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains("missingFunction")), problems.toString());
  }

  @Test
  void reportLoadsNothingFromOutside() {
    PipelineLoader loader = new PipelineLoader();
    String html = Reporters.render(List.of(Analyzer.analyze(loader.load(TestFiles.example("hybrid.yaml")))), Format.HTML);
    String withoutNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assertFalse(withoutNamespace.contains("http://") || withoutNamespace.contains("https://"), "no external URL");
    assertFalse(html.contains("<script"), "no script");
    assertTrue(html.contains("Content-Security-Policy"), "a CSP forbids loads");
  }
}
