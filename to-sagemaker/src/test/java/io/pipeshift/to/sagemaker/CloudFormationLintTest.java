package io.pipeshift.to.sagemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pipeshift.oracles.Oracles;
import io.pipeshift.oracles.ProcessRun;
import io.pipeshift.testing.Examples;
import io.pipeshift.validate.PipelineLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CloudFormation companion (pipeline, schedules, rules, role) passes cfn-lint, the CloudFormation
 * linter with AWS's resource specifications, for every example and fixture. One cfn-lint run checks them all.
 */
class CloudFormationLintTest {

  @Test
  void everyTemplatePassesCfnLint(@TempDir Path dir) throws Exception {
    List<String> command = new ArrayList<>(List.of(Oracles.cfnLint().toString()));
    for (Path p : Stream.concat(Examples.valid().stream(), Fixtures.all().stream()).toList()) {
      SageMakerDefinition d = new SageMakerWriter().write(new PipelineLoader().load(p).pipeline()).artifact();
      Path out = dir.resolve(p.getFileName().toString().replace(".yaml", ".template.json"));
      Files.writeString(out, d.companions().get(SageMakerTriggers.FILE));
      command.add(out.toString());
    }
    ProcessRun.Result r = ProcessRun.of(command).run();
    assertEquals(0, r.exitCode(), r.describe());
  }
}
