/**
 * What the decision matrix reads from a pipeline: counts by step category, retries, catches, fan-out,
 * durations, the Step Functions run estimate, triggers; and the flow graph over all steps.
 */
package io.pipeshift.analyzer.features;
