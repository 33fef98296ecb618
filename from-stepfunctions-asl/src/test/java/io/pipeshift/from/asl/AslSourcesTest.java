package io.pipeshift.from.asl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.SnsSpec;
import io.pipeshift.spi.PipelineSource;
import io.pipeshift.yaml.LoadedPipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class AslSourcesTest {

  private static final Path TEMPLATE = Golden.dir().resolveSibling("templates/gates-template.yaml");

  @Test
  void bothSourcesAreRegistered() {
    List<String> ids = ServiceLoader.load(PipelineSource.class).stream().map(p -> p.get().id()).sorted().toList();
    assertTrue(ids.containsAll(List.of("asl", "cloudformation")), ids.toString());
  }

  @Test
  void aslJsonIsRecognisedAndOtherJsonIsNot() {
    AslSource asl = new AslSource();
    assertEquals(95, asl.confidence(Path.of("m.json"), "{\n \"Comment\": \"x\", \"StartAt\": \"A\", \"States\": {}}"));
    assertEquals(0, asl.confidence(Path.of("p.json"), "{\"Version\": \"2020-12-01\", \"Steps\": []}"));
    assertEquals(0, asl.confidence(Path.of("p.yaml"), "pipeshift: 1\nname: x\n"));
    AslCloudFormationSource cfn = new AslCloudFormationSource();
    assertEquals(90, cfn.confidence(TEMPLATE, "Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n"));
    assertEquals(0, cfn.confidence(TEMPLATE, "Resources:\n  M:\n    Type: AWS::SageMaker::Pipeline\n"));
    assertEquals(Optional.of("asl"), cfn.targetId());
  }

  @Test
  void aTemplatesSubstitutedDefinitionStringImportsWithUnresolvedValuesNoted() {
    Translation<LoadedPipeline> t = new AslCloudFormationSource().read(TEMPLATE);
    assertEquals("gates", t.artifact().pipeline().name());
    ConditionSpec route = (ConditionSpec) t.artifact().pipeline().steps().get(1).spec();
    SnsSpec publish = (SnsSpec) route.branches().get(0).steps().get(0).spec();
    assertEquals("arn:aws:sns:us-east-1:1:published", publish.topic());
    assertEquals(Optional.of("${AWS::Region}"), publish.subject());
    assertTrue(t.notes().stream().map(FidelityNote::code).toList().contains("ASLR513"), t.notes().toString());
  }
}
