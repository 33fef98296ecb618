package io.pipeshift.ir.kinds;

import io.pipeshift.ir.Immutables;
import io.pipeshift.ir.Value;
import java.util.Map;
import java.util.Optional;

/** Runs a Jupyter notebook as a SageMaker job. */
public record NotebookJobSpec(
    String notebook,
    String image,
    String kernel,
    String instanceType,
    Map<String, Value> parameters,
    Optional<Value> role,
    Optional<Value> outputPath)
    implements StepSpec {

  public NotebookJobSpec {
    parameters = Immutables.map(parameters);
  }
}
