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
 *     printed on first use: the template embeds the whole definition, so a caller that only wants the
 *     definition never pays for it
 */
public record SageMakerDefinition(
    Map<String, Object> definition, Map<String, List<String>> stepNames, Supplier<Map<String, String>> companionDocuments) {

  public SageMakerDefinition {
    Supplier<Map<String, String>> print = companionDocuments;
    companionDocuments = new Supplier<>() {
      private Map<String, String> printed;

      @Override
      public synchronized Map<String, String> get() {
        if (printed == null) {
          printed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(print.get()));
        }
        return printed;
      }
    };
  }

  /** Extra documents by file name. */
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
