package io.pipeshift.aws.deploy;

import java.time.Duration;

/**
 * How to deploy.
 *
 * @param dryRun plan only: describe, compare, change nothing
 * @param roleSettleTime how long to keep retrying a create or update that AWS rejects because a role made
 *     moments before is not usable yet (IAM is eventually consistent); zero disables the retry
 */
public record DeployOptions(boolean dryRun, Duration roleSettleTime) {
  public static final DeployOptions APPLY = new DeployOptions(false, Duration.ofSeconds(40));
  public static final DeployOptions DRY_RUN = new DeployOptions(true, Duration.ZERO);
}
