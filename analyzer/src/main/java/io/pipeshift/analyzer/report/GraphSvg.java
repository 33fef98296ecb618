package io.pipeshift.analyzer.report;

import io.pipeshift.analyzer.Finding;
import io.pipeshift.analyzer.Orchestrator;
import io.pipeshift.analyzer.features.FlowGraph;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepKind;
import io.pipeshift.ir.kinds.ForEachSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The pipeline's flow graph as an inline SVG, drawn by pipeshift itself (no script, no network): steps in
 * layers from left to right (longest path from the start), each node coloured by the orchestrator its kind
 * fits (SageMaker-native, other AWS service, outside AWS, or control), with a red badge counting its
 * findings. Branch edges are dashed, catch edges red and dashed.
 */
final class GraphSvg {

  static final int MAX_NODES = 400;
  static final int NODE_W = 180;
  static final int NODE_H = 46;
  static final int GAP_X = 70;
  static final int GAP_Y = 22;
  static final int PAD = 20;
  /** Room above the first row for edges that arc over skipped layers. */
  static final int TOP = 44;

  private GraphSvg() {}

  /** Fill colour of the orchestrator a kind fits, or of control steps. */
  static String colour(Optional<Orchestrator> fit) {
    if (fit.isEmpty()) {
      return "#e0e0e0";
    }
    return switch (fit.get()) {
      case SAGEMAKER_PIPELINES -> "#b9e4dd";
      case STEP_FUNCTIONS -> "#f8c9dc";
      case AIRFLOW -> "#c9dcf8";
    };
  }

  static Optional<Orchestrator> fit(StepKind kind) {
    return switch (kind.category()) {
      case SAGEMAKER -> Optional.of(Orchestrator.SAGEMAKER_PIPELINES);
      case AWS -> Optional.of(Orchestrator.STEP_FUNCTIONS);
      case NON_AWS -> Optional.of(Orchestrator.AIRFLOW);
      case CONTROL -> Optional.empty();
    };
  }

  static String render(Pipeline pipeline, List<Finding> findings) {
    FlowGraph flow = FlowGraph.of(pipeline);
    List<Step> steps = flow.steps();
    boolean truncated = steps.size() > MAX_NODES;
    if (truncated) {
      steps = steps.subList(0, MAX_NODES);
    }
    Map<String, Integer> layers = flow.layers();
    TreeMap<Integer, List<Step>> byLayer = new TreeMap<>();
    for (Step s : steps) {
      byLayer.computeIfAbsent(layers.get(s.id()), k -> new ArrayList<>()).add(s);
    }
    Map<String, int[]> pos = new LinkedHashMap<>();
    int column = 0;
    int maxRows = 1;
    for (List<Step> layer : byLayer.values()) {
      for (int row = 0; row < layer.size(); row++) {
        pos.put(layer.get(row).id(), new int[] {PAD + column * (NODE_W + GAP_X), TOP + row * (NODE_H + GAP_Y)});
      }
      maxRows = Math.max(maxRows, layer.size());
      column++;
    }
    int width = PAD * 2 + Math.max(1, column) * (NODE_W + GAP_X) - GAP_X;
    int height = TOP + PAD + maxRows * (NODE_H + GAP_Y) - GAP_Y;
    Map<String, List<Finding>> byStep = new HashMap<>();
    for (Finding f : findings) {
      f.step().ifPresent(s -> byStep.computeIfAbsent(s, k -> new ArrayList<>()).add(f));
    }
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"graph\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\">\n<title>").append(Html.esc("Steps of " + pipeline.name())).append("</title>\n");
    svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\""
        + " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/>"
        + "</marker></defs>\n");
    for (FlowGraph.Edge e : flow.edges()) {
      int[] a = pos.get(e.from());
      int[] b = pos.get(e.to());
      if (a == null || b == null) {
        continue;
      }
      double x1 = a[0] + NODE_W;
      double y1 = a[1] + NODE_H / 2.0;
      double x2 = b[0];
      double y2 = b[1] + NODE_H / 2.0;
      double mid = (x1 + x2) / 2;
      // an edge that skips layers arcs above the nodes in between instead of running through them
      boolean skips = x2 - x1 > GAP_X + 1 && Math.abs(y2 - y1) < NODE_H;
      double c1y = skips ? Math.min(y1, y2) - NODE_H / 2.0 - 14 : y1;
      double c2y = skips ? c1y : y2;
      double c1x = skips ? x1 + GAP_X : mid;
      double c2x = skips ? x2 - GAP_X : mid;
      String style = switch (e.kind()) {
        case FLOW -> "stroke=\"#555\"";
        case BRANCH, REJOIN -> "stroke=\"#777\" stroke-dasharray=\"5 4\"";
        case CATCH -> "stroke=\"#c62828\" stroke-dasharray=\"3 3\"";
      };
      svg.append(String.format(Locale.ROOT,
          "<path class=\"edge %s\" d=\"M %.1f %.1f C %.1f %.1f, %.1f %.1f, %.1f %.1f\" fill=\"none\" %s"
              + " stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>\n",
          e.kind().name().toLowerCase(Locale.ROOT), x1, y1, c1x, c1y, c2x, c2y, x2, y2, style));
    }
    for (Step s : steps) {
      int[] p = pos.get(s.id());
      List<Finding> fs = byStep.getOrDefault(s.id(), List.of());
      String title = s.id() + " (" + s.kind().yamlName() + ")"
          + fit(s.kind()).map(o -> ", fits " + o.displayName()).orElse(", control")
          + (fs.isEmpty() ? "" : "\n" + String.join("\n", fs.stream().map(f -> f.ruleId() + ": " + f.message()).toList()));
      svg.append("<g class=\"node\" data-step=\"").append(Html.esc(s.id())).append("\"><title>").append(Html.esc(title))
          .append("</title>");
      int rx = s.kind().category() == StepKind.Category.CONTROL ? 18 : 6;
      svg.append(String.format(Locale.ROOT,
          "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"%d\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>",
          p[0], p[1], NODE_W, NODE_H, rx, colour(fit(s.kind())), fs.isEmpty() ? "#666" : "#c62828",
          fs.isEmpty() ? "1" : "2"));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"label\">%s</text>", p[0] + 10, p[1] + 19,
          Html.esc(shorten(s.label(), 22))));
      String kind = s.kind().yamlName();
      if (s.spec() instanceof ForEachSpec f) {
        kind += f.knownSize().map(n -> " \u00d7" + n).orElse(" \u00d7 n");
      }
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"kind\">%s</text>", p[0] + 10, p[1] + 36,
          Html.esc(kind)));
      if (!fs.isEmpty()) {
        svg.append(String.format(Locale.ROOT,
            "<circle cx=\"%d\" cy=\"%d\" r=\"10\" fill=\"#c62828\"/><text x=\"%d\" y=\"%d\" class=\"badge\">%d</text>",
            p[0] + NODE_W - 4, p[1] + 4, p[0] + NODE_W - 4, p[1] + 8, fs.size()));
      }
      svg.append("</g>\n");
    }
    svg.append("</svg>\n");
    if (truncated) {
      svg.append("<p class=\"note\">Only the first ").append(MAX_NODES).append(" of ").append(flow.steps().size())
          .append(" steps are drawn.</p>\n");
    }
    return svg.toString();
  }

  static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }
}
