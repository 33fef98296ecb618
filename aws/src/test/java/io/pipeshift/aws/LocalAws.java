package io.pipeshift.aws;

import io.pipeshift.aws.deploy.AwsClients;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Clients for a local AWS API server (moto, or the fault proxy in front of it): fake keys, us-east-1. */
public final class LocalAws {

  public static final StaticCredentialsProvider FAKE_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

  private LocalAws() {}

  public static AwsSettings settings(URI endpoint) {
    return AwsSettings.defaults().withEndpoint(endpoint).withRegion("us-east-1").withCallTimeout(Duration.ofSeconds(60));
  }

  public static AwsClients clients(URI endpoint) {
    return AwsClients.open(settings(endpoint), FAKE_CREDENTIALS);
  }
}
