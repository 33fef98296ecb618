package io.pipeshift.analyzer.config;

import io.pipeshift.analyzer.Orchestrator;
import io.pipeshift.ir.Doc;

/** How many points one signal adds to (or, negative, takes from) each orchestrator's score. */
public record Points(
    @Doc("Points for SageMaker Pipelines") int sagemakerPipelines,
    @Doc("Points for Step Functions") int stepFunctions,
    @Doc("Points for Airflow/MWAA") int airflow) {

  public static Points of(int sagemakerPipelines, int stepFunctions, int airflow) {
    return new Points(sagemakerPipelines, stepFunctions, airflow);
  }

  public int of(Orchestrator o) {
    return switch (o) {
      case SAGEMAKER_PIPELINES -> sagemakerPipelines;
      case STEP_FUNCTIONS -> stepFunctions;
      case AIRFLOW -> airflow;
    };
  }
}
