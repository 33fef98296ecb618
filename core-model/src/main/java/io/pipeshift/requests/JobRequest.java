package io.pipeshift.requests;

import java.util.List;
import java.util.Map;

/**
 * A SageMaker API request built from a step's typed fields, shared by every spoke that starts SageMaker
 * jobs: the SageMaker spoke's step {@code Arguments}, the ASL spoke's {@code .sync} Task parameters and
 * the Airflow spoke's operator {@code config=}.
 *
 * @param operation the SageMaker API, e.g. {@code CreateTrainingJob}
 * @param body the request without the job name. A JSON-like tree of ordered maps, lists, strings, numbers
 *     and booleans whose leaves may also be {@link io.pipeshift.ir.Value} references (never literals):
 *     each spoke renders those its own way with {@link RequestTree#render}
 * @param nameField the request field that holds the job name, which each target fills in its own way
 * @param gaps what the IR did not say and the request needs (e.g. no execution role), for fidelity notes
 */
public record JobRequest(String operation, Map<String, Object> body, String nameField, List<String> gaps) {
  public JobRequest {
    gaps = List.copyOf(gaps);
  }
}
