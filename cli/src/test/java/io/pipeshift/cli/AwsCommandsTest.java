package io.pipeshift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.aws.FaultProxy;
import io.pipeshift.aws.SharedMoto;
import io.pipeshift.oracles.ProcessRun;
import io.pipeshift.testing.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy and package as a user runs them: against moto, through the fault proxy, and without AWS. */
class AwsCommandsTest {

  static String retraining() {
    return Examples.file("retraining.yaml").toString();
  }

  @Test
  void deployCreatesThePipelineAndItsScheduleThenSaysUnchanged() {
    String endpoint = SharedMoto.fresh().endpoint().toString();
    CliRun first = CliRun.of("deploy", retraining(), "--target", "sagemaker", "--endpoint-url", endpoint);
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.out().contains("created   sagemaker pipeline churn-retraining"), first.out());
    assertTrue(first.out().contains("created   scheduler schedule churn-retraining-schedule-1"), first.out());
    assertTrue(first.out().contains("churn-retraining: 5 created"), first.out());

    CliRun second = CliRun.of("deploy", retraining(), "--target", "sagemaker", "--endpoint-url", endpoint);
    assertEquals(0, second.exitCode(), second.err());
    assertTrue(second.out().endsWith("churn-retraining: unchanged (5 resources)\n"), second.out());
    assertFalse(second.out().contains("created"), second.out());
  }

  @Test
  void deployToStepFunctionsThenImportTheStateMachine(@TempDir Path dir) throws IOException {
    String endpoint = SharedMoto.fresh().endpoint().toString();
    String file = Examples.file("multi-service.yaml").toString();
    CliRun first = CliRun.of("deploy", file, "--target", "stepfunctions", "--endpoint-url", endpoint);
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.out().contains("created   state machine orders-feature-pipeline"), first.out());
    CliRun second = CliRun.of("deploy", file, "--target", "stepfunctions", "--endpoint-url", endpoint);
    assertTrue(second.out().endsWith("orders-feature-pipeline: unchanged (4 resources)\n"), second.out());
    Path out = dir.resolve("machine.yaml");
    CliRun imported = CliRun.of("import", "aws", "--state-machine", "orders-feature-pipeline", "-o", out.toString(),
        "--endpoint-url", endpoint);
    assertEquals(0, imported.exitCode(), imported.err());
    assertTrue(Files.readString(out).contains("name: orders-feature-pipeline"));
  }

  @Test
  void dryRunPrintsThePlanAndDeploysNothing() {
    String endpoint = SharedMoto.fresh().endpoint().toString();
    CliRun plan = CliRun.of("deploy", retraining(), "--target", "sagemaker", "--endpoint-url", endpoint, "--dry-run", "--name", "planned");
    assertEquals(0, plan.exitCode(), plan.err());
    assertTrue(plan.out().startsWith("create    iam role planned-execution\ncreate    sagemaker pipeline planned\n"), plan.out());
    assertTrue(plan.out().endsWith("plan for planned: 5 to create\n"), plan.out());
    CliRun again = CliRun.of("deploy", retraining(), "--target", "sagemaker", "--endpoint-url", endpoint, "--dry-run", "--name", "planned");
    assertTrue(again.out().endsWith("plan for planned: 5 to create\n"), again.out());
  }

  @Test
  void accessDeniedHalfWayExitsTwoWithProgressAndARerunCompletes() {
    try (FaultProxy proxy = FaultProxy.in(SharedMoto.fresh().endpoint())) {
      proxy.always("PutRule", FaultProxy.Fault.DENY);
      String endpoint = proxy.endpoint().toString();
      CliRun denied = CliRun.of("deploy", retraining(), "--target", "sagemaker", "--endpoint-url", endpoint);
      assertEquals(2, denied.exitCode(), denied.err());
      List<String> err = errorLines(denied.err());
      assertTrue(err.get(0).startsWith("error: access denied: create events rule churn-retraining-rule-1 (User: "), err.get(0));
      assertTrue(err.contains("  created sagemaker pipeline churn-retraining"), denied.err());
      assertTrue(err.contains("not done:"), denied.err());
      assertTrue(err.contains("  events rule churn-retraining-rule-1"), denied.err());
      assertTrue(err.contains("run the same command again to complete the deployment"), denied.err());

      proxy.clear();
      CliRun rerun = CliRun.of("deploy", retraining(), "--target", "sagemaker", "--endpoint-url", endpoint);
      assertEquals(0, rerun.exitCode(), rerun.err());
      assertTrue(rerun.out().contains("created   events rule churn-retraining-rule-1"), rerun.out());
      assertTrue(rerun.out().contains("unchanged sagemaker pipeline churn-retraining"), rerun.out());
    }
  }

  @Test
  void persistentThrottlingExitsTwoWithAClearLine() {
    try (FaultProxy proxy = FaultProxy.in(SharedMoto.fresh().endpoint())) {
      proxy.always("CreatePipeline", FaultProxy.Fault.THROTTLE);
      CliRun r = CliRun.of("deploy", retraining(), "--target", "sagemaker", "--endpoint-url", proxy.endpoint().toString());
      assertEquals(2, r.exitCode(), r.err());
      assertTrue(errorLines(r.err()).get(0).startsWith("error: throttled by AWS on create sagemaker pipeline churn-retraining"), r.err());
      assertEquals(3, proxy.calls("CreatePipeline"));
    }
  }

  @Test
  void aMissingRoleIsOneClearLine() {
    String endpoint = SharedMoto.fresh().endpoint().toString();
    CliRun r = CliRun.of("deploy", retraining(), "--target", "sagemaker", "--endpoint-url", endpoint,
        "--role", "arn:aws:iam::123456789012:role/nobody");
    assertEquals(2, r.exitCode());
    assertEquals(List.of("error: the role given with --role does not exist: arn:aws:iam::123456789012:role/nobody"), errorLines(r.err()));
  }

  @Test
  void aNamedProfileIsUsedAndAMissingOneIsAClearError(@TempDir Path dir) throws IOException {
    String endpoint = SharedMoto.fresh().endpoint().toString();
    Path credentials = Files.writeString(dir.resolve("credentials"), "[ci]\naws_access_key_id = AKIDCI\naws_secret_access_key = secret\n");
    Path config = Files.writeString(dir.resolve("config"), "[profile ci]\nregion = eu-west-1\n");
    String oldCredentials = System.setProperty("aws.sharedCredentialsFile", credentials.toString());
    String oldConfig = System.setProperty("aws.configFile", config.toString());
    try {
      CliRun ok = CliRun.of("deploy", retraining(), "--target", "sagemaker", "--endpoint-url", endpoint, "--profile", "ci", "--dry-run");
      assertEquals(0, ok.exitCode(), ok.err());
      assertFalse(ok.err().contains("placeholder keys"), ok.err());
      CliRun missing = CliRun.of("deploy", retraining(), "--target", "sagemaker", "--endpoint-url", endpoint, "--profile", "nope");
      assertEquals(2, missing.exitCode());
      assertTrue(missing.err().contains("error: no AWS credentials found in profile 'nope'"), missing.err());
    } finally {
      restore("aws.sharedCredentialsFile", oldCredentials);
      restore("aws.configFile", oldConfig);
    }
  }

  @Test
  void packageWritesATemplateWithThePipelineItsTriggersAndRoles(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("template.yaml");
    CliRun r = CliRun.of("package", retraining(), "--target", "sagemaker", "-o", out.toString());
    assertEquals(0, r.exitCode(), r.err());
    String t = Files.readString(out);
    for (String type : List.of("AWS::SageMaker::Pipeline", "AWS::Scheduler::Schedule", "AWS::Events::Rule", "AWS::IAM::Role")) {
      assertTrue(t.contains("Type: " + type), type);
    }
    Path machine = dir.resolve("machine.yaml");
    CliRun sfn = CliRun.of("package", Examples.file("multi-service.yaml").toString(), "--target", "stepfunctions", "-o", machine.toString());
    assertEquals(0, sfn.exitCode(), sfn.err());
    String m = Files.readString(machine);
    for (String type : List.of("AWS::StepFunctions::StateMachine", "AWS::Scheduler::Schedule", "AWS::IAM::Role")) {
      assertTrue(m.contains("Type: " + type), type);
    }
    CliRun bad = CliRun.of("package", retraining(), "--target", "mwaa", "-o", out.toString());
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("unknown target 'mwaa'; expected sagemaker or stepfunctions"), bad.err());
  }

  @Test
  void importAwsWritesTheDeployedPipelineAsIrWithItsTriggers(@TempDir Path dir) throws IOException {
    String endpoint = SharedMoto.fresh().endpoint().toString();
    assertEquals(0, CliRun.of("deploy", retraining(), "--target", "sagemaker", "--endpoint-url", endpoint).exitCode());
    Path out = dir.resolve("imported.yaml");
    CliRun r = CliRun.of("import", "aws", "--pipeline", "churn-retraining", "-o", out.toString(), "--endpoint-url", endpoint);
    assertEquals(0, r.exitCode(), r.err());
    String ir = Files.readString(out);
    assertTrue(ir.contains("name: churn-retraining"), ir);
    assertTrue(ir.contains("timezone: Europe/Berlin"), ir);
    assertTrue(ir.contains("monitoringScheduleName"), ir);
    CliRun valid = CliRun.of("validate", out.toString());
    assertEquals(0, valid.exitCode(), valid.err());

    CliRun missing = CliRun.of("import", "aws", "--pipeline", "nope", "--endpoint-url", endpoint);
    assertEquals(2, missing.exitCode());
    assertEquals(List.of("error: no SageMaker pipeline named 'nope' in us-east-1"), errorLines(missing.err()));
    CliRun both = CliRun.of("import", "aws", "--pipeline", "a", "--state-machine", "b", "--endpoint-url", endpoint);
    assertEquals(2, both.exitCode());
    CliRun other = CliRun.of("import", "gcp", "--pipeline", "a", "--endpoint-url", endpoint);
    assertEquals(2, other.exitCode());
  }

  /**
   * Without --endpoint-url and without credentials the command must fail at once, before any call to
   * AWS: run in a child process whose environment has no AWS settings, no profile files and instance
   * metadata disabled (so the default chain cannot wait on it). The timeout is the "fast" bound.
   */
  @Test
  void withoutEndpointAndCredentialsDeployFailsFastWithAClearMessage(@TempDir Path home) {
    ProcessRun.Result noRegion = child(home, false).run();
    assertEquals(2, noRegion.exitCode(), noRegion.describe());
    assertTrue(noRegion.stderr().contains("error: no AWS region: use --region, AWS_REGION or a profile with a region"),
        noRegion.describe());

    ProcessRun.Result noCredentials = child(home, true).run();
    assertEquals(2, noCredentials.exitCode(), noCredentials.describe());
    assertTrue(noCredentials.stderr().contains("error: no AWS credentials found in the default chain"), noCredentials.describe());
    assertFalse(noCredentials.stdout().contains("created"), noCredentials.describe());
  }

  private static ProcessRun child(Path home, boolean withRegion) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "deploy", retraining(), "--target", "sagemaker"));
    if (withRegion) {
      cmd.add("--region");
      cmd.add("eu-west-1");
    }
    ProcessRun run = ProcessRun.of(cmd).timeout(Duration.ofSeconds(60))
        .env("HOME", home.toString())
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_CONFIG_FILE", home.resolve("no-config").toString())
        .env("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString());
    for (String name : List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
        "AWS_DEFAULT_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_ENDPOINT_URL")) {
      run.env(name, "");
    }
    return run;
  }

  private static List<String> errorLines(String err) {
    List<String> lines = new ArrayList<>();
    boolean started = false;
    for (String line : err.split("\n")) {
      started |= line.startsWith("error: ");
      if (started) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static void restore(String key, String old) {
    if (old == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, old);
    }
  }
}
