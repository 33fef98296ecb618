package io.pipeshift.ir.kinds;

import java.time.Duration;
import java.util.Optional;

/** Waits for a duration, or until an ISO-8601 timestamp. Exactly one of the two. */
public record WaitSpec(Optional<Duration> duration, Optional<String> until) implements StepSpec {}
