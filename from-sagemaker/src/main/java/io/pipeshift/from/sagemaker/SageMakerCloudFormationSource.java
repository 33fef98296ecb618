package io.pipeshift.from.sagemaker;

import io.pipeshift.cloudformation.CloudFormationTemplate;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.spi.PipelineSource;
import io.pipeshift.yaml.LoadedPipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CloudFormation template (JSON or YAML) holding an {@code AWS::SageMaker::Pipeline}: its
 * {@code PipelineDefinition.PipelineDefinitionBody} is read as a definition, named by {@code PipelineName}
 * when that is literal text.
 */
public final class SageMakerCloudFormationSource implements PipelineSource {

  static final String RESOURCE = "AWS::SageMaker::Pipeline";

  @Override
  public String id() {
    return "cloudformation";
  }

  /** The definition inside is SageMaker JSON: compare through the SageMaker target. */
  @Override
  public Optional<String> targetId() {
    return Optional.of("sagemaker");
  }

  @Override
  public int confidence(Path file, String head) {
    return CloudFormationTemplate.mentions(head, RESOURCE) ? 90 : 0;
  }

  @Override
  public Translation<LoadedPipeline> read(Path file) {
    CloudFormationTemplate template = CloudFormationTemplate.read(file);
    CloudFormationTemplate.Embedded e = template.definition(List.of(RESOURCE),
        List.of("PipelineDefinition/PipelineDefinitionBody"), Optional.empty());
    String name = template.document().root().path("Resources").path(e.resourceName()).path("Properties")
        .path("PipelineName").asText(SageMakerImporter.pipelineName(file));
    Translation<LoadedPipeline> read = SageMakerImporter.read(e.definition(), name.isBlank() ? "pipeline" : name);
    List<FidelityNote> notes = new ArrayList<>();
    for (String u : e.unresolved()) {
      notes.add(SageMakerImportNote.TEMPLATE_PLACEHOLDER.at(null, "template value ${" + u
          + "} cannot be resolved offline; kept as the text ${" + u + "}"));
    }
    return read.after(notes);
  }
}
