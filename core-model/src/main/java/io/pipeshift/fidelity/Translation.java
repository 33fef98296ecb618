package io.pipeshift.fidelity;

import io.pipeshift.diag.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A translation's result and every fidelity note it produced. Nothing is dropped silently. */
public record Translation<T>(T artifact, List<FidelityNote> notes) {

  public Translation {
    notes = List.copyOf(notes);
  }

  public boolean hasNotesAtLeast(Severity severity) {
    return notes.stream().anyMatch(n -> n.severity().atLeast(severity));
  }

  public <R> Translation<R> map(Function<T, R> f) {
    return new Translation<>(f.apply(artifact), notes);
  }

  /** This translation's artifact with the notes of an earlier leg in front (any-to-any conversion). */
  public Translation<T> after(List<FidelityNote> earlier) {
    List<FidelityNote> all = new ArrayList<>(earlier);
    all.addAll(notes);
    return new Translation<>(artifact, all);
  }
}
