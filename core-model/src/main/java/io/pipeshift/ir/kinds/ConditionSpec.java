package io.pipeshift.ir.kinds;

import io.pipeshift.ir.Condition;
import io.pipeshift.ir.Step;
import java.util.List;

/**
 * An n-ary branch: the first branch whose condition holds runs its steps, else {@code otherwise} runs.
 * Branch steps are nested step lists. Steps that name this condition step in {@code after} run once the
 * taken branch has finished: that is the rejoin.
 */
public record ConditionSpec(List<Branch> branches, List<Step> otherwise) implements StepSpec {

  public ConditionSpec {
    branches = List.copyOf(branches);
    otherwise = List.copyOf(otherwise);
  }

  /** One arm: its test and the steps it runs. */
  public record Branch(Condition when, List<Step> steps) {
    public Branch {
      steps = List.copyOf(steps);
    }
  }
}
