package io.pipeshift.graph;

import io.pipeshift.ir.CatchClause;
import io.pipeshift.ir.Step;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits one step list into its normal path and its error paths. A catch handler is reached only when a
 * step it handles fails (see {@link CatchClause}); so are the steps that depend on a handler. The rule, in
 * one place for every target:
 *
 * <ul>
 *   <li>each handler starts its own error path (in the order the list first names it in a catch);
 *   <li>a step that depends on a handler, directly or not, belongs to that handler's path (to the first
 *       one when several handlers reach it);
 *   <li>every other step is on the normal path.
 * </ul>
 *
 * Dependencies that cross from one path into another cannot hold when the handler runs (a handler starts
 * when its step fails, whatever else has finished) and are listed in {@link #crossing()}.
 *
 * @param normal steps of the normal path, in list order
 * @param byHandler each handler's id with the steps of its path (handler first, then list order)
 * @param crossing dependencies {@code [from, to]} between different paths, which targets cannot keep
 */
public record ErrorPaths(List<Step> normal, Map<String, List<Step>> byHandler, List<List<String>> crossing) {

  public ErrorPaths {
    normal = List.copyOf(normal);
    Map<String, List<Step>> copy = new LinkedHashMap<>();
    byHandler.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    byHandler = java.util.Collections.unmodifiableMap(copy);
    crossing = List.copyOf(crossing);
  }

  /** True when the list has no catch handlers. */
  public boolean none() {
    return byHandler.isEmpty();
  }

  public static ErrorPaths of(List<Step> steps) {
    return of(steps, StepGraph.of(steps));
  }

  /** {@link #of(List)} with the list's graph already built ({@code StepGraph.of(steps)}). */
  public static ErrorPaths of(List<Step> steps, StepGraph graph) {
    if (graph.size() != steps.size()) {
      throw new IllegalArgumentException("the graph is not the graph of these steps");
    }
    Set<String> handlers = new LinkedHashSet<>();
    for (Step s : steps) {
      for (CatchClause c : s.catches()) {
        if (graph.contains(c.handler())) {
          handlers.add(c.handler());
        }
      }
    }
    if (handlers.isEmpty()) {
      return new ErrorPaths(steps, Map.of(), List.of());
    }
    int n = graph.size();
    int[] owner = new int[n];
    Arrays.fill(owner, -1);
    for (String h : handlers) {
      owner[graph.indexOf(h)] = graph.indexOf(h);
    }
    for (String h : handlers) {
      int start = graph.indexOf(h);
      ArrayDeque<Integer> work = new ArrayDeque<>();
      work.push(start);
      while (!work.isEmpty()) {
        int v = work.pop();
        for (int w : graph.successors(v)) {
          if (owner[w] == -1) {
            owner[w] = start;
            work.push(w);
          }
        }
      }
    }
    List<Step> normal = new ArrayList<>();
    Map<String, List<Step>> byHandler = new LinkedHashMap<>();
    handlers.forEach(h -> byHandler.put(h, new ArrayList<>()));
    for (String h : handlers) {
      byHandler.get(h).add(steps.get(graph.indexOf(h)));
    }
    for (int v = 0; v < n; v++) {
      if (owner[v] == -1) {
        normal.add(steps.get(v));
      } else if (owner[v] != v) {
        byHandler.get(graph.id(owner[v])).add(steps.get(v));
      }
    }
    List<List<String>> crossing = new ArrayList<>();
    for (int[] e : graph.edges()) {
      if (owner[e[0]] != owner[e[1]]) {
        crossing.add(List.of(graph.id(e[0]), graph.id(e[1])));
      }
    }
    return new ErrorPaths(normal, byHandler, crossing);
  }
}
