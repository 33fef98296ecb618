package io.pipeshift.to.asl;

import java.util.List;

/**
 * The services a Task state can call, with the error names each reports. Optimised integrations wrap a
 * service's exceptions in one name ({@code SageMaker.AmazonSageMakerException}); AWS SDK integrations
 * report {@code <Service>.<Exception>}; Lambda and HTTP have names of their own.
 */
enum AslService {
  LAMBDA("Lambda", List.of("Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException",
      "Lambda.ClientExecutionTimeoutException"), List.of("Lambda.TooManyRequestsException")),
  SAGEMAKER("SageMaker", List.of("SageMaker.AmazonSageMakerException"), List.of()),
  SAGEMAKER_SDK("SageMaker", List.of("SageMaker.InternalFailureException"), List.of("SageMaker.ThrottlingException")),
  GLUE("Glue", List.of("Glue.AWSGlueException"), List.of()),
  BATCH("Batch", List.of("Batch.AWSBatchException"), List.of()),
  ECS("ECS", List.of("ECS.AmazonECSException"), List.of()),
  SNS("SNS", List.of("SNS.AmazonSNSException"), List.of()),
  SQS("SQS", List.of("SQS.AmazonSQSException"), List.of()),
  EVENTS("EventBridge", List.of("EventBridge.AmazonEventBridgeException"), List.of()),
  STEP_FUNCTIONS("StepFunctions", List.of("StepFunctions.AWSStepFunctionsException"), List.of()),
  ATHENA("Athena", List.of("Athena.AmazonAthenaException"), List.of()),
  EMR("EMR", List.of("EMR.AmazonElasticMapReduceException"), List.of()),
  HTTP("HTTP", List.of("States.Http.StatusCode.500", "States.Http.StatusCode.502", "States.Http.StatusCode.503",
      "States.Http.StatusCode.504"), List.of("States.Http.StatusCode.429")),
  S3_SDK("S3", List.of("S3.InternalErrorException"), List.of("S3.SlowDownException")),
  /** An activity worker, or a Parallel/Map state standing for a step: only the generic names apply. */
  NONE("", List.of(), List.of());

  private final String prefix;
  private final List<String> serviceFaults;
  private final List<String> throttling;

  AslService(String prefix, List<String> serviceFaults, List<String> throttling) {
    this.prefix = prefix;
    this.serviceFaults = serviceFaults;
    this.throttling = throttling;
  }

  /** Names for the IR's service-fault class; empty when the service has none of its own. */
  List<String> serviceFaults() {
    return serviceFaults;
  }

  /** Names for the IR's throttling class; empty when throttling is not told apart from other faults. */
  List<String> throttling() {
    return throttling;
  }

  /** The generic exception name of an optimised integration (e.g. {@code Glue.AWSGlueException}). */
  String prefix() {
    return prefix;
  }
}
