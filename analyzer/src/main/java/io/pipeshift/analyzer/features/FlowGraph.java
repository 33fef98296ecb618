package io.pipeshift.analyzer.features;

import io.pipeshift.graph.StepGraph;
import io.pipeshift.ir.CatchClause;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepTree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole pipeline as one graph over every step, nested ones included: the order in which steps can run.
 * core-model's {@link StepGraph} covers one step list; this joins the lists: a container (condition,
 * for-each) leads into the first steps of each of its lists ({@link EdgeKind#BRANCH}), the last steps of
 * those lists lead to whatever follows the container ({@link EdgeKind#REJOIN}), and a step that catches
 * errors leads to its handler ({@link EdgeKind#CATCH}). Rules ask it "does A run before B?"; the HTML report
 * draws it.
 */
public final class FlowGraph {

  /** Why one step leads to another. */
  public enum EdgeKind {
    /** {@code after} or a data reference in the same step list. */
    FLOW,
    /** From a container into the first steps of one of its lists. */
    BRANCH,
    /** From the last steps of a container's list to what follows the container. */
    REJOIN,
    /** From a step to the handler its catch clause names (an error path). */
    CATCH
  }

  public record Edge(String from, String to, EdgeKind kind) {}

  private final List<Step> steps;
  private final Map<String, Step> byId = new LinkedHashMap<>();
  private final Map<String, String> parent = new HashMap<>();
  private final Map<String, StepGraph> listGraphOf = new HashMap<>();
  private final Set<String> handlers = new LinkedHashSet<>();
  private final List<Edge> edges = new ArrayList<>();
  private final Map<String, List<Edge>> out = new HashMap<>();
  private final Map<String, List<Edge>> in = new HashMap<>();

  private FlowGraph(Pipeline pipeline) {
    this.steps = pipeline.allSteps();
    for (Step s : steps) {
      byId.putIfAbsent(s.id(), s);
    }
    index(pipeline.steps(), null);
    connect(pipeline.steps());
  }

  public static FlowGraph of(Pipeline pipeline) {
    return new FlowGraph(pipeline);
  }

  private void index(List<Step> list, String container) {
    StepGraph g = StepGraph.of(list);
    for (Step s : list) {
      listGraphOf.put(s.id(), g);
      if (container != null) {
        parent.put(s.id(), container);
      }
      for (CatchClause c : s.catches()) {
        handlers.add(c.handler());
      }
      for (List<Step> child : StepTree.childLists(s)) {
        index(child, s.id());
      }
    }
  }

  private void connect(List<Step> list) {
    StepGraph g = StepGraph.of(list);
    for (int[] e : g.edges()) {
      add(g.id(e[0]), g.id(e[1]), EdgeKind.FLOW);
    }
    for (Step s : list) {
      for (CatchClause c : s.catches()) {
        if (byId.containsKey(c.handler())) {
          add(s.id(), c.handler(), EdgeKind.CATCH);
        }
      }
    }
    for (Step s : list) {
      List<String> exits = exitsOf(s.id());
      for (List<Step> child : StepTree.childLists(s)) {
        if (child.isEmpty()) {
          continue;
        }
        StepGraph cg = StepGraph.of(child);
        for (int src : cg.sources()) {
          if (!handlers.contains(cg.id(src))) {
            add(s.id(), cg.id(src), EdgeKind.BRANCH);
          }
        }
        for (int sink : cg.sinks()) {
          for (String exit : exits) {
            add(cg.id(sink), exit, EdgeKind.REJOIN);
          }
        }
        connect(child);
      }
    }
  }

  /** What runs after a container finishes: its successors in its list, else its own container's. */
  private List<String> exitsOf(String id) {
    StepGraph g = listGraphOf.get(id);
    List<String> succ = g.successorIds(id);
    if (!succ.isEmpty()) {
      return succ;
    }
    String p = parent.get(id);
    return p == null ? List.of() : exitsOf(p);
  }

  private void add(String from, String to, EdgeKind kind) {
    if (from.equals(to)) {
      return;
    }
    for (Edge e : out.getOrDefault(from, List.of())) {
      if (e.to().equals(to)) {
        return;
      }
    }
    Edge e = new Edge(from, to, kind);
    edges.add(e);
    out.computeIfAbsent(from, k -> new ArrayList<>()).add(e);
    in.computeIfAbsent(to, k -> new ArrayList<>()).add(e);
  }

  /** Every step, nested ones included, in document order. */
  public List<Step> steps() {
    return steps;
  }

  public Optional<Step> step(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public List<Edge> edges() {
    return List.copyOf(edges);
  }

  public List<Edge> outgoing(String id) {
    return List.copyOf(out.getOrDefault(id, List.of()));
  }

  public List<Edge> incoming(String id) {
    return List.copyOf(in.getOrDefault(id, List.of()));
  }

  /** The container (condition or for-each) a step is directly inside, if any. */
  public Optional<Step> parent(String id) {
    return Optional.ofNullable(parent.get(id)).map(byId::get);
  }

  /** The containers a step is inside, innermost first. */
  public List<Step> enclosing(String id) {
    List<Step> out = new ArrayList<>();
    for (Optional<Step> p = parent(id); p.isPresent(); p = parent(p.get().id())) {
      out.add(p.get());
    }
    return out;
  }

  /** Steps that some catch clause names as its handler (reached only on an error path). */
  public Set<String> handlers() {
    return Set.copyOf(handlers);
  }

  /** Steps that can run after {@code id} in the same run, in breadth-first order ({@code id} excluded). */
  public Set<String> downstream(String id) {
    return walk(id, true, true);
  }

  /** Steps downstream of {@code id} on success paths only (catch edges not followed). */
  public Set<String> downstreamOnSuccess(String id) {
    return walk(id, true, false);
  }

  /** Steps that run before {@code id} ({@code id} excluded). */
  public Set<String> upstream(String id) {
    return walk(id, false, true);
  }

  public boolean runsBefore(String first, String second) {
    return downstream(first).contains(second);
  }

  private Set<String> walk(String start, boolean forward, boolean catches) {
    Set<String> seen = new LinkedHashSet<>();
    ArrayDeque<String> work = new ArrayDeque<>();
    work.add(start);
    while (!work.isEmpty()) {
      String v = work.poll();
      for (Edge e : (forward ? out : in).getOrDefault(v, List.of())) {
        if (!catches && e.kind() == EdgeKind.CATCH) {
          continue;
        }
        String w = forward ? e.to() : e.from();
        if (!w.equals(start) && seen.add(w)) {
          work.add(w);
        }
      }
    }
    return seen;
  }

  /**
   * A layer per step for drawing left to right: the longest path from a step without predecessors
   * (Kahn's algorithm, so deep pipelines need no deep recursion). Steps on a cycle, which a valid pipeline
   * does not have, are put after everything else.
   */
  public Map<String, Integer> layers() {
    Map<String, Integer> indegree = new HashMap<>();
    for (Step s : steps) {
      indegree.put(s.id(), in.getOrDefault(s.id(), List.of()).size());
    }
    Map<String, Integer> layer = new LinkedHashMap<>();
    ArrayDeque<String> ready = new ArrayDeque<>();
    for (Step s : steps) {
      layer.put(s.id(), 0);
      if (indegree.get(s.id()) == 0) {
        ready.add(s.id());
      }
    }
    Set<String> done = new HashSet<>();
    int max = 0;
    while (!ready.isEmpty()) {
      String v = ready.poll();
      done.add(v);
      max = Math.max(max, layer.get(v));
      for (Edge e : out.getOrDefault(v, List.of())) {
        layer.merge(e.to(), layer.get(v) + 1, Math::max);
        if (indegree.merge(e.to(), -1, Integer::sum) == 0) {
          ready.add(e.to());
        }
      }
    }
    for (Step s : steps) {
      if (!done.contains(s.id())) {
        layer.put(s.id(), max + 1);
      }
    }
    return layer;
  }
}
