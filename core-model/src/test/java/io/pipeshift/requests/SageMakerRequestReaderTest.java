package io.pipeshift.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.ProcessingSpec;
import io.pipeshift.ir.kinds.StepSpec;
import io.pipeshift.ir.kinds.TrainingSpec;
import io.pipeshift.ir.kinds.TuningSpec;
import io.pipeshift.testing.Examples;
import io.pipeshift.validate.PipelineLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SageMakerRequestReaderTest {

  private final SageMakerRequestReader reader = new SageMakerRequestReader();

  @Test
  void everySageMakerJobOfTheExamplesReadsBackToTheSameFields() {
    int checked = 0;
    for (Path p : Examples.valid()) {
      Pipeline pipeline = new PipelineLoader().load(p).pipeline();
      for (Step s : pipeline.allSteps()) {
        Optional<JobRequest> request = SageMakerRequests.forStep(s);
        if (request.isEmpty() || s.kind() == io.pipeshift.ir.StepKind.MODEL_DEPLOY) {
          continue;
        }
        SageMakerRequestReader.Read read = reader.read(request.get().operation(), request.get().body()).orElseThrow();
        assertEquals(text(comparable(s.spec())), text(read.spec()), s.id() + " in " + p.getFileName());
        assertEquals(List.of(), read.dropped(), s.id());
        checked++;
      }
    }
    assertTrue(checked >= 5, "checked " + checked);
  }

  @Test
  void tuningRequestsReadBackWithRangesGroupedByType() {
    TrainingSpec training = new TrainingSpec("img:1", "ml.m5.large", 2, 50, Map.of("epochs", Value.Literal.of("10")),
        List.of(new TrainingSpec.Channel("train", new Value.ParameterRef("Data"), Optional.of("text/csv"))),
        Value.Literal.of("s3://b/out"), Optional.of(Value.Literal.of("arn:aws:iam::1:role/r")), Duration.ofHours(3), Map.of(),
        List.of(new TrainingSpec.MetricDefinition("auc", "auc=(.*)")));
    TuningSpec tuning = new TuningSpec(training, new TuningSpec.Objective("auc", TuningSpec.Direction.MINIMIZE),
        List.of(
            new TuningSpec.Range("eta", TuningSpec.RangeType.CONTINUOUS, Optional.of(Value.Literal.of("0.1")),
                Optional.of(Value.Literal.of("0.5")), List.of(), TuningSpec.Scaling.LOGARITHMIC),
            new TuningSpec.Range("depth", TuningSpec.RangeType.INTEGER, Optional.of(Value.Literal.of("3")),
                Optional.of(Value.Literal.of("9")), List.of(), TuningSpec.Scaling.AUTO),
            new TuningSpec.Range("booster", TuningSpec.RangeType.CATEGORICAL, Optional.empty(), Optional.empty(),
                List.of(Value.Literal.of("gbtree"), Value.Literal.of("dart")), TuningSpec.Scaling.AUTO)),
        20, 4, TuningSpec.Strategy.RANDOM);
    JobRequest request = SageMakerRequests.tuning(tuning);
    SageMakerRequestReader.Read read = reader.read("createHyperParameterTuningJob.sync", request.body()).orElseThrow();
    assertEquals(tuning, read.spec());
    assertEquals(List.of(), read.dropped());
  }

  @Test
  void fieldsTheIrCannotHoldAreListedNotLost() {
    ProcessingSpec spec = new ProcessingSpec("img", "ml.m5.large", 1, 30, List.of(), List.of(), Map.of(), List.of(),
        List.of(), List.of(), Optional.empty(), Optional.empty());
    Map<String, Object> body = new LinkedHashMap<>(SageMakerRequests.processing(spec).body());
    body.put("NetworkConfig", Map.of("EnableNetworkIsolation", true));
    SageMakerRequestReader.Read read = reader.read("CreateProcessingJob", body).orElseThrow();
    assertEquals(spec, read.spec());
    assertEquals(List.of("NetworkConfig: not kept (the IR has no field for it)"), read.dropped());
  }

  @Test
  void aParameterInAPlainTextFieldBecomesItsDefaultWithANote() {
    SageMakerRequestReader withDefaults = new SageMakerRequestReader(
        v -> v instanceof Value.ParameterRef p && p.name().equals("Type") ? Optional.of("ml.c5.xlarge") : Optional.empty());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ProcessingResources", Map.of("ClusterConfig", Map.of("InstanceType", new Value.ParameterRef("Type"),
        "InstanceCount", 1, "VolumeSizeInGB", 30)));
    body.put("AppSpecification", Map.of("ImageUri", "img"));
    SageMakerRequestReader.Read read = withDefaults.read("CreateProcessingJob", body).orElseThrow();
    assertEquals("ml.c5.xlarge", ((ProcessingSpec) read.spec()).instanceType());
    assertEquals(1, read.dropped().size(), read.dropped().toString());
    assertTrue(read.dropped().get(0).contains("ProcessingResources.ClusterConfig.InstanceType"));
  }

  @Test
  void unknownOperationsAreNotRead() {
    assertTrue(reader.read("CreateAutoMLJob", Map.of()).isEmpty());
    assertEquals(Optional.of("CreateTransformJob"), SageMakerRequestReader.operationOfAction("createTransformJob.sync"));
  }

  /** The spec as its YAML tree with every scalar as text: requests carry hyperparameters as strings. */
  private static Object text(Object spec) {
    return stringify(new io.pipeshift.yaml.PipelineWriter().tree(spec));
  }

  private static Object stringify(Object tree) {
    if (tree instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), stringify(v)));
      return out;
    }
    if (tree instanceof List<?> l) {
      return l.stream().map(SageMakerRequestReaderTest::stringify).toList();
    }
    return String.valueOf(tree);
  }

  /** What a request can carry of a spec: property files are not part of the request. */
  private static StepSpec comparable(StepSpec spec) {
    if (spec instanceof ProcessingSpec p) {
      return new ProcessingSpec(p.image(), p.instanceType(), p.instanceCount(), p.volumeSizeGb(), p.entrypoint(),
          p.arguments(), p.environment(), p.inputs(), p.outputs(), List.of(), p.role(),
          p.maxRuntime().filter(d -> !d.equals(SageMakerRequests.DEFAULT_PROCESSING_RUNTIME)));
    }
    return spec;
  }
}
