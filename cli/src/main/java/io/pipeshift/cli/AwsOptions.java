package io.pipeshift.cli;

import io.pipeshift.aws.AwsFailure;
import io.pipeshift.aws.AwsSettings;
import io.pipeshift.aws.DeployTarget;
import io.pipeshift.aws.deploy.AwsClients;
import java.io.PrintWriter;
import java.net.URI;
import picocli.CommandLine.Option;

/** Where AWS commands ({@code deploy}, {@code import aws}) connect: shared options and failure printing. */
final class AwsOptions {

  @Option(names = "--region", paramLabel = "REGION",
      description = "AWS region (default: AWS_REGION, the profile's region; us-east-1 with --endpoint-url).")
  String region;

  @Option(names = "--endpoint-url", paramLabel = "URL",
      description = "Send every AWS call to this endpoint instead of AWS, e.g. a local moto server http://127.0.0.1:5000.")
  URI endpoint;

  @Option(names = "--profile", paramLabel = "PROFILE",
      description = "Named profile from ~/.aws/config and ~/.aws/credentials (default: the SDK's default credential chain).")
  String profile;

  AwsSettings settings() {
    return AwsSettings.defaults().withRegion(region).withEndpoint(endpoint).withProfile(profile);
  }

  /** Says so when calls to --endpoint-url are signed with placeholder keys. */
  void noteCredentials(AwsClients clients, PrintWriter err) {
    if (clients.placeholderCredentials()) {
      err.println("note: no AWS credentials found; signing calls to " + endpoint + " with placeholder keys");
    }
  }

  static DeployTarget target(String text) {
    try {
      return DeployTarget.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  /** Prints a failure: one line, then what had been done and what was not; returns exit code 2. */
  static int report(PrintWriter err, AwsFailure f) {
    err.println("error: " + f.getMessage());
    if (!f.done().isEmpty()) {
      err.println("done before the failure:");
      f.done().forEach(d -> err.println("  " + d));
    }
    if (!f.notDone().isEmpty()) {
      err.println("not done:");
      f.notDone().forEach(d -> err.println("  " + d));
      err.println("run the same command again to complete the deployment");
    }
    err.flush();
    return Pipeshift.BAD_INPUT;
  }
}
