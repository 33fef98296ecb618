package io.pipeshift.aws.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.aws.AwsFailure;
import io.pipeshift.aws.DeployTarget;
import io.pipeshift.aws.LocalAws;
import io.pipeshift.aws.Mutations;
import io.pipeshift.aws.SharedMoto;
import io.pipeshift.aws.blueprint.Blueprint;
import io.pipeshift.aws.blueprint.BlueprintBuilder;
import io.pipeshift.aws.blueprint.BlueprintOptions;
import io.pipeshift.aws.blueprint.Json;
import io.pipeshift.aws.blueprint.ResourceSpec;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.StepKind;
import io.pipeshift.ir.Trigger;
import io.pipeshift.oracles.MotoServer;
import io.pipeshift.testing.Examples;
import io.pipeshift.validate.PipelineLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeployToMotoTest {

  MotoServer moto;

  @BeforeEach
  void reset() {
    moto = SharedMoto.fresh();
  }

  static Pipeline load(String example) {
    return new PipelineLoader().load(Examples.file(example)).pipeline();
  }

  static Blueprint sageMaker(Pipeline p) {
    return BlueprintBuilder.build(p, DeployTarget.SAGEMAKER, BlueprintOptions.DEFAULT);
  }

  DeployReport deploy(Blueprint b, DeployOptions options, List<Change> heard) {
    try (AwsClients clients = LocalAws.clients(moto.endpoint())) {
      return new Deployer(clients, options, heard::add).deploy(b);
    }
  }

  DeployReport deploy(Blueprint b) {
    return deploy(b, DeployOptions.APPLY, new ArrayList<>());
  }

  static ChangeAction action(DeployReport r, String label) {
    return r.changes().stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow().action();
  }

  @Test
  void everyExampleDeploysToSageMakerReadsBackAndDeploysAgainWithoutChange() {
    for (Path example : Examples.valid()) {
      Blueprint b = sageMaker(new PipelineLoader().load(example).pipeline());
      List<Change> heard = new ArrayList<>();
      DeployReport first = deploy(b, DeployOptions.APPLY, heard);
      assertTrue(first.changes().stream().allMatch(c -> c.action() == ChangeAction.CREATE), first.changes().toString());
      assertEquals(first.changes(), heard, "the listener hears every change in order");

      try (AwsClients clients = LocalAws.clients(moto.endpoint())) {
        ResourceSpec.SageMakerPipeline spec = (ResourceSpec.SageMakerPipeline) b.main();
        var described = clients.sageMaker().describePipeline(r -> r.pipelineName(spec.name()));
        assertTrue(Json.sameValue(spec.definition(), Json.parse(described.pipelineDefinition())), example.toString());
        assertEquals(first.mainArn(), described.pipelineArn());
        for (ResourceSpec.Schedule s : b.resources(ResourceSpec.Schedule.class)) {
          var got = clients.scheduler().getSchedule(r -> r.name(s.name()));
          assertEquals(s.expression(), got.scheduleExpression());
          assertEquals(s.timezone(), got.scheduleExpressionTimezone());
          assertEquals(described.pipelineArn(), got.target().arn());
        }
        for (ResourceSpec.Rule r : b.resources(ResourceSpec.Rule.class)) {
          var got = clients.events().describeRule(q -> q.name(r.name()));
          assertTrue(Json.sameValue(r.eventPattern(), Json.parse(got.eventPattern())));
          var targets = clients.events().listTargetsByRule(q -> q.rule(r.name())).targets();
          assertEquals(described.pipelineArn(), targets.get(0).arn());
        }
      }

      DeployReport second = deploy(b);
      assertTrue(second.unchanged(), example + ": " + second.changes());
      assertTrue(second.summary().contains("unchanged"), second.summary());
    }
  }

  @Test
  void everyExampleDeploysToStepFunctionsReadsBackAndDeploysAgainWithoutChange() {
    for (Path example : Examples.valid()) {
      Blueprint b = BlueprintBuilder.build(new PipelineLoader().load(example).pipeline(), DeployTarget.STEP_FUNCTIONS,
          BlueprintOptions.DEFAULT);
      DeployReport first = deploy(b);
      assertTrue(first.changes().stream().allMatch(c -> c.action() == ChangeAction.CREATE), first.changes().toString());
      try (AwsClients clients = LocalAws.clients(moto.endpoint())) {
        ResourceSpec.StateMachine spec = (ResourceSpec.StateMachine) b.main();
        var described = clients.sfn().describeStateMachine(r -> r.stateMachineArn(first.mainArn()));
        assertTrue(Json.sameValue(spec.substitutedDefinition(), Json.parse(described.definition())), example.toString());
        assertEquals(spec.type(), described.typeAsString());
        var role = clients.iam().getRole(r -> r.roleName(b.baseName() + "-execution")).role();
        assertEquals(role.arn(), described.roleArn());
        for (ResourceSpec.Schedule s : b.resources(ResourceSpec.Schedule.class)) {
          assertEquals(first.mainArn(), clients.scheduler().getSchedule(r -> r.name(s.name())).target().arn());
        }
      }
      DeployReport second = deploy(b);
      assertTrue(second.unchanged(), example + ": " + second.changes());
    }
  }

  @Test
  void changingOneRetryUpdatesOnlyTheStateMachine() {
    Pipeline p = load("multi-service.yaml");
    BlueprintOptions o = BlueprintOptions.DEFAULT;
    deploy(BlueprintBuilder.build(p, DeployTarget.STEP_FUNCTIONS, o));
    Blueprint changed = BlueprintBuilder.build(Mutations.oneMoreRetry(p, StepKind.Category.AWS), DeployTarget.STEP_FUNCTIONS, o);
    List<Change> heard = new ArrayList<>();
    DeployReport update = deploy(changed, DeployOptions.APPLY, heard);
    List<String> changes = update.changes().stream().filter(c -> c.action() != ChangeAction.UNCHANGED).map(c -> c.render(false)).toList();
    assertEquals(List.of("updated   state machine orders-feature-pipeline (definition)"), changes);
    assertTrue(deploy(changed).unchanged());
  }

  @Test
  void substitutionsAreAppliedToTheDeployedDefinition() {
    Pipeline p = load("hybrid.yaml");
    Blueprint b = BlueprintBuilder.build(p, DeployTarget.STEP_FUNCTIONS, new BlueprintOptions(Optional.empty(), Optional.empty(),
        Map.of("ActivityArn_load", "arn:aws:states:us-east-1:123456789012:activity:load")));
    DeployReport r = deploy(b);
    try (AwsClients clients = LocalAws.clients(moto.endpoint())) {
      String definition = clients.sfn().describeStateMachine(q -> q.stateMachineArn(r.mainArn())).definition();
      assertTrue(definition.contains("arn:aws:states:us-east-1:123456789012:activity:load"), definition);
      assertFalse(definition.contains("${ActivityArn_load}"), definition);
    }
    assertTrue(deploy(b).unchanged());
    AwsFailure unknown = assertThrows(AwsFailure.class, () -> BlueprintBuilder.build(p, DeployTarget.STEP_FUNCTIONS,
        new BlueprintOptions(Optional.empty(), Optional.empty(), Map.of("Nope", "x"))));
    assertTrue(unknown.getMessage().startsWith("--substitute Nope: the definition has no ${Nope}; it has ActivityArn_"), unknown.getMessage());
  }

  @Test
  void changingOneRetryUpdatesOnlyThePipeline() {
    Pipeline p = load("retraining.yaml");
    deploy(sageMaker(p));
    Blueprint changed = sageMaker(Mutations.oneMoreRetry(p, StepKind.Category.SAGEMAKER));

    DeployReport plan = deploy(changed, DeployOptions.DRY_RUN, new ArrayList<>());
    assertEquals(ChangeAction.UPDATE, action(plan, "sagemaker pipeline"), plan.changes().toString());
    assertTrue(plan.summary().startsWith("plan for churn-retraining: 1 to update"), plan.summary());

    DeployReport update = deploy(changed);
    assertEquals(ChangeAction.UPDATE, action(update, "sagemaker pipeline"));
    assertEquals(List.of("definition"), update.changes().stream()
        .filter(c -> c.action() != ChangeAction.UNCHANGED).findFirst().orElseThrow().reasons());
    assertEquals(1, update.changes().stream().filter(c -> c.action() != ChangeAction.UNCHANGED).count(), update.changes().toString());
    assertTrue(deploy(changed).unchanged());
  }

  @Test
  void aDryRunPlansEveryResourceAndChangesNothing() {
    Blueprint b = sageMaker(load("retraining.yaml"));
    List<Change> heard = new ArrayList<>();
    DeployReport plan = deploy(b, DeployOptions.DRY_RUN, heard);
    assertEquals(b.resources().size(), plan.changes().size());
    assertTrue(plan.changes().stream().allMatch(c -> c.action() == ChangeAction.CREATE));
    assertTrue(heard.get(0).render(true).startsWith("create "), heard.get(0).render(true));
    try (AwsClients clients = LocalAws.clients(moto.endpoint())) {
      assertTrue(clients.sageMaker().listPipelines(r -> { }).pipelineSummaries().isEmpty());
    }
    deploy(b);
    assertTrue(deploy(b, DeployOptions.DRY_RUN, new ArrayList<>()).unchanged());
  }

  @Test
  void aRemovedTriggerDeletesItsRuleAndATagChangeIsAnUpdate() {
    Pipeline p = load("retraining.yaml");
    deploy(sageMaker(p));
    List<Trigger> noEvents = p.triggers().stream().filter(t -> !(t instanceof Trigger.Event)).toList();
    Pipeline fewer = p.withTriggers(noEvents);
    Pipeline retagged = new Pipeline(fewer.name(), fewer.description(), Map.of("team", "ml-platform"),
        fewer.parameters(), fewer.triggers(), fewer.defaults(), fewer.steps(), fewer.extensions());
    DeployReport r = deploy(sageMaker(retagged));
    assertEquals(ChangeAction.DELETE, action(r, "events rule"), r.changes().toString());
    assertEquals(ChangeAction.UPDATE, action(r, "sagemaker pipeline"));
    try (AwsClients clients = LocalAws.clients(moto.endpoint())) {
      assertTrue(clients.events().listRules(q -> q.namePrefix("churn-retraining-rule-")).rules().isEmpty());
      String arn = r.mainArn();
      var tags = clients.sageMaker().listTags(q -> q.resourceArn(arn)).tags();
      assertEquals(1, tags.size(), tags.toString());
    }
    assertTrue(deploy(sageMaker(retagged)).unchanged());
  }

  @Test
  void aMissingRoleGivenWithRoleFailsClearlyBeforeAnyChange() {
    Blueprint b = BlueprintBuilder.build(load("retraining.yaml"), DeployTarget.SAGEMAKER,
        new BlueprintOptions(Optional.empty(), Optional.of("arn:aws:iam::123456789012:role/does-not-exist")));
    AwsFailure f = assertThrows(AwsFailure.class, () -> deploy(b));
    assertEquals(AwsFailure.Kind.MISSING_ROLE, f.kind());
    assertTrue(f.getMessage().contains("does not exist: arn:aws:iam::123456789012:role/does-not-exist"), f.getMessage());
    assertTrue(f.done().isEmpty());
    try (AwsClients clients = LocalAws.clients(moto.endpoint())) {
      assertTrue(clients.sageMaker().listPipelines(r -> { }).pipelineSummaries().isEmpty());
      clients.iam().createRole(r -> r.roleName("exists").assumeRolePolicyDocument(
          Json.compact(io.pipeshift.aws.blueprint.PolicyDocument.trust("sagemaker.amazonaws.com"))));
    }
    Blueprint given = BlueprintBuilder.build(load("retraining.yaml"), DeployTarget.SAGEMAKER,
        new BlueprintOptions(Optional.of("churn-given-role"), Optional.of("arn:aws:iam::123456789012:role/exists")));
    DeployReport ok = deploy(given);
    assertFalse(ok.changes().stream().anyMatch(c -> c.name().equals("churn-given-role-execution")));
    assertEquals("churn-given-role", given.main().name());
    assertTrue(deploy(given).unchanged());
  }
}
