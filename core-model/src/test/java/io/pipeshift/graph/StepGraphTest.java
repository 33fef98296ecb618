package io.pipeshift.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepGraphTest {

  private static StepGraph graph(int n, int[]... edges) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add("s" + i);
    }
    return StepGraph.of(ids, List.of(edges));
  }

  @Test
  void topologicalOrderKeepsDeclarationOrderAmongReadySteps() {
    StepGraph g = graph(4, new int[] {2, 1}, new int[] {0, 3});
    assertEquals(List.of("s0", "s2", "s1", "s3"), g.topologicalIds().orElseThrow());
  }

  @Test
  void aCycleIsFoundAndPrintedClosed() {
    StepGraph g = graph(3, new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 0});
    assertTrue(g.topologicalOrder().isEmpty());
    List<String> cycle = g.findCycle().orElseThrow();
    assertEquals(cycle.get(0), cycle.get(cycle.size() - 1));
    assertEquals(4, cycle.size());
  }

  @Test
  void transitiveReductionDropsShortcutsOnly() {
    StepGraph g = graph(3, new int[] {0, 1}, new int[] {1, 2}, new int[] {0, 2});
    StepGraph r = g.transitiveReduction();
    assertEquals(2, r.edgeCount());
    assertFalse(r.successorIds("s0").contains("s2"));
    assertTrue(r.reaches(0, 2));
  }

  @Test
  void transitiveReductionKeepsExactlyTheEdgesWithNoOtherPathOnRandomDags() {
    java.util.Random random = new java.util.Random(7);
    for (int round = 0; round < 300; round++) {
      int n = 2 + random.nextInt(25);
      List<int[]> edges = new ArrayList<>();
      for (int a = 0; a < n; a++) {
        for (int b = a + 1; b < n; b++) {
          if (random.nextInt(4) == 0) {
            edges.add(random.nextBoolean() ? new int[] {a, b} : new int[] {n - 1 - b, n - 1 - a});
          }
        }
      }
      StepGraph g = graph(n, edges.toArray(int[][]::new));
      StepGraph r = g.transitiveReduction();
      for (int[] e : g.edges()) {
        boolean otherPath = false;
        for (int s : g.successors(e[0])) {
          otherPath |= s != e[1] && g.reaches(s, e[1]);
        }
        assertEquals(!otherPath, r.successorIds("s" + e[0]).contains("s" + e[1]), "edge " + e[0] + "->" + e[1]);
      }
      for (int a = 0; a < n; a++) {
        assertEquals(g.descendants(a), r.descendants(a), "reachability from s" + a);
      }
    }
  }

  @Test
  void reachabilityFollowsEdgesForwardAndBackward() {
    StepGraph g = graph(4, new int[] {0, 1}, new int[] {1, 2});
    assertTrue(g.reaches(0, 2));
    assertFalse(g.reaches(2, 0));
    assertFalse(g.reaches(0, 3));
    assertEquals(2, g.ancestors(2).cardinality());
  }

  @Test
  void aLongChainIsHandledWithoutRecursion() {
    int n = 100_000;
    List<int[]> edges = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      edges.add(new int[] {i - 1, i});
    }
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add("s" + i);
    }
    StepGraph g = StepGraph.of(ids, edges);
    assertTrue(g.findCycle().isEmpty());
    assertEquals(n, g.topologicalOrder().orElseThrow().length);
    assertTrue(g.reaches(0, n - 1));
  }
}
