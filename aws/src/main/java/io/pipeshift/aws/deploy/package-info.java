/**
 * Brings an account to a blueprint: describe, compare the fields pipeshift sets, create / update / leave /
 * delete, in order; idempotent; failures as {@link io.pipeshift.aws.AwsFailure} with the exact progress.
 * Settings pipeshift does not set (logging, tracing, encryption, parallelism, other rule targets) are left
 * as they are.
 */
package io.pipeshift.aws.deploy;
