package io.pipeshift.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.from.airflow.AirflowImport;
import io.pipeshift.from.airflow.ImportSummary;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.spi.EmittedFiles;
import io.pipeshift.spi.PipelineTarget;
import io.pipeshift.spi.TargetOptions;
import io.pipeshift.yaml.PipelineWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code pipeshift import SOURCE ...}: pipelines from elsewhere into the IR. {@code airflow}: a folder of DAG
 * files, in bulk ({@link Airflow}); {@code aws}: one deployed pipeline or state machine ({@link ImportAwsCommand}).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import pipelines into IR: 'import airflow DIR -o OUT' (a folder of DAG files), 'import aws' (from an AWS account).",
    subcommands = {ImportCommand.Airflow.class, ImportAwsCommand.class})
final class ImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SOURCE", description = "airflow or aws.")
  String source;

  @Unmatched List<String> rest;

  @Override
  public Integer call() {
    if (source == null) {
      spec.commandLine().usage(spec.commandLine().getErr());
      return Pipeshift.BAD_INPUT;
    }
    throw new UserError("unknown import source '" + source + "'; expected aws or airflow");
  }

  /** {@code pipeshift import airflow DIR -o OUT [--format ir|asl|sagemaker|airflow]}. */
  @Command(name = "airflow", mixinStandardHelpOptions = true,
      description = {
        "Import every Airflow DAG file (*.py) under DIR, statically: the files are parsed, never imported or run.",
        "Writes one file per DAG (OUT/<dag_id>.yaml, or in --format) and OUT/summary.json; prints a summary.",
        "One bad file never stops the batch."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:every file imported clean (files without a DAG do not count against it)",
        "1:some files imported with warnings (unresolved values, assumptions) or failed (see summary.json)",
        "2:bad usage (DIR missing, unknown --format, OUT not writable)"
      })
  static final class Airflow implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Folder of DAG files (searched recursively), or one file.")
    Path dir;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output folder.")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "ir",
        description = "What to write per DAG: ir (default), or a --to target of convert (asl, sagemaker, airflow).")
    String format;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      PrintWriter stdout = spec.commandLine().getOut();
      if (!Files.exists(dir)) {
        throw new UserError("no such folder: " + dir);
      }
      if (threads != null && threads < 1) {
        throw new UserError("--threads must be at least 1");
      }
      if (Files.exists(out) && !Files.isDirectory(out)) {
        throw new UserError("-o must be a folder, and " + out + " is a file");
      }
      Function<Pipeline, Translation<EmittedFiles>> emitter = emitter(format);
      int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
      Progress progress = System.console() != null ? new Progress(err) : null;
      long start = System.nanoTime();
      ImportSummary summary;
      try {
        summary = new AirflowImport().run(dir, out, new AirflowImport.Options(n, emitter),
            progress == null ? (d, t) -> { } : progress::update);
        writeJson(out.resolve("summary.json"), summary.tree());
      } catch (IOException | UncheckedIOException e) {
        throw new UserError("cannot write to " + out + ": " + e.getMessage());
      }
      if (progress != null) {
        progress.finish();
      }
      print(stdout, summary, (System.nanoTime() - start) / 1e9);
      stdout.flush();
      err.flush();
      return summary.allClean() ? Pipeshift.OK : Pipeshift.FINDINGS;
    }

    private void print(PrintWriter o, ImportSummary s, double seconds) {
      o.printf(Locale.ROOT, "Imported %d Python file(s) from %s into %s (%s) in %.1f s%n", s.files(), dir, out,
          format.toLowerCase(Locale.ROOT), seconds);
      o.printf(Locale.ROOT, "  DAGs: %d, tasks: %d, files written: %d%n", s.dags(), s.tasks(), s.written());
      o.printf(Locale.ROOT, "  files: %d clean, %d with warnings, %d failed, %d without a DAG%n", s.clean(),
          s.withWarnings(), s.failed(), s.withoutDag());
      if (!s.topConstructs().isEmpty()) {
        o.println("  most common unresolved constructs:");
        for (Map.Entry<String, Integer> e : s.topConstructs()) {
          o.printf(Locale.ROOT, "    %5d  %s%n", e.getValue(), e.getKey());
        }
      }
      List<ImportSummary.Entry> failed = s.entries().stream()
          .filter(e -> e.status() == io.pipeshift.from.airflow.FileImport.Status.FAILED).toList();
      if (!failed.isEmpty()) {
        o.println("  failed files:");
        failed.stream().limit(20).forEach(e -> o.println("    " + e.file()));
        if (failed.size() > 20) {
          o.println("    ... and " + (failed.size() - 20) + " more");
        }
      }
      o.println("  details (per file, every note with file:line:col): " + out.resolve("summary.json"));
    }

    private static Function<Pipeline, Translation<EmittedFiles>> emitter(String format) {
      if (format.equalsIgnoreCase("ir")) {
        PipelineWriter writer = new PipelineWriter();
        return p -> new Translation<>(EmittedFiles.of(writer.write(p), "yaml"), List.of());
      }
      for (PipelineTarget t : ConvertCommand.targets()) {
        if (t.id().equalsIgnoreCase(format)) {
          return p -> t.emit(p, new TargetOptions(Map.of("source", p.name())));
        }
      }
      throw new UserError("unknown --format '" + format + "'; use ir or one of: "
          + String.join(", ", ConvertCommand.targets().stream().map(PipelineTarget::id).toList()));
    }

    private static void writeJson(Path file, Object tree) throws IOException {
      String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
      OutputFiles.write(file, json);
    }
  }

  /** A one-line progress bar on the terminal (standard error), redrawn at most every 100 ms. */
  private static final class Progress {
    private final PrintWriter err;
    private long last;

    Progress(PrintWriter err) {
      this.err = err;
    }

    synchronized void update(int done, int total) {
      long now = System.nanoTime();
      if (done < total && now - last < 100_000_000L) {
        return;
      }
      last = now;
      int width = 30;
      int filled = total == 0 ? width : (int) ((long) done * width / total);
      err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " files");
      err.flush();
    }

    synchronized void finish() {
      err.print("\r" + " ".repeat(60) + "\r");
      err.flush();
    }
  }
}
