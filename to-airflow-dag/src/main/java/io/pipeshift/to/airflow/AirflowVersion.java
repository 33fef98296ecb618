package io.pipeshift.to.airflow;

import java.util.Locale;
import java.util.Optional;

/**
 * Which Airflow the DAG file is written for, and where each name it imports lives there. Airflow 3 uses the
 * {@code airflow.sdk} authoring API and the standard provider; Airflow 2 output targets 2.10, the last 2.x
 * ({@code literal} needs 2.8, {@code task_display_name} 2.9, {@code WaitSensor} 2.10), with the classic core
 * modules. Provider operators live in the same modules in both.
 */
enum AirflowVersion {
  V3("3"),
  V2("2");

  /** The option key that selects the version ({@code pipeshift convert --airflow 3|2}). */
  static final String OPTION = "airflow.version";

  private final String label;

  AirflowVersion(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** "3" (default) or "2"; anything else is not a version. */
  static Optional<AirflowVersion> parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("3") || t.startsWith("3.")) {
      return Optional.of(V3);
    }
    if (t.equals("2") || t.startsWith("2.")) {
      return Optional.of(V2);
    }
    return Optional.empty();
  }

  /** A name the generator imports: its module in this version and the name. */
  record Symbol(String module, String name) {}

  Symbol dagDecorator() {
    return this == V3 ? new Symbol("airflow.sdk", "dag") : new Symbol("airflow.decorators", "dag");
  }

  Symbol task() {
    return this == V3 ? new Symbol("airflow.sdk", "task") : new Symbol("airflow.decorators", "task");
  }

  Symbol taskGroup() {
    return this == V3 ? new Symbol("airflow.sdk", "task_group") : new Symbol("airflow.decorators", "task_group");
  }

  Symbol param() {
    return this == V3 ? new Symbol("airflow.sdk", "Param") : new Symbol("airflow.models.param", "Param");
  }

  Symbol literal() {
    return this == V3 ? new Symbol("airflow.sdk", "literal") : new Symbol("airflow.utils.template", "literal");
  }

  Symbol failException() {
    return this == V3
        ? new Symbol("airflow.sdk.exceptions", "AirflowFailException")
        : new Symbol("airflow.exceptions", "AirflowFailException");
  }

  Symbol bashOperator() {
    return this == V3
        ? new Symbol("airflow.providers.standard.operators.bash", "BashOperator")
        : new Symbol("airflow.operators.bash", "BashOperator");
  }

  Symbol emptyOperator() {
    return this == V3
        ? new Symbol("airflow.providers.standard.operators.empty", "EmptyOperator")
        : new Symbol("airflow.operators.empty", "EmptyOperator");
  }

  Symbol waitSensor() {
    return this == V3
        ? new Symbol("airflow.providers.standard.sensors.time_delta", "WaitSensor")
        : new Symbol("airflow.sensors.time_delta", "WaitSensor");
  }

  Symbol dateTimeSensor() {
    return this == V3
        ? new Symbol("airflow.providers.standard.sensors.date_time", "DateTimeSensor")
        : new Symbol("airflow.sensors.date_time", "DateTimeSensor");
  }

  /** Airflow 3.1+ human-in-the-loop approval; Airflow 2 has none. */
  Optional<Symbol> approvalOperator() {
    return this == V3
        ? Optional.of(new Symbol("airflow.providers.standard.operators.hitl", "ApprovalOperator"))
        : Optional.empty();
  }
}
