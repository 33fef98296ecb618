package io.pipeshift.aws.deploy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a deployment did, or in a dry run would do, per resource in order.
 *
 * @param mainArn the pipeline's or state machine's ARN (predicted in a dry run when it does not exist)
 */
public record DeployReport(String name, boolean dryRun, List<Change> changes, String mainArn) {

  public DeployReport {
    changes = List.copyOf(changes);
  }

  public boolean unchanged() {
    return changes.stream().allMatch(c -> c.action() == ChangeAction.UNCHANGED);
  }

  /**
   * {@code churn-retraining: unchanged (5 resources)} or {@code churn-retraining: 2 created, 3 unchanged}
   * (dry run: {@code plan for churn-retraining: 2 to create, ...}).
   */
  public String summary() {
    if (unchanged()) {
      return (dryRun ? "plan for " : "") + name + ": unchanged (" + changes.size() + " resources"
          + (dryRun ? ", nothing to do)" : ")");
    }
    Map<ChangeAction, Integer> counts = new TreeMap<>();
    changes.forEach(c -> counts.merge(c.action(), 1, Integer::sum));
    StringBuilder s = new StringBuilder(dryRun ? "plan for " + name + ": " : name + ": ");
    String sep = "";
    for (Map.Entry<ChangeAction, Integer> e : counts.entrySet()) {
      s.append(sep).append(e.getValue()).append(' ')
          .append(dryRun && e.getKey() != ChangeAction.UNCHANGED ? "to " + e.getKey().planned() : e.getKey().done());
      sep = ", ";
    }
    return s.toString();
  }
}
