package io.pipeshift.ir.kinds;

import io.pipeshift.ir.Immutables;
import io.pipeshift.ir.Value;
import java.util.Map;
import java.util.Optional;

/** Runs an AWS Glue job and waits for it. Arguments are job arguments such as {@code --input}. */
public record GlueSpec(
    String jobName, Map<String, Value> arguments, Optional<String> workerType, Optional<Integer> numberOfWorkers)
    implements StepSpec {

  public GlueSpec {
    arguments = Immutables.map(arguments);
  }
}
