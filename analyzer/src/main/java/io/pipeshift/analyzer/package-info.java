/**
 * The analyzer: tells which orchestrator a pipeline belongs on (decision-matrix scores with reasons),
 * lints it for known anti-patterns, estimates limits and orchestration cost, and renders reports.
 *
 * <p>Entry points: {@link io.pipeshift.analyzer.Analyzer#analyze}, {@link
 * io.pipeshift.analyzer.report.Reporters#render} and {@link io.pipeshift.analyzer.compare.Comparison#compare}.
 * Depends on core-model and Jackson only. Nothing here prints, exits or touches the network: the CLI does
 * the printing.
 */
package io.pipeshift.analyzer;
