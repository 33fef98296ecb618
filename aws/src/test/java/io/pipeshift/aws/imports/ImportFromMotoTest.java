package io.pipeshift.aws.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.aws.AwsFailure;
import io.pipeshift.aws.DeployTarget;
import io.pipeshift.aws.LocalAws;
import io.pipeshift.aws.SharedMoto;
import io.pipeshift.aws.blueprint.Blueprint;
import io.pipeshift.aws.blueprint.BlueprintBuilder;
import io.pipeshift.aws.blueprint.BlueprintOptions;
import io.pipeshift.aws.deploy.AwsClients;
import io.pipeshift.aws.deploy.DeployOptions;
import io.pipeshift.aws.deploy.Deployer;
import io.pipeshift.diff.PipelineDiff;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Trigger;
import io.pipeshift.oracles.MotoServer;
import io.pipeshift.testing.Examples;
import io.pipeshift.time.CronExpression;
import io.pipeshift.validate.PipelineLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportFromMotoTest {

  static List<Trigger> withoutManual(List<Trigger> triggers) {
    return triggers.stream().filter(t -> !(t instanceof Trigger.Manual)).toList();
  }

  /**
   * The account adds and loses nothing: importing a deployed pipeline gives the IR that reading its
   * definition file gives (what SageMaker itself cannot hold, e.g. hybrid's for-each, is lost either way),
   * plus its name, description, tags and triggers.
   */
  @Test
  void everyExampleDeployedToSageMakerImportsBackGraphEqualWithTagsAndTriggers() {
    MotoServer moto = SharedMoto.fresh();
    for (Path example : Examples.valid()) {
      Pipeline original = new PipelineLoader().load(example).pipeline();
      Blueprint b = BlueprintBuilder.build(original, DeployTarget.SAGEMAKER, BlueprintOptions.DEFAULT);
      try (AwsClients clients = LocalAws.clients(moto.endpoint())) {
        new Deployer(clients, DeployOptions.APPLY, c -> { }).deploy(b);
        Translation<Pipeline> imported = new AwsImporter(clients).pipeline(b.baseName());
        Pipeline p = imported.artifact();
        Pipeline offline = offlineRoundTrip(original, "sagemaker");
        PipelineDiff diff = PipelineDiff.between(offline, p);
        assertTrue(diff.isEmpty(), example + ":\n" + diff.text());
        assertEquals(original.name(), p.name());
        assertEquals(original.tags(), p.tags());
        assertEquals(original.description(), p.description());
        assertEquals(normalised(withoutManual(original.triggers())), normalised(p.triggers()), example.toString());
      }
    }
  }

  @Test
  void everyExampleDeployedToStepFunctionsImportsBackGraphEqualWithTagsAndTriggers() {
    MotoServer moto = SharedMoto.fresh();
    for (Path example : Examples.valid()) {
      Pipeline original = new PipelineLoader().load(example).pipeline();
      Blueprint b = BlueprintBuilder.build(original, DeployTarget.STEP_FUNCTIONS, BlueprintOptions.DEFAULT);
      try (AwsClients clients = LocalAws.clients(moto.endpoint())) {
        String arn = new Deployer(clients, DeployOptions.APPLY, c -> { }).deploy(b).mainArn();
        Pipeline p = new AwsImporter(clients).stateMachine(arn).artifact();
        Pipeline offline = offlineRoundTrip(original, "asl");
        PipelineDiff diff = PipelineDiff.between(offline, p);
        assertTrue(diff.isEmpty(), example + ":\n" + diff.text());
        assertEquals(b.baseName(), p.name());
        assertEquals(original.tags(), p.tags());
        assertEquals(normalised(withoutManual(original.triggers())), normalised(p.triggers()), example.toString());
        assertEquals(p.name(), new AwsImporter(clients).stateMachine(b.baseName()).artifact().name(), "a bare name is looked up");
      }
    }
  }

  /** IR -> the target's emitter -> its importer, through a file: no AWS involved. */
  static Pipeline offlineRoundTrip(Pipeline p, String format) {
    DeployTarget target = format.equals("sagemaker") ? DeployTarget.SAGEMAKER : DeployTarget.STEP_FUNCTIONS;
    String text = BlueprintBuilder.emitter(target).emit(p, io.pipeshift.spi.TargetOptions.NONE).artifact().main();
    try {
      Path dir = java.nio.file.Files.createTempDirectory("pipeshift-roundtrip-");
      Path file = java.nio.file.Files.writeString(dir.resolve(p.name() + ".json"), text);
      io.pipeshift.spi.PipelineSource source = java.util.ServiceLoader.load(io.pipeshift.spi.PipelineSource.class).stream()
          .map(java.util.ServiceLoader.Provider::get).filter(s -> s.id().equals(format)).findFirst().orElseThrow();
      return source.read(file).artifact().pipeline();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Cron text as the IR normalises it (names to numbers), so MON and 1 compare equal. */
  static List<Object> normalised(List<Trigger> triggers) {
    return triggers.stream().map(t -> t instanceof Trigger.Cron c
        ? (Object) (c.cron().fields() + " " + c.timezone()) : t).toList();
  }

  @Test
  void aCronRestrictingBothDayFieldsComesBackAsOneTrigger() {
    MotoServer moto = SharedMoto.fresh();
    Pipeline original = new PipelineLoader().load(Examples.file("retraining.yaml")).pipeline()
        .withTriggers(List.of(new Trigger.Cron(CronExpression.parse("0 9 1,15 * 1"), "Europe/Paris"),
            new Trigger.Rate(java.time.Duration.ofHours(6))));
    Blueprint b = BlueprintBuilder.build(original, DeployTarget.SAGEMAKER, BlueprintOptions.DEFAULT);
    assertEquals(3, b.resources(io.pipeshift.aws.blueprint.ResourceSpec.Schedule.class).size());
    try (AwsClients clients = LocalAws.clients(moto.endpoint())) {
      new Deployer(clients, DeployOptions.APPLY, c -> { }).deploy(b);
      List<Trigger> triggers = new AwsImporter(clients).pipeline("churn-retraining").artifact().triggers();
      assertEquals(List.of(new Trigger.Cron(CronExpression.parse("0 9 1,15 * 1"), "Europe/Paris"),
          new Trigger.Rate(java.time.Duration.ofHours(6))), triggers);
    }
  }

  @Test
  void anUnknownPipelineIsNotFound() {
    try (AwsClients clients = LocalAws.clients(SharedMoto.fresh().endpoint())) {
      AwsFailure f = assertThrows(AwsFailure.class, () -> new AwsImporter(clients).pipeline("nope"));
      assertEquals(AwsFailure.Kind.NOT_FOUND, f.kind());
      assertEquals("no SageMaker pipeline named 'nope' in us-east-1", f.getMessage());
    }
  }
}
