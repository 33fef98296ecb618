package io.pipeshift.ir.kinds;

import io.pipeshift.ir.DefaultValue;
import io.pipeshift.ir.Doc;
import io.pipeshift.ir.Immutables;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.Value;
import java.util.List;
import java.util.Optional;

/**
 * Dynamic fan-out: runs its nested steps once per item, at most {@code maxConcurrency} at a time (0 = no
 * limit). The items are a literal list ({@code items}, any JSON-like values) or come from a reference
 * ({@code itemsFrom}: a parameter or another step's output). Body steps read the item with
 * {@code {item: field}} ({@code {item: ""}} for the whole item).
 */
public record ForEachSpec(
    @Doc("Literal items: scalars or mappings") List<Object> items,
    @Doc("A reference whose value is the list of items, instead of literal items") Optional<Value> itemsFrom,
    @DefaultValue("0") int maxConcurrency,
    List<Step> steps)
    implements StepSpec {

  public ForEachSpec {
    @SuppressWarnings("unchecked")
    List<Object> copy = (List<Object>) Immutables.tree(items);
    items = copy;
    steps = List.copyOf(steps);
  }

  /** The number of items when known statically. */
  public Optional<Integer> knownSize() {
    return itemsFrom.isPresent() ? Optional.empty() : Optional.of(items.size());
  }
}
