package io.pipeshift.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.diff.DiffChange.Type;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.testing.Examples;
import io.pipeshift.testing.RandomPipelines;
import io.pipeshift.yaml.PipelineReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineDiffTest {

  private static String text(String example) {
    try {
      return Files.readString(Examples.file(example));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Pipeline read(String yaml) {
    return new PipelineReader().read("test.yaml", yaml).pipeline();
  }

  private static List<Type> types(PipelineDiff d) {
    return d.changes().stream().map(DiffChange::type).toList();
  }

  @Test
  void everyExampleEqualsItself() {
    for (Path p : Examples.valid()) {
      Pipeline x = new PipelineReader().read(p).pipeline();
      PipelineDiff d = PipelineDiff.between(x, x, PipelineDiff.Options.ALL);
      assertTrue(d.isEmpty(), p + ": " + d.text());
      assertEquals("no differences\n", d.text());
    }
  }

  @Test
  void aDefaultAndAnEqualExplicitValueAreTheSame() {
    String base = text("multi-service.yaml");
    String explicit = base.replace("    topic: arn:aws:sns", "    timeout: 1h\n    topic: arn:aws:sns");
    assertTrue(PipelineDiff.between(read(base), read(explicit)).isEmpty());
  }

  @Test
  void changingOneRetryReportsExactlyThatChange() {
    String base = text("multi-service.yaml");
    String changed = base.replace("      retries: 4\n", "      retries: 5\n");
    PipelineDiff d = PipelineDiff.between(read(base), read(changed));
    assertEquals(1, d.changes().size(), d.text());
    DiffChange c = d.changes().get(0);
    assertEquals(Type.RETRY_CHANGED, c.type());
    assertEquals("features", c.step().orElseThrow());
    assertEquals("retry.retries", c.field().orElseThrow());
    assertEquals("~ step features: retry.retries 4 -> 5\n1 difference\n", d.text());
  }

  @Test
  void aRenamedStepIsMatchedByItsFieldsAndItsReferencesFollow() {
    String base = text("retraining.yaml");
    String renamed = base.replace("id: train\n", "id: fit\n").replace("step: train,", "step: fit,");
    PipelineDiff d = PipelineDiff.between(read(base), read(renamed));
    assertEquals(List.of(Type.STEP_RENAMED), types(d), d.text());
    assertEquals("> step train renamed to fit\n1 difference\n", d.text());
  }

  @Test
  void addedRemovedStepsAndEdgesAreReported() {
    String base = text("multi-service.yaml");
    String changed = base.replace("    after: [features, train]\n", "    after: [features]\n")
        .replace("  - id: alert-and-fail\n", "  - id: audit\n    kind: bash\n    after: [notify]\n    command: echo done\n\n  - id: alert-and-fail\n");
    PipelineDiff d = PipelineDiff.between(read(base), read(changed));
    assertEquals(List.of(Type.STEP_ADDED, Type.EDGE_REMOVED), types(d), d.text());
    assertTrue(d.text().contains("- edge train -> notify"), d.text());
    assertTrue(d.json().contains("\"type\" : \"step-added\""), d.json());
  }

  @Test
  void redundantEdgesAndTextVersusNumberLiteralsDoNotCount() {
    String base = text("multi-service.yaml");
    String changed = base.replace("    after: [features, train]\n", "    after: [features, train, validate, extract]\n")
        .replace("num_round: 200", "num_round: \"200\"");
    assertTrue(PipelineDiff.between(read(base), read(changed)).isEmpty());
  }

  @Test
  void fieldChangesArePathsToTheLeaf() {
    String base = text("retraining.yaml");
    String changed = base.replace("max_depth: 5", "max_depth: 6");
    PipelineDiff d = PipelineDiff.between(read(base), read(changed));
    assertEquals("~ step train: hyperparameters.max_depth 5 -> 6\n1 difference\n", d.text());
  }

  @Test
  void metadataIsComparedOnlyWhenAsked() {
    String base = text("retraining.yaml");
    String changed = base.replace("team: ml-platform", "team: other").replace("name: Train\n", "name: Fit\n");
    assertTrue(PipelineDiff.between(read(base), read(changed)).isEmpty());
    assertEquals(List.of(Type.METADATA_CHANGED, Type.METADATA_CHANGED),
        types(PipelineDiff.between(read(base), read(changed), PipelineDiff.Options.ALL)));
  }

  @Test
  void randomPipelinesEqualThemselvesAndDifferFromOthers() {
    for (long seed = 1; seed <= 50; seed++) {
      Pipeline p = RandomPipelines.generate(seed, RandomPipelines.Shape.everything(15));
      assertTrue(PipelineDiff.between(p, p).isEmpty(), "seed " + seed);
    }
  }

  @Test
  void joinsThatMakeTheSameTextAreEqual() {
    String base = text("multi-service.yaml");
    String changed = base.replace("{join: {separator: \" \", values: [\"Orders pipeline finished for\", {param: RunDate}]}}",
        "{join: {separator: \"\", values: [\"Orders pipeline \", {join: {separator: \"\", values: [\"finished for \", {param: RunDate}]}}]}}");
    assertTrue(!base.equals(changed));
    assertTrue(PipelineDiff.between(read(base), read(changed)).isEmpty());
  }
}
