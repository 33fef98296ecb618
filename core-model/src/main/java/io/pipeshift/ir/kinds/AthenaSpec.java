package io.pipeshift.ir.kinds;

import io.pipeshift.ir.Value;
import java.util.Optional;

/** Runs an Athena query and waits for it. */
public record AthenaSpec(Value query, String database, Optional<String> workgroup, Value outputLocation)
    implements StepSpec {}
