package io.pipeshift.analyzer.features;

import io.pipeshift.ir.Pipeline;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a pipeline says about where it should run, through its pipeline-level {@code extensions}:
 * <ul>
 *   <li>{@code extensions: {asl: {type: EXPRESS}}} (or {@code stateMachineType}) asks for a Step Functions
 *       Express workflow;
 *   <li>{@code extensions: {airflow: {...}}} says the pipeline comes from, or is meant for, Airflow/MWAA.
 * </ul>
 */
public final class Hints {

  private Hints() {}

  /** The extension key that asks for Express, when the pipeline asks for it. */
  public static Optional<String> expressKey(Pipeline pipeline) {
    if (pipeline.extensions().get("asl") instanceof Map<?, ?> asl) {
      for (String key : new String[] {"type", "stateMachineType"}) {
        Object v = asl.get(key);
        if (v != null && v.toString().toUpperCase(Locale.ROOT).equals("EXPRESS")) {
          return Optional.of(key);
        }
      }
    }
    return Optional.empty();
  }

  public static boolean expressRequested(Pipeline pipeline) {
    return expressKey(pipeline).isPresent();
  }

  /** The pipeline-level airflow extension is present: the team runs (or plans) it on Airflow/MWAA. */
  public static boolean airflowIntended(Pipeline pipeline) {
    return pipeline.extensions().containsKey("airflow");
  }
}
