package io.pipeshift.aws;

import io.pipeshift.oracles.Oracles;
import io.pipeshift.oracles.ProcessRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs the pinned cfn-lint (sagemaker oracle venv) once over many templates. */
public final class CfnLint {

  private CfnLint() {}

  /** cfn-lint's findings (errors, warnings, informational) for the templates; empty when all pass. */
  public static ProcessRun.Result run(List<Path> templates) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Oracles.cfnLint().toString());
    cmd.add("--format");
    cmd.add("parseable");
    cmd.add("--");
    templates.forEach(t -> cmd.add(t.toString()));
    return ProcessRun.of(cmd).timeout(Duration.ofMinutes(3)).run();
  }
}
