package io.pipeshift.from.airflow;

import io.pipeshift.diag.Severity;
import io.pipeshift.fidelity.FidelityNote;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The import of one Python file.
 *
 * @param file the file
 * @param dags its DAGs, in the order the file creates them
 * @param notes notes about the file as a whole (syntax errors, evaluation gaps), located
 * @param constructs unresolved constructs met while evaluating the file
 * @param failure why the file could not be imported at all, if it could not
 */
public record FileImport(Path file, List<ImportedDag> dags, List<FidelityNote> notes, List<String> constructs,
    Optional<String> failure) {

  /** How a file came through. */
  public enum Status {
    /** Every DAG imported without a warning. */
    CLEAN,
    /** Imported, with at least one warning (an unresolved value, an assumption). */
    WARNINGS,
    /** Not imported: a syntax error, or an internal limit. */
    FAILED,
    /** Valid Python that defines no DAG (a helper module, a plugin). */
    NO_DAG
  }

  public FileImport {
    dags = List.copyOf(dags);
    notes = List.copyOf(notes);
    constructs = List.copyOf(constructs);
  }

  public Status status() {
    if (failure.isPresent()) {
      return Status.FAILED;
    }
    if (dags.isEmpty()) {
      return Status.NO_DAG;
    }
    boolean warned = notes.stream().anyMatch(n -> n.severity().atLeast(Severity.WARNING))
        || dags.stream().anyMatch(d -> d.notes().stream().anyMatch(n -> n.severity().atLeast(Severity.WARNING)));
    return warned ? Status.WARNINGS : Status.CLEAN;
  }

  /** Every note: the file's, then each DAG's. */
  public List<FidelityNote> allNotes() {
    List<FidelityNote> all = new java.util.ArrayList<>(notes);
    dags.forEach(d -> all.addAll(d.notes()));
    return all;
  }
}
