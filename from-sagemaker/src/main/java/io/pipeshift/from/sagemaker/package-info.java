/**
 * SageMaker Pipeline definition JSON -> IR.
 *
 * <p><b>Keeps</b>: every native step type with its request (Processing with PropertyFiles, Training, Tuning,
 * Transform, Model, RegisterModel, EndpointConfig + Endpoint, QualityCheck, EMR, Lambda, Callback, Condition,
 * Fail), parameters, Get / Std:Join / Std:JsonGet references, IfSteps / ElseSteps as branches, DependsOn and
 * data dependencies in the IR's scoping, CacheConfig, RetryPolicies, display names and descriptions, the
 * callback stand-ins pipeshift writes, unknown step types verbatim.
 *
 * <p><b>Drops or approximates</b> (each with an SMR5xx note): request fields the IR has no place for, retry
 * policies with different settings (merged), ExpireAfterMin (as retries), a dependency into a branch from
 * outside (a rejoin after the condition), values read across a branch (kept as text).
 */
package io.pipeshift.from.sagemaker;
