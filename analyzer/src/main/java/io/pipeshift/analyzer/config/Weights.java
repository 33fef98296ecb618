package io.pipeshift.analyzer.config;

import io.pipeshift.ir.Doc;

/**
 * The decision matrix: for each signal found in a pipeline, the points it moves each score. Defaults follow
 * the study guides (docs/analyzer.md): mostly SageMaker steps favour SageMaker Pipelines; many AWS services
 * with retries and compensation favour Step Functions; non-AWS systems, custom operators, dynamic task
 * generation and existing Airflow favour Airflow/MWAA, which also bills for its environment when idle.
 */
public record Weights(
    @Doc("Full strength of the SageMaker share: scaled from -1 at 0% through 0 at 50% to +1 at 100%")
        Points sagemakerShare,
    @Doc("Extra when the SageMaker share reaches thresholds.sagemakerShare (about 80%)") Points sagemakerMajority,
    @Doc("Per step on a non-SageMaker AWS service (Lambda, Glue, Batch, ECS, SNS, ...), up to caps.awsServiceSteps")
        Points awsServiceStep,
    @Doc("Per step outside AWS (python, bash, sql, http, container, external), up to caps.nonAwsSteps;"
            + " Step Functions counts http and container steps half (HTTP Task, EKS integration)")
        Points nonAwsStep,
    @Doc("When a step keeps a source orchestrator's own operator verbatim (kind external)") Points customOperators,
    @Doc("When the pipeline comes from, or is meant for, Airflow (an airflow extension)") Points existingAirflow,
    @Doc("When steps catch errors and continue on a compensation (handler) path") Points compensation,
    @Doc("When retries name specific errors (custom errors, task failures, throttling)") Points customRetries,
    @Doc("When the pipeline fans out over a list (for-each)") Points dynamicFanOut,
    @Doc("When a fan-out is larger than thresholds.largeFanOut items, or its size is only known at run time")
        Points largeFanOut,
    @Doc("When a person must approve (approval step) or an outside system must call back") Points humanApproval,
    @Doc("When the pipeline registers models or runs quality/Clarify checks (Model Registry, lineage)")
        Points mlLineage,
    @Doc("When step caching is enabled") Points caching,
    @Doc("Always: an MWAA environment bills every hour, busy or idle") Points idleCost,
    @Doc("When the pipeline is linear, AWS-only and has at most thresholds.trivialSteps work steps")
        Points trivialAwsPipeline,
    @Doc("When an EventBridge event starts the pipeline") Points eventTrigger,
    @Doc("When code steps (python, bash, sql) may run longer than Lambda's limit (Step Functions would need"
            + " ECS or Batch for them)") Points longCodeSteps) {

  public static final Weights DEFAULTS =
      new Weights(
          Points.of(30, 0, 0),
          Points.of(10, 0, 0),
          Points.of(-5, 5, 0),
          Points.of(-6, -6, 6),
          Points.of(-5, -5, 10),
          Points.of(0, 0, 15),
          Points.of(-10, 15, -5),
          Points.of(-5, 5, 0),
          Points.of(-15, 5, 10),
          Points.of(0, 0, 5),
          Points.of(-5, 5, -5),
          Points.of(10, -5, -5),
          Points.of(5, -3, -3),
          Points.of(0, 0, -10),
          Points.of(0, 5, -10),
          Points.of(0, 3, -3),
          Points.of(0, -10, 0));
}
