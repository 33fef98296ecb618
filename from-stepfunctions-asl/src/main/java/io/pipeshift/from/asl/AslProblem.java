package io.pipeshift.from.asl;

import io.pipeshift.diag.Diagnostic;
import io.pipeshift.diag.Severity;
import io.pipeshift.document.JsonDocument;
import java.util.Locale;
import java.util.Optional;

/**
 * Every diagnostic the ASL importer raises for a state machine it cannot read: a stable code and one
 * message pattern. Messages end with the JSON pointer of the offending node; the location gives its line
 * and column.
 */
enum AslProblem {
  NOT_A_MACHINE("ASLR001", "expected a state machine object with 'StartAt' and 'States', found %s"),
  EXPECTED("ASLR002", "expected %s, found %s"),
  MISSING("ASLR003", "missing required field '%s' in %s"),
  DUPLICATE_STATE("ASLR004", "state name '%s' is used twice (names must be unique in the whole machine; first at %s)"),
  UNKNOWN_STATE("ASLR005", "%s names unknown state '%s'"),
  UNKNOWN_TYPE("ASLR006", "unknown state type '%s'"),
  NEXT_AND_END("ASLR007", "state '%s' has both 'Next' and 'End'"),
  NO_NEXT("ASLR008", "state '%s' has neither 'Next' nor 'End: true'"),
  BAD_RETRY("ASLR009", "invalid retrier or catcher: %s"),
  BAD_VALUE("ASLR010", "cannot read %s: %s"),
  NAME_TOO_LONG("ASLR011", "state name '%s' is longer than 80 characters");

  private final String code;
  private final String pattern;

  AslProblem(String code, String pattern) {
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
