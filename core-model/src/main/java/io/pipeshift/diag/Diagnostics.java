package io.pipeshift.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every diagnostic of one input so they can be reported together, in file order. */
public final class Diagnostics {

  private final List<Diagnostic> items = new ArrayList<>();

  public Diagnostic add(Diagnostic diagnostic) {
    items.add(diagnostic);
    return diagnostic;
  }

  public void addAll(List<Diagnostic> more) {
    items.addAll(more);
  }

  public boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  public int errorCount() {
    return (int) items.stream().filter(Diagnostic::isError).count();
  }

  /** All diagnostics sorted by file, line and column; stable for equal positions. */
  public List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(items);
    copy.sort(
        Comparator.comparing((Diagnostic d) -> d.location().file())
            .thenComparingInt(d -> d.location().line())
            .thenComparingInt(d -> d.location().column()));
    return List.copyOf(copy);
  }

  /** Throws {@link InvalidInputException} holding every diagnostic when any is an error. */
  public void throwIfErrors() {
    if (hasErrors()) {
      throw new InvalidInputException(sorted());
    }
  }
}
