package io.pipeshift.analyzer.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pipeshift.analyzer.Analysis;
import io.pipeshift.analyzer.Finding;
import io.pipeshift.analyzer.rules.Rule;
import io.pipeshift.analyzer.rules.RuleDoc;
import io.pipeshift.analyzer.rules.Rules;
import io.pipeshift.diag.Severity;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SARIF 2.1.0: one run, the rule list built from the same {@link Rule} metadata as docs/rules.md, one result
 * per finding located at file:line:column of the input. Relative input paths stay relative URIs (code
 * scanning resolves them against the checkout); absolute ones become {@code file:} URIs.
 */
final class SarifReport {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private SarifReport() {}

  static String render(List<Analysis> analyses) {
    ObjectNode root = Json.object();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", ToolInfo.NAME);
    driver.put("version", ToolInfo.version());
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    for (Rule r : Rules.metadata()) {
      ruleIndex.put(r.id(), ruleIndex.size());
      rules.add(rule(r));
    }
    Map<String, Integer> artifactIndex = new LinkedHashMap<>();
    ArrayNode artifacts = Json.array();
    for (Analysis a : analyses) {
      if (!artifactIndex.containsKey(a.file())) {
        artifactIndex.put(a.file(), artifactIndex.size());
        artifacts.addObject().putObject("location").put("uri", uri(a.file()));
      }
    }
    run.set("artifacts", artifacts);
    ArrayNode results = run.putArray("results");
    for (Analysis a : analyses) {
      for (Finding f : a.findings()) {
        results.add(result(f, ruleIndex, artifactIndex));
      }
    }
    run.put("columnKind", "unicodeCodePoints");
    return Json.write(root);
  }

  private static ObjectNode rule(Rule r) {
    ObjectNode o = Json.object();
    o.put("id", r.id());
    o.put("name", pascal(r.name()));
    o.putObject("shortDescription").put("text", sentence(r.summary()));
    RuleDoc doc = RuleDoc.of(r.id()).orElseThrow(() -> new IllegalStateException("no docs for " + r.id()));
    o.putObject("fullDescription").put("text", sentence(doc.firstParagraph()));
    ObjectNode help = o.putObject("help");
    help.put("text", sentence(doc.firstParagraph()));
    help.put("markdown", doc.rationale() + "\n\nBad:\n\n```yaml\n" + doc.bad() + "```\n\nGood:\n\n```yaml\n"
        + doc.good() + "```\n");
    o.putObject("defaultConfiguration").put("level", level(r.severity()));
    ObjectNode props = o.putObject("properties");
    props.set("tags", Json.strings(List.of(r.tags())));
    return o;
  }

  private static ObjectNode result(Finding f, Map<String, Integer> ruleIndex, Map<String, Integer> artifactIndex) {
    ObjectNode o = Json.object();
    o.put("ruleId", f.ruleId());
    o.put("ruleIndex", ruleIndex.get(f.ruleId()));
    o.put("level", level(f.severity()));
    o.putObject("message").put("text", sentence(f.message()));
    ObjectNode loc = o.putArray("locations").addObject();
    ObjectNode physical = loc.putObject("physicalLocation");
    ObjectNode artifact = physical.putObject("artifactLocation");
    artifact.put("uri", uri(f.location().file()));
    Integer index = artifactIndex.get(f.location().file());
    if (index != null) {
      artifact.put("index", index);
    }
    if (f.location().isKnown()) {
      ObjectNode region = physical.putObject("region");
      region.put("startLine", f.location().line());
      region.put("startColumn", Math.max(1, f.location().column()));
    }
    f.step().ifPresent(step -> loc.putArray("logicalLocations").addObject()
        .put("name", step).put("kind", "member"));
    return o;
  }

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /** A relative path as a relative URI reference ('/' separators, percent-encoded); absolute paths as file: URIs. */
  static String uri(String file) {
    Path p = Path.of(file);
    if (p.isAbsolute()) {
      return p.toUri().toString();
    }
    try {
      return new URI(null, null, file.replace('\\', '/'), null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot express '" + file + "' as a URI", e);
    }
  }

  /** SARIF messages are sentences: they end with a period. */
  static String sentence(String s) {
    String t = s.trim();
    return t.endsWith(".") || t.endsWith("?") || t.endsWith("!") ? t : t + ".";
  }

  static String pascal(String kebab) {
    StringBuilder sb = new StringBuilder();
    for (String part : kebab.split("-")) {
      if (!part.isEmpty()) {
        sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return sb.toString();
  }
}
