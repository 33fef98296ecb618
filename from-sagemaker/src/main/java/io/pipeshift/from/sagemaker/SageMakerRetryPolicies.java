package io.pipeshift.from.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.ir.ErrorClass;
import io.pipeshift.ir.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * SageMaker {@code RetryPolicies} -> one IR retry policy. The SDK (and pipeshift's emitter) split one retry
 * into a policy for the step exception types and one for the job exception types with equal numbers; those
 * merge back exactly. Exception types map as Step.SERVICE_FAULT and SageMaker.JOB_INTERNAL_ERROR ->
 * service-fault, Step.THROTTLING -> throttling, SageMaker.CAPACITY_ERROR -> capacity,
 * SageMaker.RESOURCE_LIMIT -> resource-limit. Policies with different numbers cannot be one IR policy: the
 * one with the most attempts is kept (retrying every listed error) with a warning. {@code ExpireAfterMin}
 * becomes the number of attempts that fit in that time, with a warning.
 */
final class SageMakerRetryPolicies {

  /** SageMaker's limit on MaxAttempts; also the cap when converting ExpireAfterMin. */
  static final int MAX_ATTEMPTS = 20;

  private SageMakerRetryPolicies() {}

  static Optional<RetryPolicy> read(String stepId, JsonNode policies, Consumer<FidelityNote> notes) {
    if (policies == null || !policies.isArray() || policies.isEmpty()) {
      return Optional.empty();
    }
    record Numbers(long interval, double backoff, int attempts) {}
    Map<Numbers, Set<ErrorClass>> groups = new LinkedHashMap<>();
    for (JsonNode p : policies) {
      long interval = p.path("IntervalSeconds").asLong(1);
      double backoff = p.path("BackoffRate").asDouble(2.0);
      int attempts;
      if (p.has("MaxAttempts")) {
        attempts = p.path("MaxAttempts").asInt(0);
      } else if (p.has("ExpireAfterMin")) {
        long minutes = p.path("ExpireAfterMin").asLong(0);
        attempts = attemptsWithin(Duration.ofMinutes(minutes), interval, backoff);
        notes.accept(SageMakerImportNote.RETRY_EXPIRE_AFTER.at(stepId, "retry until " + minutes
            + " minutes have passed (ExpireAfterMin) becomes " + attempts + " retries: the IR counts retries"));
      } else {
        attempts = 0;
      }
      Set<ErrorClass> errors = groups.computeIfAbsent(new Numbers(interval, backoff, attempts), k -> new LinkedHashSet<>());
      for (JsonNode t : p.path("ExceptionType")) {
        errors.add(errorClass(t.asText()));
      }
    }
    Numbers chosen = groups.keySet().iterator().next();
    Set<ErrorClass> errors = new LinkedHashSet<>();
    for (Map.Entry<Numbers, Set<ErrorClass>> e : groups.entrySet()) {
      if (e.getKey().attempts() > chosen.attempts()) {
        chosen = e.getKey();
      }
      errors.addAll(e.getValue());
    }
    if (groups.size() > 1) {
      notes.accept(SageMakerImportNote.RETRY_POLICIES_MERGED.at(stepId, groups.size()
          + " retry policies with different settings become one IR retry of " + chosen.attempts() + " attempts every "
          + chosen.interval() + " s (backoff " + chosen.backoff() + ") for " + names(errors)
          + ": the IR has one retry policy per step"));
    }
    if (chosen.attempts() <= 0) {
      return Optional.empty();
    }
    List<ErrorClass> list = new ArrayList<>(errors);
    if (list.isEmpty()) {
      list.add(ErrorClass.SERVICE_FAULT);
    }
    return Optional.of(new RetryPolicy(chosen.attempts(), Duration.ofSeconds(chosen.interval()), chosen.backoff(),
        Optional.empty(), RetryPolicy.Jitter.NONE, list));
  }

  private static List<String> names(Set<ErrorClass> errors) {
    return errors.stream().map(ErrorClass::name).toList();
  }

  static ErrorClass errorClass(String type) {
    return switch (type) {
      case "Step.SERVICE_FAULT", "SageMaker.JOB_INTERNAL_ERROR" -> ErrorClass.SERVICE_FAULT;
      case "Step.THROTTLING" -> ErrorClass.THROTTLING;
      case "SageMaker.CAPACITY_ERROR" -> ErrorClass.CAPACITY;
      case "SageMaker.RESOURCE_LIMIT" -> ErrorClass.RESOURCE_LIMIT;
      default -> ErrorClass.of(type);
    };
  }

  /** How many retries start within {@code window} when waits grow from {@code interval} by {@code backoff}. */
  static int attemptsWithin(Duration window, long interval, double backoff) {
    double elapsed = 0;
    double wait = Math.max(1, interval);
    int attempts = 0;
    while (attempts < MAX_ATTEMPTS) {
      elapsed += wait;
      if (elapsed > window.getSeconds()) {
        break;
      }
      attempts++;
      wait *= Math.max(1.0, backoff);
    }
    return Math.max(1, attempts);
  }
}
