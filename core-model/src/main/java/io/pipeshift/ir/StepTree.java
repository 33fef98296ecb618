package io.pipeshift.ir;

import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.ForEachSpec;
import java.util.ArrayList;
import java.util.List;

/** Walks nested step lists (condition branches, for-each bodies). */
public final class StepTree {

  private StepTree() {}

  /** The step lists directly inside a container step (empty for other kinds). */
  public static List<List<Step>> childLists(Step step) {
    if (step.spec() instanceof ConditionSpec c) {
      List<List<Step>> lists = new ArrayList<>();
      c.branches().forEach(b -> lists.add(b.steps()));
      lists.add(c.otherwise());
      return lists;
    }
    if (step.spec() instanceof ForEachSpec f) {
      return List.of(f.steps());
    }
    return List.of();
  }

  public static List<Step> flatten(List<Step> steps) {
    List<Step> out = new ArrayList<>();
    addAll(steps, out);
    return out;
  }

  private static void addAll(List<Step> steps, List<Step> out) {
    for (Step s : steps) {
      out.add(s);
      for (List<Step> child : childLists(s)) {
        addAll(child, out);
      }
    }
  }
}
