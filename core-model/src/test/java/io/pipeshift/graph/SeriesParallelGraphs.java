package io.pipeshift.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Seeded graph generators and order checks for the series-parallel pass (tests and the benchmark). */
final class SeriesParallelGraphs {

  private SeriesParallelGraphs() {}

  /** A graph with its intended nesting (when the generator knows one). */
  record Generated(StepGraph graph, SeriesParallelTree expected) {}

  static List<String> ids(int n) {
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add("s" + i);
    }
    return ids;
  }

  /**
   * A random series-parallel order on n nodes: a random nesting, its cover edges, plus redundant edges
   * between ordered nodes with probability {@code extra}, with node numbers shuffled.
   */
  static Generated randomSeriesParallel(Random random, int n, double extra) {
    int[] label = new int[n];
    for (int i = 0; i < n; i++) {
      label[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = label[i];
      label[i] = label[j];
      label[j] = t;
    }
    int[] next = {0};
    SeriesParallelTree tree = randomTree(random, n, next, label);
    List<int[]> edges = coverEdges(tree);
    if (extra > 0) {
      // redundant edges: from a node to a random node that follows it in a sequence
      List<int[]> more = new ArrayList<>();
      int[] pos1 = linearisation(tree, n, false);
      int[] pos2 = linearisation(tree, n, true);
      int[] byPos = new int[n];
      for (int v = 0; v < n; v++) {
        byPos[pos1[v]] = v;
      }
      for (int v = 0; v < n; v++) {
        if (random.nextDouble() < extra) {
          for (int tries = 0; tries < 4; tries++) {
            int w = byPos[pos1[v] + random.nextInt(n - pos1[v])];
            if (w != v && pos2[v] < pos2[w]) {
              more.add(new int[] {v, w});
              break;
            }
          }
        }
      }
      edges.addAll(more);
    }
    return new Generated(StepGraph.of(ids(n), edges), tree);
  }

  /** A random nesting of n leaves (labels from {@code label}), built without recursion. */
  private static SeriesParallelTree randomTree(Random random, int n, int[] next, int[] label) {
    ArrayDeque<Frame> stack = new ArrayDeque<>();
    SeriesParallelTree result = null;
    stack.push(new Frame(random, n, random.nextBoolean()));
    while (!stack.isEmpty()) {
      Frame f = stack.peek();
      SeriesParallelTree finished = null;
      if (f.size == 1) {
        finished = SeriesParallelTree.node(label[next[0]++]);
      } else if (f.done.size() == f.sizes.size()) {
        finished = f.series ? SeriesParallelTree.series(f.done) : SeriesParallelTree.parallel(f.done);
      }
      if (finished == null) {
        stack.push(new Frame(random, f.sizes.get(f.done.size()), !f.series));
        continue;
      }
      stack.pop();
      if (stack.isEmpty()) {
        result = finished;
      } else {
        stack.peek().done.add(finished);
      }
    }
    return result;
  }

  /** One pending node of the random nesting: its size split into 2-4 parts of the other kind. */
  private static final class Frame {
    final int size;
    final boolean series;
    final List<Integer> sizes = new ArrayList<>();
    final List<SeriesParallelTree> done = new ArrayList<>();

    Frame(Random random, int size, boolean series) {
      this.size = size;
      this.series = series;
      if (size > 1) {
        int parts = 2 + random.nextInt(Math.min(3, size - 1));
        List<Integer> cuts = new ArrayList<>();
        while (cuts.size() < parts - 1) {
          int c = 1 + random.nextInt(size - 1);
          if (!cuts.contains(c)) {
            cuts.add(c);
          }
        }
        Collections.sort(cuts);
        int prev = 0;
        for (int c : cuts) {
          sizes.add(c - prev);
          prev = c;
        }
        sizes.add(size - prev);
      }
    }
  }

  /** The cover edges of a nesting: every maximum of a part to every minimum of the next part. */
  static List<int[]> coverEdges(SeriesParallelTree tree) {
    List<int[]> edges = new ArrayList<>();
    ArrayDeque<SeriesParallelTree> work = new ArrayDeque<>();
    work.push(tree);
    while (!work.isEmpty()) {
      SeriesParallelTree t = work.pop();
      List<SeriesParallelTree> kids = SeriesParallelTree.children(t);
      kids.forEach(work::push);
      if (t instanceof SeriesParallelTree.Series s) {
        for (int i = 0; i + 1 < s.parts().size(); i++) {
          for (int a : s.parts().get(i).maxima()) {
            for (int b : s.parts().get(i + 1).minima()) {
              edges.add(new int[] {a, b});
            }
          }
        }
      }
    }
    return edges;
  }

  /**
   * Position of each node in a depth-first reading of the tree, parallel branches left to right (or right
   * to left). A series-parallel order is two-dimensional: u precedes v exactly when u comes first in both.
   */
  static int[] linearisation(SeriesParallelTree tree, int n, boolean reverseBranches) {
    int[] pos = new int[n];
    int[] k = {0};
    ArrayDeque<SeriesParallelTree> work = new ArrayDeque<>();
    work.push(tree);
    while (!work.isEmpty()) {
      SeriesParallelTree t = work.pop();
      if (t instanceof SeriesParallelTree.Node node) {
        pos[node.node()] = k[0]++;
        continue;
      }
      List<SeriesParallelTree> kids = SeriesParallelTree.children(t);
      boolean reverse = t instanceof SeriesParallelTree.Parallel && reverseBranches;
      for (int i = 0; i < kids.size(); i++) {
        work.push(kids.get(reverse ? i : kids.size() - 1 - i));
      }
    }
    return pos;
  }

  /** Edges of the graph that the tree does not keep as "from runs before to" (empty when all are kept). */
  static List<String> brokenEdges(StepGraph graph, SeriesParallelTree tree) {
    int[] p1 = linearisation(tree, graph.size(), false);
    int[] p2 = linearisation(tree, graph.size(), true);
    List<String> broken = new ArrayList<>();
    for (int[] e : graph.edges()) {
      if (!(p1[e[0]] < p1[e[1]] && p2[e[0]] < p2[e[1]])) {
        broken.add(graph.id(e[0]) + " -> " + graph.id(e[1]));
      }
    }
    return broken;
  }

  /** Every node exactly once. */
  static boolean coversOnce(SeriesParallelTree tree, int n) {
    BitSet seen = new BitSet(n);
    int[] count = {0};
    boolean[] dup = {false};
    tree.forEachNode(v -> {
      if (seen.get(v)) {
        dup[0] = true;
      }
      seen.set(v);
      count[0]++;
    });
    return !dup[0] && count[0] == n && seen.cardinality() == n;
  }

  /** The tree's order as reachability bit sets (small trees). */
  static BitSet[] treeOrder(SeriesParallelTree tree, int n) {
    int[] p1 = linearisation(tree, n, false);
    int[] p2 = linearisation(tree, n, true);
    BitSet[] after = new BitSet[n];
    for (int u = 0; u < n; u++) {
      after[u] = new BitSet(n);
      for (int v = 0; v < n; v++) {
        if (p1[u] < p1[v] && p2[u] < p2[v]) {
          after[u].set(v);
        }
      }
    }
    return after;
  }

  /** Reachability of a graph plus extra edges (small graphs). */
  static BitSet[] closure(StepGraph graph, List<SyncEdge> extra) {
    List<int[]> edges = new ArrayList<>(graph.edges());
    extra.forEach(e -> edges.add(new int[] {e.from(), e.to()}));
    StepGraph g = StepGraph.of(graph.ids(), edges);
    BitSet[] out = new BitSet[g.size()];
    for (int v = 0; v < g.size(); v++) {
      out[v] = g.descendants(v);
    }
    return out;
  }

  /** A random DAG: each node gets edges from up to {@code degree} of the {@code window} nodes before it. */
  static StepGraph randomLocalDag(Random random, int n, int window, int degree) {
    List<int[]> edges = new ArrayList<>();
    for (int v = 1; v < n; v++) {
      int k = 1 + random.nextInt(degree);
      for (int i = 0; i < k; i++) {
        int u = v - 1 - random.nextInt(Math.min(window, v));
        edges.add(new int[] {u, v});
      }
    }
    return StepGraph.of(ids(n), edges);
  }

  /** A random DAG on n nodes with edge probability p (small graphs). */
  static StepGraph randomDag(Random random, int n, double p) {
    List<int[]> edges = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      for (int u = 0; u < v; u++) {
        if (random.nextDouble() < p) {
          edges.add(new int[] {u, v});
        }
      }
    }
    return StepGraph.of(ids(n), edges);
  }

  /**
   * The deepest nesting for its size: seq(par(seq(par(... , x2), y2), x1), y1). With {@code shortcuts}
   * the innermost node also gets a redundant edge to every y, which defeats the reduction phase.
   */
  static StepGraph ladder(int levels, boolean shortcuts) {
    int n = 1 + 2 * levels;
    List<int[]> edges = new ArrayList<>();
    // node 0 = innermost; level i: x = 2i-1, y = 2i. Inner block ends at y(i-1) (or 0).
    int top = 0;
    for (int i = 1; i <= levels; i++) {
      int x = 2 * i - 1;
      int y = 2 * i;
      edges.add(new int[] {top, y});
      edges.add(new int[] {x, y});
      if (shortcuts && top != 0) {
        edges.add(new int[] {0, y});
      }
      top = y;
    }
    return StepGraph.of(ids(n), edges);
  }
}
