package io.pipeshift.aws.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.aws.AwsFailure;
import io.pipeshift.aws.DeployTarget;
import io.pipeshift.aws.FaultProxy;
import io.pipeshift.aws.FaultProxy.Fault;
import io.pipeshift.aws.LocalAws;
import io.pipeshift.aws.SharedMoto;
import io.pipeshift.aws.blueprint.Blueprint;
import io.pipeshift.aws.blueprint.BlueprintBuilder;
import io.pipeshift.aws.blueprint.BlueprintOptions;
import io.pipeshift.testing.Examples;
import io.pipeshift.validate.PipelineLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Throttling, access denied and validation errors answered by a proxy in front of moto. */
class DeployFaultsTest {

  FaultProxy proxy;
  final Blueprint retraining = BlueprintBuilder.build(new PipelineLoader().load(Examples.file("retraining.yaml")).pipeline(),
      DeployTarget.SAGEMAKER, BlueprintOptions.DEFAULT);

  @BeforeEach
  void start() {
    proxy = FaultProxy.in(SharedMoto.fresh().endpoint());
  }

  @AfterEach
  void stop() {
    proxy.close();
  }

  DeployReport deploy() {
    try (AwsClients clients = LocalAws.clients(proxy.endpoint())) {
      return new Deployer(clients, DeployOptions.APPLY, c -> { }).deploy(retraining);
    }
  }

  @Test
  void throttlingIsRetriedByTheSdk() {
    proxy.fail("CreatePipeline", Fault.THROTTLE, 2).fail("GetSchedule", Fault.THROTTLE, 1).fail("CreateRole", Fault.THROTTLE, 1);
    DeployReport r = deploy();
    assertTrue(r.changes().stream().allMatch(c -> c.action() == ChangeAction.CREATE), r.changes().toString());
    assertEquals(3, proxy.calls("CreatePipeline"), "two throttled attempts, then the one that worked");
    assertTrue(proxy.calls("CreateRole") >= 3, "two roles, one throttled attempt");
  }

  @Test
  void persistentThrottlingStopsWithWhatWasDoneAndARerunCompletesTheRest() {
    proxy.always("PutRule", Fault.THROTTLE);
    AwsFailure f = assertThrows(AwsFailure.class, this::deploy);
    assertEquals(AwsFailure.Kind.THROTTLED, f.kind());
    assertEquals(3, proxy.calls("PutRule"), "the standard retry mode makes three attempts");
    assertTrue(f.getMessage().startsWith("throttled by AWS on create events rule churn-retraining-rule-1"), f.getMessage());
    assertTrue(f.done().contains("created sagemaker pipeline churn-retraining"), f.done().toString());
    assertTrue(f.done().contains("created scheduler schedule churn-retraining-schedule-1"), f.done().toString());
    assertEquals(List.of("events rule churn-retraining-rule-1"), f.notDone());

    proxy.clear();
    DeployReport rerun = deploy();
    List<String> changed = new ArrayList<>();
    rerun.changes().stream().filter(c -> c.action() != ChangeAction.UNCHANGED).forEach(c -> changed.add(c.render(false)));
    assertEquals(List.of("created   events rule churn-retraining-rule-1"), changed);
    assertTrue(deploy().unchanged());
  }

  @Test
  void accessDeniedHalfWayNamesTheCallAndReportsProgress() {
    proxy.always("CreateSchedule", Fault.DENY);
    AwsFailure f = assertThrows(AwsFailure.class, this::deploy);
    assertEquals(AwsFailure.Kind.ACCESS_DENIED, f.kind());
    assertEquals(1, proxy.calls("CreateSchedule"), "access denied is not retried");
    assertTrue(f.getMessage().startsWith("access denied: create scheduler schedule churn-retraining-schedule-1"), f.getMessage());
    assertTrue(f.getMessage().contains("not authorized to perform: CreateSchedule"), f.getMessage());
    assertEquals(List.of("scheduler schedule churn-retraining-schedule-1", "events rule churn-retraining-rule-1"), f.notDone());
    assertTrue(f.done().contains("created iam role churn-retraining-triggers"), f.done().toString());
    proxy.clear();
    assertEquals(2, deploy().changes().stream().filter(c -> c.action() == ChangeAction.CREATE).count());
  }

  @Test
  void accessDeniedWithAnXmlBodyOnAJsonServiceIsStillAccessDenied() {
    proxy.always("DescribePipeline", Fault.DENY_XML);
    AwsFailure f = assertThrows(AwsFailure.class, this::deploy);
    assertEquals(AwsFailure.Kind.ACCESS_DENIED, f.kind());
    assertTrue(f.getMessage().startsWith("access denied: describe sagemaker pipeline churn-retraining"), f.getMessage());
  }

  @Test
  void accessDeniedOnIamIsClear() {
    proxy.always("GetRole", Fault.DENY);
    AwsFailure f = assertThrows(AwsFailure.class, this::deploy);
    assertEquals(AwsFailure.Kind.ACCESS_DENIED, f.kind());
    assertTrue(f.getMessage().startsWith("access denied: describe iam role churn-retraining-execution"), f.getMessage());
    assertTrue(f.done().isEmpty());
  }

  @Test
  void aValidationErrorIsReportedAsRejected() {
    proxy.always("CreatePipeline", Fault.VALIDATION);
    AwsFailure f = assertThrows(AwsFailure.class, this::deploy);
    assertEquals(AwsFailure.Kind.VALIDATION, f.kind());
    assertTrue(f.getMessage().startsWith("rejected by AWS: create sagemaker pipeline churn-retraining (ValidationException"), f.getMessage());
    assertEquals(1, proxy.calls("CreatePipeline"));
  }
}
