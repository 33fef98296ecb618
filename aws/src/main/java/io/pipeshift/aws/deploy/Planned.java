package io.pipeshift.aws.deploy;

import java.util.List;

/**
 * A resource compared with the account: the action it needs, what differs, and its ARN (found, or
 * predicted when it does not exist yet).
 */
record Planned(ChangeAction action, List<String> reasons, String arn) {
  Planned {
    reasons = List.copyOf(reasons);
  }

  static Planned create(String predictedArn) {
    return new Planned(ChangeAction.CREATE, List.of(), predictedArn);
  }

  static Planned compare(List<String> reasons, String arn) {
    return new Planned(reasons.isEmpty() ? ChangeAction.UNCHANGED : ChangeAction.UPDATE, reasons, arn);
  }

  boolean differs(String reason) {
    return reasons.contains(reason);
  }
}
