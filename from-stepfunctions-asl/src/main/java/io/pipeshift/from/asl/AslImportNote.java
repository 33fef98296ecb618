package io.pipeshift.from.asl;

import io.pipeshift.diag.Severity;
import io.pipeshift.fidelity.FidelityNote;
import java.util.Optional;

/**
 * The fidelity notes of ASL -> IR: what the IR could not hold exactly. Codes {@code ASLR5xx}, documented in
 * docs/targets/step-functions.md (import section).
 */
enum AslImportNote {
  REQUEST_FIELD_DROPPED("ASLR501", Severity.WARNING),
  RETRIERS_MERGED("ASLR502", Severity.WARNING),
  LOOP_BROKEN("ASLR503", Severity.WARNING),
  ERROR_PATH_REJOIN("ASLR504", Severity.WARNING),
  CATCH_WITHOUT_HANDLER("ASLR505", Severity.WARNING),
  PARALLEL_RETRY("ASLR506", Severity.WARNING),
  PASS_KEPT("ASLR507", Severity.INFO),
  UNKNOWN_RESOURCE("ASLR508", Severity.INFO),
  FIELD_IGNORED("ASLR509", Severity.INFO),
  UNREADABLE_PATH("ASLR510", Severity.WARNING),
  NAME_CHANGED("ASLR511", Severity.INFO),
  NO_DEFAULT("ASLR512", Severity.INFO),
  TEMPLATE_PLACEHOLDER("ASLR513", Severity.WARNING),
  NOT_WAITED("ASLR514", Severity.WARNING),
  MACHINE_TIMEOUT("ASLR515", Severity.INFO),
  ACTIVITY_RESTORED("ASLR516", Severity.INFO);

  private final String code;
  private final Severity severity;

  AslImportNote(String code, Severity severity) {
    this.code = code;
    this.severity = severity;
  }

  FidelityNote at(String step, String message) {
    return new FidelityNote(code, severity, Optional.ofNullable(step), message);
  }
}
