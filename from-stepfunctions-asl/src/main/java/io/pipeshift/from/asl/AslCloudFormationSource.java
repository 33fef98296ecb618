package io.pipeshift.from.asl;

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
 * A CloudFormation or SAM template (JSON or YAML) holding a state machine
 * ({@code AWS::StepFunctions::StateMachine} {@code Definition} / {@code DefinitionString} with
 * {@code DefinitionSubstitutions}, or {@code AWS::Serverless::StateMachine} {@code Definition}), named by its
 * {@code StateMachineName} when that is literal text.
 */
public final class AslCloudFormationSource implements PipelineSource {

  static final List<String> RESOURCES = List.of("AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine");

  @Override
  public String id() {
    return "cloudformation";
  }

  /** The definition inside is ASL: compare through the ASL target. */
  @Override
  public Optional<String> targetId() {
    return Optional.of("asl");
  }

  @Override
  public int confidence(Path file, String head) {
    return RESOURCES.stream().anyMatch(r -> CloudFormationTemplate.mentions(head, r)) ? 90 : 0;
  }

  @Override
  public Translation<LoadedPipeline> read(Path file) {
    CloudFormationTemplate template = CloudFormationTemplate.read(file);
    CloudFormationTemplate.Embedded e = template.definition(RESOURCES, List.of("Definition", "DefinitionString"),
        Optional.of("DefinitionSubstitutions"));
    String name = template.document().root().path("Resources").path(e.resourceName()).path("Properties")
        .path("StateMachineName").asText(AslImporter.pipelineName(file));
    Translation<LoadedPipeline> read = AslImporter.read(e.definition(), name.isBlank() ? "pipeline" : name);
    List<FidelityNote> notes = new ArrayList<>();
    for (String u : e.unresolved()) {
      notes.add(AslImportNote.TEMPLATE_PLACEHOLDER.at(null, "template value ${" + u
          + "} cannot be resolved offline; kept as the text ${" + u + "}"));
    }
    return read.after(notes);
  }
}
