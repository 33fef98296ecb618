package io.pipeshift.analyzer.config;

import io.pipeshift.ir.Doc;

/**
 * Prices and run counts behind {@code pipeshift compare}'s orchestration cost per 1,000 runs. Only the
 * orchestrator's own charges: the jobs (SageMaker, Glue, Batch, Lambda, workers' compute) cost the same
 * wherever they are started from and are left out.
 */
public record CostAssumptions(
    @Doc("Step Functions Standard price per 1,000 state transitions, USD (free tier ignored)")
        double stepFunctionsPer1000Transitions,
    @Doc("MWAA environment price per hour, USD (mw1.small list price, us-east-1; check your region and class)")
        double mwaaEnvironmentHourly,
    @Doc("Share of the MWAA environment this pipeline is charged for (1.0 = a dedicated environment)")
        double mwaaShare,
    @Doc("Hours in a month, for amortising the MWAA environment") double hoursPerMonth,
    @Doc("Runs per month assumed when no cron or rate trigger says how often the pipeline runs")
        double assumedRunsPerMonth,
    @Doc("SageMaker Pipelines orchestration price per run, USD (free; its jobs are billed separately)")
        double sagemakerPipelinesPerRun) {

  public static final CostAssumptions DEFAULTS = new CostAssumptions(0.025, 0.49, 1.0, 730, 30, 0.0);
}
