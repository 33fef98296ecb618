package io.pipeshift.graph;

/** The catalogue of graph passes, each in its default configuration. */
public final class GraphPasses {

  private GraphPasses() {}

  /**
   * Nests a graph into sequences and parallel groups, adding the fewest synchronisation edges it finds
   * when the graph is not series-parallel (block-structured targets such as ASL).
   */
  public static final GraphPass<SeriesParallelDecomposition.Result> SERIES_PARALLEL =
      SeriesParallelDecomposition.DEFAULT;

  /** The same reachability with the fewest edges (bit sets: for graphs of a few thousand steps). */
  public static final GraphPass<StepGraph> TRANSITIVE_REDUCTION = new GraphPass<>() {
    @Override
    public String name() {
      return "transitive-reduction";
    }

    @Override
    public StepGraph apply(StepGraph graph) {
      return graph.transitiveReduction();
    }
  };
}
