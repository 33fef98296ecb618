package io.pipeshift.to.sagemaker;

import io.pipeshift.diag.Severity;
import io.pipeshift.fidelity.FidelityNote;
import java.util.Optional;

/**
 * Every fidelity note the SageMaker target can give: a stable code, its severity and a one-line summary.
 * docs/targets/sagemaker.md explains each one; {@code SageMakerNoteTest} checks that the page lists them
 * all. Severity decides {@code --strict}: warning and error fail it, info does not (info notes say how
 * something was encoded, not that something was lost).
 */
public enum SageMakerNote {
  RETRY_ERRORS_DROPPED("SM101", Severity.WARNING, "error classes SageMaker cannot retry were dropped from a retry policy"),
  RETRY_ALL_NARROWED("SM102", Severity.WARNING, "'all' retried as every SageMaker exception type; user-code failures are not retried"),
  RETRY_MAX_INTERVAL_DROPPED("SM103", Severity.WARNING, "SageMaker retry policies have no maximum interval"),
  RETRY_JITTER_DROPPED("SM104", Severity.WARNING, "SageMaker retry policies have no jitter"),
  RETRY_ATTEMPTS_CAPPED("SM105", Severity.WARNING, "SageMaker retries at most 20 times"),
  RETRY_UNSUPPORTED("SM106", Severity.WARNING, "this SageMaker step type takes no retry policy"),
  RETRY_INTERVAL_ROUNDED("SM107", Severity.INFO, "retry interval rounded up to whole seconds"),
  RETRY_NOT_APPLICABLE("SM108", Severity.INFO, "capacity and resource-limit retries do not apply to a step that starts no job"),
  CATCH_DROPPED("SM111", Severity.WARNING, "SageMaker has no error path: the catch is dropped"),
  ERROR_PATH_DROPPED("SM112", Severity.ERROR, "a step reached only through a catch cannot be expressed and is left out"),
  TIMEOUT_AS_MAX_RUNTIME("SM121", Severity.INFO, "timeout kept as the job's maximum runtime"),
  TIMEOUT_NOT_APPLICABLE("SM122", Severity.INFO, "timeout ignored on a step that completes at once"),
  TIMEOUT_DROPPED("SM123", Severity.WARNING, "this step type has no timeout"),
  CACHING_UNSUPPORTED("SM131", Severity.WARNING, "this SageMaker step type cannot be cached"),
  PARAMETER_ALLOWED_DROPPED("SM141", Severity.WARNING, "only string parameters can list allowed values"),
  PARAMETER_DESCRIPTION_DROPPED("SM142", Severity.INFO, "parameter descriptions have no place in a definition"),
  REJOIN_AFTER_LIVE_BRANCH("SM201", Severity.INFO, "rejoin encoded as DependsOn on the last steps of the only branch that can finish"),
  REJOIN_COPIED("SM202", Severity.INFO, "rejoin encoded by moving or copying the steps after the condition into the branches that can finish"),
  REJOIN_APPROXIMATED("SM203", Severity.WARNING, "steps after the condition start when it is evaluated, not when the branch ends"),
  REJOIN_SERIALISED("SM204", Severity.WARNING, "a condition waits for another one so that steps after both can rejoin"),
  CONDITION_LOWERED("SM205", Severity.INFO, "condition lowered to sibling top-level condition steps with guards"),
  FOR_EACH_UNROLLED("SM206", Severity.INFO, "for-each over literal items unrolled into one copy of its body per item"),
  FOR_EACH_CONCURRENCY_DROPPED("SM207", Severity.WARNING, "SageMaker cannot limit the concurrency of one group of steps"),
  FOR_EACH_DYNAMIC("SM208", Severity.ERROR, "SageMaker cannot fan out over a list known only at run time"),
  PATTERN_CALLBACK("SM301", Severity.WARNING, "runs as a callback step: an outside worker must do the work and report back"),
  NOT_EXPRESSIBLE("SM302", Severity.ERROR, "SageMaker cannot express this step; a callback placeholder stands in for it"),
  REQUEST_GAP("SM311", Severity.WARNING, "the SageMaker request needs something the IR does not say"),
  OUTPUT_UNKNOWN("SM312", Severity.ERROR, "a referenced output has no SageMaker property"),
  FAIL_ERROR_IN_MESSAGE("SM321", Severity.INFO, "the fail step's error name is kept in its ErrorMessage"),
  TRIGGERS_AS_COMPANION("SM401", Severity.INFO, "triggers emitted as EventBridge Scheduler schedules and rules in the CloudFormation companion"),
  TRIGGER_TWO_SCHEDULES("SM402", Severity.INFO, "a cron restricting both day fields became two schedules"),
  TRIGGER_RATE_ROUNDED("SM403", Severity.WARNING, "EventBridge rates are whole minutes"),
  NAME_CHANGED("SM501", Severity.INFO, "IR id is not a legal SageMaker step name, renamed"),
  PIPELINE_METADATA("SM502", Severity.INFO, "pipeline name, description and tags are CreatePipeline arguments, kept in the CloudFormation companion"),
  EXTENSION_IGNORED("SM601", Severity.INFO, "another format's extensions do not apply to SageMaker");

  private final String code;
  private final Severity severity;
  private final String summary;

  SageMakerNote(String code, Severity severity, String summary) {
    this.code = code;
    this.severity = severity;
    this.summary = summary;
  }

  public String code() {
    return code;
  }

  public Severity severity() {
    return severity;
  }

  public String summary() {
    return summary;
  }

  /** A note about one step (or the whole pipeline when {@code stepId} is null). */
  public FidelityNote at(String stepId, String message) {
    return new FidelityNote(code, severity, Optional.ofNullable(stepId), message);
  }
}
