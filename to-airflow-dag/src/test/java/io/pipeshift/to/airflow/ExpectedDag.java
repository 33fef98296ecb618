package io.pipeshift.to.airflow;

import io.pipeshift.graph.StepGraph;
import io.pipeshift.ir.CatchClause;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.RetryPolicy;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.ForEachSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Airflow graph a pipeline should become, derived from the IR with the documented rules only (the
 * writer's naming maps give the ids): a task per step; a condition adds its join; a for-each is a task group
 * whose roots and leaves Airflow computes from the edges inside it, fed by an items task when the items come
 * from the run; edges are the transitive reduction of each step list, catch edges, and branch/join edges.
 */
final class ExpectedDag {

  record Task(Set<String> upstream, int retries, Optional<Double> retryDelaySeconds, String triggerRule) {}

  final Map<String, Set<String>> upstream = new TreeMap<>();
  final Map<String, Integer> retries = new TreeMap<>();
  final Map<String, Double> delay = new TreeMap<>();
  final Map<String, String> rule = new TreeMap<>();

  private final Pipeline pipeline;
  private final Map<String, String> taskIds;
  private final Map<String, String> joinIds;
  private final Map<String, String> itemsIds;
  private final Map<String, String> groupIds;
  private final Set<String> handlers = new HashSet<>();

  ExpectedDag(Pipeline pipeline, AirflowWriter writer) {
    this.pipeline = pipeline;
    this.taskIds = writer.taskIds();
    this.joinIds = writer.joinIds();
    this.itemsIds = writer.itemsIds();
    this.groupIds = writer.groupIds();
    pipeline.allSteps().forEach(s -> s.catches().forEach(c -> handlers.add(c.handler())));
    build(pipeline.steps());
  }

  private boolean isGroup(Step s) {
    return s.spec() instanceof ForEachSpec && groupIds.containsKey(s.id());
  }

  private void node(String id, Optional<RetryPolicy> retry, String triggerRule) {
    upstream.putIfAbsent(id, new TreeSet<>());
    int n = retry.map(RetryPolicy::retries).orElse(0);
    retries.put(id, n);
    if (n > 0) {
      delay.put(id, retry.get().interval().toMillis() / 1000.0);
    }
    rule.put(id, triggerRule);
  }

  private void edge(List<String> from, List<String> to) {
    for (String t : to) {
      upstream.computeIfAbsent(t, k -> new TreeSet<>()).addAll(from);
    }
  }

  /** First steps of a for-each body without items task take the for-each's trigger rule. */
  private final Map<String, String> inherited = new TreeMap<>();

  private void build(List<Step> steps) {
    Set<String> afterCaughtGroup = new HashSet<>();
    StepGraph reduced = StepGraph.of(steps).transitiveReduction();
    for (int[] e : reduced.edges()) {
      if (isGroup(steps.get(e[0])) && AirflowWriter.hasLeafHandler(steps.get(e[0]))) {
        afterCaughtGroup.add(steps.get(e[1]).id());
      }
    }
    for (Step s : steps) {
      String rule = handlers.contains(s.id()) ? "one_failed"
          : afterCaughtGroup.contains(s.id()) ? "none_failed_min_one_success"
          : inherited.getOrDefault(s.id(), "all_success");
      if (isGroup(s)) {
        if (itemsIds.containsKey(s.id())) {
          node(itemsIds.get(s.id()), Optional.empty(), rule);
        } else if (!rule.equals("all_success")) {
          for (Step r : AirflowWriter.roots(((ForEachSpec) s.spec()).steps())) {
            inherited.put(r.id(), rule);
          }
        }
        build(((ForEachSpec) s.spec()).steps());
        if (itemsIds.containsKey(s.id())) {
          // the items feed the group's roots, and (as data) every body task that reads the item
          edge(List.of(itemsIds.get(s.id())), groupRoots(s));
          for (Step body : io.pipeshift.ir.StepTree.flatten(((ForEachSpec) s.spec()).steps())) {
            if (io.pipeshift.ir.References.ownValues(body).stream().anyMatch(AirflowValues::containsItem)) {
              edge(List.of(itemsIds.get(s.id())), List.of(taskIds.get(body.id())));
            }
          }
        }
        continue;
      }
      node(taskIds.get(s.id()), pipeline.retryOf(s), rule);
      if (s.spec() instanceof ConditionSpec c) {
        node(joinIds.get(s.id()), Optional.empty(), "none_failed_min_one_success");
        List<List<Step>> arms = new ArrayList<>();
        c.branches().forEach(b -> arms.add(b.steps()));
        arms.add(c.otherwise());
        for (List<Step> arm : arms) {
          if (arm.isEmpty()) {
            edge(List.of(taskIds.get(s.id())), List.of(joinIds.get(s.id())));
            continue;
          }
          build(arm);
          for (Step r : AirflowWriter.roots(arm)) {
            edge(List.of(taskIds.get(s.id())), entries(r));
          }
          StepGraph g = StepGraph.of(arm);
          for (int l : g.sinks()) {
            edge(exits(arm.get(l)), List.of(joinIds.get(s.id())));
          }
        }
      }
    }
    StepGraph g = StepGraph.of(steps).transitiveReduction();
    for (int[] e : g.edges()) {
      edge(exits(steps.get(e[0])), entries(steps.get(e[1])));
    }
    Map<String, Step> byId = new TreeMap<>();
    steps.forEach(s -> byId.put(s.id(), s));
    for (Step s : steps) {
      for (CatchClause c : s.catches()) {
        edge(exits(s), entries(byId.get(c.handler())));
      }
    }
  }

  private List<String> entries(Step s) {
    if (isGroup(s)) {
      return itemsIds.containsKey(s.id()) ? List.of(itemsIds.get(s.id())) : groupRoots(s);
    }
    return List.of(taskIds.get(s.id()));
  }

  private List<String> exits(Step s) {
    if (s.spec() instanceof ConditionSpec) {
      return List.of(joinIds.get(s.id()));
    }
    if (isGroup(s)) {
      return groupLeaves(s);
    }
    return List.of(taskIds.get(s.id()));
  }

  private Set<String> members(Step group) {
    String prefix = groupIds.get(group.id()) + ".";
    Set<String> out = new TreeSet<>();
    upstream.keySet().stream().filter(id -> id.startsWith(prefix)).forEach(out::add);
    return out;
  }

  /** Airflow's group roots: tasks of the group with no upstream inside it. */
  private List<String> groupRoots(Step group) {
    Set<String> m = members(group);
    return m.stream().filter(t -> upstream.get(t).stream().noneMatch(m::contains)).toList();
  }

  /** Airflow's group leaves: tasks of the group with no downstream inside it. */
  private List<String> groupLeaves(Step group) {
    Set<String> m = members(group);
    Set<String> hasDownstream = new HashSet<>();
    for (String t : m) {
      upstream.get(t).stream().filter(m::contains).forEach(hasDownstream::add);
    }
    return m.stream().filter(t -> !hasDownstream.contains(t)).toList();
  }
}
