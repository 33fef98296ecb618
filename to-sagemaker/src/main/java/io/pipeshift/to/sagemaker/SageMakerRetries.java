package io.pipeshift.to.sagemaker;

import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.ir.ErrorClass;
import io.pipeshift.ir.RetryPolicy;
import io.pipeshift.time.Durations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * IR retry policies -> SageMaker {@code RetryPolicies}.
 *
 * <p>SageMaker retries only faults outside the user's code: the pipeline service's ({@code Step.SERVICE_FAULT},
 * {@code Step.THROTTLING}) and, for job steps, the job's ({@code SageMaker.JOB_INTERNAL_ERROR},
 * {@code SageMaker.CAPACITY_ERROR}, {@code SageMaker.RESOURCE_LIMIT}). IR error classes map as
 * service-fault -> SERVICE_FAULT (+ JOB_INTERNAL_ERROR), throttling -> THROTTLING, capacity ->
 * CAPACITY_ERROR, resource-limit -> RESOURCE_LIMIT, all -> every one of them. Task failures, timeouts,
 * permissions and custom errors cannot be retried: they are dropped with a note. Like the SDK, the step
 * types and the job types go in two policies. {@code MaxAttempts} counts retries, as the IR does.
 */
final class SageMakerRetries {

  static final int MAX_ATTEMPTS = 20;
  static final String SERVICE_FAULT = "Step.SERVICE_FAULT";
  static final String THROTTLING = "Step.THROTTLING";
  static final String JOB_INTERNAL_ERROR = "SageMaker.JOB_INTERNAL_ERROR";
  static final String CAPACITY_ERROR = "SageMaker.CAPACITY_ERROR";
  static final String RESOURCE_LIMIT = "SageMaker.RESOURCE_LIMIT";

  private SageMakerRetries() {}

  /**
   * The policies for one step.
   *
   * @param jobStep whether the step runs a SageMaker job (so the SageMaker.* job exception types apply)
   */
  static List<Object> policies(String stepId, RetryPolicy r, boolean jobStep, Consumer<FidelityNote> notes) {
    if (r.retries() <= 0) {
      return List.of();
    }
    Set<String> stepTypes = new LinkedHashSet<>();
    Set<String> jobTypes = new LinkedHashSet<>();
    List<String> dropped = new ArrayList<>();
    List<String> notApplicable = new ArrayList<>();
    for (ErrorClass e : r.errors()) {
      if (e.equals(ErrorClass.ALL)) {
        stepTypes.add(SERVICE_FAULT);
        stepTypes.add(THROTTLING);
        if (jobStep) {
          jobTypes.add(JOB_INTERNAL_ERROR);
          jobTypes.add(CAPACITY_ERROR);
          jobTypes.add(RESOURCE_LIMIT);
        }
        notes.accept(SageMakerNote.RETRY_ALL_NARROWED.at(stepId,
            "retry of 'all' errors covers only " + String.join(", ", all(stepTypes, jobTypes))
                + "; SageMaker never retries a failure of the step's own code (task-failed)"));
      } else if (e.equals(ErrorClass.SERVICE_FAULT)) {
        stepTypes.add(SERVICE_FAULT);
        if (jobStep) {
          jobTypes.add(JOB_INTERNAL_ERROR);
        }
      } else if (e.equals(ErrorClass.THROTTLING)) {
        stepTypes.add(THROTTLING);
      } else if (e.equals(ErrorClass.CAPACITY)) {
        if (jobStep) {
          jobTypes.add(CAPACITY_ERROR);
        } else {
          notApplicable.add(e.name());
        }
      } else if (e.equals(ErrorClass.RESOURCE_LIMIT)) {
        if (jobStep) {
          jobTypes.add(RESOURCE_LIMIT);
        } else {
          notApplicable.add(e.name());
        }
      } else {
        dropped.add(e.name());
      }
    }
    if (!dropped.isEmpty()) {
      notes.accept(SageMakerNote.RETRY_ERRORS_DROPPED.at(stepId,
          "retry of " + dropped + " dropped: SageMaker retries only service faults, throttling, capacity and"
              + " resource limits, never the step's own failures, timeouts or custom errors"));
    }
    if (!notApplicable.isEmpty()) {
      notes.accept(SageMakerNote.RETRY_NOT_APPLICABLE.at(stepId,
          "retry of " + notApplicable + " not applicable: this step starts no SageMaker job"));
    }
    r.maxInterval().ifPresent(m -> notes.accept(SageMakerNote.RETRY_MAX_INTERVAL_DROPPED.at(stepId,
        "retry maxInterval " + Durations.format(m) + " dropped: SageMaker retry intervals grow without a cap")));
    if (r.jitter() == RetryPolicy.Jitter.FULL) {
      notes.accept(SageMakerNote.RETRY_JITTER_DROPPED.at(stepId, "retry jitter dropped: SageMaker waits exactly"));
    }
    int attempts = r.retries();
    if (attempts > MAX_ATTEMPTS) {
      notes.accept(SageMakerNote.RETRY_ATTEMPTS_CAPPED.at(stepId,
          "retries " + attempts + " capped at SageMaker's maximum of " + MAX_ATTEMPTS));
      attempts = MAX_ATTEMPTS;
    }
    long interval = Durations.ceilSeconds(r.interval());
    if (r.interval().getNano() != 0) {
      notes.accept(SageMakerNote.RETRY_INTERVAL_ROUNDED.at(stepId,
          "retry interval " + r.interval() + " rounded up to " + interval + " s"));
    }
    List<Object> out = new ArrayList<>();
    if (!stepTypes.isEmpty()) {
      out.add(policy(r.backoffRate(), interval, attempts, stepTypes));
    }
    if (!jobTypes.isEmpty()) {
      out.add(policy(r.backoffRate(), interval, attempts, jobTypes));
    }
    return out;
  }

  private static List<String> all(Set<String> a, Set<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static Map<String, Object> policy(double backoff, long interval, int attempts, Set<String> types) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("BackoffRate", backoff);
    m.put("IntervalSeconds", interval);
    m.put("MaxAttempts", attempts);
    m.put("ExceptionType", List.copyOf(types));
    return m;
  }
}
