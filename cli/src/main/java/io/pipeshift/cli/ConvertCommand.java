package io.pipeshift.cli;

import io.pipeshift.diag.Severity;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.spi.EmittedFiles;
import io.pipeshift.spi.PipelineTarget;
import io.pipeshift.spi.TargetOptions;
import io.pipeshift.yaml.LoadedPipeline;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "convert", mixinStandardHelpOptions = true,
    description = {
      "Convert a pipeline to another orchestrator's format. The input format is detected.",
      "Fidelity notes (what was approximated or dropped) are printed on standard error."
    })
final class ConvertCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "IN", description = "The pipeline to convert.")
  Path input;

  @Option(names = "--to", required = true, paramLabel = "FORMAT",
      description = "Target format: ${COMPLETION-CANDIDATES}.", completionCandidates = TargetNames.class)
  String to;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to a file (atomically) instead of standard output.")
  Path output;

  @Option(names = "--strict", description = "Fail (exit 1, nothing written) when any note is a warning or an error.")
  boolean strict;

  @Option(names = "--with-infra", paramLabel = "DIR",
      description = "Also write companion documents (trigger rules, schedules, IAM policy) into DIR.")
  Path infra;

  @Option(names = "--airflow", paramLabel = "VERSION", defaultValue = "3",
      description = "Airflow major version for --to airflow: 3 (default) or 2.")
  String airflowVersion;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PipelineTarget target = target(to);
    if (!airflowVersion.equals("3") && !airflowVersion.equals("2")) {
      throw new UserError("--airflow must be 3 or 2, not '" + airflowVersion + "'");
    }
    Translation<LoadedPipeline> read = Inputs.load(input, d -> err.println(d.render()));
    Map<String, String> options = new LinkedHashMap<>();
    options.put("source", input.getFileName().toString());
    options.put("airflow.version", airflowVersion);
    if (infra != null) {
      options.put("infra", "true");
    }
    Translation<EmittedFiles> emitted = target.emit(read.artifact().pipeline(), new TargetOptions(options)).after(read.notes());
    for (FidelityNote n : emitted.notes()) {
      err.println(input + ": " + n.render());
    }
    if (strict && emitted.hasNotesAtLeast(Severity.WARNING)) {
      long blocking = emitted.notes().stream().filter(n -> n.severity().atLeast(Severity.WARNING)).count();
      err.println("error: --strict: " + blocking + " note(s) of warning level or above; nothing was written");
      err.flush();
      return Pipeshift.FINDINGS;
    }
    EmittedFiles files = emitted.artifact();
    if (output != null) {
      OutputFiles.write(output, files::writeMain);
    } else {
      try {
        files.writeMain(spec.commandLine().getOut());
      } catch (java.io.IOException e) {
        throw new UserError("cannot write to standard output: " + e.getMessage());
      }
      spec.commandLine().getOut().flush();
    }
    if (infra != null) {
      files.companions().forEach((name, text) -> OutputFiles.write(infra.resolve(name), text));
      if (files.companions().isEmpty()) {
        err.println("note: the " + target.id() + " target has no companion documents for this pipeline");
      }
    }
    err.flush();
    return Pipeshift.OK;
  }

  static List<PipelineTarget> targets() {
    return ServiceLoader.load(PipelineTarget.class).stream().map(ServiceLoader.Provider::get)
        .sorted(Comparator.comparing(PipelineTarget::id)).toList();
  }

  private static PipelineTarget target(String id) {
    for (PipelineTarget t : targets()) {
      if (t.id().equalsIgnoreCase(id)) {
        return t;
      }
    }
    throw new UserError("unknown target '" + id + "'; known targets: "
        + targets().stream().map(PipelineTarget::id).collect(Collectors.joining(", ")));
  }

  /** The --to candidates for help and completion. */
  static final class TargetNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    TargetNames() {
      super(targets().stream().map(PipelineTarget::id).toList());
    }
  }
}
