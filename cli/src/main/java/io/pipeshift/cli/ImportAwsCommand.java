package io.pipeshift.cli;

import io.pipeshift.aws.AwsFailure;
import io.pipeshift.aws.deploy.AwsClients;
import io.pipeshift.aws.imports.AwsImporter;
import io.pipeshift.diag.Diagnostic;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.validate.PipelineValidator;
import io.pipeshift.yaml.PipelineWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pipeshift import aws}: a deployed SageMaker pipeline or state machine back into IR YAML (a
 * subcommand of {@link ImportCommand}).
 */
@Command(name = "aws", mixinStandardHelpOptions = true,
    description = {
      "Import a deployed pipeline from an AWS account into IR YAML.",
      "Reads the SageMaker pipeline (DescribePipeline) or state machine (DescribeStateMachine) with the",
      "matching importer, and adds its name, description, tags and the triggers found in EventBridge",
      "(Scheduler schedules and rules that start it)."
    })
final class ImportAwsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  static final class Which {
    @Option(names = "--pipeline", required = true, paramLabel = "NAME", description = "A SageMaker pipeline's name.")
    String pipeline;

    @Option(names = "--state-machine", required = true, paramLabel = "ARN",
        description = "A state machine's ARN (or its name in this account and region).")
    String stateMachine;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the IR here (default: standard output).")
  Path output;

  @Mixin AwsOptions aws;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Translation<Pipeline> imported;
    String what = which.pipeline != null ? which.pipeline : which.stateMachine;
    try (AwsClients clients = AwsClients.open(aws.settings())) {
      aws.noteCredentials(clients, err);
      AwsImporter importer = new AwsImporter(clients);
      imported = which.pipeline != null ? importer.pipeline(which.pipeline) : importer.stateMachine(which.stateMachine);
    } catch (AwsFailure f) {
      return AwsOptions.report(err, f);
    }
    imported.notes().forEach(n -> err.println(what + ": " + n.render()));
    List<Diagnostic> problems = new PipelineValidator().validate(imported.artifact(), what);
    problems.forEach(d -> err.println(d.render()));
    if (PipelineValidator.hasErrors(problems)) {
      err.println("error: the imported pipeline is not valid IR; nothing was written");
      err.flush();
      return Pipeshift.BAD_INPUT;
    }
    String yaml = new PipelineWriter().write(imported.artifact());
    if (output != null) {
      OutputFiles.write(output, yaml);
    } else {
      spec.commandLine().getOut().print(yaml);
      spec.commandLine().getOut().flush();
    }
    err.flush();
    return Pipeshift.OK;
  }
}
