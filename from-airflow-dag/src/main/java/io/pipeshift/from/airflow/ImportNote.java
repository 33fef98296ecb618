package io.pipeshift.from.airflow;

import io.pipeshift.diag.Severity;

/**
 * Every fidelity note the Airflow importer writes: a stable code (documented in docs/importers/airflow.md),
 * a severity, and what it means. Messages start with the place in the DAG file ({@code file:line:col}).
 */
public enum ImportNote {
  UNRESOLVED("AFI101", Severity.WARNING, "a value is known only when the file runs; the IR holds a marked value"),
  ASSUMED_CONDITION("AFI102", Severity.WARNING, "an if/loop could not be decided statically; what was assumed"),
  NOT_EVALUATED("AFI103", Severity.WARNING, "part of the file could not be evaluated; what it builds is missing"),
  OBJECT_REFERENCE("AFI104", Severity.INFO, "an argument is a Python object (function, class, constant); the IR"
      + " holds its name, marked"),
  EXTERNAL_OPERATOR("AFI201", Severity.INFO, "an operator without an IR kind is kept verbatim as an external step"),
  OPERATOR_FALLBACK("AFI202", Severity.WARNING, "a known operator lacked what its IR kind needs; kept as external"),
  DROPPED_FIELD("AFI203", Severity.INFO, "request or operator fields the IR kind has no place for (kept in extensions)"),
  PYTHON_SOURCE("AFI204", Severity.INFO, "a python callable's source is not in the file; the step names its module"),
  MAPPED_TASK("AFI205", Severity.INFO, "dynamic task mapping (.expand) is kept in extensions, not as a for-each"),
  TRIGGER_RULE("AFI206", Severity.INFO, "a trigger rule other than all_success is kept in extensions"),
  BRANCH_KEPT("AFI207", Severity.INFO, "a branch task whose pattern is not recognised is kept as plain tasks"),
  SCHEDULE("AFI301", Severity.WARNING, "a schedule the IR cannot express (kept in extensions)"),
  ASSET_SCHEDULE("AFI302", Severity.INFO, "an asset (data-aware) schedule becomes an event trigger pattern"),
  PARAMETER("AFI303", Severity.INFO, "a DAG param was renamed or its type approximated"),
  RETRY("AFI304", Severity.INFO, "a retry setting was approximated"),
  RENAMED("AFI305", Severity.INFO, "a task id is not a valid IR step id; the step id differs (original kept)"),
  SYNTAX("AFI901", Severity.ERROR, "the file is not valid Python"),
  NO_DAG("AFI902", Severity.INFO, "the file defines no DAG");

  private final String code;
  private final Severity severity;
  private final String summary;

  ImportNote(String code, Severity severity, String summary) {
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
}
