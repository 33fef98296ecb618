package io.pipeshift.analyzer.compare;

import io.pipeshift.fidelity.FidelityNote;
import java.util.List;
import java.util.Optional;

/**
 * The fidelity notes one emitter produced for the pipeline, or why there are none.
 *
 * @param targetId the emitter's {@code --to} id; empty when no emitter for the orchestrator was given
 * @param notes what the conversion would approximate or drop
 * @param failure the emitter's error message when it threw (a bug in the emitter, reported, not hidden)
 */
public record TargetNotes(Optional<String> targetId, List<FidelityNote> notes, Optional<String> failure) {
  public TargetNotes {
    notes = List.copyOf(notes);
  }

  public static TargetNotes unavailable() {
    return new TargetNotes(Optional.empty(), List.of(), Optional.empty());
  }

  public boolean available() {
    return targetId.isPresent();
  }
}
