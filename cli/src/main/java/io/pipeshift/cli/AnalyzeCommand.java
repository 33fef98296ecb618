package io.pipeshift.cli;

import io.pipeshift.analyzer.Analysis;
import io.pipeshift.analyzer.Analyzer;
import io.pipeshift.analyzer.config.AnalyzerConfig;
import io.pipeshift.analyzer.config.AnalyzerConfigReader;
import io.pipeshift.analyzer.report.Format;
import io.pipeshift.analyzer.report.ReportOptions;
import io.pipeshift.analyzer.report.Reporters;
import io.pipeshift.analyzer.rules.Rules;
import io.pipeshift.diag.InvalidInputException;
import io.pipeshift.diag.Severity;
import io.pipeshift.yaml.LoadedPipeline;
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

@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = {"Score pipelines for SageMaker Pipelines, Step Functions and Airflow/MWAA, and lint them.",
        "Rules: docs/rules.md. Report formats and the JSON schema: docs/analyzer.md."})
final class AnalyzeCommand implements Callable<Integer> {

  enum FailOn { ERROR, WARNING, NEVER }

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Pipeline files (IR YAML, or any format pipeshift reads).")
  List<Path> files;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text, markdown, json, sarif or html (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--fail-on", defaultValue = "error", paramLabel = "LEVEL",
      description = "Exit 1 when a finding is at least this severe: error, warning or never (default: ${DEFAULT-VALUE}).")
  FailOn failOn;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the report to a file instead of standard output.")
  Path output;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Analyzer settings (default: the nearest .pipeshift.yaml up to the repository root).")
  Path config;

  @Override
  public Integer call() {
    Format f = Format.byId(format).orElseThrow(() -> new UserError("unknown --format '" + format
        + "'; expected text, markdown, json, sarif or html"));
    AnalyzerConfig settings = settings(config);
    List<Analysis> analyses = new ArrayList<>();
    boolean bad = false;
    for (Path file : files) {
      try {
        LoadedPipeline loaded = Inputs.load(file, d -> spec.commandLine().getErr().println(d.render())).artifact();
        analyses.add(Analyzer.analyze(loaded, settings));
      } catch (InvalidInputException e) {
        e.diagnostics().forEach(d -> spec.commandLine().getErr().println(d.render()));
        bad = true;
      }
    }
    spec.commandLine().getErr().flush();
    if (bad) {
      return Pipeshift.BAD_INPUT;
    }
    boolean colour = f == Format.TEXT && output == null && System.console() != null && System.getenv("NO_COLOR") == null;
    String report = Reporters.render(analyses, f, colour ? ReportOptions.COLOUR : ReportOptions.PLAIN);
    if (output != null) {
      OutputFiles.write(output, report);
    } else {
      spec.commandLine().getOut().print(report);
      spec.commandLine().getOut().flush();
    }
    Optional<Severity> threshold = switch (failOn) {
      case ERROR -> Optional.of(Severity.ERROR);
      case WARNING -> Optional.of(Severity.WARNING);
      case NEVER -> Optional.empty();
    };
    boolean fail = threshold.isPresent() && analyses.stream().anyMatch(a -> a.hasFindingsAtLeast(threshold.get()));
    return fail ? Pipeshift.FINDINGS : Pipeshift.OK;
  }

  /** --config, else the nearest .pipeshift.yaml, else the defaults. */
  static AnalyzerConfig settings(Path config) {
    AnalyzerConfigReader reader = new AnalyzerConfigReader(Rules.ids());
    if (config != null) {
      return reader.read(config);
    }
    return AnalyzerConfigReader.discover(Path.of("")).map(reader::read).orElse(AnalyzerConfig.DEFAULTS);
  }
}
