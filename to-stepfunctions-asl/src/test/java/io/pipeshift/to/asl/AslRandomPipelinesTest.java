package io.pipeshift.to.asl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipeshift.diag.Diagnostic;
import io.pipeshift.ir.CatchClause;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepKind;
import io.pipeshift.testing.RandomPipelines;
import io.pipeshift.validate.PipelineValidator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Property test over seeded random pipelines (core's {@link RandomPipelines}: random DAGs, so series-parallel
 * or not, with conditions, for-each, retries and catches): every emitted machine is well formed, keeps every
 * retry and catch, is accepted by asl-validator, and runs in aws-local-stepfunctions in an order that
 * respects every IR dependency; a catching step made to fail always reaches its handler. All machines go
 * through one validator process per batch of files and one Node process for all runs. A failure prints
 * the seed; rerun one with {@code -Dasl.seed=N}.
 */
class AslRandomPipelinesTest {

  static final int COUNT = Integer.getInteger("asl.random.count", 500);

  private record Case(long seed, Pipeline pipeline, AslWriter.Output output, Map<String, Object> machine) {}

  private static RandomPipelines.Shape shape(long seed) {
    Set<StepKind> kinds = EnumSet.of(StepKind.BASH, StepKind.PYTHON, StepKind.LAMBDA, StepKind.GLUE,
        StepKind.TRAINING, StepKind.PROCESSING, StepKind.SNS);
    int size = seed % 3 == 0 ? 30 : seed % 3 == 1 ? 14 : 8;
    double edges = seed % 4 == 0 ? 0.15 : seed % 4 == 1 ? 0.3 : seed % 4 == 2 ? 0.5 : 0.7;
    return new RandomPipelines.Shape(size, kinds, true, true, true, true, edges);
  }

  private static List<Case> cached;

  private static synchronized List<Case> cases() {
    if (cached == null) {
      cached = generate();
    }
    return cached;
  }

  private static List<Case> generate() {
    List<Case> out = new ArrayList<>();
    Long only = Long.getLong("asl.seed");
    for (long seed = 1; seed <= COUNT; seed++) {
      if (only != null && seed != only) {
        continue;
      }
      Pipeline p = RandomPipelines.generate(seed, shape(seed));
      List<Diagnostic> diagnostics = new PipelineValidator().validate(p, "random-" + seed);
      if (PipelineValidator.hasErrors(diagnostics)) {
        fail("seed " + seed + ": the generator made an invalid pipeline: " + diagnostics);
      }
      AslWriter.Output o = AslWriter.emit(p);
      out.add(new Case(seed, p, o, AslStates.parse(o.translation().artifact().main())));
    }
    return out;
  }

  @Test
  void randomPipelinesBecomeValidMachinesThatRunInIrOrder() {
    List<Case> cases = cases();
    int notSeriesParallel = 0;
    int withCatches = 0;
    int withConditions = 0;
    int withForEach = 0;
    for (Case c : cases) {
      String why = "seed " + c.seed();
      assertEquals(List.of(), AslStructure.check(c.machine()), why);
      assertEquals(List.of(), AslStructure.retriesKept(c.pipeline(), c.machine(), c.output().stepStates()), why);
      assertEquals(List.of(), AslStructure.catchesKept(c.pipeline(), c.machine(), c.output().stepStates()), why);
      if (c.output().translation().notes().stream().anyMatch(n -> n.code().equals(AslNote.SYNC_EDGE_ADDED.code()))) {
        notSeriesParallel++;
      }
      List<Step> all = c.pipeline().allSteps();
      withCatches += all.stream().anyMatch(s -> !s.catches().isEmpty()) ? 1 : 0;
      withConditions += all.stream().anyMatch(s -> s.kind() == StepKind.CONDITION) ? 1 : 0;
      withForEach += all.stream().anyMatch(s -> s.kind() == StepKind.FOR_EACH) ? 1 : 0;
    }

    Map<String, String> definitions = new LinkedHashMap<>();
    cases.forEach(c -> definitions.put("seed " + c.seed(), c.output().translation().artifact().main()));
    Map<String, String> verdicts = AslOracles.validate(definitions);
    verdicts.forEach((name, errors) -> assertEquals("", errors, name + " rejected by asl-validator"));

    List<AslOracles.Run> runs = new ArrayList<>();
    for (Case c : cases) {
      runs.add(new AslOracles.Run("seed " + c.seed(), c.machine(), Map.of(), Map.of(),
          FakeResults.of(c.machine(), c.output().translation().artifact().main())));
    }
    List<JsonNode> results = AslOracles.run(runs);
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      IrExpectations expect = new IrExpectations(c.pipeline(), c.output().stepStates(), c.machine());
      assertEquals(List.of(), expect.checkNormalRun(results.get(i)), "seed " + c.seed() + ": " + results.get(i));
    }

    if (Long.getLong("asl.seed") == null) {
      assertTrue(cases.size() >= 500, "at least 500 random pipelines");
      assertTrue(notSeriesParallel > 50, "only " + notSeriesParallel + " pipelines needed a synchronisation edge");
      assertTrue(notSeriesParallel < cases.size() - 50, "too few series-parallel pipelines");
      assertTrue(withCatches > 50 && withConditions > 50 && withForEach > 50,
          withCatches + " with catches, " + withConditions + " with conditions, " + withForEach + " with for-each");
    }
  }

  /** In each random pipeline with a catch on the top-level normal path, that step always fails. */
  @Test
  void aFailingCatchingStepAlwaysReachesItsHandlerAndNothingAfterItRuns() {
    List<Case> cases = cases();
    List<Case> chosen = new ArrayList<>();
    List<Step> failing = new ArrayList<>();
    List<AslOracles.Run> runs = new ArrayList<>();
    for (Case c : cases) {
      IrExpectations expect = new IrExpectations(c.pipeline(), c.output().stepStates(), c.machine());
      if (expect.endsFailed()) {
        continue; // a fail step on the taken path may end the run before the chosen step runs
      }
      Step s = c.pipeline().steps().stream()
          .filter(x -> !x.catches().isEmpty() && expect.taskBacked().contains(x.id()) && !expect.onErrorPath(x.id()))
          .findFirst().orElse(null);
      if (s == null) {
        continue;
      }
      chosen.add(c);
      failing.add(s);
      runs.add(new AslOracles.Run("seed " + c.seed(), c.machine(), Map.of(),
          Map.of(c.output().stepStates().get(s.id()), Map.of("always", true, "error", "States.TaskFailed")),
          FakeResults.of(c.machine(), c.output().translation().artifact().main())));
    }
    List<JsonNode> results = AslOracles.run(runs);
    int reached = 0;
    for (int i = 0; i < chosen.size(); i++) {
      Case c = chosen.get(i);
      Step s = failing.get(i);
      JsonNode r = results.get(i);
      String why = "seed " + c.seed() + ", failing " + s.id() + ": " + r;
      IrExpectations expect = new IrExpectations(c.pipeline(), c.output().stepStates(), c.machine());
      Map<String, Integer> calls = IrExpectations.counts(r);
      if (!calls.containsKey(c.output().stepStates().get(s.id()))) {
        fail(why + ": the failing step never ran");
      }
      int attempts = 1 + c.pipeline().retryOf(s).map(x -> x.retries()).orElse(0);
      assertEquals(attempts, calls.get(c.output().stepStates().get(s.id())), why);
      CatchClause clause = s.catches().get(0);
      if (expect.taskBacked().contains(clause.handler())) {
        assertEquals(1, calls.getOrDefault(c.output().stepStates().get(clause.handler()), 0), why);
        reached++;
      }
      for (String after : expect.reachable(s.id())) {
        assertEquals(0, calls.getOrDefault(c.output().stepStates().get(after), 0), why + " ran " + after);
      }
      assertEquals(List.of(), expect.checkOrder(r, Set.of()), why);
    }
    assertTrue(Long.getLong("asl.seed") != null || reached > 50, "only " + reached + " handlers reached");
  }
}
