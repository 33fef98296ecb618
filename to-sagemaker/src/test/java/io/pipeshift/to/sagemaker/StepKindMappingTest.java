package io.pipeshift.to.sagemaker;

import static io.pipeshift.to.sagemaker.Fixtures.at;
import static io.pipeshift.to.sagemaker.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.fidelity.Translation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One test per SageMaker-native step kind, on the every-kind fixture. */
class StepKindMappingTest {

  static Translation<SageMakerDefinition> t;
  static Map<String, Map<String, Object>> steps;

  @BeforeAll
  static void write() {
    t = Fixtures.write(Fixtures.load("every-kind.yaml"));
    steps = Fixtures.steps(t.artifact());
  }

  @Test
  void processingKeepsResourcesPropertyFilesCachingAndRuntime() {
    Map<String, Object> s = steps.get("prep");
    assertEquals("Processing", s.get("Type"));
    assertEquals(2L, ((Number) at(s, "Arguments.ProcessingResources.ClusterConfig.InstanceCount")).longValue());
    assertEquals(50L, ((Number) at(s, "Arguments.ProcessingResources.ClusterConfig.VolumeSizeInGB")).longValue());
    assertEquals(1800L, ((Number) at(s, "Arguments.StoppingCondition.MaxRuntimeInSeconds")).longValue());
    assertEquals("[\"--mode\",{\"Get\":\"Parameters.Mode\"},\"--run\",{\"Get\":\"Execution.PipelineExecutionId\"}]",
        json(at(s, "Arguments.AppSpecification.ContainerArguments")));
    assertEquals("{\"Std:Join\":{\"On\":\"/\",\"Values\":[\"s3://bucket/prep\",{\"Get\":\"Execution.PipelineExecutionId\"},\"train\"]}}",
        json(at(s, "Arguments.ProcessingOutputConfig.Outputs[0].S3Output.S3Uri")));
    assertEquals("[{\"PropertyFileName\":\"stats\",\"OutputName\":\"stats\",\"FilePath\":\"stats.json\"}]",
        json(s.get("PropertyFiles")));
    assertEquals("{\"Enabled\":true,\"ExpireAfter\":\"P7D\"}", json(s.get("CacheConfig")));
  }

  @Test
  void trainingReadsTheProcessingOutputAndMapsRetriesOntoJobExceptionTypes() {
    Map<String, Object> s = steps.get("train");
    assertEquals("Training", s.get("Type"));
    assertEquals("{\"Get\":\"Steps.prep.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri\"}",
        json(at(s, "Arguments.InputDataConfig[0].DataSource.S3DataSource.S3Uri")));
    assertEquals("{\"Get\":\"Parameters.Epochs\"}", json(at(s, "Arguments.HyperParameters.epochs")));
    assertEquals("0.01", at(s, "Arguments.HyperParameters.lr"));
    assertEquals("[{\"BackoffRate\":1.5,\"IntervalSeconds\":60,\"MaxAttempts\":3,\"ExceptionType\":[\"Step.SERVICE_FAULT\"]},"
        + "{\"BackoffRate\":1.5,\"IntervalSeconds\":60,\"MaxAttempts\":3,\"ExceptionType\":"
        + "[\"SageMaker.CAPACITY_ERROR\",\"SageMaker.RESOURCE_LIMIT\",\"SageMaker.JOB_INTERNAL_ERROR\"]}]",
        json(s.get("RetryPolicies")));
    assertEquals(14400L, ((Number) at(s, "Arguments.StoppingCondition.MaxRuntimeInSeconds")).longValue());
  }

  @Test
  void tuningKeepsItsTimeoutAsTheTuningJobsMaximumRuntime() {
    Map<String, Object> s = steps.get("tune");
    assertEquals("Tuning", s.get("Type"));
    assertEquals(21600L, ((Number) at(s,
        "Arguments.HyperParameterTuningJobConfig.ResourceLimits.MaxRuntimeInSeconds")).longValue());
    assertEquals(List.of("prep"), s.get("DependsOn"));
    assertTrue(Fixtures.codes(t, "tune").contains(SageMakerNote.TIMEOUT_AS_MAX_RUNTIME.code()));
  }

  @Test
  void createModelReadsTheBestTuningModelAsAJoin() {
    Map<String, Object> s = steps.get("model");
    assertEquals("Model", s.get("Type"));
    assertEquals("{\"Std:Join\":{\"On\":\"/\",\"Values\":[\"s3://bucket/tuning\","
        + "{\"Get\":\"Steps.tune.BestTrainingJob.TrainingJobName\"},\"output/model.tar.gz\"]}}",
        json(at(s, "Arguments.PrimaryContainer.ModelDataUrl")));
  }

  @Test
  void transformReadsTheModelName() {
    Map<String, Object> s = steps.get("batch");
    assertEquals("Transform", s.get("Type"));
    assertEquals("{\"Get\":\"Steps.model.ModelName\"}", json(at(s, "Arguments.ModelName")));
    assertEquals("Line", at(s, "Arguments.TransformInput.SplitType"));
    assertEquals("Line", at(s, "Arguments.TransformOutput.AssembleWith"));
  }

  @Test
  void registerModelIsNamedLikeTheSdksStepCollection() {
    Map<String, Object> s = steps.get("register-RegisterModel");
    assertEquals("RegisterModel", s.get("Type"));
    assertEquals("Approved", at(s, "Arguments.ModelApprovalStatus"));
    assertEquals("s3://bucket/metrics/statistics.json", at(s, "Arguments.ModelMetrics.ModelQuality.Statistics.S3Uri"));
    assertEquals(List.of("register-RegisterModel"), t.artifact().stepNames().get("register"));
  }

  @Test
  void modelDeployIsAnEndpointConfigAndAnEndpoint() {
    Map<String, Object> config = steps.get("deploy-EndpointConfig");
    Map<String, Object> endpoint = steps.get("deploy");
    assertEquals("EndpointConfig", config.get("Type"));
    assertEquals(List.of("register-RegisterModel"), config.get("DependsOn"));
    assertEquals(2L, ((Number) at(config, "Arguments.ProductionVariants[0].InitialInstanceCount")).longValue());
    assertEquals("Endpoint", endpoint.get("Type"));
    assertEquals("{\"Get\":\"Steps.deploy-EndpointConfig.EndpointConfigName\"}",
        json(at(endpoint, "Arguments.EndpointConfigName")));
    assertEquals(List.of("deploy-EndpointConfig", "deploy"), t.artifact().stepNames().get("deploy"));
  }

  @Test
  void qualityCheckRunsTheModelMonitorAnalyzer() {
    Map<String, Object> s = steps.get("data-quality");
    assertEquals("QualityCheck", s.get("Type"));
    assertEquals("DATA_QUALITY", s.get("CheckType"));
    assertEquals("156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer",
        at(s, "Arguments.AppSpecification.ImageUri"));
    assertEquals("arn:aws:iam::123456789012:role/SageMakerExecutionRole", at(s, "Arguments.RoleArn"));
    assertEquals("churn-models", s.get("ModelPackageGroupName"));
  }

  @Test
  void clarifyCheckShipsItsAnalysisConfigAsACompanion() {
    Map<String, Object> s = steps.get("bias");
    assertEquals("ClarifyCheck", s.get("Type"));
    assertEquals("DATA_BIAS", s.get("CheckType"));
    assertEquals("s3://bucket/checks/bias/analysis_config.json", at(s, "Arguments.ProcessingInputs[0].S3Input.S3Uri"));
    assertTrue(t.artifact().companions().get("clarify/bias-analysis_config.json").contains("\"label\": \"churned\""));
    assertTrue(Fixtures.codes(t, "bias").contains(SageMakerNote.REQUEST_GAP.code()));
  }

  @Test
  void emrStepsUseAnExistingOrANewCluster() {
    Map<String, Object> existing = steps.get("spark");
    assertEquals("EMR", existing.get("Type"));
    assertEquals("j-1ABCDEFGHIJKL", at(existing, "Arguments.ClusterId"));
    assertEquals("{\"Get\":\"Parameters.Mode\"}", json(at(existing, "Arguments.StepConfig.HadoopJarStep.Args[2]")));
    Map<String, Object> created = steps.get("spark-new-cluster");
    assertEquals("emr-6.15.0", at(created, "Arguments.ClusterConfig.ReleaseLabel"));
    assertEquals("com.example.Aggregate", at(created, "Arguments.StepConfig.HadoopJarStep.MainClass"));
  }

  @Test
  void notebookJobRunsTheSchedulerOnATrainingJob() {
    Map<String, Object> s = steps.get("report");
    assertEquals("Training", s.get("Type"));
    assertEquals("[\"amazon_sagemaker_scheduler\"]", json(at(s, "Arguments.AlgorithmSpecification.ContainerEntrypoint")));
    assertEquals("s3://bucket/notebooks", at(s, "Arguments.InputDataConfig[0].DataSource.S3DataSource.S3Uri"));
    assertEquals("report.ipynb", at(s, "Arguments.Environment.SM_INPUT_NOTEBOOK_NAME"));
    assertEquals("{\"Get\":\"Parameters.Mode\"}", json(at(s, "Arguments.HyperParameters.mode")));
  }

  @Test
  void lambdaAndCallbackDeclareTheirOutputs() {
    Map<String, Object> lambda = steps.get("notify");
    assertEquals("Lambda", lambda.get("Type"));
    assertEquals("arn:aws:lambda:us-east-1:123456789012:function:notify", lambda.get("FunctionArn"));
    assertEquals("[{\"OutputName\":\"messageId\",\"OutputType\":\"String\"}]", json(lambda.get("OutputParameters")));
    Map<String, Object> callback = steps.get("human-review");
    assertEquals("Callback", callback.get("Type"));
    assertEquals("https://sqs.us-east-1.amazonaws.com/123456789012/reviews", callback.get("SqsQueueUrl"));
    assertEquals("[{\"OutputName\":\"verdict\",\"OutputType\":\"String\"}]", json(callback.get("OutputParameters")));
    assertFalse(callback.containsKey("RetryPolicies"));
  }

  @Test
  void conditionGatesRegistrationAndFailsOtherwise() {
    Map<String, Object> gate = steps.get("gate");
    assertEquals("Condition", gate.get("Type"));
    List<Object> ifSteps = Fixtures.list(at(gate, "Arguments.IfSteps"));
    assertEquals(List.of("register-RegisterModel", "deploy-EndpointConfig", "deploy"),
        ifSteps.stream().map(x -> Fixtures.map(x).get("Name")).toList());
    Map<String, Object> reject = Fixtures.map(Fixtures.list(at(gate, "Arguments.ElseSteps")).get(0));
    assertEquals("Fail", reject.get("Type"));
    assertEquals("{\"Std:Join\":{\"On\":\"\",\"Values\":[\"ModelRejected: \",{\"Std:Join\":{\"On\":\" \",\"Values\":"
        + "[\"Review verdict was\",{\"Get\":\"Steps.human-review.OutputParameters['verdict']\"}]}}]}}",
        json(at(reject, "Arguments.ErrorMessage")));
  }

  @Test
  void theDefinitionHasTheSdksTopLevelShape() {
    Map<String, Object> d = t.artifact().definition();
    assertEquals(List.of("Version", "Metadata", "Parameters", "PipelineExperimentConfig", "Steps"),
        List.copyOf(d.keySet()));
    assertEquals("2020-12-01", d.get("Version"));
    assertEquals("[{\"Name\":\"Mode\",\"Type\":\"String\",\"DefaultValue\":\"full\",\"EnumValues\":[\"full\",\"quick\"]},"
        + "{\"Name\":\"Epochs\",\"Type\":\"Integer\",\"DefaultValue\":10},"
        + "{\"Name\":\"MinAuc\",\"Type\":\"Float\",\"DefaultValue\":0.75},"
        + "{\"Name\":\"Deploy\",\"Type\":\"Boolean\",\"DefaultValue\":false}]", json(d.get("Parameters")));
  }

  @Test
  void outputIsDeterministicAndEndsWithANewline() {
    String once = Fixtures.write(Fixtures.load("every-kind.yaml")).artifact().json();
    String twice = Fixtures.write(Fixtures.load("every-kind.yaml")).artifact().json();
    assertEquals(once, twice);
    assertTrue(once.endsWith("}\n"));
    assertTrue(once.contains("\"IfSteps\": [\n"));
  }
}
