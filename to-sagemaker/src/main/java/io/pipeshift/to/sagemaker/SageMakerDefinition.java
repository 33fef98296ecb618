package io.pipeshift.to.sagemaker;

import io.pipeshift.document.JsonText;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A SageMaker pipeline definition and what came with it.
 *
 * @param definition the definition tree (Version, Metadata, Parameters, PipelineExperimentConfig, Steps)
 * @param stepNames IR step id -> the SageMaker step names made for it (several when a step was lowered
 *     or copied), for diagnostics
 * @param companionDocuments extra documents by file name (the CloudFormation template with the triggers),
 *     printed when asked for: the template embeds the whole definition, so a caller that only wants the
 *     definition never pays for it
 */
public record SageMakerDefinition(
    Map<String, Object> definition, Map<String, List<String>> stepNames, Supplier<Map<String, String>> companionDocuments) {

  /** Extra documents by file name, printed on each call (EmittedFiles asks once and keeps them). */
  public Map<String, String> companions() {
    return companionDocuments.get();
  }

  /** The definition as pretty JSON with a trailing newline. */
  public String json() {
    return JsonText.write(definition);
  }

  /** {@link #json()} written to {@code out}. */
  public void writeJson(Writer out) throws IOException {
    JsonText.write(definition, out);
  }
}
