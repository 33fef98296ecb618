package io.pipeshift.ir.kinds;

import io.pipeshift.ir.Value;
import java.util.List;
import java.util.Optional;

/**
 * Waits for a person to approve: a message with a task token is sent to a topic or queue, and the run
 * continues when the token is returned (rejected = failure).
 */
public record ApprovalSpec(
    Optional<String> topic, Optional<String> queueUrl, Optional<Value> message, List<String> approvers)
    implements StepSpec {

  public ApprovalSpec {
    approvers = List.copyOf(approvers);
  }
}
