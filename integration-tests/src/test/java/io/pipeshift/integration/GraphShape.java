package io.pipeshift.integration;

import io.pipeshift.diff.DiffChange;
import io.pipeshift.diff.PipelineDiff;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Step;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Graph equality of two pipelines: the same steps (matched by id, by display name, or by kind and
 * fields), of the same kinds, in the same step lists, with the same dependency edges after transitive
 * reduction. A step whose id became its display name (formats that name steps by the name people read)
 * counts as the same step.
 */
final class GraphShape {

  static final Set<DiffChange.Type> STRUCTURE = EnumSet.of(DiffChange.Type.STEP_ADDED, DiffChange.Type.STEP_REMOVED,
      DiffChange.Type.STEP_RENAMED, DiffChange.Type.STEP_MOVED, DiffChange.Type.KIND_CHANGED, DiffChange.Type.EDGE_ADDED,
      DiffChange.Type.EDGE_REMOVED);

  private GraphShape() {}

  /** The structural differences of {@code b} from {@code a}; renames to the display name are not differences. */
  static List<DiffChange> differences(Pipeline a, Pipeline b) {
    Map<String, String> labels = a.allSteps().stream().collect(Collectors.toMap(Step::id, Step::label));
    return PipelineDiff.between(a, b).changes().stream()
        .filter(c -> STRUCTURE.contains(c.type()))
        .filter(c -> !(c.type() == DiffChange.Type.STEP_RENAMED
            && c.after().map(x -> x.equals(labels.get(c.step().orElse("")))).orElse(false)))
        .toList();
  }

  static String describe(List<DiffChange> changes) {
    return changes.stream().map(c -> c.type().label() + " " + c.step().orElse("") + " " + c.field().orElse("") + " "
        + c.before().orElse("") + " -> " + c.after().orElse("")).collect(Collectors.joining("\n"));
  }
}
