/**
 * IR -> SageMaker Pipelines definition JSON (Version 2020-12-01). Entry point {@link
 * io.pipeshift.to.sagemaker.SageMakerWriter}; {@link io.pipeshift.to.sagemaker.SageMakerTarget} is the CLI's
 * {@code --to sagemaker}.
 *
 * <p><b>Keeps:</b> parameters (types, defaults, allowed strings), every SageMaker-native kind as its step
 * type with the Create* request from core {@code SageMakerRequests} as Arguments, references as {@code Get},
 * {@code Std:Join} and {@code Std:JsonGet} with property files, dependencies, display names and
 * descriptions, conditions of every type (normalised to SageMaker's Conditions/Or/Not), n-ary and nested
 * conditions (sibling guarded condition steps), the rejoin after a condition (after the live branch, moved
 * or copied into branches), for-each over literal items (unrolled), retries on the exception types
 * SageMaker has, timeouts as job runtimes, caching, and triggers (a CloudFormation companion with
 * EventBridge Scheduler schedules and rules).
 *
 * <p><b>Drops, with a note</b> ({@link io.pipeshift.to.sagemaker.SageMakerNote}, documented in
 * docs/targets/sagemaker.md): retries of user-code failures, retry max interval and jitter, catches and the
 * steps only they reach, timeouts of steps without a runtime limit, for-each concurrency limits and dynamic
 * fan-out, parameter descriptions, other formats' extensions. Kinds SageMaker cannot run become callback
 * steps (an outside worker does the work) with a warning, or an error where no pattern fits.
 *
 * <p>Classes: {@code SageMakerRejoins} (IR pass lowering the rejoin), {@code SageMakerPlacement} (step lists,
 * condition hoisting, for-each unrolling), {@code SageMakerMapping} and {@code SageMakerBuiltInJobs} (one
 * step's type and Arguments), {@code SageMakerValues} (references), {@code SageMakerConditions},
 * {@code SageMakerRetries}, {@code SageMakerNames} (name limits), {@code SageMakerTriggers}; JSON is
 * printed by core-model's {@code JsonText}.
 */
package io.pipeshift.to.sagemaker;
