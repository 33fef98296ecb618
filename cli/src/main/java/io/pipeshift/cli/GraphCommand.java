package io.pipeshift.cli;

import io.pipeshift.graph.DotRenderer;
import io.pipeshift.graph.MermaidRenderer;
import io.pipeshift.ir.Pipeline;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "graph", mixinStandardHelpOptions = true,
    description = "Print a pipeline's step graph as a Mermaid flowchart or Graphviz DOT.")
final class GraphCommand implements Callable<Integer> {

  enum Format { MERMAID, DOT }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A pipeline file.")
  Path file;

  @Option(names = "--format", defaultValue = "mermaid", description = "mermaid or dot (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to a file instead of standard output.")
  Path output;

  @Override
  public Integer call() {
    Pipeline p = Inputs.load(file, d -> spec.commandLine().getErr().println(d.render())).artifact().pipeline();
    String text = format == Format.MERMAID ? MermaidRenderer.render(p) : DotRenderer.render(p);
    if (output != null) {
      OutputFiles.write(output, text);
    } else {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    }
    return Pipeshift.OK;
  }
}
