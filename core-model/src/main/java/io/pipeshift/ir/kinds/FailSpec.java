package io.pipeshift.ir.kinds;

import io.pipeshift.ir.Value;
import java.util.Optional;

/** Ends the run as failed, with a message for people and an optional error name for machines. */
public record FailSpec(Optional<Value> message, Optional<String> error) implements StepSpec {}
