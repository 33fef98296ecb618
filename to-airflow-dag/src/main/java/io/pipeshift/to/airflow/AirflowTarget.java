package io.pipeshift.to.airflow;

import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.spi.EmittedFiles;
import io.pipeshift.spi.PipelineTarget;
import io.pipeshift.spi.TargetOptions;

/**
 * {@code pipeshift convert FILE --to airflow [--airflow 3|2]}: one Python DAG file. Options:
 * {@code airflow.version} ("3", the default, or "2") and {@code source} (the input file name, shown in the
 * header comment).
 */
public final class AirflowTarget implements PipelineTarget {

  @Override
  public String id() {
    return "airflow";
  }

  @Override
  public String description() {
    return "Apache Airflow DAG file (Python; Airflow 3 by default, --airflow 2 for Airflow 2.x)";
  }

  @Override
  public Translation<EmittedFiles> emit(Pipeline pipeline, TargetOptions options) {
    String requested = options.get(AirflowVersion.OPTION).orElse("3");
    AirflowVersion version = AirflowVersion.parse(requested).orElseThrow(() -> new IllegalArgumentException(
        "unknown Airflow version '" + requested + "': use 3 or 2"));
    return new AirflowWriter(pipeline, version, options.get("source").orElse("")).write();
  }
}
