package io.pipeshift.to.airflow;

import io.pipeshift.diag.Severity;
import io.pipeshift.fidelity.FidelityNote;

/**
 * Every fidelity note the Airflow target writes: a stable code, a severity and a one-line summary. Each
 * code is documented in docs/targets/airflow.md (a test checks that every constant is).
 */
enum AirflowNote {
  RETRY_ERROR_FILTER("AF101", Severity.WARNING, "Airflow retries every failure: the retry's error classes are not kept"),
  BACKOFF_RATE("AF102", Severity.WARNING, "Airflow 2 only doubles the retry delay: another backoff rate is approximated"),
  BACKOFF_MULTIPLIER("AF103", Severity.INFO, "a backoff multiplier other than 2 needs an Airflow whose retry_exponential_backoff is a number (3.2 is)"),
  RETRY_JITTER("AF104", Severity.INFO, "Airflow's retry jitter differs from the IR's"),
  CATCH_ERROR_FILTER("AF105", Severity.WARNING, "the error handler runs on any failure: the catch's error classes are not kept"),
  CATCH_RUN_STATE("AF106", Severity.INFO, "a caught failure still fails the Airflow run after the handler ran"),
  EVENT_TRIGGER("AF201", Severity.WARNING, "event triggers have no Airflow schedule: start the DAG from the event"),
  EXTRA_SCHEDULE("AF202", Severity.WARNING, "an Airflow DAG has one schedule: only the first is kept"),
  REQUIRED_PARAMETER("AF203", Severity.WARNING, "a scheduled DAG needs a default for every parameter: None is used"),
  DAG_ID("AF204", Severity.INFO, "the pipeline name is not a valid DAG id: it was adapted"),
  CACHING("AF205", Severity.WARNING, "Airflow has no step caching: the step runs every time"),
  TIMEOUT_APPROVAL("AF206", Severity.INFO, "the approval timeout becomes the human response timeout"),
  TAG("AF207", Severity.INFO, "Airflow tags are at most 100 characters: a tag was shortened"),
  NOT_TRANSLATED("AF301", Severity.WARNING, "no Airflow operator for this step: a placeholder task fails the run"),
  PYTHON_CODE("AF302", Severity.WARNING, "the python code is not one plain function definition: it is not copied"),
  PYTHON_ARGUMENTS("AF303", Severity.WARNING, "the python arguments do not match the function's parameters"),
  PYTHON_REQUIREMENTS("AF304", Severity.WARNING, "python requirements are not installed by the DAG: install them on the workers"),
  PYTHON_TEXT_ARGUMENTS("AF305", Severity.INFO, "references passed to a python function arrive as text"),
  REGISTER_EXTRAS("AF306", Severity.WARNING, "register-model details that reference other steps are not passed"),
  EXECUTION_VARIABLE("AF307", Severity.INFO, "an execution variable has no exact Airflow equivalent"),
  CALLBACK_WAIT("AF308", Severity.WARNING, "the callback message is sent but the run does not wait for the answer"),
  APPROVAL("AF309", Severity.INFO, "the approval's notification details are not kept"),
  NESTED_FOR_EACH("AF310", Severity.WARNING, "Airflow cannot map a task group inside a mapped task group"),
  HTTP_ENDPOINT("AF311", Severity.INFO, "the full URL is the HTTP endpoint: the connection must not set a host"),
  REQUEST_GAP("AF312", Severity.WARNING, "the SageMaker request lacks a field the IR did not give"),
  OUTPUT_SHAPE("AF313", Severity.WARNING, "this output is read from the task's XCom by name: check its shape"),
  ECS_CONTAINER("AF314", Severity.WARNING, "ECS command or environment overrides need a container name"),
  EXTERNAL_ARGUMENT("AF315", Severity.WARNING, "an external operator argument is not a Python keyword: it is not passed"),
  EMR_CLUSTER("AF317", Severity.INFO, "the EMR step runs on a new cluster created with the step"),
  PROPERTY_IN_TEMPLATE("AF318", Severity.INFO, "a property file is read from S3 when the template is rendered"),
  PYTHON_RENAMED("AF319", Severity.INFO, "the python function was renamed: its name is taken in the DAG file");

  private final String code;
  private final Severity severity;
  private final String summary;

  AirflowNote(String code, Severity severity, String summary) {
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

  /** The note for a step (or the whole pipeline when {@code step} is null), with details after the summary. */
  FidelityNote note(String step, String detail) {
    String message = detail == null || detail.isEmpty() ? summary : summary + " (" + detail + ")";
    return switch (severity) {
      case INFO -> FidelityNote.info(code, step, message);
      case WARNING -> FidelityNote.warning(code, step, message);
      default -> FidelityNote.error(code, step, message);
    };
  }
}
