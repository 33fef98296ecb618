package io.pipeshift.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A nesting of the nodes of a {@link StepGraph} into sequences and parallel groups: the shape that
 * block-structured targets (ASL Parallel states, nested task groups) can express. Every node of the graph
 * appears exactly once.
 *
 * <p>Canonical form, kept by the factories {@link #series} and {@link #parallel}: a sequence never directly
 * holds a sequence, a parallel group never directly holds a parallel group, both have at least two parts,
 * and parallel branches are ordered by their first-declared node (smallest node index). Two trees of the
 * same order are then equal. Trees can be as deep as the graph is large, so every method here walks them
 * iteratively.
 */
public sealed interface SeriesParallelTree {

  /** One node of the graph. */
  record Node(int node) implements SeriesParallelTree {}

  /** Parts that run one after the other: everything in a part finishes before the next part starts. */
  record Series(List<SeriesParallelTree> parts) implements SeriesParallelTree {
    public Series {
      parts = List.copyOf(parts);
    }
  }

  /** Branches that run independently; the group ends when every branch has ended. */
  record Parallel(List<SeriesParallelTree> branches) implements SeriesParallelTree {
    public Parallel {
      branches = List.copyOf(branches);
    }
  }

  static SeriesParallelTree node(int node) {
    return new Node(node);
  }

  /** A sequence of parts, nested sequences flattened; a single part is returned as it is. */
  static SeriesParallelTree series(List<SeriesParallelTree> parts) {
    List<SeriesParallelTree> flat = new ArrayList<>();
    for (SeriesParallelTree p : parts) {
      if (p instanceof Series s) {
        flat.addAll(s.parts());
      } else {
        flat.add(p);
      }
    }
    if (flat.isEmpty()) {
      throw new IllegalArgumentException("a sequence needs at least one part");
    }
    return flat.size() == 1 ? flat.get(0) : new Series(flat);
  }

  /** A parallel group, nested groups flattened, branches ordered by first-declared node. */
  static SeriesParallelTree parallel(List<SeriesParallelTree> branches) {
    List<SeriesParallelTree> flat = new ArrayList<>();
    for (SeriesParallelTree b : branches) {
      if (b instanceof Parallel p) {
        flat.addAll(p.branches());
      } else {
        flat.add(b);
      }
    }
    if (flat.isEmpty()) {
      throw new IllegalArgumentException("a parallel group needs at least one branch");
    }
    if (flat.size() == 1) {
      return flat.get(0);
    }
    flat.sort(Comparator.comparingInt(SeriesParallelTree::firstNode));
    return new Parallel(flat);
  }

  /** The parts of a sequence or the branches of a group; empty for a node. */
  static List<SeriesParallelTree> children(SeriesParallelTree t) {
    if (t instanceof Series s) {
      return s.parts();
    }
    if (t instanceof Parallel p) {
      return p.branches();
    }
    return List.of();
  }

  /** The smallest node index in this tree. */
  default int firstNode() {
    int[] min = {Integer.MAX_VALUE};
    forEachNode(n -> min[0] = Math.min(min[0], n));
    return min[0];
  }

  /** Number of nodes. */
  default int size() {
    int[] count = {0};
    forEachNode(n -> count[0]++);
    return count[0];
  }

  /** Visits every node, in sequence order (parallel branches in their order). */
  default void forEachNode(IntConsumer action) {
    ArrayDeque<SeriesParallelTree> work = new ArrayDeque<>();
    work.push(this);
    while (!work.isEmpty()) {
      SeriesParallelTree t = work.pop();
      if (t instanceof Node n) {
        action.accept(n.node());
      } else {
        List<SeriesParallelTree> kids = children(t);
        for (int i = kids.size() - 1; i >= 0; i--) {
          work.push(kids.get(i));
        }
      }
    }
  }

  /** The nodes of this tree, in {@link #forEachNode} order. */
  default List<Integer> nodes() {
    List<Integer> out = new ArrayList<>();
    forEachNode(out::add);
    return out;
  }

  /** The nodes nothing else in this tree waits for (the last part's maxima, all branches' maxima). */
  default List<Integer> maxima() {
    return ends(true);
  }

  /** The nodes that wait for nothing else in this tree. */
  default List<Integer> minima() {
    return ends(false);
  }

  private List<Integer> ends(boolean last) {
    List<Integer> out = new ArrayList<>();
    ArrayDeque<SeriesParallelTree> work = new ArrayDeque<>();
    work.push(this);
    while (!work.isEmpty()) {
      SeriesParallelTree t = work.pop();
      if (t instanceof Node n) {
        out.add(n.node());
      } else if (t instanceof Series s) {
        work.push(last ? s.parts().get(s.parts().size() - 1) : s.parts().get(0));
      } else {
        List<SeriesParallelTree> kids = children(t);
        for (int i = kids.size() - 1; i >= 0; i--) {
          work.push(kids.get(i));
        }
      }
    }
    return out;
  }

  /** Deepest nesting of sequences and groups (a single node has depth 0). */
  default int depth() {
    int max = 0;
    ArrayDeque<Object[]> work = new ArrayDeque<>();
    work.push(new Object[] {this, 0});
    while (!work.isEmpty()) {
      Object[] top = work.pop();
      SeriesParallelTree t = (SeriesParallelTree) top[0];
      int d = (Integer) top[1];
      max = Math.max(max, d);
      for (SeriesParallelTree k : children(t)) {
        work.push(new Object[] {k, d + 1});
      }
    }
    return max;
  }

  /**
   * A one-line text form with the graph's ids: {@code seq(a, par(b, c), d)}. For tests and messages;
   * iterative, so it is safe on deep trees.
   */
  default String render(StepGraph graph) {
    StringBuilder out = new StringBuilder();
    ArrayDeque<Object> work = new ArrayDeque<>();
    work.push(this);
    while (!work.isEmpty()) {
      Object o = work.pop();
      if (o instanceof String text) {
        out.append(text);
        continue;
      }
      SeriesParallelTree t = (SeriesParallelTree) o;
      if (t instanceof Node n) {
        out.append(graph.id(n.node()));
        continue;
      }
      out.append(t instanceof Series ? "seq(" : "par(");
      List<SeriesParallelTree> kids = children(t);
      work.push(")");
      for (int i = kids.size() - 1; i >= 0; i--) {
        work.push(kids.get(i));
        if (i > 0) {
          work.push(", ");
        }
      }
    }
    return out.toString();
  }
}
