package io.pipeshift.ir.kinds;

import io.pipeshift.ir.DefaultValue;
import io.pipeshift.ir.Immutables;
import io.pipeshift.ir.Value;
import java.util.Map;

/** Starts a Step Functions state machine (ARN), by default waiting for it to finish. */
public record StartStepFunctionsSpec(
    String stateMachine, Map<String, Value> input, @DefaultValue("true") boolean waitForCompletion)
    implements StepSpec {

  public StartStepFunctionsSpec {
    input = Immutables.map(input);
  }
}
