package io.pipeshift.from.airflow.mapping;

import io.pipeshift.diag.Severity;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.from.airflow.ImportNote;
import io.pipeshift.from.airflow.eval.TaskNode;
import io.pipeshift.ir.kinds.StepSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * State of mapping one DAG: the file (for locations), the notes written so far, the unresolved constructs
 * met (for bulk summaries), step ids and specs by task, parameter names.
 */
public final class MappingContext {

  private final String file;
  private final List<FidelityNote> notes = new ArrayList<>();
  private final List<String> constructs = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  final Map<TaskNode, String> stepIds = new LinkedHashMap<>();
  final Map<String, StepSpec> specs = new LinkedHashMap<>();
  /** DAG param name as written -> IR parameter name. */
  final Map<String, String> parameters = new LinkedHashMap<>();

  public MappingContext(String file) {
    this.file = file;
  }

  public String file() {
    return file;
  }

  /** A note located at {@code line:column} of the file (0 = unknown). */
  public void note(ImportNote kind, String step, int line, int column, String message) {
    String where = line > 0 ? file + ":" + line + ":" + column + ": " : file + ": ";
    String text = where + message;
    if (seen.add(kind.code() + "|" + step + "|" + text)) {
      notes.add(new FidelityNote(kind.code(), kind.severity(), Optional.ofNullable(step), text));
    }
  }

  /** A value that cannot be known statically was met; counts its construct for summaries. */
  public void unresolved(String step, int line, int column, String construct, String message) {
    String before = notes.size() + "";
    note(ImportNote.UNRESOLVED, step, line, column, message);
    if (!before.equals(notes.size() + "")) {
      constructs.add(construct);
    }
  }

  /** A construct counted for the summary without a note of its own (the note was written elsewhere). */
  public void construct(String construct) {
    constructs.add(construct);
  }

  public List<FidelityNote> notes() {
    return notes;
  }

  public List<String> constructs() {
    return constructs;
  }

  public boolean hasWarnings() {
    return notes.stream().anyMatch(n -> n.severity().atLeast(Severity.WARNING));
  }

  String stepId(TaskNode t) {
    return stepIds.get(t);
  }
}
