package io.pipeshift.to.asl;

import java.util.List;
import java.util.Map;

/**
 * One Task state's call: the integration's Resource and Parameters, the service (for error names), how
 * the state waits, and the IAM statements the machine's role needs for it.
 */
record AslTask(String resource, Map<String, Object> parameters, AslService service, Wait waits,
    List<AslIam.Statement> iam) {

  AslTask {
    iam = List.copyOf(iam);
  }

  /** How the Task ends. */
  enum Wait {
    /** Request-response: done when the service accepted the call. */
    CALL,
    /** {@code .sync}: done when the job ends. */
    JOB,
    /** {@code .waitForTaskToken}: done when someone returns the token. */
    CALLBACK,
    /** An activity: done when a worker reports back. */
    ACTIVITY
  }
}
