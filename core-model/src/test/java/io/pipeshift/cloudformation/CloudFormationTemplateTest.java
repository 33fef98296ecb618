package io.pipeshift.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.diag.InvalidInputException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CloudFormationTemplateTest {

  private static final List<String> TYPES = List.of("AWS::StepFunctions::StateMachine");
  private static final List<String> PROPS = List.of("Definition", "DefinitionString");

  @Test
  void anObjectDefinitionInYamlKeepsTheTemplatesLines() {
    String yaml = """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Role:
            Type: AWS::IAM::Role
          Machine:
            Type: AWS::StepFunctions::StateMachine
            Properties:
              RoleArn: !GetAtt Role.Arn
              Definition:
                StartAt: A
                States:
                  A:
                    Type: Task
                    Resource: !Sub arn:aws:states:::lambda:invoke
                    TimeoutSeconds: 30
                    End: true
        """;
    CloudFormationTemplate.Embedded e = CloudFormationTemplate.parse("t.yaml", yaml).definition(TYPES, PROPS, Optional.empty());
    assertEquals("Machine", e.resourceName());
    assertEquals("A", e.definition().root().path("StartAt").asText());
    assertEquals(30, e.definition().root().at("/States/A/TimeoutSeconds").asInt());
    assertEquals("arn:aws:states:::lambda:invoke", e.definition().root().at("/States/A/Resource/Fn::Sub").asText());
    assertEquals(14, e.definition().at("/States/A/Resource").line());
  }

  @Test
  void aSubstitutedDefinitionStringIsParsedAndUnresolvedVariablesAreListed() {
    String json = """
        {"Resources": {"M": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
          "DefinitionString": {"Fn::Sub": ["{\\"StartAt\\": \\"${First}\\", \\"States\\": {\\"${First}\\": {\\"Type\\": \\"Task\\", \\"Resource\\": \\"${Fn}\\", \\"End\\": true}}}", {"First": "Go"}]},
          "DefinitionSubstitutions": {"Fn": "arn:aws:lambda:us-east-1:1:function:f"}}}}}
        """;
    CloudFormationTemplate.Embedded e = CloudFormationTemplate.parse("t.json", json)
        .definition(TYPES, PROPS, Optional.of("DefinitionSubstitutions"));
    assertEquals("Go", e.definition().root().path("StartAt").asText());
    assertEquals("arn:aws:lambda:us-east-1:1:function:f", e.definition().root().at("/States/Go/Resource").asText());
    assertEquals(List.of(), e.unresolved());
  }

  @Test
  void aJoinWithRefsLeavesPlaceholders() {
    String json = """
        {"Resources": {"M": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
          "DefinitionString": {"Fn::Join": ["", ["{\\"StartAt\\": \\"A\\", \\"States\\": {\\"A\\": {\\"Type\\": \\"Task\\", \\"Resource\\": \\"", {"Ref": "Fn"}, "\\", \\"End\\": true}}}"]]}}}}}
        """;
    CloudFormationTemplate.Embedded e = CloudFormationTemplate.parse("t.json", json).definition(TYPES, PROPS, Optional.empty());
    assertEquals("${Fn}", e.definition().root().at("/States/A/Resource").asText());
    assertEquals(List.of("Fn"), e.unresolved());
  }

  @Test
  void aTemplateWithoutTheResourceIsALocatedError() {
    InvalidInputException x = assertThrows(InvalidInputException.class, () -> CloudFormationTemplate
        .parse("t.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n").definition(TYPES, PROPS, Optional.empty()));
    assertEquals("IR013", x.diagnostics().get(0).code());
    assertEquals(1, x.diagnostics().get(0).location().line());
    assertTrue(CloudFormationTemplate.mentions("Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine", TYPES.get(0)));
  }
}
