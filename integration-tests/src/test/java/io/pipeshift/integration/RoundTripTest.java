package io.pipeshift.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.diff.DiffChange;
import io.pipeshift.diff.PipelineDiff;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.testing.Examples;
import io.pipeshift.validate.PipelineLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * IR -> format -> IR through the real emitters and importers. Step Functions: every example and random
 * series-parallel pipelines come back graph-equal (steps, kinds, nesting, dependency edges), the random ones
 * without any behavioural difference. SageMaker: graph-equal for what a definition can hold, and stable: a
 * second round trip changes nothing.
 */
class RoundTripTest {

  @TempDir Path dir;

  static Stream<Arguments> examples() {
    return Examples.valid().stream().flatMap(p -> Stream.of(Arguments.of("asl", p), Arguments.of("sagemaker", p)));
  }

  @ParameterizedTest(name = "{1} through {0}")
  @MethodSource("examples")
  void everyExampleComesBackGraphEqual(String format, Path example) {
    Pipeline original = new PipelineLoader().load(example).pipeline();
    String name = example.getFileName().toString().replace(".yaml", "");
    Formats.RoundTrip once = Formats.roundTrip(format, original, dir, name);
    List<DiffChange> changes = GraphShape.differences(original, once.back());
    List<DiffChange> expected = changes.stream().filter(c -> explained(c, once)).toList();
    assertEquals(expected, changes, name + " through " + format + ":\n" + GraphShape.describe(changes)
        + "\n-- emit notes: " + once.emitNotes());
    Formats.RoundTrip twice = Formats.roundTrip(format, once.back(), dir, name + "-again");
    PipelineDiff stable = PipelineDiff.between(once.back(), twice.back(), new PipelineDiff.Options(false, false));
    assertEquals(List.of(), behaviour(stable), name + " through " + format + " twice:\n" + stable.text());
  }

  /**
   * A structural change the emitter announced with a note on a step involved in it: a step SageMaker cannot
   * place (an error path), a for-each unrolled into renamed copies, a continuation copied into branches
   * ({@code <id>-if}), or a synchronisation edge Step Functions needs for a graph that does not nest.
   */
  private static boolean explained(DiffChange c, Formats.RoundTrip rt) {
    List<String> involved = new java.util.ArrayList<>();
    c.step().ifPresent(involved::add);
    c.field().ifPresent(involved::add);
    c.before().map(String::valueOf).ifPresent(involved::add);
    c.after().map(String::valueOf).ifPresent(involved::add);
    return rt.emitNotes().stream().anyMatch(n -> n.step().isPresent()
        && involved.stream().anyMatch(x -> x.equals(n.step().get()) || x.startsWith(n.step().get() + "-")
            || (c.type() == DiffChange.Type.EDGE_ADDED && n.message().contains(x))));
  }

  /** Values a deployment fills in ({@code ${...}}) may be renamed by a second pass; they are not behaviour. */
  private static List<DiffChange> behaviour(PipelineDiff d) {
    return d.changes().stream().filter(c -> !(placeholder(c.before()) && placeholder(c.after()))).toList();
  }

  private static boolean placeholder(java.util.Optional<Object> v) {
    return v.map(x -> x instanceof String t && t.startsWith("${") && t.endsWith("}")).orElse(false);
  }

  @Test
  void outputsTheMachineKnowsInAdvanceComeBackAsReferences() {
    Pipeline original = new PipelineLoader().load(Examples.file("retraining.yaml")).pipeline();
    Pipeline back = Formats.roundTrip("asl", original, dir, "retraining").back();
    io.pipeshift.ir.kinds.TrainingSpec train = (io.pipeshift.ir.kinds.TrainingSpec) back.allSteps().stream()
        .filter(s -> s.label().equals("Train")).findFirst().orElseThrow().spec();
    assertEquals(new io.pipeshift.ir.Value.StepOutputRef("Preprocess", "train"), train.inputs().get(0).source());
  }

  @Test
  void randomSeriesParallelPipelinesComeBackUnchangedThroughStepFunctions() {
    int checked = 0;
    for (long seed = 1; seed <= 150; seed++) {
      Pipeline p = SeriesParallelPipelines.generate(seed, 12, SeriesParallelPipelines.Kinds.ASL_NATIVE);
      Formats.RoundTrip rt = Formats.roundTrip("asl", p, dir, "sp-" + seed);
      PipelineDiff d = PipelineDiff.between(p, rt.back());
      assertTrue(d.isEmpty(), "seed " + seed + ":\n" + d.text() + "\n" + rt.emitted());
      checked++;
    }
    assertEquals(150, checked);
  }

  @Test
  void randomSeriesParallelPipelinesComeBackGraphEqualThroughSageMaker() {
    for (long seed = 1; seed <= 150; seed++) {
      Pipeline p = SeriesParallelPipelines.generate(seed, 12, SeriesParallelPipelines.Kinds.SAGEMAKER_NATIVE);
      Formats.RoundTrip rt = Formats.roundTrip("sagemaker", p, dir, "sp-" + seed);
      List<DiffChange> changes = GraphShape.differences(p, rt.back());
      assertTrue(changes.isEmpty(), "seed " + seed + ":\n" + GraphShape.describe(changes) + "\n" + rt.emitted());
    }
  }
}
