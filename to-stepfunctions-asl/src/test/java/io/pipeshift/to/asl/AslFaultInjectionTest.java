package io.pipeshift.to.asl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipeshift.ir.CatchClause;
import io.pipeshift.ir.ErrorClass;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.RetryPolicy;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.FailSpec;
import io.pipeshift.ir.kinds.LambdaSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Failures injected into the local runs: retries count exactly, catches go where the IR says. */
class AslFaultInjectionTest {

  private static Step lambda(String id, String... after) {
    return Step.of(id, new LambdaSpec("arn:aws:lambda:us-east-1:123456789012:function:" + id, Map.of(), List.of()))
        .withAfter(List.of(after));
  }

  private static RetryPolicy retries(int n, ErrorClass... errors) {
    return new RetryPolicy(n, Duration.ofSeconds(1), 2.0, Optional.empty(), RetryPolicy.Jitter.NONE, List.of(errors));
  }

  private record Case(Pipeline pipeline, AslWriter.Output output, Map<String, Object> machine) {
    String state(String step) {
      return output.stepStates().get(step);
    }
  }

  private static Case emit(Pipeline p) {
    AslWriter.Output o = AslWriter.emit(p);
    return new Case(p, o, AslStates.parse(o.translation().artifact().main()));
  }

  private static AslOracles.Run run(String id, Case c, Map<String, Object> fail) {
    return new AslOracles.Run(id, c.machine(), Map.of(), fail,
        FakeResults.of(c.machine(), c.output().translation().artifact().main()));
  }

  private static Map<String, Object> times(int n, String error) {
    return Map.of("times", n, "error", error);
  }

  private static Map<String, Object> always(String error) {
    return Map.of("always", true, "error", error);
  }

  @Test
  void aStepThatFailsTwiceThenSucceedsWithTwoRetriesSucceedsOnItsThirdCall() {
    Case single = emit(Pipeline.of("retry-twice", List.of(lambda("flaky").withRetry(Optional.of(retries(2, ErrorClass.ALL))))));
    Case inParallel = emit(Pipeline.of("retry-in-branch", List.of(lambda("a"),
        lambda("flaky", "a").withRetry(Optional.of(retries(2, ErrorClass.TASK_FAILED))), lambda("other", "a"),
        lambda("z", "flaky", "other"))));
    Case exhausted = emit(Pipeline.of("retry-exhausted", List.of(lambda("flaky").withRetry(Optional.of(retries(2, ErrorClass.ALL))))));
    List<JsonNode> r = AslOracles.run(List.of(
        run("single", single, Map.of(single.state("flaky"), times(2, "States.TaskFailed"))),
        run("branch", inParallel, Map.of(inParallel.state("flaky"), times(2, "States.TaskFailed"))),
        run("exhausted", exhausted, Map.of(exhausted.state("flaky"), times(3, "States.TaskFailed")))));
    assertEquals("SUCCEEDED", r.get(0).get("status").asText(), r.get(0).toString());
    assertEquals(3, IrExpectations.counts(r.get(0)).get(single.state("flaky")));
    assertEquals("SUCCEEDED", r.get(1).get("status").asText(), r.get(1).toString());
    assertEquals(3, IrExpectations.counts(r.get(1)).get(inParallel.state("flaky")));
    assertEquals(1, IrExpectations.counts(r.get(1)).get(inParallel.state("z")));
    assertEquals("FAILED", r.get(2).get("status").asText(), "three failures exhaust two retries");
    assertEquals(3, IrExpectations.counts(r.get(2)).get(exhausted.state("flaky")));
  }

  @Test
  void retriesMatchOnlyTheErrorsTheIrNames() {
    Case c = emit(Pipeline.of("throttled", List.of(lambda("call").withRetry(Optional.of(retries(3, ErrorClass.THROTTLING))))));
    List<JsonNode> r = AslOracles.run(List.of(
        run("throttled", c, Map.of(c.state("call"), times(2, "Lambda.TooManyRequestsException"))),
        run("other", c, Map.of(c.state("call"), times(1, "Lambda.Unknown")))));
    assertEquals("SUCCEEDED", r.get(0).get("status").asText());
    assertEquals(3, IrExpectations.counts(r.get(0)).get(c.state("call")));
    assertEquals("FAILED", r.get(1).get("status").asText(), "an error the retry does not name is not retried");
    assertEquals(1, IrExpectations.counts(r.get(1)).get(c.state("call")));
  }

  @Test
  void anAlwaysFailingStepRunsItsCatchHandlerAndTheRunEndsAsTheIrSays() {
    AslExamplesTest.Emitted multi = AslExamplesTest.example("multi-service");
    Case m = new Case(multi.pipeline(), multi.output(), multi.machine());
    // a handler path without a fail step: the run ends successfully after it
    Case soft = emit(Pipeline.of("soft-landing", List.of(
        lambda("risky").withCatches(List.of(new CatchClause(List.of(ErrorClass.ALL), "cleanup"))),
        lambda("after", "risky"), lambda("cleanup"))));
    // the same inside a Parallel branch: the caught error leaves the branch and reaches the handler
    Case branch = emit(Pipeline.of("branch-catch", List.of(lambda("a"),
        lambda("risky", "a").withCatches(List.of(new CatchClause(List.of(ErrorClass.ALL), "cleanup"))),
        lambda("sibling", "a"), lambda("join", "risky", "sibling"), lambda("cleanup"),
        Step.of("give-up", new FailSpec(Optional.of(Value.Literal.of("risky failed")), Optional.of("RiskyFailed")))
            .withAfter(List.of("cleanup")))));
    List<JsonNode> r = AslOracles.run(List.of(
        run("train", m, Map.of(m.state("train"), always("States.TaskFailed"))),
        run("features", m, Map.of(m.state("features"), always("Batch.AWSBatchException"))),
        run("soft", soft, Map.of(soft.state("risky"), always("States.TaskFailed"))),
        run("branch", branch, Map.of(branch.state("risky"), always("States.TaskFailed")))));

    JsonNode train = r.get(0);
    Map<String, Integer> calls = IrExpectations.counts(train);
    assertEquals("FAILED", train.get("status").asText(), train.toString());
    assertEquals("OrdersPipelineFailed", train.get("error").asText());
    assertEquals(3, calls.get(m.state("train")), "States.TaskFailed is retried twice (capacity/service-fault)");
    assertEquals(1, calls.get(m.state("compensate")));
    assertFalse(calls.containsKey(m.state("notify")));

    JsonNode features = r.get(1);
    assertEquals("OrdersPipelineFailed", features.get("error").asText(), features.toString());
    assertEquals(5, IrExpectations.counts(features).get(m.state("features")), "retries 4 on all errors");
    assertEquals(1, IrExpectations.counts(features).get(m.state("compensate")));

    JsonNode s = r.get(2);
    assertEquals("SUCCEEDED", s.get("status").asText(), s.toString());
    assertEquals(List.of("risky", "cleanup"), names(s, soft));

    JsonNode b = r.get(3);
    assertEquals("FAILED", b.get("status").asText(), b.toString());
    assertEquals("RiskyFailed", b.get("error").asText());
    assertTrue(names(b, branch).contains("cleanup"));
    assertFalse(names(b, branch).contains("join"));
  }

  /** The IR step ids of the calls, in order. */
  private static List<String> names(JsonNode run, Case c) {
    Map<String, String> stepOf = new java.util.HashMap<>();
    c.output().stepStates().forEach((id, state) -> stepOf.put(state, id));
    List<String> out = new ArrayList<>();
    run.get("calls").forEach(x -> out.add(stepOf.getOrDefault(x.asText(), x.asText())));
    return out;
  }
}
