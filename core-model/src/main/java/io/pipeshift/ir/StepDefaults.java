package io.pipeshift.ir;

import java.time.Duration;
import java.util.Optional;

/** Retry, timeout and caching that apply to every work step that does not set its own. */
public record StepDefaults(Optional<RetryPolicy> retry, Optional<Duration> timeout, Optional<Caching> caching) {
  public static final StepDefaults NONE = new StepDefaults(Optional.empty(), Optional.empty(), Optional.empty());
}
