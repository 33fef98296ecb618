package io.pipeshift.diag;

import java.util.Locale;

/**
 * Every diagnostic the IR reader and validator can raise: a stable code and one message pattern. New
 * messages are added here, never written inline, so the catalogue stays complete (ProblemCatalogueTest
 * formats each one).
 */
public enum Problem {
  YAML_SYNTAX("IR001", "YAML syntax error: %s"),
  FILE_TOO_LARGE("IR002", "file is %s bytes; the limit is %s bytes"),
  TOO_MANY_ALIASES("IR003", "too many YAML aliases (at most %s are allowed): %s"),
  NESTING_TOO_DEEP("IR004", "YAML nesting is deeper than %s levels"),
  DUPLICATE_KEY("IR005", "duplicate key '%s' (first defined at line %s)"),
  EXPECTED_TYPE("IR006", "expected %s, found %s"),
  NOT_READABLE("IR007", "cannot read the file: %s"),
  TOO_MANY_NODES("IR008", "the document expands to more than %s nodes (alias expansion?)"),
  EMPTY_DOCUMENT("IR009", "the document is empty; expected a pipeline mapping with 'name' and 'steps'"),
  MULTIPLE_DOCUMENTS("IR010", "expected one YAML document, found more"),
  JSON_SYNTAX("IR011", "JSON syntax error: %s"),
  JSON_DUPLICATE_KEY("IR012", "duplicate key '%s'"),
  NO_DEFINITION_IN_TEMPLATE("IR013", "the CloudFormation template has no %s resource with a %s"),
  UNRESOLVED_TEMPLATE_VALUE("IR014", "cannot resolve %s in the CloudFormation template: %s"),
  MISSING_FIELD("IR101", "missing required field '%s' in %s"),
  UNKNOWN_FIELD("IR102", "unknown field '%s' in %s"),
  INVALID_VALUE("IR104", "invalid value '%s' for %s: expected %s"),
  INVALID_DURATION("IR105", "invalid duration '%s': %s"),
  INVALID_CRON("IR106", "invalid cron expression '%s': %s"),
  UNKNOWN_STEP_KIND("IR107", "unknown step kind '%s'"),
  INVALID_REFERENCE("IR108", "invalid value reference: %s"),
  UNSUPPORTED_VERSION("IR109", "unsupported IR version %s; this pipeshift reads version %s"),
  DUPLICATE_STEP_ID("IR201", "duplicate step id '%s' (first defined at %s)"),
  UNKNOWN_STEP("IR202", "%s refers to unknown step '%s'"),
  CYCLE("IR203", "dependency cycle: %s"),
  UNKNOWN_PARAMETER("IR204", "%s refers to undeclared parameter '%s'"),
  PARAMETER_TYPE_MISMATCH("IR205", "parameter '%s' is declared %s but %s is %s"),
  NOT_ALLOWED_VALUE("IR206", "default %s of parameter '%s' is not one of its allowed values %s"),
  BAD_CONDITION("IR207", "invalid condition in step '%s': %s"),
  RETRY_OUT_OF_RANGE("IR208", "retry %s of %s is out of range: %s"),
  TIMEOUT_OUT_OF_RANGE("IR209", "timeout of %s is out of range: %s"),
  UNKNOWN_HANDLER("IR210", "catch in step '%s' names handler '%s', which is not a step in the same list"),
  INVALID_ID("IR211", "invalid id '%s': %s"),
  UNKNOWN_OUTPUT("IR212", "step '%s' (%s) has no output or property file named '%s'; it has %s"),
  CROSSES_SCOPE("IR213", "step '%s' refers to '%s', which is not in the same step list nor upstream of it: %s"),
  DUPLICATE_PARAMETER("IR215", "duplicate parameter '%s'"),
  SELF_REFERENCE("IR216", "step '%s' refers to itself in %s"),
  ITEM_OUTSIDE_FOR_EACH("IR217", "step '%s' uses {item: ...} but is not inside a for-each step"),
  INVALID_TRIGGER("IR218", "invalid trigger: %s"),
  DUPLICATE_NAME("IR219", "duplicate %s '%s' in step '%s'");

  private final String code;
  private final String pattern;

  Problem(String code, String pattern) {
    this.code = code;
    this.pattern = pattern;
  }

  public String code() {
    return code;
  }

  public String pattern() {
    return pattern;
  }

  public String format(Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
