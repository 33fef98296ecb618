package io.pipeshift.from.sagemaker;

import io.pipeshift.diag.Severity;
import io.pipeshift.fidelity.FidelityNote;
import java.util.Optional;

/**
 * The fidelity notes of SageMaker -> IR: what the IR could not hold exactly. Codes {@code SMR5xx}, documented
 * in docs/targets/sagemaker.md (import section).
 */
enum SageMakerImportNote {
  REQUEST_FIELD_DROPPED("SMR501", Severity.WARNING),
  RETRY_POLICIES_MERGED("SMR502", Severity.WARNING),
  RETRY_EXPIRE_AFTER("SMR503", Severity.WARNING),
  REJOIN_APPROXIMATED("SMR504", Severity.WARNING),
  CROSS_BRANCH_REFERENCE("SMR505", Severity.WARNING),
  UNKNOWN_PROPERTY("SMR506", Severity.WARNING),
  STEP_KEPT_EXTERNAL("SMR507", Severity.INFO),
  NAME_CHANGED("SMR508", Severity.INFO),
  CALLBACK_RESTORED("SMR509", Severity.INFO),
  FIELD_IGNORED("SMR510", Severity.INFO),
  TEMPLATE_PLACEHOLDER("SMR511", Severity.WARNING);

  private final String code;
  private final Severity severity;

  SageMakerImportNote(String code, Severity severity) {
    this.code = code;
    this.severity = severity;
  }

  FidelityNote at(String step, String message) {
    return new FidelityNote(code, severity, Optional.ofNullable(step), message);
  }
}
