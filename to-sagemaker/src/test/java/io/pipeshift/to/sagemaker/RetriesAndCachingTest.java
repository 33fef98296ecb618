package io.pipeshift.to.sagemaker;

import static io.pipeshift.to.sagemaker.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.fidelity.Translation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** IR retry policies, timeouts and caching on SageMaker steps, and the notes for what does not map. */
class RetriesAndCachingTest {

  static final String JOB = "kind: training, image: i:1, instanceType: ml.m5.large, outputPath: s3://b/m,"
      + " role: arn:aws:iam::123456789012:role/Role";

  private static Translation<SageMakerDefinition> one(String extra) {
    return Fixtures.write(Fixtures.yaml("steps:\n  - {id: job, " + JOB + ", " + extra + "}\n"));
  }

  private static Map<String, Object> job(Translation<SageMakerDefinition> t) {
    return Fixtures.steps(t.artifact()).get("job");
  }

  @Test
  void allErrorsBecomeEverySageMakerExceptionTypeWithAWarning() {
    Translation<SageMakerDefinition> t = one("retry: {retries: 2, interval: 10s, errors: [all]}");
    assertEquals("[{\"BackoffRate\":2.0,\"IntervalSeconds\":10,\"MaxAttempts\":2,\"ExceptionType\":"
        + "[\"Step.SERVICE_FAULT\",\"Step.THROTTLING\"]},{\"BackoffRate\":2.0,\"IntervalSeconds\":10,\"MaxAttempts\":2,"
        + "\"ExceptionType\":[\"SageMaker.JOB_INTERNAL_ERROR\",\"SageMaker.CAPACITY_ERROR\",\"SageMaker.RESOURCE_LIMIT\"]}]",
        json(job(t).get("RetryPolicies")));
    assertEquals(List.of(SageMakerNote.RETRY_ALL_NARROWED.code()), Fixtures.codes(t, "job"));
  }

  @Test
  void userCodeFailuresCannotBeRetried() {
    Translation<SageMakerDefinition> t = one("retry: {retries: 1, errors: [task-failed, timeout, MyApp.Error]}");
    assertFalse(job(t).containsKey("RetryPolicies"));
    assertTrue(Fixtures.codes(t, "job").contains(SageMakerNote.RETRY_ERRORS_DROPPED.code()));
  }

  @Test
  void whatRetryPoliciesCannotSayIsNoted() {
    Translation<SageMakerDefinition> t = one(
        "retry: {retries: 25, interval: 1m, maxInterval: 5m, jitter: full, errors: [throttling]}");
    assertEquals("[{\"BackoffRate\":2.0,\"IntervalSeconds\":60,\"MaxAttempts\":20,\"ExceptionType\":[\"Step.THROTTLING\"]}]",
        json(job(t).get("RetryPolicies")));
    assertEquals(List.of(SageMakerNote.RETRY_MAX_INTERVAL_DROPPED.code(), SageMakerNote.RETRY_JITTER_DROPPED.code(),
        SageMakerNote.RETRY_ATTEMPTS_CAPPED.code()), Fixtures.codes(t, "job"));
  }

  @Test
  void capacityRetriesDoNotApplyToARegistryCall() {
    Translation<SageMakerDefinition> t = Fixtures.write(Fixtures.yaml("""
        steps:
          - id: reg
            kind: register-model
            modelPackageGroup: g
            image: i:1
            modelData: s3://b/model.tar.gz
            retry: {retries: 1, errors: [capacity, service-fault]}
        """));
    assertEquals("[{\"BackoffRate\":2.0,\"IntervalSeconds\":10,\"MaxAttempts\":1,\"ExceptionType\":[\"Step.SERVICE_FAULT\"]}]",
        json(Fixtures.steps(t.artifact()).get("reg-RegisterModel").get("RetryPolicies")));
    assertEquals(List.of(SageMakerNote.RETRY_NOT_APPLICABLE.code()), Fixtures.codes(t, "reg"));
  }

  @Test
  void stepTypesWithoutRetryPoliciesGetAWarning() {
    Translation<SageMakerDefinition> t = Fixtures.write(Fixtures.yaml("""
        steps:
          - {id: fn, kind: lambda, function: 'arn:aws:lambda:us-east-1:123456789012:function:f', retry: {retries: 2}}
        """));
    assertFalse(Fixtures.steps(t.artifact()).get("fn").containsKey("RetryPolicies"));
    assertTrue(Fixtures.codes(t, "fn").contains(SageMakerNote.RETRY_UNSUPPORTED.code()));
  }

  @Test
  void timeoutTightensTheJobsMaximumRuntime() {
    Translation<SageMakerDefinition> t = one("maxRuntime: 3h, timeout: 90m");
    assertEquals(5400L, ((Number) Fixtures.at(job(t), "Arguments.StoppingCondition.MaxRuntimeInSeconds")).longValue());
    assertEquals(List.of(SageMakerNote.TIMEOUT_AS_MAX_RUNTIME.code()), Fixtures.codes(t, "job"));
  }

  @Test
  void cachingBecomesCacheConfigWithAnIsoExpiry() {
    Translation<SageMakerDefinition> t = one("caching: {enabled: true, expireAfter: PT12H}");
    assertEquals("{\"Enabled\":true,\"ExpireAfter\":\"PT12H\"}", json(job(t).get("CacheConfig")));
  }

  @Test
  void cachingAStepTypeThatCannotBeCachedIsNoted() {
    Translation<SageMakerDefinition> t = Fixtures.write(Fixtures.yaml("""
        steps:
          - id: model
            kind: create-model
            image: i:1
            modelData: s3://b/model.tar.gz
            role: arn:aws:iam::123456789012:role/Role
            caching: {enabled: true}
        """));
    assertFalse(Fixtures.steps(t.artifact()).get("model").containsKey("CacheConfig"));
    assertEquals(List.of(SageMakerNote.CACHING_UNSUPPORTED.code()), Fixtures.codes(t, "model"));
  }

  @Test
  void aMissingRoleIsARequestGap() {
    Translation<SageMakerDefinition> t = Fixtures.write(Fixtures.yaml(
        "steps:\n  - {id: job, kind: training, image: i:1, instanceType: ml.m5.large, outputPath: s3://b/m}\n"));
    assertTrue(Fixtures.codes(t, "job").contains(SageMakerNote.REQUEST_GAP.code()));
  }
}
