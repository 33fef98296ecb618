package io.pipeshift.ir.kinds;

import io.pipeshift.ir.DefaultValue;
import io.pipeshift.ir.Immutables;
import io.pipeshift.ir.Value;
import java.util.Map;

/** Starts a SageMaker pipeline by name, by default waiting for it to finish. */
public record StartSageMakerPipelineSpec(
    String pipeline, Map<String, Value> parameters, @DefaultValue("true") boolean waitForCompletion)
    implements StepSpec {

  public StartSageMakerPipelineSpec {
    parameters = Immutables.map(parameters);
  }
}
