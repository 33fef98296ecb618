package io.pipeshift.aws.deploy;

import io.pipeshift.aws.AwsFailure;
import io.pipeshift.aws.AwsFailure.Kind;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK exceptions into {@link AwsFailure}s with one clear line: what was called, on what, and why
 * it failed. Error codes are read defensively (a local server may answer a JSON service with an XML
 * body, so the code can be missing: the HTTP status decides then).
 */
public final class AwsErrors {

  private static final Set<String> ACCESS_DENIED = Set.of("accessdenied", "accessdeniedexception",
      "unauthorizedoperation", "notauthorized", "authorizationerror", "authorizationerrorexception");
  private static final Set<String> THROTTLED = Set.of("throttling", "throttlingexception", "throttledexception",
      "toomanyrequestsexception", "requestlimitexceeded", "requestthrottled", "requestthrottledexception",
      "slowdown", "provisionedthroughputexceededexception", "limitexceededexception");
  private static final Set<String> BAD_CREDENTIALS = Set.of("unrecognizedclientexception", "invalidclienttokenid",
      "signaturedoesnotmatch", "expiredtoken", "expiredtokenexception", "invalidsignatureexception",
      "incompletesignature", "missingauthenticationtoken", "missingauthenticationtokenexception");
  private static final Set<String> NOT_FOUND = Set.of("resourcenotfound", "resourcenotfoundexception",
      "nosuchentity", "statemachinedoesnotexist", "notfoundexception");
  private static final Set<String> VALIDATION = Set.of("validationexception", "validationerror",
      "invaliddefinition", "invalidarn", "invalidparametervalue", "invalidparametervalueexception",
      "invalidinput", "malformedpolicydocument", "malformedpolicydocumentexception", "invalideventpatternexception",
      "statemachinetypenotsupported", "invalidname", "conflictexception", "missingrequiredparameter");

  private AwsErrors() {}

  /** A failed call as a failure naming {@code action} (e.g. {@code sagemaker:CreatePipeline on pipeline x}). */
  public static AwsFailure of(SdkException e, String action) {
    if (e instanceof AwsServiceException s) {
      String code = s.awsErrorDetails() == null || s.awsErrorDetails().errorCode() == null
          ? "" : s.awsErrorDetails().errorCode();
      String message = s.awsErrorDetails() == null || s.awsErrorDetails().errorMessage() == null
          ? s.getMessage() : s.awsErrorDetails().errorMessage();
      String c = code.toLowerCase(Locale.ROOT);
      int status = s.statusCode();
      String detail = code.isEmpty() ? "HTTP " + status : code;
      if (ACCESS_DENIED.contains(c) || (c.isEmpty() && status == 403)) {
        return new AwsFailure(Kind.ACCESS_DENIED, "access denied: " + action + " (" + shortMessage(message) + ")", e);
      }
      if (THROTTLED.contains(c) || s.isThrottlingException()) {
        return new AwsFailure(Kind.THROTTLED, "throttled by AWS on " + action + " even after retries ("
            + detail + "); wait a little and run the command again", e);
      }
      if (BAD_CREDENTIALS.contains(c)) {
        return new AwsFailure(Kind.BAD_CREDENTIALS, "AWS rejected the credentials on " + action + " (" + detail + ": "
            + shortMessage(message) + ")", e);
      }
      if (NOT_FOUND.contains(c)) {
        return new AwsFailure(Kind.NOT_FOUND, "not found: " + action + " (" + shortMessage(message) + ")", e);
      }
      if (VALIDATION.contains(c) || (status == 400 && !c.isEmpty())) {
        return new AwsFailure(Kind.VALIDATION, "rejected by AWS: " + action + " (" + detail + ": "
            + shortMessage(message) + ")", e);
      }
      return new AwsFailure(Kind.SERVICE, "AWS error on " + action + " (" + detail + ": " + shortMessage(message) + ")", e);
    }
    if (e instanceof ApiCallTimeoutException) {
      return new AwsFailure(Kind.UNREACHABLE, "no answer from AWS in time on " + action, e);
    }
    if (e instanceof SdkClientException && causedBy(e, ConnectException.class, UnknownHostException.class)) {
      return new AwsFailure(Kind.UNREACHABLE, "cannot reach the AWS endpoint for " + action + " ("
          + rootMessage(e) + ")", e);
    }
    if (e instanceof SdkClientException && rootMessage(e).toLowerCase(Locale.ROOT).contains("credentials")) {
      return new AwsFailure(Kind.NO_CREDENTIALS, "no usable AWS credentials for " + action + " (" + rootMessage(e) + ")", e);
    }
    return new AwsFailure(Kind.SERVICE, "AWS call failed: " + action + " (" + rootMessage(e) + ")", e);
  }

  /** A not-found answer: the resource does not exist (yet). Some services say so with a validation error. */
  public static boolean isNotFound(AwsServiceException e) {
    String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
        ? "" : e.awsErrorDetails().errorCode().toLowerCase(Locale.ROOT);
    if (NOT_FOUND.contains(code) || e.statusCode() == 404) {
      return true;
    }
    String message = String.valueOf(e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage())
        .toLowerCase(Locale.ROOT);
    return (code.startsWith("validation") || code.isEmpty())
        && (message.contains("could not find") || message.contains("does not exist") || message.contains("not found"));
  }

  /** An operation the endpoint does not implement (moto answers some with HTTP 500 or 501). */
  public static boolean isNotImplemented(AwsServiceException e) {
    String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
        ? "" : e.awsErrorDetails().errorCode().toLowerCase(Locale.ROOT);
    return e.statusCode() == 500 || e.statusCode() == 501 || code.contains("notimplemented")
        || code.contains("unknownoperation") || code.contains("invalidaction");
  }

  private static String shortMessage(String m) {
    String s = m == null ? "" : m.strip();
    // the SDK appends "(Service: X, Status Code: 400, Request ID: ...)": the action already says where
    int svc = s.indexOf(" (Service: ");
    return svc > 0 ? s.substring(0, svc) : s;
  }

  @SafeVarargs
  private static boolean causedBy(Throwable e, Class<? extends Throwable>... types) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(t)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
