package io.pipeshift.ir;

import java.time.Duration;
import java.util.Optional;

/** Step result caching (only SageMaker has it natively): reuse a previous run's result while fresh. */
public record Caching(boolean enabled, Optional<Duration> expireAfter) {}
