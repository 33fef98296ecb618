package io.pipeshift.graph;

/**
 * One analysis or reshaping of a dependency graph that targets share. Passes are small, named, stateless
 * once configured, and listed in {@link GraphPasses}.
 *
 * @param <R> what the pass produces
 */
public interface GraphPass<R> {

  /** A short stable name, e.g. {@code series-parallel}. */
  String name();

  R apply(StepGraph graph);
}
