package io.pipeshift.to.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.pipeshift.diag.Diagnostic;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.graph.StepGraph;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepKind;
import io.pipeshift.validate.PipelineValidator;
import io.pipeshift.yaml.PipelineWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Property tests (seeded {@link java.util.Random}; the seed is in every failure message): random pipelines
 * of SageMaker-native steps emit definitions whose DependsOn / IfSteps / ElseSteps / reference graph means
 * the same as the IR graph.
 */
class PlacementPropertyTest {

  static final int RUNS = 300;

  /** Without control steps the SageMaker edges are exactly the IR edges (after + references). */
  @Test
  void dependencyGraphEqualsTheIrGraph() {
    for (long seed = 1; seed <= RUNS; seed++) {
      Pipeline p = RandomNativePipelines.generate(seed, false);
      valid(p, seed);
      SageMakerDefinition d = new SageMakerWriter().write(p).artifact();
      Set<String> ir = new TreeSet<>();
      StepGraph g = StepGraph.of(p.steps());
      for (int[] e : g.edges()) {
        ir.add(g.id(e[0]) + " -> " + g.id(e[1]));
      }
      Set<String> sm = new TreeSet<>();
      Map<String, String> idOf = new HashMap<>();
      d.stepNames().forEach((id, names) -> names.forEach(n -> idOf.put(n, id)));
      for (Object o : (List<?>) d.definition().get("Steps")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> step = (Map<String, Object>) o;
        String to = idOf.get((String) step.get("Name"));
        Set<String> from = new TreeSet<>();
        Object dependsOn = step.get("DependsOn");
        if (dependsOn != null) {
          Fixtures.list(dependsOn).forEach(x -> from.add((String) x));
        }
        Semantics.references(step.get("Arguments"), from);
        for (String f : from) {
          if (!idOf.get(f).equals(to)) {
            sm.add(idOf.get(f) + " -> " + to);
          }
        }
      }
      assertEquals(ir, sm, "seed " + seed + "\n" + new PipelineWriter().write(p));
    }
  }

  /**
   * With conditions (n-ary, nested, rejoins), fail steps and for-each loops: for assignments of the
   * parameters the conditions test (all "no", all "yes" and four drawn with the seed), the same steps run, as often, in the same order. Pipelines whose
   * rejoin was approximated (SM203) are exempt and must stay rare; where a condition was made to wait for
   * another (SM204) a successful run keeps its steps and gains only ordering, and a failing run may start
   * fewer steps next to the failing branch.
   */
  @Test
  void everyRunBehavesLikeTheIr() {
    int approximated = 0;
    int serialised = 0;
    for (long seed = 1; seed <= RUNS; seed++) {
      Pipeline p = RandomNativePipelines.generate(seed, true);
      valid(p, seed);
      Translation<SageMakerDefinition> t;
      try {
        t = new SageMakerWriter().write(p);
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + "\n" + new PipelineWriter().write(p), e);
      }
      if (has(t, SageMakerNote.REJOIN_APPROXIMATED)) {
        approximated++;
        continue;
      }
      boolean relaxed = has(t, SageMakerNote.REJOIN_SERIALISED);
      if (relaxed) {
        serialised++;
      }
      Set<String> fails = new TreeSet<>();
      p.allSteps().stream().filter(s -> s.kind() == StepKind.FAIL).forEach(s -> fails.add(s.id()));
      // all-no, all-yes and four more assignments drawn with the seed (all 16 would triple the run time)
      java.util.Random draw = new java.util.Random(seed);
      int all = (1 << RandomNativePipelines.PARAMETERS) - 1;
      List<Integer> assignments = new java.util.ArrayList<>(List.of(0, all));
      for (int k = 0; k < 4; k++) {
        assignments.add(draw.nextInt(all + 1));
      }
      for (int bits : assignments) {
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < RandomNativePipelines.PARAMETERS; i++) {
          params.put("P" + i, (bits & (1 << i)) != 0 ? "yes" : "no");
        }
        Semantics.Run ir = Semantics.ir(p, params);
        Semantics.Run sm;
        try {
          sm = Semantics.sageMaker(t.artifact(), params);
        } catch (AssertionError e) {
          throw new AssertionError("seed " + seed + " " + e.getMessage() + "\n" + new PipelineWriter().write(p)
              + "\n" + t.artifact().json(), e);
        }
        boolean ok;
        if (!relaxed) {
          ok = ir.equals(sm);
        } else if (ir.counts().keySet().stream().noneMatch(fails::contains)) {
          ok = ir.counts().equals(sm.counts()) && sm.before().containsAll(ir.before());
        } else {
          ok = sm.counts().entrySet().stream().allMatch(e -> e.getValue() <= ir.counts().getOrDefault(e.getKey(), 0));
        }
        if (!ok) {
          fail("seed " + seed + ", parameters " + params + (relaxed ? " (serialised)" : "") + "\nIR:        " + ir
              + "\nSageMaker: " + sm + "\n" + new PipelineWriter().write(p) + "\n" + t.artifact().json());
        }
      }
    }
    assertTrue(approximated * 10 < RUNS, "too many approximated rejoins: " + approximated + " of " + RUNS);
    assertTrue(serialised * 4 < RUNS, "too many serialised conditions: " + serialised + " of " + RUNS);
  }

  private static boolean has(Translation<?> t, SageMakerNote note) {
    return t.notes().stream().anyMatch(n -> n.code().equals(note.code()));
  }

  private static void valid(Pipeline p, long seed) {
    List<Diagnostic> d = new PipelineValidator().validate(p, "random-" + seed);
    if (PipelineValidator.hasErrors(d)) {
      fail("generator made an invalid pipeline (seed " + seed + "): " + d + "\n" + new PipelineWriter().write(p));
    }
  }

  @SuppressWarnings("unused")
  private static String ids(List<Step> steps) {
    return steps.stream().map(Step::id).toList().toString();
  }
}
