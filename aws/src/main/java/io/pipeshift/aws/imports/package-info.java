/**
 * A deployed pipeline or state machine back into the IR: the definition through the registered importer,
 * plus name, description, tags and the triggers found in EventBridge Scheduler and EventBridge rules.
 * Drops: disabled triggers, one-time schedules, crons Unix cron cannot say (each with a note); manual
 * triggers cannot be seen.
 */
package io.pipeshift.aws.imports;
