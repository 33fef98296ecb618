package io.pipeshift.from.airflow;

import io.pipeshift.diag.Diagnostic;
import io.pipeshift.diag.InvalidInputException;
import io.pipeshift.diag.Location;
import io.pipeshift.diag.Severity;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.spi.PipelineSource;
import io.pipeshift.yaml.LoadedPipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Airflow DAG files as an input format of {@code convert}, {@code validate}, {@code analyze}: the file is
 * parsed and evaluated statically, never imported or run. A file with several DAGs gives the first (with a
 * note naming the others; {@code pipeshift import airflow} imports them all).
 */
public final class AirflowDagSource implements PipelineSource {

  private static final Pattern LOCATED = Pattern.compile("^(.*):(\\d+):(\\d+): (.*)$", Pattern.DOTALL);

  @Override
  public String id() {
    return "airflow";
  }

  /** A {@code .py} file that imports Airflow is likely a DAG file; one that also builds a DAG almost surely. */
  @Override
  public int confidence(Path file, String head) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean py = name.endsWith(".py");
    boolean importsAirflow = head.contains("from airflow") || head.contains("import airflow");
    boolean buildsDag = head.contains("DAG(") || head.contains("@dag") || head.contains("with DAG")
        || head.contains("dag(");
    if (importsAirflow && buildsDag) {
      return py ? 95 : 70;
    }
    if (importsAirflow) {
      return py ? 80 : 50;
    }
    return py ? 10 : 0;
  }

  @Override
  public Translation<LoadedPipeline> read(Path file) {
    FileImport imported = new AirflowDagReader().read(file);
    if (imported.failure().isPresent()) {
      List<Diagnostic> diagnostics = new ArrayList<>();
      for (FidelityNote n : imported.notes()) {
        if (n.severity().atLeast(Severity.ERROR)) {
          diagnostics.add(located(n, file));
        }
      }
      if (diagnostics.isEmpty()) {
        diagnostics.add(new Diagnostic(Severity.ERROR, ImportNote.NOT_EVALUATED.code(), imported.failure().get(),
            Optional.empty(), Location.start(file.toString())));
      }
      throw new InvalidInputException(diagnostics);
    }
    if (imported.dags().isEmpty()) {
      throw InvalidInputException.of(new Diagnostic(Severity.ERROR, ImportNote.NO_DAG.code(),
          "the file defines no Airflow DAG (no DAG(...), no @dag function called)", Optional.empty(),
          Location.start(file.toString())));
    }
    ImportedDag first = imported.dags().get(0);
    List<FidelityNote> notes = new ArrayList<>(imported.notes());
    notes.addAll(first.notes());
    if (imported.dags().size() > 1) {
      notes.add(FidelityNote.info(ImportNote.NO_DAG.code(), null, file + ": the file defines "
          + imported.dags().size() + " DAGs; this is '" + first.dagId() + "' (others: "
          + imported.dags().stream().skip(1).map(ImportedDag::dagId).toList()
          + "); `pipeshift import airflow` imports every DAG"));
    }
    return new Translation<>(new LoadedPipeline(first.pipeline(), first.sourceMap()), notes);
  }

  private static Diagnostic located(FidelityNote n, Path file) {
    Matcher m = LOCATED.matcher(n.message());
    if (m.matches()) {
      return new Diagnostic(Severity.ERROR, n.code(), m.group(4), Optional.empty(),
          new Location(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    }
    return new Diagnostic(Severity.ERROR, n.code(), n.message(), Optional.empty(), Location.start(file.toString()));
  }
}
