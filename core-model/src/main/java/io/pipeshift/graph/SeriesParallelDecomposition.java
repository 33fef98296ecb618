package io.pipeshift.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Nests a dependency graph into sequences and parallel groups ({@link SeriesParallelTree}) without ever
 * duplicating a node. When the graph's order is series-parallel (no "N": a&lt;c, a&lt;d, b&lt;d with b and c
 * unordered) the result has exactly the graph's order and adds nothing. Otherwise the pass adds
 * synchronisation edges ({@link SyncEdge}) until the order becomes series-parallel, trying to add as few as
 * it can: every added edge is reported, so a target can tell the user which step now waits longer.
 *
 * <p>The order, not the edge list, decides: redundant (transitive) edges are allowed and change nothing.
 *
 * <p>How (two phases, both deterministic):
 *
 * <ol>
 *   <li><b>Reduction</b>, bottom-up, near linear: two nodes that stand in exactly the same relation to
 *       every other node are merged (u with its only successor v when v has no other predecessor: a
 *       sequence; two nodes with the same predecessors and successors: a parallel group). Sets are compared
 *       by order-independent 64-bit hashes and then verified; adjacency moves small-into-large. Series-
 *       parallel graphs without redundant edges reduce to one node here, however deeply they nest.
 *   <li><b>Cut sweep</b>, top-down, on what is left: a block splits into parallel branches at its weakly
 *       connected components, and into a sequence at every position of a topological order where each
 *       maximal node before the cut has an edge to each minimal node after it (checked for all positions in
 *       one O(V+E) sweep with running counts). Redundant edges do not disturb this test. A block with
 *       neither split is not series-parallel: the sweep already knows, for every position, how many edges
 *       (counted between steps, not merged groups) the cut would need; the pass takes the cheapest cut
 *       (ties: the most balanced), adds exactly those edges and continues on both halves. A block larger
 *       than {@link Config#balanceThreshold()} is cut into parts of at most that size in one go, all cuts
 *       chosen from the same sweep among the middle ones (a part's own cut can only need fewer edges than
 *       the block's count says), with edges from each part's maxima to the next part's minima; so a large
 *       tangled graph is swept once, not once per cut.
 * </ol>
 *
 * <p>Cost: the reduction is near linear (hash sets, small-into-large re-pointing; redundant edges are
 * dropped when a two-edge path bypasses them). The sweep costs O(V'+E') per nesting level of what the
 * reduction left (V', E'); only redundant edges that no two-edge path bypasses, spread over a deep nesting,
 * leave much for it. Timings on 100,000-step graphs: {@code SeriesParallelBenchmark} in the tests. Finding
 * the fewest edges is hard in general; this is a heuristic that is exact (adds nothing) whenever nothing
 * needs adding.
 */
public final class SeriesParallelDecomposition implements GraphPass<SeriesParallelDecomposition.Result> {

  /**
   * @param balanceThreshold blocks with more nodes than this choose their added cut among the middle ones
   * @param balanceDivisor in such blocks a cut leaves at least {@code size / balanceDivisor} nodes on each
   *     side
   */
  public record Config(int balanceThreshold, int balanceDivisor) {
    public static final Config DEFAULT = new Config(512, 8);

    public Config {
      if (balanceThreshold < 2 || balanceDivisor < 2) {
        throw new IllegalArgumentException("balanceThreshold and balanceDivisor must be at least 2");
      }
    }
  }

  /**
   * The nesting and the edges that had to be added for it (empty when the graph was series-parallel),
   * ordered by source then target node.
   */
  public record Result(SeriesParallelTree tree, List<SyncEdge> added) {
    public Result {
      added = List.copyOf(added);
    }

    /** True when nothing was added: the tree has exactly the graph's order. */
    public boolean exact() {
      return added.isEmpty();
    }
  }

  public static final SeriesParallelDecomposition DEFAULT = new SeriesParallelDecomposition(Config.DEFAULT);

  private final Config config;

  public SeriesParallelDecomposition(Config config) {
    this.config = config;
  }

  /** Decomposes with the default configuration. */
  public static Result decompose(StepGraph graph) {
    return DEFAULT.apply(graph);
  }

  @Override
  public String name() {
    return "series-parallel";
  }

  /**
   * @throws IllegalArgumentException when the graph is empty or has a cycle
   */
  @Override
  public Result apply(StepGraph graph) {
    if (graph.size() == 0) {
      throw new IllegalArgumentException("an empty graph has no decomposition");
    }
    int[] topological = graph.topologicalOrder().orElseThrow(
        () -> new IllegalArgumentException("the graph has a cycle: " + graph.findCycle().orElse(List.of())));
    Reduction reduction = new Reduction(graph, topological);
    reduction.run();
    Sweep sweep = new Sweep(reduction, config);
    Frag root = sweep.run();
    List<SyncEdge> added = new ArrayList<>(sweep.added);
    added.sort(Comparator.comparingInt(SyncEdge::from).thenComparingInt(SyncEdge::to));
    return new Result(build(root), added);
  }

  // ---- fragments: mutable, unflattened trees built during the pass -------------------------------

  private static final int NODE = 0;
  private static final int SERIES = 1;
  private static final int PARALLEL = 2;
  /** A transparent single-child wrapper (a placeholder that a later task fills in). */
  private static final int WRAP = 3;

  private static final class Frag {
    int kind;
    final int node;
    final List<Frag> kids = new ArrayList<>(2);
    int minIndex;
    /** Number of maximal / minimal graph nodes in this fragment (for counting edges between steps). */
    long maxCount;
    long minCount;
    SeriesParallelTree built;

    Frag(int node) {
      this.kind = NODE;
      this.node = node;
      this.minIndex = node;
      this.maxCount = 1;
      this.minCount = 1;
    }

    Frag(int kind, List<Frag> kids) {
      this.kind = kind;
      this.node = -1;
      this.kids.addAll(kids);
      if (kind != WRAP) {
        summarise();
      }
    }

    void summarise() {
      minIndex = Integer.MAX_VALUE;
      for (Frag k : kids) {
        minIndex = Math.min(minIndex, k.minIndex);
      }
      if (kind == PARALLEL) {
        maxCount = 0;
        minCount = 0;
        for (Frag k : kids) {
          maxCount += k.maxCount;
          minCount += k.minCount;
        }
      } else {
        minCount = kids.get(0).minCount;
        maxCount = kids.get(kids.size() - 1).maxCount;
      }
    }

    /** Graph nodes that are maximal (or minimal) in this fragment. */
    List<Integer> ends(boolean maxima) {
      List<Integer> out = new ArrayList<>();
      ArrayDeque<Frag> work = new ArrayDeque<>();
      work.push(this);
      while (!work.isEmpty()) {
        Frag f = work.pop();
        switch (f.kind) {
          case NODE -> out.add(f.node);
          case PARALLEL -> f.kids.forEach(work::push);
          default -> work.push(maxima ? f.kids.get(f.kids.size() - 1) : f.kids.get(0));
        }
      }
      return out;
    }
  }

  /** Turns fragments into the canonical immutable tree: flattened, branches sorted. Iterative. */
  private static SeriesParallelTree build(Frag root) {
    Map<Frag, List<Frag>> flat = new HashMap<>();
    ArrayDeque<Frag> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Frag f = stack.peek();
      if (f.built != null) {
        stack.pop();
        continue;
      }
      if (f.kind == NODE) {
        f.built = new SeriesParallelTree.Node(f.node);
        stack.pop();
        continue;
      }
      if (f.kind == WRAP) {
        Frag target = resolve(f);
        if (target.built == null) {
          stack.push(target);
        } else {
          f.built = target.built;
          stack.pop();
        }
        continue;
      }
      List<Frag> parts = flat.computeIfAbsent(f, SeriesParallelDecomposition::flatten);
      boolean ready = true;
      for (Frag p : parts) {
        if (p.built == null) {
          stack.push(p);
          ready = false;
        }
      }
      if (!ready) {
        continue;
      }
      List<SeriesParallelTree> trees = new ArrayList<>(parts.size());
      parts.forEach(p -> trees.add(p.built));
      f.built = trees.size() == 1 ? trees.get(0)
          : f.kind == PARALLEL ? new SeriesParallelTree.Parallel(trees) : new SeriesParallelTree.Series(trees);
      flat.remove(f);
      stack.pop();
    }
    return root.built;
  }

  /** The fragment a chain of wrappers stands for. */
  private static Frag resolve(Frag f) {
    Frag k = f;
    while (k.kind == WRAP) {
      if (k.kids.size() != 1) {
        throw new IllegalStateException("unfilled placeholder in the decomposition");
      }
      k = k.kids.get(0);
    }
    return k;
  }

  /** The parts of a sequence or group once wrappers and nested parts of the same kind are opened. */
  private static List<Frag> flatten(Frag f) {
    List<Frag> out = new ArrayList<>();
    ArrayDeque<Frag> work = new ArrayDeque<>();
    for (int i = f.kids.size() - 1; i >= 0; i--) {
      work.push(f.kids.get(i));
    }
    while (!work.isEmpty()) {
      Frag k = resolve(work.pop());
      if (k.kind == f.kind) {
        for (int i = k.kids.size() - 1; i >= 0; i--) {
          work.push(k.kids.get(i));
        }
      } else {
        out.add(k);
      }
    }
    if (f.kind == PARALLEL) {
      out.sort(Comparator.comparingInt(x -> x.minIndex));
    }
    return out;
  }

  // ---- phase 1: reduction of modules --------------------------------------------------------------

  private static final class Reduction {
    final int n;
    /** Topological position of each node; stays valid for merged nodes (a merge keeps one of its ids). */
    final int[] position;
    final IntSet[] pred;
    final IntSet[] succ;
    final long[] predHash;
    final long[] succHash;
    final boolean[] alive;
    final boolean[] queued;
    final boolean[] dirty;
    final Frag[] frag;
    final ArrayDeque<Integer> work = new ArrayDeque<>();
    final java.util.TreeSet<Integer> dirtyNodes = new java.util.TreeSet<>();
    final Map<Long, Integer> bySignature = new HashMap<>();

    Reduction(StepGraph graph, int[] topological) {
      this.n = graph.size();
      position = new int[n];
      for (int i = 0; i < n; i++) {
        position[topological[i]] = i;
      }
      pred = new IntSet[n];
      succ = new IntSet[n];
      predHash = new long[n];
      succHash = new long[n];
      alive = new boolean[n];
      queued = new boolean[n];
      dirty = new boolean[n];
      frag = new Frag[n];
      for (int v = 0; v < n; v++) {
        pred[v] = new IntSet();
        succ[v] = new IntSet();
      }
      for (int v = 0; v < n; v++) {
        for (int w : graph.successors(v)) {
          if (succ[v].add(w)) {
            pred[w].add(v);
            succHash[v] += token(w);
            predHash[w] += token(v);
          }
        }
      }
      for (int v = 0; v < n; v++) {
        alive[v] = true;
        frag[v] = new Frag(v);
        enqueue(v);
        markDirty(v);
      }
    }

    /** A fixed pseudo-random 64-bit value per node (splitmix64), summed into set hashes. */
    static long token(int node) {
      long z = (node + 1) * 0x9E3779B97F4A7C15L;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }

    void enqueue(int v) {
      if (!queued[v]) {
        queued[v] = true;
        work.add(v);
      }
    }

    void markDirty(int v) {
      if (!dirty[v]) {
        dirty[v] = true;
        dirtyNodes.add(v);
      }
    }

    /** Merges until nothing merges; then drops redundant edges around changed nodes; repeats. */
    void run() {
      while (true) {
        while (!work.isEmpty()) {
          int u = work.poll();
          queued[u] = false;
          if (alive[u]) {
            reduce(u);
          }
        }
        if (dirtyNodes.isEmpty()) {
          return;
        }
        while (!dirtyNodes.isEmpty()) {
          int v = dirtyNodes.pollFirst();
          dirty[v] = false;
          if (alive[v]) {
            dropShortcuts(v);
          }
        }
      }
    }

    void reduce(int u) {
      if (succ[u].size() == 1) {
        int v = succ[u].any();
        if (pred[v].size() == 1) {
          mergeSeries(u, v);
          return;
        }
      }
      if (pred[u].size() == 1) {
        int p = pred[u].any();
        if (succ[p].size() == 1) {
          mergeSeries(p, u);
          return;
        }
      }
      long key = predHash[u] * 0x9E3779B97F4A7C15L + succHash[u];
      Integer w = bySignature.get(key);
      if (w != null && w != u && alive[w] && predHash[w] == predHash[u] && succHash[w] == succHash[u]
          && pred[w].sameElements(pred[u]) && succ[w].sameElements(succ[u])) {
        mergeParallel(w, u);
        return;
      }
      bySignature.put(key, u);
    }

    /**
     * Removes every edge at v that a two-edge path bypasses (u -> x -> w makes u -> w redundant). The
     * order does not change; merges that the redundant edge blocked become possible.
     */
    void dropShortcuts(int v) {
      // Farthest successor first, nearest predecessor last: a bypassing path's own edges are still there
      // when the edge it bypasses is tested (v -> x -> w is tested before v -> x goes).
      for (int w : byPosition(succ[v], true)) {
        if (succ[v].intersects(pred[w])) {
          removeEdge(v, w);
        }
      }
      for (int u : byPosition(pred[v], false)) {
        if (succ[u].intersects(pred[v])) {
          removeEdge(u, v);
        }
      }
    }

    int[] byPosition(IntSet set, boolean descending) {
      int[] nodes = set.toArray();
      long[] keyed = new long[nodes.length];
      for (int i = 0; i < nodes.length; i++) {
        long p = descending ? n - position[nodes[i]] : position[nodes[i]];
        keyed[i] = (p << 32) | nodes[i];
      }
      Arrays.sort(keyed);
      for (int i = 0; i < nodes.length; i++) {
        nodes[i] = (int) keyed[i];
      }
      return nodes;
    }

    void removeEdge(int u, int w) {
      succ[u].remove(w);
      pred[w].remove(u);
      succHash[u] -= token(w);
      predHash[w] -= token(u);
      enqueue(u);
      enqueue(w);
    }

    /** a's only successor is b, b's only predecessor is a: they become one node, a then b. */
    void mergeSeries(int a, int b) {
      Frag merged = new Frag(SERIES, List.of(frag[a], frag[b]));
      int keep;
      int drop;
      // The merged node has a's predecessors and b's successors; re-point the smaller of the two sets.
      if (pred[a].size() <= succ[b].size()) {
        keep = b;
        drop = a;
        for (int p : pred[a].toArray()) {
          succ[p].remove(a);
          succ[p].add(b);
          succHash[p] += token(b) - token(a);
          enqueue(p);
          markDirty(p);
        }
        pred[b] = pred[a];
        predHash[b] = predHash[a];
        for (int s : succ[b].toArray()) {
          markDirty(s);
        }
      } else {
        keep = a;
        drop = b;
        for (int s : succ[b].toArray()) {
          pred[s].remove(b);
          pred[s].add(a);
          predHash[s] += token(a) - token(b);
          enqueue(s);
          markDirty(s);
        }
        succ[a] = succ[b];
        succHash[a] = succHash[b];
        for (int p : pred[a].toArray()) {
          markDirty(p);
        }
      }
      alive[drop] = false;
      pred[drop] = new IntSet();
      succ[drop] = new IntSet();
      frag[keep] = merged;
      frag[drop] = null;
      enqueue(keep);
      markDirty(keep);
    }

    /** w and u have the same predecessors and successors: u joins w as a parallel branch. */
    void mergeParallel(int w, int u) {
      for (int p : pred[u].toArray()) {
        succ[p].remove(u);
        succHash[p] -= token(u);
        enqueue(p);
      }
      for (int s : succ[u].toArray()) {
        pred[s].remove(u);
        predHash[s] -= token(u);
        enqueue(s);
      }
      alive[u] = false;
      pred[u] = new IntSet();
      succ[u] = new IntSet();
      frag[w] = new Frag(PARALLEL, List.of(frag[w], frag[u]));
      frag[u] = null;
      enqueue(w);
    }
  }

  // ---- phase 2: cut sweep on the residual graph ---------------------------------------------------

  private static final class Sweep {
    final Config config;
    final int r;
    final Frag[] frag;
    final int[][] succ;
    final int[][] pred;
    final long[] wMax;
    final long[] wMin;
    final int[] order;
    final List<SyncEdge> added = new ArrayList<>();

    // per-block scratch, indexed by residual node
    final int[] stamp;
    int currentStamp;
    final int[] rem;
    final long[] cnt;
    final boolean[] inM;
    final boolean[] inN;
    final boolean[] inPrefix;
    final int[] union;
    final int[] mark;
    final int[] segmentOf;
    int currentMark;
    long weightM;
    long weightN;
    long sumN;

    Sweep(Reduction red, Config config) {
      this.config = config;
      int[] residualIndex = new int[red.n];
      Arrays.fill(residualIndex, -1);
      List<Integer> alive = new ArrayList<>();
      for (int v = 0; v < red.n; v++) {
        if (red.alive[v]) {
          residualIndex[v] = alive.size();
          alive.add(v);
        }
      }
      r = alive.size();
      frag = new Frag[r];
      succ = new int[r][];
      pred = new int[r][];
      wMax = new long[r];
      wMin = new long[r];
      for (int i = 0; i < r; i++) {
        int v = alive.get(i);
        frag[i] = red.frag[v];
        wMax[i] = frag[i].maxCount;
        wMin[i] = frag[i].minCount;
        succ[i] = Arrays.stream(red.succ[v].toArray()).map(x -> residualIndex[x]).sorted().toArray();
        pred[i] = Arrays.stream(red.pred[v].toArray()).map(x -> residualIndex[x]).sorted().toArray();
      }
      order = levelOrder();
      stamp = new int[r];
      rem = new int[r];
      cnt = new long[r];
      inM = new boolean[r];
      inN = new boolean[r];
      inPrefix = new boolean[r];
      union = new int[r];
      mark = new int[r];
      segmentOf = new int[r];
    }

    /** A topological order by longest-path level, then first-declared step: cuts fall between layers. */
    int[] levelOrder() {
      int[] level = new int[r];
      int[] indegree = new int[r];
      ArrayDeque<Integer> ready = new ArrayDeque<>();
      for (int i = 0; i < r; i++) {
        indegree[i] = pred[i].length;
        if (indegree[i] == 0) {
          ready.add(i);
        }
      }
      while (!ready.isEmpty()) {
        int v = ready.poll();
        for (int w : succ[v]) {
          level[w] = Math.max(level[w], level[v] + 1);
          if (--indegree[w] == 0) {
            ready.add(w);
          }
        }
      }
      Integer[] idx = new Integer[r];
      for (int i = 0; i < r; i++) {
        idx[i] = i;
      }
      Arrays.sort(idx, Comparator.<Integer>comparingInt(i -> level[i]).thenComparingInt(i -> frag[i].minIndex));
      return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    private record Task(int[] nodes, boolean connected, Frag target) {}

    Frag run() {
      Frag root = new Frag(WRAP, List.of());
      ArrayDeque<Task> tasks = new ArrayDeque<>();
      tasks.push(new Task(order, false, root));
      while (!tasks.isEmpty()) {
        Task t = tasks.pop();
        solve(t, tasks);
      }
      return root;
    }

    void solve(Task task, ArrayDeque<Task> tasks) {
      int[] nodes = task.nodes();
      Frag target = task.target();
      int min = Integer.MAX_VALUE;
      for (int v : nodes) {
        min = Math.min(min, frag[v].minIndex);
      }
      target.minIndex = min; // parallel branches are ordered by it
      if (nodes.length == 1) {
        target.kind = WRAP;
        target.kids.add(frag[nodes[0]]);
        return;
      }
      currentStamp++;
      for (int v : nodes) {
        stamp[v] = currentStamp;
      }
      if (!task.connected()) {
        List<int[]> components = components(nodes);
        if (components.size() > 1) {
          target.kind = PARALLEL;
          for (int[] c : components) {
            Frag child = new Frag(WRAP, List.of());
            target.kids.add(child);
            tasks.push(new Task(c, true, child));
          }
          return;
        }
      }
      int m = nodes.length;
      long[] missing = new long[m];
      sweep(nodes, m - 1, missing);
      List<Integer> cuts = new ArrayList<>();
      for (int k = 1; k < m; k++) {
        if (missing[k] == 0) {
          cuts.add(k);
        }
      }
      target.kind = SERIES;
      if (!cuts.isEmpty()) {
        int from = 0;
        cuts.add(m);
        for (int k : cuts) {
          Frag child = new Frag(WRAP, List.of());
          target.kids.add(child);
          tasks.push(new Task(Arrays.copyOfRange(nodes, from, k), false, child));
          from = k;
        }
        return;
      }
      if (m <= config.balanceThreshold()) {
        int cut = cheapestCut(missing, 1, m - 1, m);
        sweep(nodes, cut, null);
        addEdges(nodes, cut);
        Frag before = new Frag(WRAP, List.of());
        Frag after = new Frag(WRAP, List.of());
        target.kids.add(before);
        target.kids.add(after);
        tasks.push(new Task(Arrays.copyOfRange(nodes, 0, cut), false, before));
        tasks.push(new Task(Arrays.copyOfRange(nodes, cut, m), false, after));
        return;
      }
      // A large tangled block: choose all its cuts from this one sweep (the counts of a part's cut can only
      // be lower than the block's), so the block is not swept again once per cut.
      List<Integer> bounds = segmentBounds(missing, m);
      for (int i = 0; i + 1 < bounds.size(); i++) {
        for (int k = bounds.get(i); k < bounds.get(i + 1); k++) {
          segmentOf[nodes[k]] = i; // part index within this block
        }
      }
      for (int i = 0; i + 2 < bounds.size(); i++) {
        joinSegments(nodes, bounds.get(i), bounds.get(i + 1), bounds.get(i + 2));
      }
      for (int i = 0; i + 1 < bounds.size(); i++) {
        Frag child = new Frag(WRAP, List.of());
        target.kids.add(child);
        tasks.push(new Task(Arrays.copyOfRange(nodes, bounds.get(i), bounds.get(i + 1)), false, child));
      }
    }

    /** Cut positions (with 0 and m) that split a block into parts of at most the threshold. */
    List<Integer> segmentBounds(long[] missing, int m) {
      List<Integer> bounds = new ArrayList<>();
      bounds.add(0);
      bounds.add(m);
      ArrayDeque<int[]> ranges = new ArrayDeque<>();
      ranges.push(new int[] {0, m});
      while (!ranges.isEmpty()) {
        int[] range = ranges.pop();
        int length = range[1] - range[0];
        if (length <= config.balanceThreshold()) {
          continue;
        }
        int margin = Math.max(1, length / config.balanceDivisor());
        int k = cheapestCut(missing, range[0] + margin, range[1] - margin, range[0] + range[1]);
        bounds.add(k);
        ranges.push(new int[] {range[0], k});
        ranges.push(new int[] {k, range[1]});
      }
      bounds.sort(Integer::compare);
      return bounds;
    }

    /**
     * Makes every step of nodes[a..b) precede every step of nodes[b..c): edges from the part's maxima (no
     * successor inside the part) to the next part's minima (no predecessor inside it), where missing.
     */
    void joinSegments(int[] nodes, int a, int b, int c) {
      List<Integer> maxima = new ArrayList<>();
      for (int i = a; i < b; i++) {
        int x = nodes[i];
        boolean maximal = true;
        for (int y : succ[x]) {
          if (stamp[y] == currentStamp && segmentOf[y] == segmentOf[x]) {
            maximal = false;
            break;
          }
        }
        if (maximal) {
          maxima.add(x);
        }
      }
      for (int i = b; i < c; i++) {
        int y = nodes[i];
        boolean minimal = true;
        for (int x : pred[y]) {
          if (stamp[x] == currentStamp && segmentOf[x] == segmentOf[y]) {
            minimal = false;
            break;
          }
        }
        if (minimal) {
          link(maxima, y);
        }
      }
    }

    /** Weakly connected components of the block, each in topological order. */
    List<int[]> components(int[] nodes) {
      for (int v : nodes) {
        union[v] = v;
      }
      for (int v : nodes) {
        for (int w : succ[v]) {
          if (stamp[w] == currentStamp) {
            int a = find(v);
            int b = find(w);
            if (a != b) {
              union[Math.max(a, b)] = Math.min(a, b);
            }
          }
        }
      }
      Map<Integer, List<Integer>> groups = new HashMap<>();
      List<List<Integer>> ordered = new ArrayList<>();
      for (int v : nodes) {
        List<Integer> g = groups.get(find(v));
        if (g == null) {
          g = new ArrayList<>();
          groups.put(find(v), g);
          ordered.add(g);
        }
        g.add(v);
      }
      List<int[]> out = new ArrayList<>(ordered.size());
      ordered.forEach(g -> out.add(g.stream().mapToInt(Integer::intValue).toArray()));
      return out;
    }

    int find(int v) {
      while (union[v] != v) {
        union[v] = union[union[v]];
        v = union[v];
      }
      return v;
    }

    /**
     * Moves nodes[0..stop) into the prefix one by one, keeping M (maxima of the prefix), N (minima of the
     * rest) and, for every node y after the cut, the weight of its predecessors in M. The cut after k
     * needs weight(M) * weight(N) - sum over y in N of weight(y) * cnt(y) edges between steps; zero means
     * every step before the cut precedes every step after it.
     */
    void sweep(int[] nodes, int stop, long[] missing) {
      weightM = 0;
      weightN = 0;
      sumN = 0;
      for (int v : nodes) {
        int count = 0;
        for (int u : pred[v]) {
          if (stamp[u] == currentStamp) {
            count++;
          }
        }
        rem[v] = count;
        cnt[v] = 0;
        inM[v] = false;
        inPrefix[v] = false;
        inN[v] = count == 0;
        if (inN[v]) {
          weightN += wMin[v];
        }
      }
      for (int k = 1; k <= stop; k++) {
        int v = nodes[k - 1];
        inN[v] = false;
        weightN -= wMin[v];
        sumN -= wMin[v] * cnt[v];
        inPrefix[v] = true;
        for (int x : pred[v]) {
          if (stamp[x] != currentStamp || !inM[x]) {
            continue;
          }
          inM[x] = false;
          weightM -= wMax[x];
          for (int y : succ[x]) {
            if (stamp[y] == currentStamp && !inPrefix[y]) {
              cnt[y] -= wMax[x];
              if (inN[y]) {
                sumN -= wMin[y] * wMax[x];
              }
            }
          }
        }
        inM[v] = true;
        weightM += wMax[v];
        for (int y : succ[v]) {
          if (stamp[y] != currentStamp) {
            continue;
          }
          cnt[y] += wMax[v];
          if (--rem[y] == 0) {
            inN[y] = true;
            weightN += wMin[y];
            sumN += wMin[y] * cnt[y];
          }
        }
        if (missing != null) {
          missing[k] = weightM * weightN - sumN;
        }
      }
    }

    /** The cut in [lo, hi] needing the fewest added edges; ties: nearest the middle (2k = twiceMid), then earliest. */
    static int cheapestCut(long[] missing, int lo, int hi, int twiceMid) {
      int best = lo;
      for (int k = lo; k <= hi; k++) {
        if (missing[k] < missing[best]
            || (missing[k] == missing[best] && Math.abs(2 * k - twiceMid) < Math.abs(2 * best - twiceMid))) {
          best = k;
        }
      }
      return best;
    }

    /** After sweep(nodes, cut): adds an edge from every maximal step before the cut to every minimal one after. */
    void addEdges(int[] nodes, int cut) {
      List<Integer> maxima = new ArrayList<>();
      for (int i = 0; i < cut; i++) {
        if (inM[nodes[i]]) {
          maxima.add(nodes[i]);
        }
      }
      for (int i = cut; i < nodes.length; i++) {
        if (inN[nodes[i]]) {
          link(maxima, nodes[i]);
        }
      }
    }

    /** Adds the step-level edges that make every node of {@code maxima} precede y, where not already direct. */
    void link(List<Integer> maxima, int y) {
      currentMark++;
      for (int x : pred[y]) {
        mark[x] = currentMark;
      }
      List<Integer> to = null;
      for (int x : maxima) {
        if (mark[x] == currentMark) {
          continue;
        }
        if (to == null) {
          to = frag[y].ends(false);
        }
        for (int a : frag[x].ends(true)) {
          for (int b2 : to) {
            added.add(new SyncEdge(a, b2));
          }
        }
      }
    }
  }
}
