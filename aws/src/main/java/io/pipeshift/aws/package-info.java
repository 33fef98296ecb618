/**
 * Deploying pipelines to AWS accounts, importing them back, and packaging them as CloudFormation: the only
 * module that touches the network (AWS SDK for Java v2). It uses the emitters and importers through
 * {@link io.pipeshift.spi.PipelineTarget} and {@link io.pipeshift.spi.PipelineSource}; it owns no format of
 * its own, only the account-side resources around a definition.
 *
 * <ul>
 *   <li>{@code blueprint}: what a pipeline needs in an account (pipeline or state machine, IAM roles with
 *       least-privilege policies, Scheduler schedules and EventBridge rules for its triggers), as records
 *       with symbolic ARNs. Deploy and CloudFormation packaging both read it: one place for names, policies
 *       and trigger conversion.
 *   <li>{@code deploy}: compares a blueprint with the account and creates, updates or leaves each resource
 *       (idempotent); failures become {@link io.pipeshift.aws.AwsFailure} with what was already done.
 *   <li>{@code cfn}: a blueprint as a CloudFormation YAML template.
 *   <li>{@code imports}: a deployed pipeline or state machine, with its tags and triggers, back into the IR.
 * </ul>
 *
 * <p>Kept: definitions exactly as the emitters write them, tags, triggers (cron with time zone, rate, event
 * pattern). Dropped: manual triggers (nothing to create), account-side settings pipeshift does not manage
 * (logging, tracing, encryption, parallelism), which are left as they are on update.
 */
package io.pipeshift.aws;
