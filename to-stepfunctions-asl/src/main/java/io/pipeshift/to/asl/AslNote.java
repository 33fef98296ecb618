package io.pipeshift.to.asl;

import io.pipeshift.diag.Severity;
import io.pipeshift.fidelity.FidelityNote;
import java.util.Optional;

/**
 * Every fidelity note the Step Functions target can give: a stable code, its severity and a one-line
 * summary. docs/targets/step-functions.md explains each one; {@code AslNoteTest} checks that the page lists
 * them all. Severity decides {@code --strict}: warning and error fail it, info does not (info notes say
 * how something was encoded, not that something was lost).
 */
enum AslNote {
  WORKFLOW_TYPE("ASL001", Severity.INFO, "the workflow type (Standard or Express) and why"),
  HISTORY_ESTIMATE("ASL002", Severity.INFO, "worst-case history events per execution"),
  HISTORY_LIMIT("ASL003", Severity.WARNING, "an execution may pass the 25,000-event history limit of Standard workflows"),
  SYNC_EDGE_ADDED("ASL010", Severity.WARNING, "a synchronisation edge was added so the graph nests into Parallel states: a step waits for one more step than the IR says"),
  ERROR_PATH_CROSSING("ASL011", Severity.WARNING, "a dependency between the normal path and an error path, or between two error paths, cannot hold"),
  CATCH_STOPS_BRANCHES("ASL012", Severity.WARNING, "a caught failure inside a Parallel state stops the other branches before the handler runs"),
  RETRY_INTERVAL_ROUNDED("ASL101", Severity.INFO, "retry interval or maximum delay rounded up to whole seconds"),
  ERROR_CLASS_BROADENED("ASL102", Severity.INFO, "an error class has no name of its own for this integration and matches a wider ASL error"),
  HANDLING_DROPPED("ASL103", Severity.WARNING, "this kind of state takes no Retry or Catch: dropped"),
  CATCH_UNREACHABLE("ASL104", Severity.WARNING, "catch clauses after an 'all' clause can never match: dropped"),
  TIMEOUT_DROPPED("ASL105", Severity.WARNING, "Parallel, Map and Choice states have no TimeoutSeconds: the timeout is dropped"),
  LAMBDA_TIMEOUT("ASL106", Severity.WARNING, "the timeout is longer than Lambda's 15-minute maximum"),
  RETRY_DELAY_CAPPED("ASL107", Severity.WARNING, "a retry delay is longer than ASL allows and was capped"),
  ACTIVITY("ASL201", Severity.WARNING, "no Step Functions integration runs this kind of step: it becomes an activity a worker must poll"),
  NOT_EXPRESSIBLE("ASL202", Severity.ERROR, "Step Functions has no integration for this SageMaker step kind: an activity placeholder stands in"),
  REQUEST_GAP("ASL203", Severity.WARNING, "the service request needs something the IR does not say"),
  PLACEHOLDER("ASL204", Severity.WARNING, "a value the IR does not give as an ARN is a ${...} substitution to fill in at deployment"),
  PIPELINE_POLLED("ASL205", Severity.INFO, "a SageMaker pipeline run (or endpoint) is awaited by polling its status"),
  POLL_TIMEOUT("ASL206", Severity.WARNING, "the timeout applies to each status call, not to the whole wait"),
  OUTPUT_AS_FIELD("ASL207", Severity.INFO, "an output of a kind without declared outputs is read as a field of the service's response"),
  PROPERTY_FILE_LOCATION("ASL208", Severity.ERROR, "a property file whose location is not a literal S3 URI cannot be read"),
  FOR_EACH_OUTPUT("ASL209", Severity.INFO, "a for-each step's output is the list of its iterations' results"),
  ECS_CONTAINER("ASL210", Severity.WARNING, "ECS overrides need a container name; the IR gives none"),
  VALUE_NOT_EXPRESSIBLE("ASL211", Severity.ERROR, "a value or condition cannot be expressed in ASL JSONPath"),
  ENDPOINT_UPDATE("ASL212", Severity.INFO, "an existing endpoint is updated when creating it fails"),
  MAP_DISTRIBUTED("ASL301", Severity.INFO, "a for-each with a large fan-out became a DISTRIBUTED Map"),
  PARAMETER_ALLOWED("ASL302", Severity.WARNING, "the state machine does not check a parameter's allowed values"),
  CACHING_DROPPED("ASL303", Severity.WARNING, "Step Functions has no step caching: the step always runs"),
  TRIGGERS_AS_COMPANION("ASL401", Severity.INFO, "triggers become EventBridge Scheduler schedules and rules in companion documents"),
  TRIGGER_TWO_SCHEDULES("ASL402", Severity.INFO, "a cron restricting both day fields became two schedules"),
  TRIGGER_RATE_ROUNDED("ASL403", Severity.WARNING, "EventBridge rates are whole minutes"),
  NAME_CHANGED("ASL501", Severity.INFO, "a step's name is not a legal or unique state name: renamed"),
  EXTENSION_IGNORED("ASL601", Severity.INFO, "another format's extensions do not apply to Step Functions"),
  EXTENSION_APPLIED("ASL602", Severity.INFO, "fields from the step's asl extension were copied into its state");

  private final String code;
  private final Severity severity;
  private final String summary;

  AslNote(String code, Severity severity, String summary) {
    this.code = code;
    this.severity = severity;
    this.summary = summary;
  }

  String code() {
    return code;
  }

  Severity severity() {
    return severity;
  }

  String summary() {
    return summary;
  }

  /** A note about one step (or the whole pipeline when {@code stepId} is null). */
  FidelityNote at(String stepId, String message) {
    return new FidelityNote(code, severity, Optional.ofNullable(stepId), message);
  }
}
