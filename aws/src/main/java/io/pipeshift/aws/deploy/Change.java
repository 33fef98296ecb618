package io.pipeshift.aws.deploy;

import java.util.List;

/**
 * One resource's change in a deployment or plan.
 *
 * @param label the kind, e.g. {@code sagemaker pipeline}
 * @param reasons for an update, what differs (e.g. {@code definition}, {@code tags})
 */
public record Change(ChangeAction action, String label, String name, List<String> reasons) {

  public Change {
    reasons = List.copyOf(reasons);
  }

  /** {@code updated sagemaker pipeline churn-retraining (definition)}; plan wording when {@code planned}. */
  public String render(boolean planned) {
    String verb = planned ? action.planned() : action.done();
    return String.format("%-9s %s %s%s", verb, label, name, reasons.isEmpty() ? "" : " (" + String.join(", ", reasons) + ")");
  }
}
