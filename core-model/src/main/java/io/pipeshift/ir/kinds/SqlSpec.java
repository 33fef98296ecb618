package io.pipeshift.ir.kinds;

import io.pipeshift.ir.Value;
import java.util.Optional;

/** Runs SQL against a database named by a connection id. */
public record SqlSpec(String connection, Value query, Optional<String> dialect) implements StepSpec {}
