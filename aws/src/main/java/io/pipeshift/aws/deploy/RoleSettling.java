package io.pipeshift.aws.deploy;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * IAM is eventually consistent: a role created a moment ago can be refused by SageMaker or Step Functions
 * ("could not assume role", "not authorized to assume"). Only for roles created in this run, such a
 * refusal is retried every few seconds until {@code limit} has passed.
 */
final class RoleSettling {

  private static final Duration PAUSE = Duration.ofSeconds(3);

  private RoleSettling() {}

  static <T> T call(Supplier<T> call, String roleArn, Resolver r, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      try {
        return call.get();
      } catch (AwsServiceException e) {
        if (!r.isFresh(roleArn) || !mentionsRole(e) || System.nanoTime() + PAUSE.toNanos() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static boolean mentionsRole(AwsServiceException e) {
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return e.statusCode() == 400 && (m.contains("assume") || m.contains("role"));
  }
}
