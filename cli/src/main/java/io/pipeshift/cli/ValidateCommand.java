package io.pipeshift.cli;

import io.pipeshift.diag.InvalidInputException;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.yaml.LoadedPipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Parse and check pipeline files; every problem is reported with file:line:col.")
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Pipeline files (IR YAML, or any format pipeshift reads).")
  List<Path> files;

  @Override
  public Integer call() {
    int exit = Pipeshift.OK;
    for (Path file : files) {
      try {
        Translation<LoadedPipeline> read = Inputs.load(file, d -> spec.commandLine().getErr().println(d.render()));
        Pipeline p = read.artifact().pipeline();
        read.notes().forEach(n -> spec.commandLine().getErr().println(file + ": " + n.render()));
        spec.commandLine().getOut().printf("%s: valid (%d steps, %d parameters, %d triggers)%n",
            file, p.allSteps().size(), p.parameters().size(), p.triggers().size());
      } catch (InvalidInputException e) {
        e.diagnostics().forEach(d -> spec.commandLine().getErr().println(d.render()));
        exit = Pipeshift.BAD_INPUT;
      }
    }
    spec.commandLine().getOut().flush();
    spec.commandLine().getErr().flush();
    return exit;
  }
}
