package io.pipeshift.graph;

import io.pipeshift.ir.CatchClause;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.ForEachSpec;
import java.util.List;

/** A pipeline as a Graphviz DOT digraph: clusters for branches and for-each bodies, dashed catch edges. */
public final class DotRenderer {

  private final GraphNodeIds ids = new GraphNodeIds();
  private final StringBuilder out = new StringBuilder();

  public static String render(Pipeline pipeline) {
    return new DotRenderer().run(pipeline);
  }

  private String run(Pipeline pipeline) {
    out.append("digraph ").append(quote(pipeline.name())).append(" {\n");
    out.append("  rankdir=TB;\n  node [shape=box, style=rounded];\n");
    list(pipeline.steps(), "  ");
    out.append("}\n");
    return out.toString();
  }

  private void list(List<Step> steps, String indent) {
    for (Step s : steps) {
      String shape = s.spec() instanceof ConditionSpec ? ", shape=diamond" : s.spec() instanceof ForEachSpec ? ", shape=box3d" : "";
      out.append(indent).append(ids.of(s.id())).append(" [label=").append(quote(GraphNodeIds.label(s))).append(shape).append("];\n");
      if (s.spec() instanceof ConditionSpec c) {
        for (int i = 0; i < c.branches().size(); i++) {
          cluster(s, "branch " + (i + 1), c.branches().get(i).steps(), indent);
        }
        cluster(s, "otherwise", c.otherwise(), indent);
      } else if (s.spec() instanceof ForEachSpec f) {
        cluster(s, "for each item", f.steps(), indent);
      }
    }
    StepGraph g = StepGraph.of(steps);
    for (int[] e : g.edges()) {
      out.append(indent).append(ids.of(g.id(e[0]))).append(" -> ").append(ids.of(g.id(e[1]))).append(";\n");
    }
    for (Step s : steps) {
      for (CatchClause c : s.catches()) {
        out.append(indent).append(ids.of(s.id())).append(" -> ").append(ids.of(c.handler()))
            .append(" [style=dashed, label=\"catch\"];\n");
      }
    }
  }

  private void cluster(Step owner, String name, List<Step> steps, String indent) {
    if (steps.isEmpty()) {
      return;
    }
    String id = "cluster_" + ids.of(owner.id()) + "_" + name.replace(' ', '_');
    out.append(indent).append("subgraph ").append(id).append(" {\n");
    out.append(indent).append("  label=").append(quote(name)).append(";\n");
    list(steps, indent + "  ");
    out.append(indent).append("}\n");
    out.append(indent).append(ids.of(owner.id())).append(" -> ").append(ids.of(steps.get(0).id()))
        .append(" [label=").append(quote(name)).append(", style=dotted];\n");
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
