package io.pipeshift.to.asl;

import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.ir.ErrorClass;
import io.pipeshift.ir.RetryPolicy;
import io.pipeshift.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * IR error classes and retry policies -> ASL error names and Retriers, in one place.
 *
 * <table>
 *   <caption>error classes</caption>
 *   <tr><th>IR</th><th>ASL</th></tr>
 *   <tr><td>all</td><td>States.ALL (alone, and its catcher last)</td></tr>
 *   <tr><td>timeout</td><td>States.Timeout (also heartbeat timeouts)</td></tr>
 *   <tr><td>task-failed</td><td>States.TaskFailed</td></tr>
 *   <tr><td>permissions</td><td>States.Permissions</td></tr>
 *   <tr><td>service-fault</td><td>the service's own names (e.g. Lambda.ServiceException...), else States.TaskFailed</td></tr>
 *   <tr><td>throttling</td><td>Lambda.TooManyRequestsException, States.Http.StatusCode.429, ..., else the service's generic exception</td></tr>
 *   <tr><td>capacity</td><td>States.TaskFailed (a SageMaker job that found no capacity fails as a task)</td></tr>
 *   <tr><td>resource-limit</td><td>SageMaker.ResourceLimitExceededException, else the service's generic exception</td></tr>
 *   <tr><td>custom names</td><td>kept as written</td></tr>
 * </table>
 */
final class AslErrors {

  /** ASL's limit for MaxDelaySeconds (a year and a day). */
  static final long MAX_DELAY_SECONDS = 31_622_400L;

  private AslErrors() {}

  /** ASL error names for IR error classes on a state that calls {@code service}. */
  static List<String> names(List<ErrorClass> errors, AslService service, Consumer<String> broadened) {
    Set<String> out = new LinkedHashSet<>();
    for (ErrorClass e : errors) {
      if (e.equals(ErrorClass.ALL)) {
        return List.of("States.ALL");
      } else if (e.equals(ErrorClass.TIMEOUT)) {
        out.add("States.Timeout");
      } else if (e.equals(ErrorClass.TASK_FAILED)) {
        out.add("States.TaskFailed");
      } else if (e.equals(ErrorClass.PERMISSIONS)) {
        out.add("States.Permissions");
      } else if (e.equals(ErrorClass.SERVICE_FAULT)) {
        if (service.serviceFaults().isEmpty()) {
          out.add("States.TaskFailed");
          broadened.accept("service-fault -> States.TaskFailed (no service error name here)");
        } else {
          out.addAll(service.serviceFaults());
        }
      } else if (e.equals(ErrorClass.THROTTLING)) {
        if (!service.throttling().isEmpty()) {
          out.addAll(service.throttling());
        } else if (!service.serviceFaults().isEmpty()) {
          out.addAll(service.serviceFaults());
          broadened.accept("throttling -> " + String.join(", ", service.serviceFaults())
              + " (the integration reports throttling as its generic service exception)");
        } else {
          out.add("States.TaskFailed");
          broadened.accept("throttling -> States.TaskFailed (no service error name here)");
        }
      } else if (e.equals(ErrorClass.CAPACITY)) {
        out.add("States.TaskFailed");
        broadened.accept("capacity -> States.TaskFailed (a job without capacity fails as a task; so do other failures)");
      } else if (e.equals(ErrorClass.RESOURCE_LIMIT)) {
        if (service == AslService.SAGEMAKER || service == AslService.SAGEMAKER_SDK) {
          out.add("SageMaker.ResourceLimitExceededException");
          if (service == AslService.SAGEMAKER) {
            out.addAll(service.serviceFaults());
            broadened.accept("resource-limit -> SageMaker.ResourceLimitExceededException and "
                + "SageMaker.AmazonSageMakerException (the optimised integration may wrap it)");
          }
        } else if (!service.serviceFaults().isEmpty()) {
          out.addAll(service.serviceFaults());
          broadened.accept("resource-limit -> " + String.join(", ", service.serviceFaults()));
        } else {
          out.add("States.TaskFailed");
          broadened.accept("resource-limit -> States.TaskFailed (no service error name here)");
        }
      } else {
        out.add(e.name());
      }
    }
    return List.copyOf(out);
  }

  /**
   * The Retrier for a retry policy, or empty when it retries nothing. IntervalSeconds and MaxDelaySeconds
   * are whole seconds (rounded up, with a note); MaxAttempts is the IR's retries (both count retries after
   * the first attempt).
   */
  static List<Map<String, Object>> retriers(RetryPolicy policy, AslService service, String stepId,
      List<FidelityNote> notes) {
    if (policy.retries() <= 0) {
      return List.of();
    }
    Map<String, Object> r = new LinkedHashMap<>();
    List<String> broad = new ArrayList<>();
    r.put("ErrorEquals", names(policy.errors(), service, broad::add));
    broad.forEach(b -> notes.add(AslNote.ERROR_CLASS_BROADENED.at(stepId, "retry: " + b)));
    r.put("IntervalSeconds", seconds(policy.interval(), stepId, "retry interval", notes));
    r.put("MaxAttempts", policy.retries());
    r.put("BackoffRate", policy.backoffRate());
    policy.maxInterval().ifPresent(max -> {
      long s = seconds(max, stepId, "maximum retry delay", notes);
      if (s > MAX_DELAY_SECONDS) {
        notes.add(AslNote.RETRY_DELAY_CAPPED.at(stepId, "maximum retry delay " + Durations.format(max)
            + " capped at " + MAX_DELAY_SECONDS + " seconds"));
        s = MAX_DELAY_SECONDS;
      }
      r.put("MaxDelaySeconds", s);
    });
    if (policy.jitter() == RetryPolicy.Jitter.FULL) {
      r.put("JitterStrategy", "FULL");
    }
    return List.of(r);
  }

  private static long seconds(Duration d, String stepId, String what, List<FidelityNote> notes) {
    long s = Math.max(1, Durations.ceilSeconds(d));
    if (d.getNano() != 0 || d.isZero()) {
      notes.add(AslNote.RETRY_INTERVAL_ROUNDED.at(stepId, what + " " + d + " rounded up to " + s + " s"));
    }
    return s;
  }
}
