package io.pipeshift.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeriesParallelDecompositionTest {

  private static StepGraph graph(String ids, String edges) {
    List<String> names = Arrays.asList(ids.split(" "));
    List<int[]> list = new ArrayList<>();
    for (String e : edges.isBlank() ? new String[0] : edges.split(",")) {
      String[] ft = e.trim().split("->");
      list.add(new int[] {names.indexOf(ft[0].trim()), names.indexOf(ft[1].trim())});
    }
    return StepGraph.of(names, list);
  }

  private static String shape(StepGraph g) {
    return SeriesParallelDecomposition.decompose(g).tree().render(g);
  }

  @Test
  void aSingleStepIsItself() {
    assertEquals("a", shape(graph("a", "")));
  }

  @Test
  void independentStepsRunInParallelInDeclarationOrder() {
    assertEquals("par(a, b, c)", shape(graph("a b c", "")));
  }

  @Test
  void aChainIsOneSequence() {
    assertEquals("seq(a, b, c, d)", shape(graph("a b c d", "a->b, b->c, c->d")));
  }

  @Test
  void redundantEdgesChangeNothing() {
    StepGraph g = graph("a b c d", "a->b, b->c, c->d, a->c, b->d, a->d");
    SeriesParallelDecomposition.Result r = SeriesParallelDecomposition.decompose(g);
    assertEquals("seq(a, b, c, d)", r.tree().render(g));
    assertTrue(r.exact());
  }

  @Test
  void fanOutAndFanInNest() {
    assertEquals("seq(a, par(seq(b, d), c), e)", shape(graph("a b c d e", "a->b, a->c, b->d, d->e, c->e")));
  }

  @Test
  void completeBipartiteJoinIsTwoGroupsInSequence() {
    assertEquals("seq(par(a, b), par(c, d))", shape(graph("a b c d", "a->c, a->d, b->c, b->d")));
  }

  @Test
  void theNShapeGetsOneSynchronisationEdge() {
    StepGraph g = graph("a b c d", "a->c, a->d, b->d");
    SeriesParallelDecomposition.Result r = SeriesParallelDecomposition.decompose(g);
    assertEquals("seq(par(a, b), par(c, d))", r.tree().render(g));
    assertEquals(List.of("b -> c"), r.added().stream().map(e -> e.render(g)).toList());
  }

  @Test
  void nestedNShapeIsFixedInsideItsBranchOnly() {
    // x runs alone in parallel with an N; the N's fix must not touch x.
    StepGraph g = graph("a b c d x", "a->c, a->d, b->d");
    SeriesParallelDecomposition.Result r = SeriesParallelDecomposition.decompose(g);
    assertEquals("par(seq(par(a, b), par(c, d)), x)", r.tree().render(g));
    assertEquals(1, r.added().size());
  }

  @Test
  void cyclesAndEmptyGraphsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> SeriesParallelDecomposition.decompose(graph("a b", "a->b, b->a")));
    assertThrows(IllegalArgumentException.class, () -> SeriesParallelDecomposition.decompose(StepGraph.of(List.of(), List.of())));
  }

  @Test
  void theCatalogueListsThePass() {
    assertEquals("series-parallel", GraphPasses.SERIES_PARALLEL.name());
    StepGraph g = graph("a b", "a->b");
    assertEquals("seq(a, b)", GraphPasses.SERIES_PARALLEL.apply(g).tree().render(g));
  }

  /** Property: a series-parallel order (with redundant edges, shuffled ids) comes back exactly. */
  @Test
  void seriesParallelOrdersAreRecoveredExactlyWithNothingAdded() {
    for (long seed = 1; seed <= 600; seed++) {
      Random random = new Random(seed);
      int n = 1 + random.nextInt(40);
      SeriesParallelGraphs.Generated gen = SeriesParallelGraphs.randomSeriesParallel(random, n, random.nextDouble() * 0.6);
      SeriesParallelDecomposition.Result r = SeriesParallelDecomposition.decompose(gen.graph());
      String why = "seed " + seed + ": " + gen.expected().render(gen.graph());
      assertTrue(r.exact(), why + " added " + r.added());
      assertEquals(gen.expected(), r.tree(), why);
    }
  }

  /**
   * Property: on any DAG, the tree holds every node once, and its order is exactly the graph's order plus
   * the added edges; no added edge was already implied.
   */
  @Test
  void anyDagGetsATreeWhoseOrderIsTheGraphPlusTheAddedEdges() {
    for (long seed = 1; seed <= 800; seed++) {
      Random random = new Random(seed);
      int n = 1 + random.nextInt(14);
      StepGraph g = SeriesParallelGraphs.randomDag(random, n, random.nextDouble() * 0.5);
      SeriesParallelDecomposition.Result r = SeriesParallelDecomposition.decompose(g);
      String why = "seed " + seed;
      assertTrue(SeriesParallelGraphs.coversOnce(r.tree(), n), why);
      BitSet[] tree = SeriesParallelGraphs.treeOrder(r.tree(), n);
      BitSet[] closed = SeriesParallelGraphs.closure(g, r.added());
      BitSet[] original = SeriesParallelGraphs.closure(g, List.of());
      for (int v = 0; v < n; v++) {
        assertEquals(closed[v], tree[v], why + " order of " + g.id(v));
      }
      for (SyncEdge e : r.added()) {
        assertFalse(original[e.from()].get(e.to()), why + " added an implied edge " + e.render(g));
      }
    }
  }

  /** The large-block path (all cuts from one sweep) keeps the same guarantees; a tiny threshold forces it. */
  @Test
  void largeBlockCutsKeepTheOrderToo() {
    SeriesParallelDecomposition pass = new SeriesParallelDecomposition(new SeriesParallelDecomposition.Config(3, 3));
    for (long seed = 1; seed <= 500; seed++) {
      Random random = new Random(seed);
      int n = 2 + random.nextInt(16);
      StepGraph g = SeriesParallelGraphs.randomDag(random, n, 0.1 + random.nextDouble() * 0.4);
      SeriesParallelDecomposition.Result r = pass.apply(g);
      String why = "seed " + seed;
      assertTrue(SeriesParallelGraphs.coversOnce(r.tree(), n), why);
      BitSet[] tree = SeriesParallelGraphs.treeOrder(r.tree(), n);
      BitSet[] closed = SeriesParallelGraphs.closure(g, r.added());
      BitSet[] original = SeriesParallelGraphs.closure(g, List.of());
      for (int v = 0; v < n; v++) {
        assertEquals(closed[v], tree[v], why + " order of " + g.id(v));
      }
      for (SyncEdge e : r.added()) {
        assertFalse(original[e.from()].get(e.to()), why + " added an implied edge " + e.render(g));
      }
      // series-parallel inputs stay exact on this path as well
      SeriesParallelGraphs.Generated sp = SeriesParallelGraphs.randomSeriesParallel(random, n, 0.3);
      SeriesParallelDecomposition.Result exact = pass.apply(sp.graph());
      assertTrue(exact.exact(), why);
      assertEquals(sp.expected(), exact.tree(), why);
    }
  }

  @Test
  void theSameGraphAlwaysGivesTheSameResult() {
    StepGraph g = SeriesParallelGraphs.randomDag(new Random(7), 40, 0.15);
    SeriesParallelDecomposition.Result a = SeriesParallelDecomposition.decompose(g);
    SeriesParallelDecomposition.Result b = SeriesParallelDecomposition.decompose(g);
    assertEquals(a.tree().render(g), b.tree().render(g));
    assertEquals(a.added(), b.added());
  }

  // ---- 100,000-step graphs: they must complete and keep every edge (timing lives in the benchmark) ----

  private static final int LARGE = 100_000;

  private static void assertKeepsEveryEdge(StepGraph g, SeriesParallelDecomposition.Result r) {
    assertTrue(SeriesParallelGraphs.coversOnce(r.tree(), g.size()));
    List<String> broken = SeriesParallelGraphs.brokenEdges(g, r.tree());
    assertTrue(broken.isEmpty(), "broken edges: " + broken.subList(0, Math.min(5, broken.size())));
  }

  @Test
  void largeRandomSeriesParallelGraphIsExact() {
    Random random = new Random(100_000);
    SeriesParallelGraphs.Generated gen = SeriesParallelGraphs.randomSeriesParallel(random, LARGE, 0.0);
    SeriesParallelDecomposition.Result r = SeriesParallelDecomposition.decompose(gen.graph());
    assertTrue(r.exact());
    assertEquals(gen.expected().render(gen.graph()), r.tree().render(gen.graph()));
  }

  @Test
  void largeSeriesParallelGraphWithRedundantEdgesIsExact() {
    Random random = new Random(100_001);
    SeriesParallelGraphs.Generated gen = SeriesParallelGraphs.randomSeriesParallel(random, LARGE, 0.2);
    SeriesParallelDecomposition.Result r = SeriesParallelDecomposition.decompose(gen.graph());
    assertTrue(r.exact());
    assertKeepsEveryEdge(gen.graph(), r);
  }

  @Test
  void largeChainWideFanAndDeepLadderComplete() {
    List<int[]> chain = new ArrayList<>();
    for (int i = 1; i < LARGE; i++) {
      chain.add(new int[] {i - 1, i});
    }
    StepGraph c = StepGraph.of(SeriesParallelGraphs.ids(LARGE), chain);
    assertTrue(SeriesParallelDecomposition.decompose(c).exact());

    List<int[]> fan = new ArrayList<>();
    for (int i = 1; i < LARGE - 1; i++) {
      fan.add(new int[] {0, i});
      fan.add(new int[] {i, LARGE - 1});
    }
    StepGraph f = StepGraph.of(SeriesParallelGraphs.ids(LARGE), fan);
    SeriesParallelDecomposition.Result rf = SeriesParallelDecomposition.decompose(f);
    assertTrue(rf.exact());
    assertEquals(2, rf.tree().depth());

    StepGraph ladder = SeriesParallelGraphs.ladder(LARGE / 2, false);
    SeriesParallelDecomposition.Result rl = SeriesParallelDecomposition.decompose(ladder);
    assertTrue(rl.exact());
    assertEquals(LARGE, rl.tree().depth());
    assertKeepsEveryEdge(ladder, rl);
  }

  @Test
  void largeTangledDagCompletesAndKeepsEveryEdge() {
    StepGraph g = SeriesParallelGraphs.randomLocalDag(new Random(100_002), LARGE, 12, 2);
    SeriesParallelDecomposition.Result r = SeriesParallelDecomposition.decompose(g);
    assertFalse(r.exact());
    assertKeepsEveryEdge(g, r);
  }
}
