package io.pipeshift.analyzer.compare;

/**
 * Orchestration cost of one pipeline on one orchestrator, in USD.
 *
 * @param per1000Runs cost per 1,000 runs
 * @param perMonth cost per 30-day month at the pipeline's run rate
 * @param basis how it was computed, in words (with the numbers used)
 */
public record CostEstimate(double per1000Runs, double perMonth, String basis) {}
