package io.pipeshift.from.airflow;

import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.spi.EmittedFiles;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Bulk import: every {@code .py} file under a folder, in parallel on a fixed pool, one output file per DAG
 * ({@code OUT/<dag_id>.<ext>}), and an {@link ImportSummary}. One bad file never stops the batch. Output
 * names are given in file order after all files are read, so a run is deterministic whatever the
 * scheduling.
 */
public final class AirflowImport {

  /** Told after each file (from worker threads). */
  public interface Progress {
    void fileDone(int done, int total);
  }

  /**
   * How to write each pipeline.
   *
   * @param threads pool size (the number of cores, usually)
   * @param emitter pipeline -> the text to write and its extension (IR YAML, or a target's format)
   */
  public record Options(int threads, Function<Pipeline, Translation<EmittedFiles>> emitter) {}

  private record Rendered(ImportedDag dag, String text, String extension, List<FidelityNote> notes, String error) {}

  private record Done(FileImport file, List<Rendered> rendered) {}

  private final AirflowDagReader reader = new AirflowDagReader();

  /** Imports every DAG file under {@code dir} into {@code out} (created if missing). */
  public ImportSummary run(Path dir, Path out, Options options, Progress progress) throws IOException {
    List<Path> files = pythonFiles(dir);
    Files.createDirectories(out);
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()), threads());
    List<Done> results = new ArrayList<>(files.size());
    try {
      List<Future<Done>> futures = new ArrayList<>(files.size());
      for (Path f : files) {
        futures.add(pool.submit(() -> {
          try {
            return importOne(dir, f, options);
          } finally {
            progress.fileDone(done.incrementAndGet(), files.size());
          }
        }));
      }
      for (int i = 0; i < futures.size(); i++) {
        try {
          results.add(futures.get(i).get());
        } catch (ExecutionException e) {
          String label = label(dir, files.get(i));
          String why = label + ": internal limit while importing (" + e.getCause().getClass().getSimpleName() + ")";
          results.add(new Done(new FileImport(files.get(i), List.of(), List.of(), List.of(),
              java.util.Optional.of(why)), List.of()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return write(dir, out, results);
  }

  private Done importOne(Path dir, Path f, Options options) {
    FileImport imported = reader.read(f, label(dir, f));
    List<Rendered> rendered = new ArrayList<>();
    for (ImportedDag d : imported.dags()) {
      try {
        Translation<EmittedFiles> t = options.emitter().apply(d.pipeline());
        rendered.add(new Rendered(d, t.artifact().main(), t.artifact().extension(), t.notes(), null));
      } catch (RuntimeException e) {
        rendered.add(new Rendered(d, null, null, List.of(), "could not be written in the requested format ("
            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")"));
      }
    }
    return new Done(imported, rendered);
  }

  private ImportSummary write(Path dir, Path out, List<Done> results) throws IOException {
    Set<String> usedNames = new HashSet<>();
    Map<String, Integer> constructs = new HashMap<>();
    List<ImportSummary.Entry> entries = new ArrayList<>();
    int clean = 0;
    int warnings = 0;
    int failed = 0;
    int noDag = 0;
    int dags = 0;
    int tasks = 0;
    int written = 0;
    for (Done d : results) {
      FileImport f = d.file();
      Map<String, String> outputs = new LinkedHashMap<>();
      List<String> notes = new ArrayList<>();
      f.allNotes().forEach(n -> notes.add(n.render()));
      boolean writeFailed = false;
      for (Rendered r : d.rendered()) {
        r.notes().forEach(n -> notes.add(n.render()));
        if (r.error() != null) {
          notes.add("error: DAG '" + r.dag().dagId() + "' " + r.error());
          writeFailed = true;
          continue;
        }
        String name = fileName(r.dag().dagId(), r.extension(), usedNames);
        Files.writeString(out.resolve(name), r.text());
        outputs.put(r.dag().dagId(), name);
        written++;
        dags++;
        tasks += r.dag().tasks();
      }
      f.constructs().forEach(c -> constructs.merge(c, 1, Integer::sum));
      f.dags().forEach(x -> x.constructs().forEach(c -> constructs.merge(c, 1, Integer::sum)));
      FileImport.Status status = writeFailed ? FileImport.Status.FAILED : f.status();
      switch (status) {
        case CLEAN -> clean++;
        case WARNINGS -> warnings++;
        case FAILED -> failed++;
        case NO_DAG -> noDag++;
      }
      entries.add(new ImportSummary.Entry(label(dir, f.file()), status, outputs, notes));
    }
    List<Map.Entry<String, Integer>> top = new ArrayList<>(constructs.entrySet());
    top.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    return new ImportSummary(results.size(), clean, warnings, failed, noDag, dags, tasks, written,
        top.subList(0, Math.min(10, top.size())).stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList(),
        entries);
  }

  /** {@code <dag_id>.<ext>}, file-system safe and unique (case-insensitively) in the output folder. */
  static String fileName(String dagId, String extension, Set<String> used) {
    String base = dagId.replaceAll("[^A-Za-z0-9._-]", "_");
    if (base.isEmpty() || base.startsWith(".")) {
      base = "dag_" + base;
    }
    if (base.length() > 200) {
      base = base.substring(0, 200);
    }
    String name = base + "." + extension;
    int n = 2;
    while (!used.add(name.toLowerCase(Locale.ROOT)) || name.equalsIgnoreCase("summary.json")) {
      name = base + "__" + n++ + "." + extension;
    }
    return name;
  }

  static String label(Path dir, Path file) {
    Path rel = dir.relativize(file);
    return rel.toString().isEmpty() ? file.getFileName().toString() : rel.toString().replace('\\', '/');
  }

  /** Every {@code .py} file under {@code dir} (skipping hidden folders and {@code __pycache__}), sorted. */
  static List<Path> pythonFiles(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    if (Files.isRegularFile(dir)) {
      return List.of(dir);
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
        String n = d.getFileName() == null ? "" : d.getFileName().toString();
        if (!d.equals(dir) && (n.startsWith(".") || n.equals("__pycache__") || n.equals("node_modules"))) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
        if (attrs.isRegularFile() && f.getFileName().toString().endsWith(".py")) {
          out.add(f);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path f, IOException e) {
        return FileVisitResult.CONTINUE;
      }
    });
    out.sort(Comparator.comparing(p -> dir.relativize(p).toString()));
    return out;
  }

  /** Worker threads with room for deeply nested expressions (the parser and evaluator recurse). */
  private static ThreadFactory threads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(null, r, "pipeshift-import-" + n.incrementAndGet(), 64L * 1024 * 1024);
      t.setDaemon(true);
      return t;
    };
  }

}
