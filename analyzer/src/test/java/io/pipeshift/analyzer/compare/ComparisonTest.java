package io.pipeshift.analyzer.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipeshift.analyzer.Orchestrator;
import io.pipeshift.analyzer.TestFiles;
import io.pipeshift.analyzer.report.Format;
import io.pipeshift.analyzer.report.Reporters;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.spi.EmittedFiles;
import io.pipeshift.spi.PipelineTarget;
import io.pipeshift.spi.TargetOptions;
import io.pipeshift.validate.PipelineLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

  /** A stand-in emitter: the analyzer never depends on the real spokes. */
  record FakeTarget(String id, boolean fails) implements PipelineTarget {
    @Override
    public String description() {
      return "fake";
    }

    @Override
    public Translation<EmittedFiles> emit(Pipeline pipeline, TargetOptions options) {
      if (fails) {
        throw new IllegalStateException("emitter bug");
      }
      return new Translation<>(EmittedFiles.of("{}\n", "json"),
          List.of(FidelityNote.warning("ASL999", pipeline.steps().get(0).id(), "something approximated")));
    }
  }

  @Test
  void columnsHaveScoresLimitsCostsAndNotes() throws Exception {
    Comparison c = Comparison.compare(new PipelineLoader().load(TestFiles.example("multi-service.yaml")),
        List.of(new FakeTarget("asl", false), new FakeTarget("airflow", true), new FakeTarget("ir", false)));
    assertEquals(3, c.columns().size());
    assertEquals(Orchestrator.STEP_FUNCTIONS, c.analysis().scorecard().recommendation());
    Comparison.Column sm = c.columns().get(0);
    Comparison.Column sfn = c.columns().get(1);
    Comparison.Column af = c.columns().get(2);
    assertFalse(sm.fidelity().available(), "no sagemaker emitter given");
    assertEquals("ASL999", sfn.fidelity().notes().get(0).code());
    assertTrue(af.fidelity().failure().orElseThrow().contains("emitter bug"));
    assertEquals(0.0, sm.cost().per1000Runs());
    // daily cron: ~30 runs a month; transitions x $0.025 per 1,000 runs
    assertEquals(30.0, c.runsPerMonth());
    long transitions = c.analysis().features().run().stateTransitions();
    assertEquals(transitions * 0.025, sfn.cost().per1000Runs(), 1e-9);
    assertEquals(0.49 * 730 / 30 * 1000, af.cost().per1000Runs(), 1e-6);
    assertTrue(c.assumptions().stream().anyMatch(a -> a.contains("$0.025 per 1,000 state transitions")));
    assertTrue(c.assumptions().stream().anyMatch(a -> a.contains("billed separately")));

    String text = Reporters.renderComparison(c, Format.TEXT);
    assertTrue(text.contains("warning ASL999 [step extract]: something approximated"), text);
    assertTrue(text.contains("not checked: no emitter"), text);
    JsonNode json = new ObjectMapper().readTree(Reporters.renderComparison(c, Format.JSON));
    assertEquals("comparison", json.path("kind").asText());
    assertEquals("step-functions", json.path("recommendation").asText());
    assertTrue(Reporters.renderComparison(c, Format.MARKDOWN).contains("| Step Functions | 95 |"));
    assertThrows(IllegalArgumentException.class, () -> Reporters.renderComparison(c, Format.SARIF));
  }

  @Test
  void historyLimitIsABlockingLimitThatCapsTheScore() {
    Comparison c = Comparison.compare(new io.pipeshift.yaml.PipelineReader().read(
        TestFiles.resource("rules/PS116/bad.yaml")), List.of());
    Comparison.Column sfn = c.columns().get(1);
    assertTrue(sfn.limits().stream().anyMatch(l -> l.blocking() && l.limit().contains("25,000")), sfn.limits().toString());
    assertTrue(sfn.score() <= 25);
  }
}
