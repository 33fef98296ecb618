package io.pipeshift.cli;

import io.pipeshift.aws.AwsFailure;
import io.pipeshift.aws.DeployTarget;
import io.pipeshift.aws.blueprint.Blueprint;
import io.pipeshift.aws.blueprint.BlueprintBuilder;
import io.pipeshift.aws.blueprint.BlueprintOptions;
import io.pipeshift.aws.cfn.CloudFormationWriter;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "package", mixinStandardHelpOptions = true,
    description = {
      "Write a CloudFormation template (YAML) for a pipeline, its role and triggers.",
      "The template holds the SageMaker pipeline or Step Functions state machine, an IAM role with a",
      "least-privilege policy (unless --role), and AWS::Scheduler::Schedule / AWS::Events::Rule resources",
      "for its triggers. Deploy it with CAPABILITY_IAM. No AWS call is made."
    })
final class PackageCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The pipeline (IR YAML, or any format pipeshift reads).")
  Path file;

  @Option(names = "--target", required = true, paramLabel = "TARGET", description = "sagemaker or stepfunctions.")
  String target;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the template here (default: standard output).")
  Path output;

  @Option(names = "--name", paramLabel = "NAME", description = "The pipeline's or state machine's name in the template.")
  String name;

  @Option(names = "--role", paramLabel = "ARN", description = "Use this existing role instead of a role in the template.")
  String role;

  @Option(names = "--substitute", paramLabel = "NAME=VALUE",
      description = "A value for a ${NAME} placeholder of a state machine definition (activity or connection ARNs); repeatable.")
  java.util.Map<String, String> substitutions = new java.util.LinkedHashMap<>();

  @Option(names = "--strict", description = "Fail (exit 1, nothing written) when the translation has warnings.")
  boolean strict;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    DeployTarget t = AwsOptions.target(target);
    Translation<LoadedPipeline> read = Inputs.load(file, d -> err.println(d.render()));
    Blueprint blueprint;
    try {
      blueprint = BlueprintBuilder.build(read.artifact().pipeline(), t,
          new BlueprintOptions(Optional.ofNullable(name), Optional.ofNullable(role), substitutions));
    } catch (AwsFailure f) {
      return AwsOptions.report(err, f);
    }
    List<FidelityNote> notes = new ArrayList<>(read.notes());
    notes.addAll(blueprint.notes());
    notes.forEach(n -> err.println(file + ": " + n.render()));
    if (strict && notes.stream().anyMatch(n -> n.severity().atLeast(Severity.WARNING))) {
      err.println("error: --strict: the translation has warnings; nothing was written");
      err.flush();
      return Pipeshift.FINDINGS;
    }
    String template = CloudFormationWriter.write(blueprint);
    if (output != null) {
      OutputFiles.write(output, template);
    } else {
      spec.commandLine().getOut().print(template);
      spec.commandLine().getOut().flush();
    }
    err.flush();
    return Pipeshift.OK;
  }
}
