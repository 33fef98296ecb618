package io.pipeshift.from.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.FailSpec;
import io.pipeshift.spi.PipelineSource;
import io.pipeshift.yaml.LoadedPipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SageMakerSourcesTest {

  private static final Path TEMPLATE = Golden.dir().resolveSibling("templates/pipeline-template.json");

  @Test
  void bothSourcesAreRegistered() {
    List<String> ids = ServiceLoader.load(PipelineSource.class).stream().map(p -> p.get().id()).sorted().toList();
    assertTrue(ids.containsAll(List.of("cloudformation", "sagemaker")), ids.toString());
  }

  @Test
  void definitionJsonIsRecognisedAndAslIsNot() {
    SageMakerSource s = new SageMakerSource();
    assertEquals(95, s.confidence(Path.of("p.json"), "{\n  \"Version\": \"2020-12-01\",\n  \"Metadata\": {},\n  \"Steps\": ["));
    assertEquals(0, s.confidence(Path.of("m.json"), "{\"StartAt\": \"A\", \"States\": {}, \"Steps\": 1}"));
    assertEquals(0, s.confidence(Path.of("p.yaml"), "pipeshift: 1\nsteps: []\n"));
    SageMakerCloudFormationSource cfn = new SageMakerCloudFormationSource();
    assertEquals(90, cfn.confidence(TEMPLATE, "{\"Resources\": {\"P\": {\"Type\": \"AWS::SageMaker::Pipeline\"}}}"));
    assertEquals(Optional.of("sagemaker"), cfn.targetId());
  }

  @Test
  void aTemplatesPipelineDefinitionBodyImportsUnderItsPipelineName() {
    Translation<LoadedPipeline> t = new SageMakerCloudFormationSource().read(TEMPLATE);
    assertEquals("from-template", t.artifact().pipeline().name());
    FailSpec fail = (FailSpec) t.artifact().pipeline().steps().get(0).spec();
    assertEquals(Optional.of(Value.Literal.of("in ${AWS::Region}")), fail.message());
    assertTrue(t.notes().stream().map(FidelityNote::code).toList().contains("SMR511"), t.notes().toString());
  }
}
