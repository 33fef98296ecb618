package io.pipeshift.aws.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.aws.DeployTarget;
import io.pipeshift.aws.Golden;
import io.pipeshift.aws.blueprint.Blueprint;
import io.pipeshift.aws.blueprint.BlueprintBuilder;
import io.pipeshift.aws.blueprint.BlueprintOptions;
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

  @Test
  void everyExamplePackagesForSageMakerAsInTheGoldenFiles() {
    for (Path example : Examples.valid()) {
      Blueprint b = BlueprintBuilder.build(load(example), DeployTarget.SAGEMAKER, BlueprintOptions.DEFAULT);
      Golden.check(name(example) + ".sagemaker.yaml", CloudFormationWriter.write(b));
    }
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
