package io.pipeshift.ir.kinds;

import io.pipeshift.ir.Value;
import java.util.Optional;

/** Publishes a message to an SNS topic (ARN). */
public record SnsSpec(String topic, Value message, Optional<String> subject) implements StepSpec {}
