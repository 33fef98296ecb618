package io.pipeshift.cli;

import io.pipeshift.aws.AwsFailure;
import io.pipeshift.aws.DeployTarget;
import io.pipeshift.aws.blueprint.Blueprint;
import io.pipeshift.aws.blueprint.BlueprintBuilder;
import io.pipeshift.aws.blueprint.BlueprintOptions;
import io.pipeshift.aws.deploy.AwsClients;
import io.pipeshift.aws.deploy.DeployOptions;
import io.pipeshift.aws.deploy.DeployReport;
import io.pipeshift.aws.deploy.Deployer;
import io.pipeshift.diag.Severity;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.yaml.LoadedPipeline;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "deploy", mixinStandardHelpOptions = true,
    description = {
      "Create or update a pipeline in an AWS account, with its role and triggers.",
      "Makes a SageMaker pipeline or a Step Functions state machine, its IAM role (unless --role), and",
      "EventBridge Scheduler schedules / EventBridge rules for its triggers.",
      "Idempotent: running it again changes nothing and says \"unchanged\". Each resource is printed as it is",
      "created, updated, left unchanged or deleted. Credentials and region come from the AWS SDK's default",
      "chain (or --profile / --region). On a failure the error says what was done; run again to complete."
    })
final class DeployCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The pipeline (IR YAML, or any format pipeshift reads).")
  Path file;

  @Option(names = "--target", required = true, paramLabel = "TARGET", description = "sagemaker or stepfunctions.")
  String target;

  @Option(names = "--name", paramLabel = "NAME", description = "Deploy under this name instead of the pipeline's.")
  String name;

  @Option(names = "--role", paramLabel = "ARN",
      description = "An existing role for the pipeline or state machine (default: a role made for it with a least-privilege policy).")
  String role;

  @Option(names = "--dry-run", description = "Print the plan (create, update, unchanged or delete per resource); change nothing.")
  boolean dryRun;

  @Option(names = "--substitute", paramLabel = "NAME=VALUE",
      description = "A value for a ${NAME} placeholder of a state machine definition (activity or connection ARNs); repeatable.")
  java.util.Map<String, String> substitutions = new java.util.LinkedHashMap<>();

  @Option(names = "--strict", description = "Refuse (exit 1, nothing deployed) when the translation has warnings.")
  boolean strict;

  @Mixin AwsOptions aws;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DeployTarget t = AwsOptions.target(target);
    Translation<LoadedPipeline> read = Inputs.load(file, d -> err.println(d.render()));
    try {
      Blueprint blueprint = BlueprintBuilder.build(read.artifact().pipeline(), t,
          new BlueprintOptions(Optional.ofNullable(name), Optional.ofNullable(role), substitutions));
      List<FidelityNote> notes = new ArrayList<>(read.notes());
      notes.addAll(blueprint.notes());
      notes.forEach(n -> err.println(file + ": " + n.render()));
      if (strict && notes.stream().anyMatch(n -> n.severity().atLeast(Severity.WARNING))) {
        err.println("error: --strict: the translation has warnings; nothing was deployed");
        err.flush();
        return Pipeshift.FINDINGS;
      }
      try (AwsClients clients = AwsClients.open(aws.settings())) {
        aws.noteCredentials(clients, err);
        Deployer deployer = new Deployer(clients, dryRun ? DeployOptions.DRY_RUN : DeployOptions.APPLY, c -> {
          out.println(c.render(dryRun));
          out.flush();
        });
        DeployReport report;
        try {
          report = deployer.deploy(blueprint);
        } finally {
          deployer.notes().forEach(n -> err.println(file + ": " + n.render()));
        }
        out.println(report.summary());
      }
    } catch (AwsFailure f) {
      out.flush();
      return AwsOptions.report(err, f);
    }
    out.flush();
    err.flush();
    return Pipeshift.OK;
  }
}
