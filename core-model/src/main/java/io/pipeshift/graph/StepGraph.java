package io.pipeshift.graph;

import io.pipeshift.ir.References;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepTree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The dependency graph of one step list: an edge {@code a -> b} when b names a in {@code after} or uses
 * one of a's outputs (anywhere inside b, nested steps included). Edges to steps outside the list are not
 * part of this graph. Int-indexed adjacency arrays, so algorithms stay linear on 100,000-step pipelines.
 */
public final class StepGraph {

  private final List<String> ids;
  private final Map<String, Integer> index;
  private final int[][] successors;
  private final int[][] predecessors;

  private StepGraph(List<String> ids, Map<String, Integer> index, int[][] successors, int[][] predecessors) {
    this.ids = ids;
    this.index = index;
    this.successors = successors;
    this.predecessors = predecessors;
  }

  /** The graph of a step list (a pipeline's top level, a branch, a for-each body). */
  public static StepGraph of(List<Step> steps) {
    List<String> ids = new ArrayList<>(steps.size());
    Map<String, Integer> index = new HashMap<>(steps.size() * 2);
    for (Step s : steps) {
      index.putIfAbsent(s.id(), ids.size());
      ids.add(s.id());
    }
    List<List<Integer>> preds = new ArrayList<>(steps.size());
    // seenBy[j] == i: j is already a predecessor of i (one array for all steps; a bit set per step
    // allocated up to the highest index, which made a 100,000-step chain allocate over a gigabyte)
    int[] seenBy = new int[steps.size()];
    Arrays.fill(seenBy, -1);
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      List<Integer> p = new ArrayList<>(s.after().size());
      for (String a : s.after()) {
        Integer j = index.get(a);
        if (j != null && j != i && seenBy[j] != i) {
          seenBy[j] = i;
          p.add(j);
        }
      }
      for (String r : References.referencedSteps(s)) {
        Integer j = index.get(r);
        if (j != null && j != i && seenBy[j] != i) {
          seenBy[j] = i;
          p.add(j);
        }
      }
      preds.add(p);
    }
    return fromPredecessors(ids, index, preds);
  }

  /** A graph from explicit edges (used by tests, generators and graph passes). */
  public static StepGraph of(List<String> ids, List<int[]> edges) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      index.put(ids.get(i), i);
    }
    List<List<Integer>> preds = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      preds.add(new ArrayList<>());
    }
    java.util.Set<Long> seen = new java.util.HashSet<>(edges.size() * 2);
    for (int[] e : edges) {
      if (seen.add(((long) e[0] << 32) | (e[1] & 0xffffffffL))) { // dedup in O(1), not O(in-degree)
        preds.get(e[1]).add(e[0]);
      }
    }
    return fromPredecessors(List.copyOf(ids), index, preds);
  }

  private static StepGraph fromPredecessors(List<String> ids, Map<String, Integer> index, List<List<Integer>> preds) {
    int n = ids.size();
    int[][] p = new int[n][];
    int[] outDegree = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = preds.get(i).stream().mapToInt(Integer::intValue).toArray();
      for (int j : p[i]) {
        outDegree[j]++;
      }
    }
    int[][] s = new int[n][];
    for (int i = 0; i < n; i++) {
      s[i] = new int[outDegree[i]];
    }
    int[] fill = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j : p[i]) {
        s[j][fill[j]++] = i;
      }
    }
    return new StepGraph(List.copyOf(ids), index, s, p);
  }

  public int size() {
    return ids.size();
  }

  public String id(int node) {
    return ids.get(node);
  }

  public List<String> ids() {
    return ids;
  }

  public int indexOf(String id) {
    Integer i = index.get(id);
    if (i == null) {
      throw new IllegalArgumentException("no step '" + id + "' in this graph");
    }
    return i;
  }

  public boolean contains(String id) {
    return index.containsKey(id);
  }

  public int[] successors(int node) {
    return successors[node].clone();
  }

  public int[] predecessors(int node) {
    return predecessors[node].clone();
  }

  public List<String> predecessorIds(String id) {
    return Arrays.stream(predecessors[indexOf(id)]).mapToObj(ids::get).toList();
  }

  public List<String> successorIds(String id) {
    return Arrays.stream(successors[indexOf(id)]).mapToObj(ids::get).toList();
  }

  public int edgeCount() {
    int e = 0;
    for (int[] s : successors) {
      e += s.length;
    }
    return e;
  }

  /** Nodes with no predecessors, in declaration order. */
  public List<Integer> sources() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      if (predecessors[i].length == 0) {
        out.add(i);
      }
    }
    return out;
  }

  /** Nodes with no successors, in declaration order. */
  public List<Integer> sinks() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      if (successors[i].length == 0) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * A topological order that is stable: among ready steps, the one declared first goes first. Empty when
   * the graph has a cycle.
   */
  public Optional<int[]> topologicalOrder() {
    int n = size();
    int[] indegree = new int[n];
    for (int i = 0; i < n; i++) {
      indegree[i] = predecessors[i].length;
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < n; i++) {
      if (indegree[i] == 0) {
        ready.add(i);
      }
    }
    int[] order = new int[n];
    int k = 0;
    while (!ready.isEmpty()) {
      int v = ready.poll();
      order[k++] = v;
      for (int w : successors[v]) {
        if (--indegree[w] == 0) {
          ready.add(w);
        }
      }
    }
    return k == n ? Optional.of(order) : Optional.empty();
  }

  public Optional<List<String>> topologicalIds() {
    return topologicalOrder().map(o -> Arrays.stream(o).mapToObj(ids::get).toList());
  }

  /** One cycle as a list of ids that starts and ends with the same id, or empty when acyclic. */
  public Optional<List<String>> findCycle() {
    int n = size();
    byte[] state = new byte[n]; // 0 new, 1 on stack, 2 done
    int[] parent = new int[n];
    int[] cursor = new int[n];
    for (int root = 0; root < n; root++) {
      if (state[root] != 0) {
        continue;
      }
      ArrayDeque<Integer> stack = new ArrayDeque<>();
      stack.push(root);
      state[root] = 1;
      parent[root] = -1;
      while (!stack.isEmpty()) {
        int v = stack.peek();
        if (cursor[v] < successors[v].length) {
          int w = successors[v][cursor[v]++];
          if (state[w] == 0) {
            state[w] = 1;
            parent[w] = v;
            stack.push(w);
          } else if (state[w] == 1) {
            List<String> cycle = new ArrayList<>();
            cycle.add(ids.get(w));
            for (int x = v; x != w; x = parent[x]) {
              cycle.add(ids.get(x));
            }
            cycle.add(ids.get(w));
            java.util.Collections.reverse(cycle);
            return Optional.of(cycle);
          }
        } else {
          state[v] = 2;
          stack.pop();
        }
      }
    }
    return Optional.empty();
  }

  /** Every node reachable from {@code from} by following edges forward (from itself excluded). */
  public BitSet descendants(int from) {
    BitSet seen = new BitSet(size());
    ArrayDeque<Integer> work = new ArrayDeque<>();
    work.push(from);
    while (!work.isEmpty()) {
      int v = work.pop();
      for (int w : successors[v]) {
        if (!seen.get(w)) {
          seen.set(w);
          work.push(w);
        }
      }
    }
    return seen;
  }

  /** Every node from which {@code to} can be reached (to itself excluded). */
  public BitSet ancestors(int to) {
    BitSet seen = new BitSet(size());
    ArrayDeque<Integer> work = new ArrayDeque<>();
    work.push(to);
    while (!work.isEmpty()) {
      int v = work.pop();
      for (int w : predecessors[v]) {
        if (!seen.get(w)) {
          seen.set(w);
          work.push(w);
        }
      }
    }
    return seen;
  }

  public boolean reaches(int from, int to) {
    return from != to && descendants(from).get(to);
  }

  /**
   * The same reachability with the fewest edges: an edge a -> b is dropped when b is reachable from a
   * another way. Requires an acyclic graph. O(V * E / 64) time with bit sets; a vertex's reachable set is
   * dropped once its last predecessor has used it (and handed over to that predecessor instead of copied),
   * so a 100,000-step chain needs a few sets at a time, not 100,000 of 100,000 bits each.
   */
  public StepGraph transitiveReduction() {
    int[] order = topologicalOrder().orElseThrow(() -> new IllegalStateException("graph has a cycle"));
    int n = size();
    int[] position = new int[n];
    for (int i = 0; i < n; i++) {
      position[order[i]] = i;
    }
    int[] waiting = new int[n]; // predecessors that have not yet read the vertex's reachable set
    for (int i = 0; i < n; i++) {
      waiting[i] = predecessors[i].length;
    }
    BitSet[] reach = new BitSet[n];
    List<List<Integer>> keptPreds = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      keptPreds.add(new ArrayList<>(predecessors[i].length));
    }
    for (int k = n - 1; k >= 0; k--) {
      int v = order[k];
      int[] sorted = successors[v].clone();
      if (sorted.length > 1) {
        // nearest first in topological order: a later successor reachable from an earlier one is redundant
        sortBy(sorted, position);
      }
      BitSet r = null;
      for (int w : sorted) {
        boolean last = --waiting[w] == 0;
        if (r != null && r.get(w)) {
          if (last) {
            reach[w] = null;
          }
          continue;
        }
        keptPreds.get(w).add(v);
        if (r == null && last) {
          r = reach[w]; // v is the last reader: take the set over instead of copying it
        } else {
          if (r == null) {
            r = new BitSet();
          }
          r.or(reach[w]);
        }
        r.set(w);
        if (last) {
          reach[w] = null;
        }
      }
      reach[v] = r == null ? new BitSet() : r;
    }
    for (List<Integer> p : keptPreds) {
      p.sort(Integer::compare);
    }
    return fromPredecessors(ids, index, keptPreds);
  }

  /** Sorts vertex numbers by their value in {@code key} (insertion sort: successor lists are short). */
  private static void sortBy(int[] vertices, int[] key) {
    if (vertices.length > 32) {
      Integer[] boxed = Arrays.stream(vertices).boxed().toArray(Integer[]::new);
      Arrays.sort(boxed, (a, b) -> Integer.compare(key[a], key[b]));
      for (int i = 0; i < boxed.length; i++) {
        vertices[i] = boxed[i];
      }
      return;
    }
    for (int i = 1; i < vertices.length; i++) {
      int x = vertices[i];
      int j = i - 1;
      while (j >= 0 && key[vertices[j]] > key[x]) {
        vertices[j + 1] = vertices[j];
        j--;
      }
      vertices[j + 1] = x;
    }
  }

  /** Edges as [from, to] pairs, ordered by target then source. */
  public List<int[]> edges() {
    List<int[]> out = new ArrayList<>();
    for (int v = 0; v < size(); v++) {
      for (int u : predecessors[v]) {
        out.add(new int[] {u, v});
      }
    }
    return out;
  }

  /** The child step lists of a container, as graphs. */
  public static List<StepGraph> childGraphs(Step container) {
    return StepTree.childLists(container).stream().map(StepGraph::of).toList();
  }
}
