/**
 * What one pipeline needs in an AWS account, as records: roles (trust and least-privilege inline policy),
 * the SageMaker pipeline or state machine with the emitted definition, Scheduler schedules and EventBridge
 * rules for its triggers. ARNs not known before deployment are {@link io.pipeshift.aws.blueprint.Arns}
 * placeholders, so deploy and CloudFormation read the same blueprint. Keeps: definition, description,
 * tags, cron (with time zone), rate and event triggers. Drops: manual triggers (nothing to create).
 */
package io.pipeshift.aws.blueprint;
