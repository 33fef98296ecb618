package io.pipeshift.aws.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.aws.DeployTarget;
import io.pipeshift.aws.Golden;
import io.pipeshift.aws.blueprint.Blueprint;
import io.pipeshift.aws.blueprint.BlueprintBuilder;
import io.pipeshift.aws.blueprint.BlueprintOptions;
import io.pipeshift.aws.blueprint.Json;
import io.pipeshift.aws.blueprint.ResourceSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.testing.Examples;
import io.pipeshift.validate.PipelineLoader;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CloudFormationPackagingTest {

  static Pipeline load(Path p) {
    return new PipelineLoader().load(p).pipeline();
  }

  static String name(Path p) {
    String f = p.getFileName().toString();
    return f.substring(0, f.length() - ".yaml".length());
  }

  /**
   * The golden files hold what this module writes around a definition (roles and their policies,
   * triggers, names); the definition itself is the emitter's and has its own golden files, so it is
   * replaced by a marker here.
   */
  @Test
  void everyExamplePackagesForBothTargetsAsInTheGoldenFiles() {
    for (Path example : Examples.valid()) {
      for (DeployTarget target : DeployTarget.values()) {
        Blueprint b = BlueprintBuilder.build(load(example), target, BlueprintOptions.DEFAULT);
        Golden.check(name(example) + "." + target.cliName() + ".yaml", CloudFormationWriter.write(withoutDefinition(b)));
      }
    }
  }

  @Test
  void definitionPlaceholdersBecomeTemplateParametersWithGivenValuesAsDefaults() {
    Blueprint b = BlueprintBuilder.build(load(Examples.file("hybrid.yaml")), DeployTarget.STEP_FUNCTIONS,
        new BlueprintOptions(Optional.empty(), Optional.empty(),
            Map.of("ActivityArn_load", "arn:aws:states:us-east-1:123456789012:activity:load")));
    String t = CloudFormationWriter.write(b);
    assertTrue(t.contains("  ActivityArnLoad:\n    Type: String\n    Description: Value of ${ActivityArn_load} in the state machine definition\n"
        + "    Default: arn:aws:states:us-east-1:123456789012:activity:load\n"), t);
    assertTrue(t.contains("ActivityArn_load:\n          Ref: ActivityArnLoad"), t);
    assertEquals("ActivityArnPickBest", CloudFormationWriter.parameterName("ActivityArn_pick_best"));
  }

  static Blueprint withoutDefinition(Blueprint b) {
    JsonNode marker = Json.tree(Map.of("definition", "written by the " + b.target().emitterId() + " emitter"));
    List<ResourceSpec> resources = b.resources().stream().map(r -> {
      if (r instanceof ResourceSpec.SageMakerPipeline p) {
        return (ResourceSpec) new ResourceSpec.SageMakerPipeline(p.logicalId(), p.name(), p.description(), p.roleArn(), marker, p.tags());
      }
      if (r instanceof ResourceSpec.StateMachine m) {
        return (ResourceSpec) new ResourceSpec.StateMachine(m.logicalId(), m.name(), m.type(), m.roleArn(), marker, m.tags(), m.substitutions());
      }
      return r;
    }).toList();
    return new Blueprint(b.target(), b.baseName(), resources, b.triggerPrefixes(), b.notes());
  }

  @Test
  void aGivenRoleReplacesTheExecutionRoleResource() {
    Blueprint b = BlueprintBuilder.build(load(Examples.file("retraining.yaml")), DeployTarget.SAGEMAKER,
        new BlueprintOptions(Optional.empty(), Optional.of("arn:aws:iam::123456789012:role/Existing")));
    String t = CloudFormationWriter.write(b);
    assertTrue(t.contains("RoleArn: arn:aws:iam::123456789012:role/Existing"), t);
    assertEquals(-1, t.indexOf("ExecutionRole:"), t);
  }
}
