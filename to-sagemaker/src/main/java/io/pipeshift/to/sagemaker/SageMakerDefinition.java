package io.pipeshift.to.sagemaker;

import io.pipeshift.document.JsonText;
import java.util.List;
import java.util.Map;

/**
 * A SageMaker pipeline definition and what came with it.
 *
 * @param definition the definition tree (Version, Metadata, Parameters, PipelineExperimentConfig, Steps)
 * @param stepNames IR step id -> the SageMaker step names made for it (several when a step was lowered
 *     or copied), for diagnostics
 * @param companions extra documents by file name (the CloudFormation template with the triggers)
 */
public record SageMakerDefinition(
    Map<String, Object> definition, Map<String, List<String>> stepNames, Map<String, String> companions) {

  /** The definition as pretty JSON with a trailing newline. */
  public String json() {
    return JsonText.write(definition);
  }
}
