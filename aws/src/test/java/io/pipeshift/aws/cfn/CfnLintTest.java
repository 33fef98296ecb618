package io.pipeshift.aws.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.aws.CfnLint;
import io.pipeshift.aws.DeployTarget;
import io.pipeshift.aws.blueprint.BlueprintBuilder;
import io.pipeshift.aws.blueprint.BlueprintOptions;
import io.pipeshift.oracles.ProcessRun;
import io.pipeshift.testing.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cfn-lint (pinned, from the oracle venv) accepts the packaged template of every example, in one run. */
class CfnLintTest {

  static final List<DeployTarget> TARGETS = List.of(DeployTarget.values());

  @Test
  void cfnLintPassesOnEveryExampleTemplate(@TempDir Path dir) throws IOException {
    List<Path> templates = new ArrayList<>();
    for (Path example : Examples.valid()) {
      String name = CloudFormationPackagingTest.name(example);
      for (DeployTarget target : TARGETS) {
        var pipeline = CloudFormationPackagingTest.load(example);
        templates.add(Files.writeString(dir.resolve(name + "." + target.cliName() + ".yaml"),
            CloudFormationWriter.write(BlueprintBuilder.build(pipeline, target, BlueprintOptions.DEFAULT))));
        templates.add(Files.writeString(dir.resolve(name + "." + target.cliName() + ".given-role.yaml"),
            CloudFormationWriter.write(BlueprintBuilder.build(pipeline, target, new BlueprintOptions(
                Optional.of(name + "-with-role"), Optional.of("arn:aws:iam::123456789012:role/Given"))))));
      }
    }
    ProcessRun.Result r = CfnLint.run(templates);
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().isBlank(), r.stdout());
    assertEquals(Examples.valid().size() * TARGETS.size() * 2, templates.size());
  }
}
