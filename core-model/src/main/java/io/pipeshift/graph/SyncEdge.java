package io.pipeshift.graph;

/**
 * A dependency a graph pass added that the pipeline did not have: {@code to} now also waits for
 * {@code from}. Node indices of the {@link StepGraph} the pass ran on.
 */
public record SyncEdge(int from, int to) {

  /** {@code from -> to} with the graph's step ids. */
  public String render(StepGraph graph) {
    return graph.id(from) + " -> " + graph.id(to);
  }
}
