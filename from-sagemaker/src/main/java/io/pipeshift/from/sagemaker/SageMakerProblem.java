package io.pipeshift.from.sagemaker;

import io.pipeshift.diag.Diagnostic;
import io.pipeshift.diag.Severity;
import io.pipeshift.document.JsonDocument;
import java.util.Locale;
import java.util.Optional;

/**
 * Every diagnostic the SageMaker importer raises for a definition it cannot read: a stable code and one
 * message pattern. Messages end with the JSON pointer of the offending node; the location gives its line
 * and column.
 */
enum SageMakerProblem {
  NOT_A_DEFINITION("SMR001", "expected a SageMaker pipeline definition object with 'Version' and 'Steps', found %s"),
  EXPECTED("SMR002", "expected %s, found %s"),
  MISSING("SMR003", "missing required field '%s' in %s"),
  DUPLICATE_STEP("SMR004", "duplicate step name '%s'"),
  UNKNOWN_STEP("SMR005", "%s names unknown step '%s'"),
  UNKNOWN_PARAMETER("SMR006", "%s refers to undeclared parameter '%s'"),
  BAD_REFERENCE("SMR007", "cannot read the reference %s: %s"),
  BAD_CONDITION("SMR008", "cannot read the condition: %s"),
  BAD_PARAMETER("SMR009", "invalid parameter: %s"),
  UNSUPPORTED_VERSION("SMR010", "definition version '%s' is not one this importer knows (2020-12-01); reading it anyway");

  private final String code;
  private final String pattern;

  SageMakerProblem(String code, String pattern) {
    this.code = code;
    this.pattern = pattern;
  }

  String code() {
    return code;
  }

  Diagnostic at(JsonDocument doc, String pointer, Object... args) {
    return of(Severity.ERROR, doc, pointer, args);
  }

  Diagnostic warningAt(JsonDocument doc, String pointer, Object... args) {
    return of(Severity.WARNING, doc, pointer, args);
  }

  private Diagnostic of(Severity severity, JsonDocument doc, String pointer, Object... args) {
    String message = String.format(Locale.ROOT, pattern, args) + " (at " + doc.describe(pointer) + ")";
    return new Diagnostic(severity, code, message, Optional.empty(), doc.at(pointer));
  }
}
