package io.pipeshift.from.asl;

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
 * ASL error names and retriers -> IR error classes and retry. {@code States.ALL} -> all,
 * {@code States.Timeout} (and {@code States.HeartbeatTimeout}) -> timeout, {@code States.TaskFailed} ->
 * task-failed, {@code States.Permissions} -> permissions; the service error names the ASL emitter writes for
 * service-fault, throttling, capacity and resource-limit map back to those classes; every other name is a
 * custom error class kept as written. Retriers with equal numbers merge into one IR retry (ASL defaults:
 * IntervalSeconds 1, MaxAttempts 3, BackoffRate 2.0); retriers with different numbers cannot be one IR
 * policy: the one with the most attempts is kept for every error they name, with a warning.
 */
final class AslErrors {

  private AslErrors() {}

  /** Service error names that stand for the IR's generic classes (as the ASL emitter writes them). */
  private static final Map<String, ErrorClass> SERVICE_NAMES = serviceNames();

  private static Map<String, ErrorClass> serviceNames() {
    Map<String, ErrorClass> m = new LinkedHashMap<>();
    for (String s : List.of("Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException",
        "SageMaker.AmazonSageMakerException", "Glue.AWSGlueException", "Batch.AWSBatchException",
        "ECS.AmazonECSException", "SNS.AmazonSNSException", "SQS.AmazonSQSException",
        "EventBridge.AmazonEventBridgeException", "Athena.AmazonAthenaException", "StepFunctions.AWSStepFunctionsException",
        "EMR.AmazonElasticMapReduceException", "SageMaker.InternalFailureException", "S3.InternalErrorException",
        "States.Http.StatusCode.500", "States.Http.StatusCode.502", "States.Http.StatusCode.503",
        "States.Http.StatusCode.504", "States.ServiceFault")) {
      m.put(s, ErrorClass.SERVICE_FAULT);
    }
    for (String s : List.of("States.Throttling", "ThrottlingException", "TooManyRequestsException",
        "Lambda.TooManyRequestsException", "SageMaker.ThrottlingException", "S3.SlowDownException",
        "States.Http.StatusCode.429")) {
      m.put(s, ErrorClass.THROTTLING);
    }
    for (String s : List.of("States.Capacity", "InsufficientCapacityException")) {
      m.put(s, ErrorClass.CAPACITY);
    }
    for (String s : List.of("States.ResourceLimit", "ResourceLimitExceeded", "SageMaker.ResourceLimitExceededException")) {
      m.put(s, ErrorClass.RESOURCE_LIMIT);
    }
    return m;
  }

  static ErrorClass errorClass(String name) {
    return switch (name) {
      case "States.ALL" -> ErrorClass.ALL;
      case "States.Timeout", "States.HeartbeatTimeout" -> ErrorClass.TIMEOUT;
      case "States.TaskFailed" -> ErrorClass.TASK_FAILED;
      case "States.Permissions" -> ErrorClass.PERMISSIONS;
      default -> SERVICE_NAMES.getOrDefault(name, ErrorClass.of(name));
    };
  }

  /**
   * The generic exception of an optimised integration that has no throttling error of its own covers
   * throttling too (the service reports both under that one name).
   */
  private static final Set<String> COVERS_THROTTLING = Set.of("SageMaker.AmazonSageMakerException",
      "Glue.AWSGlueException", "Batch.AWSBatchException", "ECS.AmazonECSException", "SNS.AmazonSNSException",
      "SQS.AmazonSQSException", "EventBridge.AmazonEventBridgeException", "Athena.AmazonAthenaException",
      "StepFunctions.AWSStepFunctionsException", "EMR.AmazonElasticMapReduceException");

  static List<ErrorClass> classes(JsonNode errorEquals) {
    Set<ErrorClass> out = new LinkedHashSet<>();
    for (JsonNode e : errorEquals) {
      out.add(errorClass(e.asText()));
      if (COVERS_THROTTLING.contains(e.asText())) {
        out.add(ErrorClass.THROTTLING);
      }
    }
    return new ArrayList<>(out);
  }

  static Optional<RetryPolicy> retry(String stepId, JsonNode retriers, Consumer<FidelityNote> notes) {
    if (retriers == null || !retriers.isArray() || retriers.isEmpty()) {
      return Optional.empty();
    }
    record Numbers(int attempts, long interval, double backoff, long maxDelay, boolean jitter) {}
    Map<Numbers, Set<ErrorClass>> groups = new LinkedHashMap<>();
    for (JsonNode r : retriers) {
      Numbers n = new Numbers(r.path("MaxAttempts").asInt(3), r.path("IntervalSeconds").asLong(1),
          r.path("BackoffRate").asDouble(2.0), r.path("MaxDelaySeconds").asLong(0),
          "FULL".equals(r.path("JitterStrategy").asText("NONE")));
      groups.computeIfAbsent(n, k -> new LinkedHashSet<>()).addAll(classes(r.path("ErrorEquals")));
    }
    Numbers chosen = null;
    Set<ErrorClass> errors = new LinkedHashSet<>();
    List<String> notRetried = new ArrayList<>();
    for (Map.Entry<Numbers, Set<ErrorClass>> e : groups.entrySet()) {
      if (e.getKey().attempts() == 0) {
        e.getValue().forEach(c -> notRetried.add(c.name()));
        continue;
      }
      if (chosen == null || e.getKey().attempts() > chosen.attempts()) {
        chosen = e.getKey();
      }
      errors.addAll(e.getValue());
    }
    long retrying = groups.keySet().stream().filter(n -> n.attempts() > 0).count();
    if (retrying > 1) {
      notes.accept(AslImportNote.RETRIERS_MERGED.at(stepId, retrying + " retriers with different settings become one IR"
          + " retry of " + chosen.attempts() + " attempts for " + errors.stream().map(ErrorClass::name).toList()
          + ": the IR has one retry policy per step"));
    }
    if (!notRetried.isEmpty() && chosen != null && errors.contains(ErrorClass.ALL)) {
      notes.accept(AslImportNote.RETRIERS_MERGED.at(stepId, "errors " + notRetried + " are excluded from retries in"
          + " the machine (MaxAttempts 0) but the IR retry of 'all' includes them"));
    }
    if (chosen == null) {
      return Optional.empty();
    }
    if (errors.contains(ErrorClass.ALL) && errors.size() > 1) {
      errors = new LinkedHashSet<>(List.of(ErrorClass.ALL));
    }
    return Optional.of(new RetryPolicy(chosen.attempts(), Duration.ofSeconds(chosen.interval()), chosen.backoff(),
        chosen.maxDelay() > 0 ? Optional.of(Duration.ofSeconds(chosen.maxDelay())) : Optional.empty(),
        chosen.jitter() ? RetryPolicy.Jitter.FULL : RetryPolicy.Jitter.NONE, new ArrayList<>(errors)));
  }
}
