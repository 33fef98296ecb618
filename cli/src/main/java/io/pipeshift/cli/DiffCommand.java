package io.pipeshift.cli;

import io.pipeshift.diag.Diagnostic;
import io.pipeshift.diag.InvalidInputException;
import io.pipeshift.diag.Location;
import io.pipeshift.diag.Problem;
import io.pipeshift.diff.PipelineDiff;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.spi.EmittedFiles;
import io.pipeshift.spi.PipelineSource;
import io.pipeshift.spi.PipelineTarget;
import io.pipeshift.spi.TargetOptions;
import io.pipeshift.yaml.LoadedPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {
      "Show the semantic difference of two pipelines in any formats: steps added, removed, renamed or moved,",
      "changed fields, dependency edges, retry, timeout, caching and catch changes, parameters.",
      "When the two files are in different formats, each side is first sent through the other's format and",
      "back, so details one format cannot hold are not reported as differences (use --raw to compare as read);",
      "IR YAML converted from another format counts as that format.",
      "Exit code 0: no differences; 1: differences; 2: bad input."
    })
final class DiffCommand implements Callable<Integer> {

  private static final int HEAD_BYTES = 8192;

  enum Format { text, json }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A", description = "The first pipeline (the reference).")
  Path first;

  @Parameters(index = "1", paramLabel = "B", description = "The second pipeline.")
  Path second;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--metadata",
      description = "Also compare names, descriptions, tags, triggers and display names (most formats cannot hold them).")
  boolean metadata;

  @Option(names = "--extensions", description = "Also compare format-specific extensions.")
  boolean extensions;

  @Option(names = "--raw", description = "Compare the pipelines as read, without sending them through each other's format.")
  boolean raw;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PipelineSource sourceA = detect(first);
    PipelineSource sourceB = detect(second);
    Pipeline a = Inputs.load(first, d -> err.println(d.render())).artifact().pipeline();
    Pipeline b = Inputs.load(second, d -> err.println(d.render())).artifact().pipeline();
    Optional<String> formatA = family(sourceA, a);
    Optional<String> formatB = family(sourceB, b);
    if (!raw && !formatA.equals(formatB)) {
      if (formatB.isPresent()) {
        a = through(a, formatB.get(), first, err);
      }
      if (formatA.isPresent()) {
        b = through(b, formatA.get(), second, err);
      }
    }
    PipelineDiff diff = PipelineDiff.between(a, b, new PipelineDiff.Options(metadata, extensions));
    PrintWriter out = spec.commandLine().getOut();
    out.print(format == Format.json ? diff.json() : diff.text());
    out.flush();
    err.flush();
    return diff.isEmpty() ? Pipeshift.OK : Pipeshift.FINDINGS;
  }

  /**
   * The format a side is compared in: its source's target format, or, for IR YAML that {@code convert} wrote
   * from another format, that format (the importers record it as {@code extensions.<format>.importedFrom}).
   * Empty for IR written by hand.
   */
  private static Optional<String> family(PipelineSource source, Pipeline pipeline) {
    Optional<String> own = source.targetId().filter(t -> !t.equals("ir"));
    if (own.isPresent()) {
      return own;
    }
    for (Map.Entry<String, Object> e : pipeline.extensions().entrySet()) {
      if (e.getValue() instanceof Map<?, ?> m && m.containsKey("importedFrom")
          && ConvertCommand.targets().stream().anyMatch(t -> t.id().equals(e.getKey()))) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }

  /**
   * The pipeline as it comes back from {@code targetId}: written by that target and read by the source of
   * the same id. Without that target or source the pipeline is compared as it is, with a note.
   */
  private Pipeline through(Pipeline p, String targetId, Path file, PrintWriter err) {
    Optional<PipelineTarget> target = ConvertCommand.targets().stream().filter(t -> t.id().equals(targetId)).findFirst();
    Optional<PipelineSource> source = Inputs.sources().stream().filter(s -> s.id().equals(targetId)).findFirst();
    if (target.isEmpty() || source.isEmpty()) {
      err.println("note: no " + targetId + " " + (target.isEmpty() ? "target" : "source") + " is installed; "
          + file + " is compared as read, so details " + targetId + " cannot hold may show as differences");
      return p;
    }
    Translation<EmittedFiles> emitted = target.get().emit(p, TargetOptions.NONE);
    Path dir = null;
    try {
      dir = Files.createTempDirectory("pipeshift-diff");
      Path tmp = dir.resolve(file.getFileName().toString().replaceFirst("\\.[^.]*$", "") + "." + emitted.artifact().extension());
      Files.writeString(tmp, emitted.artifact().main(), StandardCharsets.UTF_8);
      Translation<LoadedPipeline> back = source.get().read(tmp);
      err.println("note: " + file + " was sent through " + targetId + " and back before comparing ("
          + emitted.notes().size() + " detail(s) " + targetId + " cannot hold are not compared)");
      return back.artifact().pipeline();
    } catch (IOException e) {
      throw new UserError("cannot write a temporary file for the comparison: " + e.getMessage());
    } finally {
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> {
        try {
          Files.deleteIfExists(f);
        } catch (IOException e) {
          // a leftover temp file is harmless
        }
      });
    } catch (IOException e) {
      // same
    }
  }

  /** The source that reads a file: the one most confident about its name and first bytes. */
  private static PipelineSource detect(Path file) {
    String head;
    try (InputStream in = Files.newInputStream(file)) {
      head = new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw InvalidInputException.of(Diagnostic.error(Problem.NOT_READABLE, Location.start(file.toString()),
          Files.exists(file) ? e.getMessage() : "no such file"));
    }
    PipelineSource best = null;
    int bestScore = 0;
    for (PipelineSource s : Inputs.sources()) {
      int score = s.confidence(file, head);
      if (score > bestScore) {
        best = s;
        bestScore = score;
      }
    }
    if (best == null) {
      throw InvalidInputException.of(Diagnostic.error(Problem.NOT_READABLE, Location.start(file.toString()),
          "cannot tell the format of this file"));
    }
    return best;
  }
}
