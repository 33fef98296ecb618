package io.pipeshift.to.asl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.testing.Examples;
import io.pipeshift.validate.PipelineLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every example: golden files, accepted by asl-validator, executed by aws-local-stepfunctions in IR order. */
class AslExamplesTest {

  record Emitted(String name, Pipeline pipeline, AslWriter.Output output, Map<String, Object> machine) {}

  static List<Emitted> examples() {
    List<Emitted> out = new ArrayList<>();
    for (Path file : Examples.valid()) {
      Pipeline p = new PipelineLoader().load(file).pipeline();
      AslWriter.Output o = AslWriter.emit(p);
      String name = file.getFileName().toString().replaceAll("\\.yaml$", "");
      out.add(new Emitted(name, p, o, AslStates.parse(o.translation().artifact().main())));
    }
    return out;
  }

  static Emitted example(String name) {
    return examples().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void everyExampleMatchesItsGoldenFiles() {
    for (Emitted e : examples()) {
      Golden.check(e.name() + ".asl.json", e.output().translation().artifact().main());
      Golden.check(e.name() + ".notes.txt", e.output().translation().notes().stream().map(FidelityNote::render)
          .collect(Collectors.joining("\n", "", "\n")));
      e.output().translation().artifact().companions().forEach((file, text) ->
          Golden.check(e.name() + ".infra/" + file, text));
    }
  }

  @Test
  void everyExampleIsWellFormedAndKeepsItsRetriesAndCatches() {
    for (Emitted e : examples()) {
      assertEquals(List.of(), AslStructure.check(e.machine()), e.name());
      assertEquals(List.of(), AslStructure.retriesKept(e.pipeline(), e.machine(), e.output().stepStates()), e.name());
      assertEquals(List.of(), AslStructure.catchesKept(e.pipeline(), e.machine(), e.output().stepStates()), e.name());
    }
  }

  @Test
  void aslValidatorAcceptsEveryExample() {
    Map<String, String> definitions = new LinkedHashMap<>();
    examples().forEach(e -> definitions.put(e.name(), e.output().translation().artifact().main()));
    Map<String, String> verdicts = AslOracles.validate(definitions);
    verdicts.forEach((name, errors) -> assertEquals("", errors, name));
    assertEquals(definitions.keySet(), verdicts.keySet());
  }

  @Test
  void localExecutionOfEveryExampleFollowsTheIrOrder() {
    List<Emitted> all = examples();
    List<AslOracles.Run> runs = new ArrayList<>();
    for (Emitted e : all) {
      runs.add(new AslOracles.Run(e.name(), e.machine(), Map.of(), Map.of(),
          FakeResults.of(e.machine(), e.output().translation().artifact().main())));
    }
    List<JsonNode> results = AslOracles.run(runs);
    for (int i = 0; i < all.size(); i++) {
      Emitted e = all.get(i);
      IrExpectations expect = new IrExpectations(e.pipeline(), e.output().stepStates(), e.machine());
      assertEquals(List.of(), expect.checkNormalRun(results.get(i)), e.name() + ": " + results.get(i));
      assertTrue(results.get(i).get("calls").size() > 0, e.name());
    }
  }

  // ---- acceptance lines of the issue ----------------------------------------------------------------

  @Test
  @SuppressWarnings("unchecked")
  void multiServiceBatchAndTrainingTasksCarryTheIrRetriesAndCatchToCompensation() {
    Emitted e = example("multi-service");
    Map<String, Map<String, Object>> states = AslStates.all(e.machine());
    Map<String, Object> batch = states.get("BuildFeatures");
    Map<String, Object> train = states.get("TrainDemandModel");
    assertEquals("arn:aws:states:::batch:submitJob.sync", batch.get("Resource"));
    assertEquals("arn:aws:states:::sagemaker:createTrainingJob.sync", train.get("Resource"));
    assertEquals(List.of(Map.of("ErrorEquals", List.of("States.ALL"), "IntervalSeconds", 30, "MaxAttempts", 4,
        "BackoffRate", 1.5, "MaxDelaySeconds", 300)), batch.get("Retry"));
    assertEquals(List.of(Map.of("ErrorEquals", List.of("States.TaskFailed", "SageMaker.AmazonSageMakerException"),
        "IntervalSeconds", 300, "MaxAttempts", 2, "BackoffRate", 2.0)), train.get("Retry"));
    assertEquals(List.of(), AslStructure.catchesKept(e.pipeline(), e.machine(), e.output().stepStates()));
    // both catches leave their branch through the Parallel state's catch, which goes to Compensate
    Map<String, Object> parallel = states.get("Parallel-BuildFeatures-TrainDemandModel");
    Map<String, Object> catcher = ((List<Map<String, Object>>) parallel.get("Catch")).get(0);
    assertEquals("Compensate", catcher.get("Next"));
    assertEquals("$.error", catcher.get("ResultPath"));
  }

  @Test
  void theNShapeKeepsEveryDependencyAndNamesTheAddedEdge() {
    Emitted e = example("n-shape");
    List<FidelityNote> added = e.output().translation().notes().stream()
        .filter(n -> n.code().equals(AslNote.SYNC_EDGE_ADDED.code())).toList();
    assertEquals(1, added.size());
    assertTrue(added.get(0).message().contains("load-customers -> score-orders"), added.get(0).message());
    assertEquals(java.util.Optional.of("score-orders"), added.get(0).step());
  }
}
