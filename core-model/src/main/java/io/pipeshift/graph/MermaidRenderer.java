package io.pipeshift.graph;

import io.pipeshift.ir.CatchClause;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.ForEachSpec;
import java.util.List;

/**
 * A pipeline as a Mermaid flowchart: one node per step (conditions as diamonds, branches and for-each
 * bodies as subgraphs), solid edges for dependencies, dotted edges for catches.
 */
public final class MermaidRenderer {

  private final GraphNodeIds ids = new GraphNodeIds();
  private final StringBuilder out = new StringBuilder();

  public static String render(Pipeline pipeline) {
    return new MermaidRenderer().run(pipeline);
  }

  private String run(Pipeline pipeline) {
    out.append("flowchart TD\n");
    list(pipeline.steps(), "  ");
    return out.toString();
  }

  private void list(List<Step> steps, String indent) {
    for (Step s : steps) {
      node(s, indent);
    }
    StepGraph g = StepGraph.of(steps);
    for (int[] e : g.edges()) {
      out.append(indent).append(ids.of(g.id(e[0]))).append(" --> ").append(ids.of(g.id(e[1]))).append('\n');
    }
    for (Step s : steps) {
      for (CatchClause c : s.catches()) {
        out.append(indent).append(ids.of(s.id())).append(" -. catch .-> ").append(ids.of(c.handler())).append('\n');
      }
    }
  }

  private void node(Step s, String indent) {
    String label = GraphNodeIds.label(s);
    if (s.spec() instanceof ConditionSpec c) {
      out.append(indent).append(ids.of(s.id())).append("{\"").append(escape(label)).append("\"}\n");
      for (int i = 0; i < c.branches().size(); i++) {
        branch(s, "branch " + (i + 1), c.branches().get(i).steps(), indent);
      }
      branch(s, "otherwise", c.otherwise(), indent);
    } else if (s.spec() instanceof ForEachSpec f) {
      out.append(indent).append(ids.of(s.id())).append("[[\"").append(escape(label)).append("\"]]\n");
      String sub = ids.of(s.id()) + "_body";
      out.append(indent).append("subgraph ").append(sub).append("[\"for each item\"]\n");
      list(f.steps(), indent + "  ");
      out.append(indent).append("end\n");
      out.append(indent).append(ids.of(s.id())).append(" --> ").append(sub).append('\n');
    } else {
      out.append(indent).append(ids.of(s.id())).append("[\"").append(escape(label)).append("\"]\n");
    }
  }

  private void branch(Step condition, String name, List<Step> steps, String indent) {
    if (steps.isEmpty()) {
      return;
    }
    String sub = ids.of(condition.id()) + "_" + name.replace(' ', '_');
    out.append(indent).append("subgraph ").append(sub).append("[\"").append(name).append("\"]\n");
    list(steps, indent + "  ");
    out.append(indent).append("end\n");
    out.append(indent).append(ids.of(condition.id())).append(" -->|").append(name).append("| ").append(sub).append('\n');
  }

  /** Mermaid labels are quoted; quotes and angle brackets become entity codes. */
  static String escape(String s) {
    return s.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;").replace("\n", " ");
  }
}
