package io.pipeshift.aws.deploy;

import io.pipeshift.aws.AwsFailure;
import io.pipeshift.aws.AwsSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK clients of one command run, built from {@link AwsSettings}: credentials from the default chain
 * (or the named profile), the region from {@code --region}, the default chain, or {@code us-east-1} when
 * an endpoint override points at a local server (then, without credentials, calls are signed with
 * placeholder keys, which a local server accepts); the standard retry mode (throttling and transient
 * errors retried with backoff); one shared Apache HTTP client with short connect timeouts. Credentials
 * and region are resolved once, up front, so a missing one fails at once with a clear message instead of
 * at the first call.
 */
public final class AwsClients implements AutoCloseable {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

  /** The access key id used when an endpoint override is given and no credentials are found. */
  public static final String PLACEHOLDER_KEY = "pipeshift-local";

  private final AwsSettings settings;
  private final boolean placeholderCredentials;
  private final Region region;
  private final AwsCredentialsProvider credentials;
  private final SdkHttpClient http;
  private SageMakerClient sageMaker;
  private SfnClient sfn;
  private EventBridgeClient events;
  private SchedulerClient scheduler;
  private IamClient iam;
  private StsClient sts;

  private AwsClients(AwsSettings settings, Region region, AwsCredentialsProvider credentials, boolean placeholder) {
    this.placeholderCredentials = placeholder;
    this.settings = settings;
    this.region = region;
    this.credentials = credentials;
    this.http = ApacheHttpClient.builder()
        .connectionTimeout(CONNECT_TIMEOUT)
        .socketTimeout(SOCKET_TIMEOUT)
        .build();
  }

  /** Resolves credentials and region now; throws {@link AwsFailure} when either is missing. */
  public static AwsClients open(AwsSettings settings) {
    return open(settings, settings.profile().isPresent()
        ? ProfileCredentialsProvider.builder().profileName(settings.profile().get()).build()
        : DefaultCredentialsProvider.builder().build());
  }

  /** With explicit credentials (tests against a local server use fixed fake ones). */
  public static AwsClients open(AwsSettings settings, AwsCredentialsProvider credentials) {
    Region region = region(settings);
    boolean placeholder = false;
    try {
      credentials.resolveCredentials();
    } catch (SdkClientException e) {
      if (settings.endpoint().isEmpty() || settings.profile().isPresent()) {
        String where = settings.profile().map(p -> "profile '" + p + "'").orElse(
            "the default chain (environment variables, ~/.aws/credentials and config, SSO, container or instance metadata)");
        throw new AwsFailure(AwsFailure.Kind.NO_CREDENTIALS, "no AWS credentials found in " + where
            + "; set AWS_PROFILE or --profile, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY", e);
      }
      // A local server (moto) accepts any signature: sign with placeholder keys rather than fail
      // (not when a profile was named: then its credentials are what the user asked for).
      credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(PLACEHOLDER_KEY, PLACEHOLDER_KEY));
      placeholder = true;
    }
    return new AwsClients(settings, region, credentials, placeholder);
  }

  /** Whether the calls are signed with placeholder keys (no credentials found, endpoint override given). */
  public boolean placeholderCredentials() {
    return placeholderCredentials;
  }

  private static Region region(AwsSettings settings) {
    if (settings.region().isPresent()) {
      return Region.of(settings.region().get());
    }
    try {
      DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
      settings.profile().ifPresent(chain::profileName);
      return chain.build().getRegion();
    } catch (SdkClientException e) {
      if (settings.endpoint().isPresent()) {
        return Region.US_EAST_1; // a local server (moto) accepts any region
      }
      throw new AwsFailure(AwsFailure.Kind.NO_REGION,
          "no AWS region: use --region, AWS_REGION or a profile with a region", e);
    }
  }

  public Region region() {
    return region;
  }

  public Optional<URI> endpoint() {
    return settings.endpoint();
  }

  private <B extends AwsClientBuilder<B, C>, C> C build(B builder, Region signingRegion) {
    builder.region(signingRegion)
        .credentialsProvider(credentials)
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .retryStrategy(AwsRetryStrategy.standardRetryStrategy())
            .apiCallTimeout(settings.callTimeout())
            .build());
    settings.endpoint().ifPresent(builder::endpointOverride);
    if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
      sync.httpClient(http);
    }
    return builder.build();
  }

  public synchronized SageMakerClient sageMaker() {
    return sageMaker = lazy(sageMaker, () -> build(SageMakerClient.builder(), region));
  }

  public synchronized SfnClient sfn() {
    return sfn = lazy(sfn, () -> build(SfnClient.builder(), region));
  }

  public synchronized EventBridgeClient events() {
    return events = lazy(events, () -> build(EventBridgeClient.builder(), region));
  }

  public synchronized SchedulerClient scheduler() {
    return scheduler = lazy(scheduler, () -> build(SchedulerClient.builder(), region));
  }

  /** IAM is global: its client signs for the partition's global region. */
  public synchronized IamClient iam() {
    return iam = lazy(iam, () -> build(IamClient.builder(), globalRegion(region)));
  }

  public synchronized StsClient sts() {
    return sts = lazy(sts, () -> build(StsClient.builder(), region));
  }

  static Region globalRegion(Region region) {
    String id = region.id();
    if (id.startsWith("cn-")) {
      return Region.AWS_CN_GLOBAL;
    }
    if (id.startsWith("us-gov-")) {
      return Region.AWS_US_GOV_GLOBAL;
    }
    return Region.AWS_GLOBAL;
  }

  private static <T> T lazy(T current, Supplier<T> make) {
    return current != null ? current : make.get();
  }

  @Override
  public void close() {
    for (AutoCloseable c : new AutoCloseable[] {sageMaker, sfn, events, scheduler, iam, sts}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception ignored) {
          // closing clients frees connections only
        }
      }
    }
    http.close();
  }
}
