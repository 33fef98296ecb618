/**
 * Amazon States Language -> IR.
 *
 * <p><b>Keeps</b>: every Task integration pipeshift's IR has a kind for (SageMaker jobs with their whole
 * request, Glue, Batch, ECS, Lambda, SNS, SQS, EventBridge, Athena, nested executions, SageMaker pipelines,
 * HTTP, EMR, callbacks and approvals), the dependency order (Parallel flattened into edges, Choice into
 * conditions that rejoin, Map into for-each), retries exactly when retriers agree, catches with their
 * handlers, timeouts, parameters and their defaults, data references between steps, property-file reads,
 * activities pipeshift wrote (their step and kind), unknown resources verbatim.
 *
 * <p><b>Drops or approximates</b> (each with an ASLR5xx note): the data layout (InputPath, OutputPath,
 * ResultPath, ResultSelector, Assign), Pass states (kept as a pipeline extension), loops (cut), error paths
 * that rejoin the main path (stopped there), retriers with different settings (merged), references it cannot
 * follow (kept as text), run-time timeouts and waits.
 */
package io.pipeshift.from.asl;
