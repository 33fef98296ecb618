package io.pipeshift.aws.blueprint;

import io.pipeshift.diag.Severity;
import io.pipeshift.fidelity.FidelityNote;
import java.util.Optional;

/** The notes of deployment, packaging and import (codes {@code AWS...}, documented in docs/aws.md). */
public enum BlueprintNote {
  /** A name was changed to fit the service's rules. */
  NAME_ADJUSTED("AWS101", Severity.INFO),
  /** A rate trigger was rounded up to whole minutes. */
  RATE_ROUNDED("AWS102", Severity.WARNING),
  /** A Unix cron restricting both day fields became two schedules. */
  TWO_SCHEDULES("AWS103", Severity.INFO),
  /** A permission could only be granted on a wildcard resource. */
  BROAD_GRANT("AWS104", Severity.WARNING),
  /** The definition still holds a placeholder the user must replace (e.g. a callback queue URL). */
  PLACEHOLDER_IN_DEFINITION("AWS105", Severity.WARNING),
  /** ValidateStateMachineDefinition is not available at the endpoint (e.g. moto); the definition was not checked by AWS. */
  VALIDATION_UNAVAILABLE("AWS106", Severity.INFO),
  /** The existence of a role given with --role could not be checked. */
  ROLE_NOT_CHECKED("AWS107", Severity.INFO),
  /** The emitter wrote no IAM policy; the state machine role gets none of its own. */
  NO_POLICY("AWS108", Severity.WARNING),
  /** Manual triggers need no resource. */
  MANUAL_TRIGGER("AWS109", Severity.INFO),
  /** Import: a schedule or rule of the pipeline could not become an IR trigger. */
  TRIGGER_LEFT_OUT("AWS201", Severity.WARNING);

  private final String code;
  private final Severity severity;

  BlueprintNote(String code, Severity severity) {
    this.code = code;
    this.severity = severity;
  }

  public String code() {
    return code;
  }

  public FidelityNote at(String step, String message) {
    return new FidelityNote(code, severity, Optional.ofNullable(step), message);
  }
}
