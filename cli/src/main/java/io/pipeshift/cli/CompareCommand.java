package io.pipeshift.cli;

import io.pipeshift.analyzer.compare.Comparison;
import io.pipeshift.analyzer.report.Format;
import io.pipeshift.analyzer.report.Reporters;
import io.pipeshift.yaml.LoadedPipeline;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"One workflow side by side on SageMaker Pipelines, Step Functions and Airflow/MWAA:",
        "score, limits hit, orchestration cost per 1,000 runs (assumptions stated) and the fidelity notes",
        "each installed converter produces."})
final class CompareCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A pipeline file (IR YAML, or any format pipeshift reads).")
  Path file;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text, markdown or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to a file instead of standard output.")
  Path output;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Analyzer settings, including cost assumptions (default: the nearest .pipeshift.yaml).")
  Path config;

  @Override
  public Integer call() {
    Format f = Format.byId(format).filter(x -> x == Format.TEXT || x == Format.MARKDOWN || x == Format.JSON)
        .orElseThrow(() -> new UserError("unknown --format '" + format + "'; expected text, markdown or json"));
    LoadedPipeline loaded = Inputs.load(file, d -> spec.commandLine().getErr().println(d.render())).artifact();
    Comparison c = Comparison.compare(loaded, ConvertCommand.targets(), AnalyzeCommand.settings(config));
    String text = Reporters.renderComparison(c, f);
    if (output != null) {
      OutputFiles.write(output, text);
    } else {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    }
    return Pipeshift.OK;
  }
}
