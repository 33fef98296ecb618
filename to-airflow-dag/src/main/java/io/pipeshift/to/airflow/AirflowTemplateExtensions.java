package io.pipeshift.to.airflow;

import io.pipeshift.ir.StepKind;
import java.util.Set;

/**
 * The {@code template_ext} of each operator the target writes: a templated string ending with one of these
 * suffixes is read by Airflow as the name of a template FILE. Checked against the installed operators by
 * the oracle tests.
 */
final class AirflowTemplateExtensions {

  private AirflowTemplateExtensions() {}

  static Set<String> of(StepKind kind) {
    return switch (kind) {
      case BASH -> Set.of(".sh", ".bash");
      case ATHENA -> Set.of(".sql");
      case SQL -> Set.of(".sql", ".json");
      case EMR -> Set.of(".json");
      default -> Set.of();
    };
  }
}
