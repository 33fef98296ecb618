/** Durations and cron: parsed once here, converted once here (EventBridge dialect), used by every spoke. */
package io.pipeshift.time;
