package io.pipeshift.analyzer.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pipeshift.analyzer.compare.Comparison;
import io.pipeshift.analyzer.compare.TargetNotes;
import io.pipeshift.analyzer.score.LimitHit;
import io.pipeshift.fidelity.FidelityNote;
import java.util.ArrayList;
import java.util.List;

/** {@code pipeshift compare} output in text, Markdown or JSON (same schema version as the analysis report). */
final class ComparisonReport {

  private ComparisonReport() {}

  static String render(Comparison c, Format format) {
    return switch (format) {
      case TEXT -> text(c);
      case MARKDOWN -> markdown(c);
      case JSON -> json(c);
      default -> throw new IllegalArgumentException("compare writes text, markdown or json, not " + format.id());
    };
  }

  private static String text(Comparison c) {
    StringBuilder sb = new StringBuilder();
    sb.append(c.analysis().file()).append(" (").append(c.analysis().pipeline().name()).append(")\n");
    sb.append("  Recommendation: ").append(Words.recommendation(c.analysis().scorecard())).append("\n");
    for (Comparison.Column col : c.columns()) {
      sb.append("\n  ").append(col.orchestrator().displayName()).append("\n");
      sb.append("    score            ").append(col.score()).append("\n");
      sb.append("    cost/1,000 runs  $").append(Comparison.fmt(col.cost().per1000Runs())).append("  ($")
          .append(Comparison.fmt(col.cost().perMonth())).append("/month; ").append(col.cost().basis()).append(")\n");
      if (col.limits().isEmpty()) {
        sb.append("    limits           none hit\n");
      }
      for (LimitHit l : col.limits()) {
        sb.append("    limit            ").append(l.limit()).append(": ").append(l.detail())
            .append(l.blocking() ? " [blocking]" : "").append("\n");
      }
      for (String line : fidelityLines(col.fidelity())) {
        sb.append("    ").append(line).append("\n");
      }
    }
    sb.append("\n  Assumptions\n");
    for (String a : c.assumptions()) {
      sb.append("    - ").append(a).append("\n");
    }
    return sb.toString();
  }

  private static List<String> fidelityLines(TargetNotes t) {
    List<String> out = new ArrayList<>();
    if (!t.available()) {
      out.add("fidelity         not checked: no emitter for this orchestrator is installed");
    } else if (t.failure().isPresent()) {
      out.add("fidelity         the " + t.targetId().get() + " emitter failed: " + t.failure().get());
    } else if (t.notes().isEmpty()) {
      out.add("fidelity         converts without notes (" + t.targetId().get() + ")");
    } else {
      out.add("fidelity         " + t.notes().size() + " note" + (t.notes().size() == 1 ? "" : "s") + " ("
          + t.targetId().get() + ")");
      for (FidelityNote n : t.notes()) {
        out.add("  " + n.render());
      }
    }
    return out;
  }

  private static String markdown(Comparison c) {
    StringBuilder sb = new StringBuilder();
    sb.append("## pipeshift compare: `").append(MarkdownReport.code(c.analysis().file())).append("` (")
        .append(MarkdownReport.cell(c.analysis().pipeline().name())).append(")\n\n");
    sb.append("**Recommendation: ").append(MarkdownReport.cell(Words.recommendation(c.analysis().scorecard())))
        .append("**\n\n");
    sb.append("| | Score | Cost / 1,000 runs | Cost / month | Limits hit | Fidelity notes |\n|---|---:|---:|---:|---|---|\n");
    for (Comparison.Column col : c.columns()) {
      List<String> limits = col.limits().stream().map(l -> MarkdownReport.cell(l.limit() + ": " + l.detail())).toList();
      List<String> notes = fidelityLines(col.fidelity()).stream().map(s -> MarkdownReport.cell(s.trim())).toList();
      sb.append("| ").append(col.orchestrator().displayName()).append(" | ").append(col.score()).append(" | $")
          .append(Comparison.fmt(col.cost().per1000Runs())).append(" | $").append(Comparison.fmt(col.cost().perMonth()))
          .append(" | ").append(limits.isEmpty() ? "none" : String.join("<br>", limits)).append(" | ")
          .append(String.join("<br>", notes)).append(" |\n");
    }
    sb.append("\nAssumptions:\n\n");
    for (String a : c.assumptions()) {
      sb.append("- ").append(MarkdownReport.cell(a)).append("\n");
    }
    return sb.toString();
  }

  private static String json(Comparison c) {
    ObjectNode root = Json.object();
    root.put("schemaVersion", JsonReport.SCHEMA_VERSION);
    root.put("kind", "comparison");
    root.put("file", c.analysis().file());
    root.put("pipeline", c.analysis().pipeline().name());
    root.put("recommendation", c.analysis().scorecard().recommendation().id());
    root.put("runsPerMonth", c.runsPerMonth());
    ArrayNode cols = root.putArray("orchestrators");
    for (Comparison.Column col : c.columns()) {
      ObjectNode o = cols.addObject();
      o.put("orchestrator", col.orchestrator().id());
      o.put("displayName", col.orchestrator().displayName());
      o.put("score", col.score());
      ObjectNode cost = o.putObject("cost");
      cost.put("per1000RunsUsd", round(col.cost().per1000Runs()));
      cost.put("perMonthUsd", round(col.cost().perMonth()));
      cost.put("basis", col.cost().basis());
      ArrayNode limits = o.putArray("limits");
      for (LimitHit l : col.limits()) {
        limits.addObject().put("limit", l.limit()).put("detail", l.detail()).put("blocking", l.blocking());
      }
      ObjectNode fid = o.putObject("fidelity");
      TargetNotes t = col.fidelity();
      fid.put("checked", t.available());
      t.targetId().ifPresent(id -> fid.put("target", id));
      t.failure().ifPresent(f -> fid.put("failure", f));
      ArrayNode notes = fid.putArray("notes");
      for (FidelityNote n : t.notes()) {
        ObjectNode no = notes.addObject();
        no.put("code", n.code());
        no.put("severity", n.severity().label());
        if (n.step().isPresent()) {
          no.put("step", n.step().get());
        } else {
          no.putNull("step");
        }
        no.put("message", n.message());
      }
    }
    root.set("assumptions", Json.strings(c.assumptions()));
    return Json.write(root);
  }

  private static double round(double d) {
    return Math.round(d * 10000.0) / 10000.0;
  }
}
