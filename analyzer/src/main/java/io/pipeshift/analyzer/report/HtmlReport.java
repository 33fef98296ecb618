package io.pipeshift.analyzer.report;

import io.pipeshift.analyzer.Analysis;
import io.pipeshift.analyzer.Finding;
import io.pipeshift.analyzer.Orchestrator;
import io.pipeshift.analyzer.features.FeatureValue;
import io.pipeshift.analyzer.score.LimitHit;
import io.pipeshift.analyzer.score.Reason;
import io.pipeshift.analyzer.score.Score;
import java.util.List;
import java.util.Optional;

/**
 * One self-contained HTML file: inline CSS, inline SVG graphs ({@link GraphSvg}), no script and no external
 * resource (a Content-Security-Policy forbids loading any), so it opens offline and as a CI artifact.
 */
final class HtmlReport {

  private final StringBuilder out = new StringBuilder();

  private HtmlReport() {}

  static String render(List<Analysis> analyses) {
    HtmlReport r = new HtmlReport();
    r.out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';"
            + " img-src data:\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>pipeshift analyze: ").append(Html.esc(Words.counts(analyses))).append("</title>\n")
        .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
        .append("<h1>pipeshift analyze</h1>\n<p class=\"summary\">").append(analyses.size())
        .append(analyses.size() == 1 ? " file, " : " files, ").append(Html.esc(Words.counts(analyses))).append("</p>\n");
    for (Analysis a : analyses) {
      r.analysis(a);
    }
    r.out.append("</body>\n</html>\n");
    return r.out.toString();
  }

  private void analysis(Analysis a) {
    out.append("<section class=\"analysis\">\n<h2>").append(Html.esc(a.file())).append(" <span class=\"name\">")
        .append(Html.esc(a.pipeline().name())).append("</span></h2>\n");
    out.append("<p class=\"recommendation\">Recommendation: <strong>")
        .append(Html.esc(Words.recommendation(a.scorecard()))).append("</strong></p>\n");
    out.append("<table class=\"scores\">\n<thead><tr><th>Orchestrator</th><th>Score</th><th>Reasons</th></tr></thead>\n<tbody>\n");
    for (Score s : a.scorecard().scores()) {
      boolean best = s.orchestrator() == a.scorecard().recommendation();
      out.append("<tr").append(best ? " class=\"best\"" : "").append("><td><span class=\"swatch\" style=\"background:")
          .append(GraphSvg.colour(Optional.of(s.orchestrator()))).append("\"></span>")
          .append(Html.esc(s.orchestrator().displayName())).append("</td><td class=\"score\">").append(s.score())
          .append("<div class=\"bar\"><div style=\"width:").append(s.score()).append("%\"></div></div></td><td><ul>");
      for (Reason r : s.reasons()) {
        out.append("<li class=\"").append(r.points() > 0 ? "up" : "down").append("\">").append(r.points() > 0 ? "+" : "")
            .append(r.points()).append(" ").append(Html.esc(r.text())).append("</li>");
      }
      for (LimitHit l : s.limits()) {
        out.append("<li class=\"limit\">limit: ").append(Html.esc(l.limit() + ": " + l.detail())).append("</li>");
      }
      out.append("</ul></td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");
    out.append("<h3>Graph</h3>\n<p class=\"legend\">");
    for (Orchestrator o : Orchestrator.values()) {
      out.append("<span class=\"swatch\" style=\"background:").append(GraphSvg.colour(Optional.of(o)))
          .append("\"></span>fits ").append(Html.esc(o.displayName())).append(" ");
    }
    out.append("<span class=\"swatch\" style=\"background:").append(GraphSvg.colour(Optional.empty()))
        .append("\"></span>control step <span class=\"swatch finding\"></span>has findings</p>\n");
    out.append("<div class=\"graph-box\">\n").append(GraphSvg.render(a.pipeline(), a.findings())).append("</div>\n");
    out.append("<h3>Findings</h3>\n");
    if (a.findings().isEmpty()) {
      out.append("<p>No findings.</p>\n");
    } else {
      out.append("<table class=\"findings\">\n<thead><tr><th>Severity</th><th>Rule</th><th>Location</th><th>Message</th>"
          + "</tr></thead>\n<tbody>\n");
      for (Finding f : a.findings()) {
        out.append("<tr class=\"").append(f.severity().label()).append("\"><td>").append(f.severity().label())
            .append("</td><td>").append(Html.esc(f.ruleId())).append("</td><td><code>")
            .append(Html.esc(f.location().toString())).append("</code></td><td>").append(Html.esc(f.message()))
            .append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    }
    out.append("<h3>Features</h3>\n<table class=\"features\">\n<tbody>\n");
    for (FeatureValue f : a.features().table()) {
      out.append("<tr><th>").append(Html.esc(f.label())).append("</th><td>").append(Html.esc(f.text()))
          .append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n</section>\n");
  }

  private static final String CSS = """
      body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; margin: 2rem; color: #222; }
      h1 { margin-bottom: 0.2rem; }
      h2 { border-bottom: 1px solid #ccc; padding-bottom: 0.3rem; }
      h2 .name { color: #666; font-weight: normal; font-size: 0.8em; }
      table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
      th, td { border: 1px solid #ddd; padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
      thead th { background: #f4f4f4; }
      tr.best td { background: #f3fbf3; font-weight: 600; }
      td.score { width: 8rem; }
      .bar { background: #eee; height: 6px; margin-top: 4px; }
      .bar div { background: #2e7d32; height: 6px; }
      ul { margin: 0; padding-left: 1.1rem; }
      li.up { color: #1b5e20; } li.down { color: #b71c1c; } li.limit { color: #e65100; }
      .swatch { display: inline-block; width: 0.9rem; height: 0.9rem; border: 1px solid #666; margin: 0 0.3rem -0.1rem 0.6rem; }
      .swatch.finding { border: 2px solid #c62828; background: #fff; }
      .graph-box { overflow-x: auto; border: 1px solid #ddd; background: #fafafa; }
      svg.graph text { font-family: inherit; }
      svg.graph .label { font-size: 13px; font-weight: 600; fill: #222; }
      svg.graph .kind { font-size: 11px; fill: #555; }
      svg.graph .badge { font-size: 11px; fill: #fff; text-anchor: middle; font-weight: 700; }
      tr.error td:first-child { color: #b71c1c; font-weight: 700; }
      tr.warning td:first-child { color: #e65100; }
      code { font-size: 0.9em; }
      """;
}
