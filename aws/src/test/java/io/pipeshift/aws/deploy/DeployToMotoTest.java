package io.pipeshift.aws.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.aws.DeployTarget;
import io.pipeshift.aws.LocalAws;
import io.pipeshift.aws.blueprint.Blueprint;
import io.pipeshift.aws.blueprint.BlueprintBuilder;
import io.pipeshift.aws.blueprint.BlueprintOptions;
import io.pipeshift.aws.blueprint.Json;
import io.pipeshift.aws.blueprint.ResourceSpec;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.oracles.MotoServer;
import io.pipeshift.testing.Examples;
import io.pipeshift.validate.PipelineLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeployToMotoTest {

  static MotoServer moto;

  @BeforeAll
  static void start() {
    moto = MotoServer.start();
  }

  @AfterAll
  static void stop() {
    moto.close();
  }

  @BeforeEach
  void reset() {
    moto.reset();
  }

  static Pipeline load(String example) {
    return new PipelineLoader().load(Examples.file(example)).pipeline();
  }

  static DeployReport deploy(Blueprint b, DeployOptions options, List<Change> heard) {
    try (AwsClients clients = LocalAws.clients(moto.endpoint())) {
      return new Deployer(clients, options, heard::add).deploy(b);
    }
  }

  @Test
  void everyExampleDeploysToSageMakerThenAgainWithoutChange() {
    for (Path example : Examples.valid()) {
      Pipeline p = new PipelineLoader().load(example).pipeline();
      Blueprint b = BlueprintBuilder.build(p, DeployTarget.SAGEMAKER, BlueprintOptions.DEFAULT);
      List<Change> heard = new ArrayList<>();
      DeployReport first = deploy(b, DeployOptions.APPLY, heard);
      assertTrue(first.changes().stream().allMatch(c -> c.action() == ChangeAction.CREATE), first.changes().toString());
      assertEquals(first.changes(), heard);

      try (AwsClients clients = LocalAws.clients(moto.endpoint())) {
        ResourceSpec.SageMakerPipeline spec = (ResourceSpec.SageMakerPipeline) b.main();
        var described = clients.sageMaker().describePipeline(r -> r.pipelineName(spec.name()));
        assertTrue(Json.sameValue(spec.definition(), Json.parse(described.pipelineDefinition())), example.toString());
        for (ResourceSpec.Schedule s : b.resources(ResourceSpec.Schedule.class)) {
          var got = clients.scheduler().getSchedule(r -> r.name(s.name()));
          assertEquals(s.expression(), got.scheduleExpression());
          assertEquals(s.timezone(), got.scheduleExpressionTimezone());
          assertEquals(described.pipelineArn(), got.target().arn());
        }
        for (ResourceSpec.Rule r : b.resources(ResourceSpec.Rule.class)) {
          var got = clients.events().describeRule(q -> q.name(r.name()));
          assertTrue(Json.sameValue(r.eventPattern(), Json.parse(got.eventPattern())));
        }
      }

      DeployReport second = deploy(b, DeployOptions.APPLY, new ArrayList<>());
      assertTrue(second.unchanged(), example + ": " + second.changes());
      assertTrue(second.summary().contains("unchanged"), second.summary());
    }
  }
}
