package io.pipeshift.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How to reach AWS: an explicit region, endpoint (e.g. a local moto server) and named profile, each
 * optional. Missing values come from the SDK's default chains (environment, profile files, container and
 * instance metadata).
 *
 * @param callTimeout the limit for one API call including its retries
 */
public record AwsSettings(Optional<String> region, Optional<URI> endpoint, Optional<String> profile,
    Duration callTimeout) {

  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(90);

  public static AwsSettings defaults() {
    return new AwsSettings(Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_CALL_TIMEOUT);
  }

  public AwsSettings withRegion(String r) {
    return new AwsSettings(Optional.ofNullable(r), endpoint, profile, callTimeout);
  }

  public AwsSettings withEndpoint(URI e) {
    return new AwsSettings(region, Optional.ofNullable(e), profile, callTimeout);
  }

  public AwsSettings withProfile(String p) {
    return new AwsSettings(region, endpoint, Optional.ofNullable(p), callTimeout);
  }

  public AwsSettings withCallTimeout(Duration d) {
    return new AwsSettings(region, endpoint, profile, d);
  }
}
