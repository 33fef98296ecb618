package io.pipeshift.to.asl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.RetryPolicy;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.FailSpec;
import io.pipeshift.ir.kinds.LambdaSpec;
import io.pipeshift.validate.PipelineLoader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One step of every kind (src/test/resources/pipelines/every-kind.yaml): the integration each becomes, its
 * request, result handling and IAM; the machine is accepted by asl-validator and runs locally in IR order.
 */
class AslKindsTest {

  static Pipeline pipeline;
  static AslWriter.Output output;
  static Map<String, Object> machine;
  static Map<String, Map<String, Object>> states;

  @BeforeAll
  static void emit() throws URISyntaxException {
    Path file = Path.of(AslKindsTest.class.getResource("/pipelines/every-kind.yaml").toURI());
    pipeline = new PipelineLoader().load(file).pipeline();
    output = AslWriter.emit(pipeline);
    machine = AslStates.parse(output.translation().artifact().main());
    states = AslStates.all(machine);
  }

  static Map<String, Object> state(String step) {
    return states.get(output.stepStates().get(step));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> params(String step) {
    return (Map<String, Object>) state(step).get("Parameters");
  }

  static List<String> notes(String step, AslNote note) {
    return output.translation().notes().stream()
        .filter(n -> n.code().equals(note.code()) && n.step().equals(Optional.ofNullable(step)))
        .map(FidelityNote::message).toList();
  }

  @Test
  void everyKindBecomesItsIntegration() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("prep", "arn:aws:states:::sagemaker:createProcessingJob.sync");
    expected.put("train", "arn:aws:states:::sagemaker:createTrainingJob.sync");
    expected.put("tune", "arn:aws:states:::sagemaker:createHyperParameterTuningJob.sync");
    expected.put("model", "arn:aws:states:::sagemaker:createModel");
    expected.put("batch-score", "arn:aws:states:::sagemaker:createTransformJob.sync");
    expected.put("register", "arn:aws:states:::aws-sdk:sagemaker:createModelPackage");
    expected.put("quality", "${ActivityArn_quality}");
    expected.put("clarify", "${ActivityArn_clarify}");
    expected.put("notebook", "${ActivityArn_notebook}");
    expected.put("emr-existing", "arn:aws:states:::elasticmapreduce:addStep.sync");
    expected.put("approve", "arn:aws:states:::sns:publish.waitForTaskToken");
    expected.put("approve-by-queue", "arn:aws:states:::sqs:sendMessage.waitForTaskToken");
    expected.put("call-back", "arn:aws:states:::sqs:sendMessage.waitForTaskToken");
    expected.put("per-item", "arn:aws:states:::lambda:invoke");
    expected.put("wide-item", "${ActivityArn_wide_item}");
    expected.put("invoke", "arn:aws:states:::lambda:invoke");
    expected.put("glue", "arn:aws:states:::glue:startJobRun.sync");
    expected.put("batch", "arn:aws:states:::batch:submitJob.sync");
    expected.put("ecs", "arn:aws:states:::ecs:runTask.sync");
    expected.put("notify", "arn:aws:states:::sns:publish");
    expected.put("enqueue", "arn:aws:states:::sqs:sendMessage");
    expected.put("announce", "arn:aws:states:::events:putEvents");
    expected.put("query", "arn:aws:states:::athena:startQueryExecution.sync");
    expected.put("child", "arn:aws:states:::states:startExecution.sync:2");
    expected.put("child-async", "arn:aws:states:::states:startExecution");
    expected.put("sm-pipeline-async", "arn:aws:states:::aws-sdk:sagemaker:startPipelineExecution");
    expected.put("call-api", "arn:aws:states:::http:invoke");
    expected.put("py", "${ActivityArn_py}");
    expected.put("sh", "${ActivityArn_sh}");
    expected.put("pod", "${ActivityArn_pod}");
    expected.put("sql", "${ActivityArn_sql}");
    expected.put("raw-asl", "arn:aws:states:::dynamodb:putItem");
    expected.put("raw-airflow", "${ActivityArn_raw_airflow}");
    expected.forEach((step, resource) -> {
      assertEquals("Task", state(step).get("Type"), step);
      assertEquals(resource, state(step).get("Resource"), step);
    });
    for (String wrapped : List.of("deploy", "emr-new", "sm-pipeline")) {
      assertEquals("Parallel", state(wrapped).get("Type"), wrapped + " is one branch of several states");
    }
    assertEquals("Choice", state("gate").get("Type"));
    assertEquals("Map", state("fan").get("Type"));
    assertEquals("Wait", state("wait-a-bit").get("Type"));
    assertEquals(90, state("wait-a-bit").get("Seconds"));
    assertEquals("Fail", state("rejected").get("Type"));
    assertEquals("QualityTooLow", state("rejected").get("Error"));
  }

  @Test
  void theMachineIsValidKeepsRetriesAndRunsLocally() {
    assertEquals(List.of(), AslStructure.check(machine, java.util.Set.of("arn:aws:states:::dynamodb:putItem")));
    assertEquals(List.of(), AslStructure.retriesKept(pipeline, machine, output.stepStates()));
    Map<String, String> verdict = AslOracles.validate(Map.of("every-kind", output.translation().artifact().main()));
    assertEquals("", verdict.get("every-kind"));
    JsonNode run = AslOracles.run(List.of(new AslOracles.Run("every-kind", machine, Map.of("Mode", "full"), Map.of(),
        FakeResults.of(machine, output.translation().artifact().main())))).get(0);
    IrExpectations expect = new IrExpectations(pipeline, output.stepStates(), machine);
    assertEquals(List.of(), expect.checkNormalRun(run), run.toString());
    assertTrue(IrExpectations.counts(run).containsKey("Deploy-CreateEndpoint"), "the gate's first branch ran");
  }

  @Test
  @SuppressWarnings("unchecked")
  void sageMakerJobsGetFreshNamesTheirRequestAndTheOutputsOthersUse() {
    assertEquals("States.Format('train-{}', States.UUID())", params("train").get("TrainingJobName.$"));
    assertTrue(String.valueOf(params("tune").get("HyperParameterTuningJobName.$")).startsWith("States.Format('tune-{}{}'"));
    Map<String, Object> hp = (Map<String, Object>) params("train").get("HyperParameters");
    assertEquals("States.Format('{}', $.parameters.Ratio)", hp.get("ratio.$"), "hyperparameters are strings");
    List<Map<String, Object>> channels = (List<Map<String, Object>>) params("train").get("InputDataConfig");
    Map<String, Object> source = (Map<String, Object>) ((Map<String, Object>) channels.get(0).get("DataSource")).get("S3DataSource");
    assertEquals("s3://acme/prep/train", source.get("S3Uri"), "a processing output is its destination");
    assertEquals(Map.of("model.$", "$.ModelArtifacts.S3ModelArtifacts"), state("train").get("ResultSelector"));
    assertEquals("$.results.train", state("train").get("ResultPath"));
    assertEquals("$.results.tune.best_model",
        ((Map<String, Object>) params("model").get("PrimaryContainer")).get("ModelDataUrl.$"));
    assertEquals("$.results.model.model_name", params("batch-score").get("ModelName.$"));
    assertEquals(null, state("prep").get("ResultSelector"), "nothing reads prep's result");
    assertTrue(state("prep").containsKey("ResultPath") && state("prep").get("ResultPath") == null);
    Map<?, ?> args = (Map<?, ?>) params("prep").get("AppSpecification");
    assertEquals("States.Array('--count', States.Format('{}', $.parameters.Count))", args.get("ContainerArguments.$"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void retriesAreExactAndErrorClassesMapToServiceNames() {
    Map<String, Object> r = ((List<Map<String, Object>>) state("train").get("Retry")).get(0);
    assertEquals(List.of("States.TaskFailed", "SageMaker.ResourceLimitExceededException",
        "SageMaker.AmazonSageMakerException"), r.get("ErrorEquals"));
    assertEquals(30, r.get("IntervalSeconds"));
    assertEquals(2, r.get("MaxAttempts"));
    assertEquals(1.5, r.get("BackoffRate"));
    assertEquals(120, r.get("MaxDelaySeconds"));
    assertEquals("FULL", r.get("JitterStrategy"));
    Map<String, Object> lambda = ((List<Map<String, Object>>) state("invoke").get("Retry")).get(0);
    assertEquals(List.of("Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException",
        "Lambda.ClientExecutionTimeoutException"), lambda.get("ErrorEquals"));
    assertEquals(2, lambda.get("IntervalSeconds"), "PT1.5S rounds up");
    assertFalse(notes("invoke", AslNote.RETRY_INTERVAL_ROUNDED).isEmpty());
    assertEquals(List.of("Glue.AWSGlueException"),
        ((List<Map<String, Object>>) state("glue").get("Retry")).get(0).get("ErrorEquals"));
    assertEquals(List.of("States.Http.StatusCode.500", "States.Http.StatusCode.502", "States.Http.StatusCode.503",
        "States.Http.StatusCode.504"), ((List<Map<String, Object>>) state("call-api").get("Retry")).get(0).get("ErrorEquals"));
    assertFalse(notes("invoke", AslNote.LAMBDA_TIMEOUT).isEmpty(), "20 minutes is more than Lambda runs");
    assertEquals(1200, state("invoke").get("TimeoutSeconds"));
    assertFalse(state("approve").containsKey("TimeoutSeconds"), "approvals wait as long as people take");
  }

  @Test
  @SuppressWarnings("unchecked")
  void conditionsReadPropertyFilesAndComputeJoinsBeforeTheChoice() {
    Map<String, Object> read = states.get("Gate-Read-prep-stats");
    assertEquals("arn:aws:states:::aws-sdk:s3:getObject", read.get("Resource"));
    assertEquals(Map.of("Bucket", "acme", "Key", "prep/report/stats.json"), read.get("Parameters"));
    assertEquals(Map.of("value.$", "States.StringToJson($.Body)"), read.get("ResultSelector"));
    assertEquals("Gate-Evaluate", read.get("Next"));
    assertEquals(Map.of("v0.$", "States.Format('{}-x', $.parameters.Mode)"), states.get("Gate-Evaluate").get("Parameters"));
    List<Map<String, Object>> choices = (List<Map<String, Object>>) state("gate").get("Choices");
    assertEquals(2, choices.size());
    List<Object> all = (List<Object>) choices.get(0).get("And");
    assertEquals(Map.of("Variable", "$.property_prep_stats.value.quality.score",
        "NumericGreaterThanEqualsPath", "$.parameters.Ratio"), all.get(0));
    assertEquals(3, all.size());
    assertEquals(Map.of("Variable", "$.parameters", "IsPresent", true), all.get(2),
        "not(eq(known output, other literal)) is decided when writing");
    assertEquals("Deploy", choices.get(0).get("Next"));
    assertEquals("Rejected-Message", state("gate").get("Default"));
    assertEquals("$.failure.cause", state("rejected").get("CausePath"));
    // every branch rejoins at the step after the condition
    assertEquals("Quality", state("wait-a-bit").get("Next"));
    assertEquals("Quality", state("deploy").get("Next"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void forEachBecomesAMapInlineOrDistributed() {
    Map<String, Object> fan = state("fan");
    assertEquals("$.results.call_back.items", fan.get("ItemsPath"));
    assertEquals(5, fan.get("MaxConcurrency"));
    assertEquals(Map.of("Mode", "INLINE"), ((Map<String, Object>) fan.get("ItemProcessor")).get("ProcessorConfig"));
    assertEquals("$$.Map.Item.Value", ((Map<String, Object>) fan.get("ItemSelector")).get("item.$"));
    Map<String, Object> wide = state("wide-fan");
    assertEquals(Map.of("Mode", "DISTRIBUTED", "ExecutionType", "STANDARD"),
        ((Map<String, Object>) wide.get("ItemProcessor")).get("ProcessorConfig"));
    assertEquals(List.of("a", "b", "c"), states.get("WideFan-Items").get("Result"));
    assertFalse(notes("wide-fan", AslNote.MAP_DISTRIBUTED).isEmpty());
  }

  @Test
  @SuppressWarnings("unchecked")
  void servicesGetTheirRequests() {
    assertEquals("States.Array('run', $.parameters.Data)", ((Map<String, Object>) params("batch").get("ContainerOverrides")).get("Command.$"));
    assertEquals(List.of(Map.of("Name", "MODE", "Value.$", "$.parameters.Mode")),
        ((Map<String, Object>) params("batch").get("ContainerOverrides")).get("Environment"));
    assertEquals("States.Format('{}', $.parameters.Count)", params("enqueue").get("MessageBody.$"));
    assertEquals("$$.Execution.Id", ((Map<String, Object>) params("child").get("Input")).get("AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$"));
    assertEquals("$$.Task.Token", ((Map<String, Object>) params("approve").get("Message")).get("taskToken.$"));
    assertEquals("$$.Task.Token", ((Map<String, Object>) params("call-back").get("MessageBody")).get("taskToken.$"));
    assertEquals(Map.of("ConnectionArn", "${ConnectionArn_call_plain}"), params("call-plain").get("Authentication"));
    assertFalse(notes("call-plain", AslNote.PLACEHOLDER).isEmpty());
    assertEquals("${ContainerName}", ((Map<String, Object>) ((List<Object>) ((Map<String, Object>) params("ecs-unnamed")
        .get("Overrides")).get("ContainerOverrides")).get(0)).get("Name"));
    assertEquals("$$.Execution.Name", ((Map<String, Object>) params("invoke").get("Payload")).get("run.$"));
    assertEquals(Map.of("TableName", "runs", "Item", Map.of("id", Map.of("S", "x"))), params("raw-asl"));
    assertEquals("go", params("py").get("function"));
    assertFalse(notes("quality", AslNote.NOT_EXPRESSIBLE).isEmpty());
    assertFalse(notes("sh", AslNote.ACTIVITY).isEmpty());
  }

  @Test
  void companionsHoldTriggersPolicyAndSubstitutions() {
    Map<String, String> files = output.translation().artifact().companions();
    Map<String, Object> sm = AslStates.parse(files.get("every-kind.state-machine.json"));
    assertEquals("STANDARD", sm.get("type"));
    @SuppressWarnings("unchecked")
    Map<String, Object> subs = (Map<String, Object>) sm.get("definitionSubstitutions");
    assertTrue(subs.keySet().containsAll(List.of("ActivityArn_py", "ConnectionArn_call_plain", "ContainerName")), subs.toString());
    String schedules = files.get("every-kind.schedules.json");
    assertTrue(schedules.contains("\"cron(0 6 1 * ? *)\"") && schedules.contains("\"cron(0 6 ? * 2 *)\""), schedules);
    assertTrue(schedules.contains("\"America/New_York\"") && schedules.contains("\"rate(90 minutes)\""), schedules);
    assertTrue(files.get("every-kind.rules.json").contains("{\\\"source\\\":[\\\"aws.s3\\\"]}"));
    String policy = files.get("every-kind.role-policy.json");
    for (String needed : List.of("sagemaker:CreateTrainingJob", "StepFunctionsGetEventsForSageMakerTrainingJobsRule",
        "\"iam:PassedToService\": \"sagemaker.amazonaws.com\"", "arn:aws:iam::123456789012:role/SageMaker",
        "lambda:InvokeFunction", "arn:aws:lambda:*:*:function:per-item", "glue:StartJobRun",
        "StepFunctionsGetEventsForBatchJobsRule", "StepFunctionsGetEventsForECSTaskRule", "ecs-tasks.amazonaws.com",
        "arn:aws:sqs:us-east-1:123456789012:out", "events:PutEvents", "athena:StartQueryExecution",
        "StepFunctionsGetEventsForStepFunctionsExecutionRule", "sagemaker:StartPipelineExecution",
        "sagemaker:DescribePipelineExecution", "states:InvokeHTTPEndpoint", "events:RetrieveConnectionCredentials",
        "arn:aws:s3:::acme/prep/report/stats.json", "sagemaker:CreateEndpoint", "elasticmapreduce:AddJobFlowSteps",
        "arn:aws:states:*:*:stateMachine:every-kind")) {
      assertTrue(policy.contains(needed), "role policy lacks " + needed);
    }
  }

  // ---- small pipelines built in code --------------------------------------------------------------

  private static Step lambda(String id, Duration timeout, String... after) {
    return Step.of(id, new LambdaSpec("fn-" + id, Map.of(), List.of())).withAfter(List.of(after))
        .withTimeout(Optional.of(timeout));
  }

  @Test
  void shortRequestResponsePipelinesAreExpressOthersStandard() {
    Pipeline quick = Pipeline.of("quick", List.of(lambda("a", Duration.ofSeconds(30)), lambda("b", Duration.ofSeconds(30), "a")));
    Pipeline slow = Pipeline.of("slow", List.of(lambda("a", Duration.ofMinutes(4)), lambda("b", Duration.ofMinutes(4), "a")));
    assertTrue(AslWriter.emit(quick).translation().artifact().companions().get("quick.state-machine.json").contains("EXPRESS"));
    assertTrue(AslWriter.emit(slow).translation().artifact().companions().get("slow.state-machine.json").contains("STANDARD"));
    assertTrue(output.translation().notes().stream().anyMatch(n -> n.code().equals("ASL001") && n.message().startsWith("Standard")));
  }

  @Test
  void aLongPipelineIsWarnedAboutTheHistoryLimit() {
    List<Step> steps = new ArrayList<>();
    RetryPolicy three = new RetryPolicy(3, Duration.ofSeconds(5), 2.0, Optional.empty(), RetryPolicy.Jitter.NONE,
        List.of(io.pipeshift.ir.ErrorClass.ALL));
    for (int i = 0; i < 2000; i++) {
      Step s = lambda("s" + i, Duration.ofMinutes(1), i == 0 ? new String[0] : new String[] {"s" + (i - 1)});
      steps.add(s.withRetry(Optional.of(three)));
    }
    AslWriter.Output big = AslWriter.emit(Pipeline.of("big", steps));
    assertTrue(big.translation().notes().stream().anyMatch(n -> n.code().equals(AslNote.HISTORY_LIMIT.code())));
    AslWriter.Output small = AslWriter.emit(Pipeline.of("small", steps.subList(0, 10)));
    assertTrue(small.translation().notes().stream().noneMatch(n -> n.code().equals(AslNote.HISTORY_LIMIT.code())));
  }

  private static AslWriter.Output failWith(String text) {
    Value message = new Value.Join(" ", List.of(Value.Literal.of(text), new Value.ParameterRef("P")));
    Pipeline p = Pipeline.of("escaping", List.of(Step.of("stop", new FailSpec(Optional.of(message), Optional.of("Stop")))))
        .withParameters(List.of(new io.pipeshift.ir.Parameter("P", io.pipeshift.ir.Parameter.ParameterType.STRING,
            Optional.of(Value.Literal.of("{x}'")), List.of(), Optional.empty())));
    return AslWriter.emit(p);
  }

  /** Quotes and braces in joined text survive the intrinsic escaping: checked by running the machine. */
  @Test
  void joinedTextIsEscapedForIntrinsicsExactly() {
    String tricky = "it's {not} a \"placeholder\" {}";
    AslWriter.Output o = failWith(tricky);
    Map<String, Object> m = AslStates.parse(o.translation().artifact().main());
    assertEquals("", AslOracles.validate(Map.of("escaping", o.translation().artifact().main())).get("escaping"));
    JsonNode run = AslOracles.run(List.of(new AslOracles.Run("escaping", m, Map.of(), Map.of(), Map.of()))).get(0);
    assertEquals("FAILED", run.get("status").asText());
    assertEquals("Stop", run.get("error").asText());
    assertEquals(tricky + " {x}'", run.get("cause").asText(), run.toString());
  }

  /**
   * A backslash cannot be escaped in a way asl-validator accepts, so such text is passed as
   * States.Base64Decode (aws-local-stepfunctions drops backslashes from every intrinsic argument, so this
   * one is checked by decoding, not by running).
   */
  @Test
  void textWithBackslashesIsPassedAsBase64() {
    String text = "C:\\temp\\{run}";
    AslWriter.Output o = failWith(text);
    assertEquals("", AslOracles.validate(Map.of("backslash", o.translation().artifact().main())).get("backslash"));
    Map<String, Object> m = AslStates.parse(o.translation().artifact().main());
    String expr = String.valueOf(((Map<?, ?>) AslStates.all(m).get("stop-Message").get("Parameters")).get("cause.$"));
    java.util.regex.Matcher b64 = java.util.regex.Pattern.compile("States.Base64Decode\\('([A-Za-z0-9+/=]+)'\\)").matcher(expr);
    assertTrue(b64.find(), expr);
    assertEquals(text, new String(java.util.Base64.getDecoder().decode(b64.group(1)), java.nio.charset.StandardCharsets.UTF_8));
    assertEquals("States.Format('{} {}', " + b64.group(0) + ", $.parameters.P)", expr);
  }

  @Test
  void stateNamesAreLegalUniqueAndShort() {
    String longName = "A very long display name with spaces, commas & symbols that goes on and on well past eighty characters";
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      steps.add(new Step("s" + i, new LambdaSpec("fn", Map.of(), List.of()), Optional.of(longName), Optional.empty(),
          i == 0 ? List.of() : List.of("s" + (i - 1)), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Map.of()));
    }
    AslWriter.Output o = AslWriter.emit(Pipeline.of("names", steps));
    Map<String, Object> m = AslStates.parse(o.translation().artifact().main());
    assertEquals(List.of(), AslStructure.check(m));
    List<String> names = List.of(o.stepStates().get("s0"), o.stepStates().get("s1"), o.stepStates().get("s2"));
    assertEquals(3, names.stream().distinct().count());
    names.forEach(n -> assertTrue(n.length() <= 80 && n.matches("[A-Za-z0-9_-]+"), n));
    assertEquals(3, o.translation().notes().stream().filter(n -> n.code().equals(AslNote.NAME_CHANGED.code())).count());
  }
}
