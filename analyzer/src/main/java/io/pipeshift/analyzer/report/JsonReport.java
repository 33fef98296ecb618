package io.pipeshift.analyzer.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pipeshift.analyzer.Analysis;
import io.pipeshift.analyzer.Finding;
import io.pipeshift.analyzer.features.FeatureValue;
import io.pipeshift.analyzer.score.LimitHit;
import io.pipeshift.analyzer.score.Reason;
import io.pipeshift.analyzer.score.Score;
import io.pipeshift.diag.Severity;
import java.util.List;

/**
 * The machine-readable report, schema version {@link #SCHEMA_VERSION} (documented in docs/analyzer.md, JSON
 * Schema in docs/analyzer-report.schema.json). Adding fields keeps the version; renaming or removing one,
 * or changing a meaning, bumps it.
 */
final class JsonReport {

  static final int SCHEMA_VERSION = 1;

  private JsonReport() {}

  static String render(List<Analysis> analyses) {
    ObjectNode root = Json.object();
    root.put("schemaVersion", SCHEMA_VERSION);
    ObjectNode tool = root.putObject("tool");
    tool.put("name", ToolInfo.NAME);
    tool.put("version", ToolInfo.version());
    ArrayNode files = root.putArray("analyses");
    for (Analysis a : analyses) {
      files.add(analysis(a));
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("files", analyses.size());
    summary.put("errors", analyses.stream().mapToLong(a -> a.count(Severity.ERROR)).sum());
    summary.put("warnings", analyses.stream().mapToLong(a -> a.count(Severity.WARNING)).sum());
    summary.put("notes", analyses.stream().mapToLong(a -> a.count(Severity.INFO)).sum());
    return Json.write(root);
  }

  private static ObjectNode analysis(Analysis a) {
    ObjectNode o = Json.object();
    o.put("file", a.file());
    o.put("pipeline", a.pipeline().name());
    ObjectNode rec = o.putObject("recommendation");
    rec.put("orchestrator", a.scorecard().recommendation().id());
    rec.put("displayName", a.scorecard().recommendation().displayName());
    rec.put("clarity", a.scorecard().clarity().label());
    rec.put("margin", a.scorecard().margin());
    rec.put("runnerUp", a.scorecard().runnerUp().id());
    ArrayNode scores = o.putArray("scores");
    for (Score s : a.scorecard().scores()) {
      ObjectNode so = scores.addObject();
      so.put("orchestrator", s.orchestrator().id());
      so.put("displayName", s.orchestrator().displayName());
      so.put("score", s.score());
      ArrayNode reasons = so.putArray("reasons");
      for (Reason r : s.reasons()) {
        ObjectNode ro = reasons.addObject();
        ro.put("signal", r.signal());
        ro.put("points", r.points());
        ro.put("text", r.text());
      }
      ArrayNode limits = so.putArray("limits");
      for (LimitHit l : s.limits()) {
        ObjectNode lo = limits.addObject();
        lo.put("limit", l.limit());
        lo.put("detail", l.detail());
        lo.put("blocking", l.blocking());
      }
    }
    ArrayNode features = o.putArray("features");
    for (FeatureValue f : a.features().table()) {
      ObjectNode fo = features.addObject();
      fo.put("id", f.id());
      fo.put("label", f.label());
      fo.set("value", value(f.value()));
      fo.put("text", f.text());
    }
    ArrayNode findings = o.putArray("findings");
    for (Finding f : a.findings()) {
      ObjectNode fo = findings.addObject();
      fo.put("ruleId", f.ruleId());
      fo.put("severity", f.severity().label());
      fo.put("message", f.message());
      if (f.step().isPresent()) {
        fo.put("step", f.step().get());
      } else {
        fo.putNull("step");
      }
      fo.set("location", Json.location(f.location()));
    }
    return o;
  }

  private static com.fasterxml.jackson.databind.JsonNode value(Object v) {
    if (v instanceof Boolean b) {
      return Json.F.booleanNode(b);
    }
    if (v instanceof Integer i) {
      return Json.F.numberNode(i);
    }
    if (v instanceof Long l) {
      return Json.F.numberNode(l);
    }
    if (v instanceof Double d) {
      return Json.F.numberNode(d);
    }
    if (v instanceof List<?> l) {
      ArrayNode a = Json.array();
      l.forEach(x -> a.add(String.valueOf(x)));
      return a;
    }
    return Json.F.textNode(String.valueOf(v));
  }
}
