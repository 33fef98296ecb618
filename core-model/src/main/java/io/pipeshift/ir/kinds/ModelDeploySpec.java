package io.pipeshift.ir.kinds;

import io.pipeshift.ir.DefaultValue;
import io.pipeshift.ir.Value;

/** Creates or updates a real-time endpoint serving a model. */
public record ModelDeploySpec(
    String endpointName, Value model, String instanceType, @DefaultValue("1") int instanceCount)
    implements StepSpec {}
