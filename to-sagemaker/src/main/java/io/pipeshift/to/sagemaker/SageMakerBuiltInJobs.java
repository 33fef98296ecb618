package io.pipeshift.to.sagemaker;

import io.pipeshift.document.JsonText;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.ClarifyCheckSpec;
import io.pipeshift.ir.kinds.NotebookJobSpec;
import io.pipeshift.ir.kinds.QualityCheckSpec;
import io.pipeshift.time.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The steps SageMaker runs as jobs on its own containers: quality checks (Model Monitor analyzer),
 * Clarify checks (Clarify processing) and notebook jobs (the notebook scheduler on a training job). Their
 * Arguments are CreateProcessingJob / CreateTrainingJob requests shaped like the SDK's
 * {@code QualityCheckStep}, {@code ClarifyCheckStep} and {@code NotebookJobStep}; the extra check fields
 * ({@code CheckType}, {@code SkipCheck}...) sit next to them.
 *
 * <p>What the IR does not say comes from the pipeline's {@code extensions.sagemaker}: {@code region}
 * (the built-in images are per region; default us-east-1) and {@code role} (the check kinds have no role
 * field). Missing ones become REQUEST_GAP notes.
 */
final class SageMakerBuiltInJobs {

  static final String DEFAULT_REGION = "us-east-1";

  /** ECR accounts of the Model Monitor analyzer image (checked against the SDK in the oracle tests). */
  static final Map<String, String> MODEL_MONITOR_ACCOUNTS = Map.of(
      "us-east-1", "156813124566", "us-east-2", "777275614652", "us-west-2", "159807026194",
      "eu-west-1", "468650794304", "eu-central-1", "048819808253");

  /** ECR accounts of the Clarify processing image (checked against the SDK in the oracle tests). */
  static final Map<String, String> CLARIFY_ACCOUNTS = Map.of(
      "us-east-1", "205585389593", "us-east-2", "211330385671", "us-west-2", "306415355426",
      "eu-west-1", "131013547314", "eu-central-1", "017069133835");

  private static final String QUALITY_INPUT = "/opt/ml/processing/input/baseline_dataset_input";
  private static final String QUALITY_OUTPUT = "/opt/ml/processing/output";
  private static final String NOTEBOOK_CHANNEL = "sagemaker_headless_execution_pipelinestep";
  /** The SDK's default maximum runtime of a notebook job: two days. */
  static final Duration NOTEBOOK_RUNTIME = Duration.ofDays(2);

  private final Pipeline pipeline;

  SageMakerBuiltInJobs(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  String region(String stepId, Consumer<FidelityNote> notes) {
    Object r = SageMakerMapping.extension(pipeline).get("region");
    if (r instanceof String s && !s.isBlank()) {
      return s;
    }
    notes.accept(SageMakerNote.REQUEST_GAP.at(stepId,
        "no region: SageMaker's built-in images are per region; us-east-1 assumed (set extensions.sagemaker.region"
            + " on the pipeline)"));
    return DEFAULT_REGION;
  }

  private String image(String stepId, Map<String, String> accounts, String repository, String tag,
      Consumer<FidelityNote> notes) {
    String region = region(stepId, notes);
    String account = accounts.get(region);
    if (account == null) {
      notes.accept(SageMakerNote.REQUEST_GAP.at(stepId,
          "the " + repository + " image account of region " + region + " is not known to pipeshift; the us-east-1"
              + " image is used (known regions: " + new java.util.TreeSet<>(accounts.keySet()) + ")"));
      account = accounts.get(DEFAULT_REGION);
    }
    String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    return account + ".dkr.ecr." + (accounts.containsKey(region) ? region : DEFAULT_REGION) + "." + domain + "/"
        + repository + tag;
  }

  private Object role(Step step, Optional<Value> fromSpec, SageMakerValues values, Consumer<FidelityNote> notes) {
    if (fromSpec.isPresent()) {
      return values.render(fromSpec.get());
    }
    Object r = step.extension("sagemaker").get("role");
    if (r == null) {
      r = SageMakerMapping.extension(pipeline).get("role");
    }
    if (r instanceof String s && !s.isBlank()) {
      return s;
    }
    notes.accept(SageMakerNote.REQUEST_GAP.at(step.id(),
        "no execution role: set extensions.sagemaker.role on the step or the pipeline (SageMaker requires RoleArn)"));
    return null;
  }

  /** Model Monitor data/model quality baseline: a processing job on the analyzer image. */
  SageMakerMapping.Mapped quality(Step step, SageMakerValues values, Consumer<FidelityNote> notes) {
    QualityCheckSpec s = (QualityCheckSpec) step.spec();
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("ProcessingResources", cluster(s.instanceType(), s.instanceCount()));
    args.put("AppSpecification", SageMakerMapping.ordered(
        "ImageUri", image(step.id(), MODEL_MONITOR_ACCOUNTS, "sagemaker-model-monitor-analyzer", "", notes)));
    putIfPresent(args, "RoleArn", role(step, Optional.empty(), values, notes));
    args.put("ProcessingInputs", List.of(input("baseline_dataset_input", values.render(s.baselineDataset()), QUALITY_INPUT)));
    args.put("ProcessingOutputConfig", SageMakerMapping.ordered("Outputs", List.of(
        output("quality_check_output", values.render(s.outputPath()), QUALITY_OUTPUT))));
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("output_path", QUALITY_OUTPUT);
    env.put("publish_cloudwatch_metrics", "Disabled");
    env.put("dataset_format", datasetFormat(step.id(), s.datasetFormat(), notes));
    env.put("dataset_source", QUALITY_INPUT);
    if (s.checkType() == QualityCheckSpec.CheckType.MODEL_QUALITY) {
      env.put("analysis_type", "MODEL_QUALITY");
      notes.accept(SageMakerNote.REQUEST_GAP.at(step.id(),
          "a model quality check needs problem_type and the inference / ground truth attributes, which the IR"
              + " does not hold: add them under extensions.sagemaker.arguments.Environment"));
    }
    args.put("Environment", env);
    timeoutAsRuntime(step, args, notes);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("CheckType", s.checkType().name());
    extra.put("ModelPackageGroupName", s.modelPackageGroup().orElse(null));
    extra.put("SkipCheck", s.skipCheck());
    extra.put("FailOnViolation", true);
    extra.put("RegisterNewBaseline", s.registerNewBaseline());
    extra.put("SuppliedBaselineStatistics", s.suppliedBaselineStatistics().map(values::render).orElse(null));
    extra.put("SuppliedBaselineConstraints", s.suppliedBaselineConstraints().map(values::render).orElse(null));
    return new SageMakerMapping.Mapped("QualityCheck", args, extra, false, true, true);
  }

  /**
   * Clarify bias / explainability check: a processing job on the Clarify image reading its analysis
   * configuration from {@code <outputPath>/analysis_config.json}. The SDK uploads that file when it builds
   * the definition; pipeshift cannot, so it is a companion file the user uploads (a REQUEST_GAP note says
   * so).
   */
  SageMakerMapping.Mapped clarify(Step step, SageMakerValues values, Consumer<FidelityNote> notes,
      Map<String, String> companions) {
    ClarifyCheckSpec s = (ClarifyCheckSpec) step.spec();
    Object output = values.render(s.outputPath());
    Object configUri = output instanceof String text
        ? (text.endsWith("/") ? text : text + "/") + "analysis_config.json"
        : SageMakerValues.join("/", List.of(output, "analysis_config.json"));
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("ProcessingResources", cluster(s.instanceType(), s.instanceCount()));
    args.put("AppSpecification", SageMakerMapping.ordered(
        "ImageUri", image(step.id(), CLARIFY_ACCOUNTS, "sagemaker-clarify-processing", ":1.0", notes)));
    putIfPresent(args, "RoleArn", role(step, Optional.empty(), values, notes));
    args.put("ProcessingInputs", List.of(
        input("analysis_config", configUri, "/opt/ml/processing/input/config"),
        input("dataset", values.render(s.dataset()), "/opt/ml/processing/input/data")));
    args.put("ProcessingOutputConfig", SageMakerMapping.ordered("Outputs", List.of(
        output("analysis_result", output, "/opt/ml/processing/output"))));
    timeoutAsRuntime(step, args, notes);
    String file = "clarify/" + step.id() + "-analysis_config.json";
    companions.put(file, JsonText.write(s.analysisConfig()));
    notes.accept(SageMakerNote.REQUEST_GAP.at(step.id(),
        "upload the Clarify analysis configuration (companion " + file + ") to " + (configUri instanceof String u
            ? u : "<outputPath>/analysis_config.json") + " before the run: the SDK uploads it, a definition cannot"));
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("CheckType", s.checkType().name());
    extra.put("ModelPackageGroupName", s.modelPackageGroup().orElse(null));
    extra.put("SkipCheck", s.skipCheck());
    extra.put("FailOnViolation", true);
    extra.put("RegisterNewBaseline", s.registerNewBaseline());
    extra.put("SuppliedBaselineConstraints", null);
    return new SageMakerMapping.Mapped("ClarifyCheck", args, extra, false, true, true);
  }

  /**
   * A notebook job: SageMaker's notebook scheduler in the given image, on a training job whose input
   * channel holds the notebook. The notebook must already be in S3 (its folder becomes the channel).
   */
  SageMakerMapping.Mapped notebook(Step step, SageMakerValues values, Consumer<FidelityNote> notes) {
    NotebookJobSpec s = (NotebookJobSpec) step.spec();
    String notebook = s.notebook();
    int slash = notebook.lastIndexOf('/');
    String folder = slash > 0 ? notebook.substring(0, slash) : notebook;
    String file = slash >= 0 ? notebook.substring(slash + 1) : notebook;
    if (!notebook.startsWith("s3://")) {
      notes.accept(SageMakerNote.REQUEST_GAP.at(step.id(),
          "notebook '" + notebook + "' is not an s3:// URI: upload it (the SDK does) and name its S3 location"));
    }
    Map<String, Object> args = new LinkedHashMap<>();
    putIfPresent(args, "RoleArn", role(step, s.role(), values, notes));
    Duration runtime = pipeline.timeoutOf(step).orElse(NOTEBOOK_RUNTIME);
    args.put("StoppingCondition", SageMakerMapping.ordered("MaxRuntimeInSeconds", Durations.ceilSeconds(runtime)));
    args.put("AlgorithmSpecification", SageMakerMapping.ordered(
        "TrainingImage", s.image(), "TrainingInputMode", "File",
        "ContainerEntrypoint", List.of("amazon_sagemaker_scheduler")));
    args.put("InputDataConfig", List.of(SageMakerMapping.ordered(
        "ChannelName", NOTEBOOK_CHANNEL,
        "DataSource", SageMakerMapping.ordered("S3DataSource", SageMakerMapping.ordered(
            "S3DataType", "S3Prefix", "S3Uri", folder, "S3DataDistributionType", "FullyReplicated")))));
    Object outputPath = s.outputPath().map(values::render).orElse(null);
    if (outputPath == null) {
      outputPath = SageMakerValues.join("/", List.of(folder, SageMakerValues.get("Execution.PipelineExecutionId"),
          step.id()));
    }
    args.put("OutputDataConfig", SageMakerMapping.ordered("S3OutputPath", outputPath));
    args.put("ResourceConfig", SageMakerMapping.ordered(
        "VolumeSizeInGB", 30, "InstanceCount", 1, "InstanceType", s.instanceType()));
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("AWS_DEFAULT_REGION", region(step.id(), notes));
    env.put("SM_JOB_DEF_VERSION", "1.0");
    env.put("SM_ENV_NAME", "sagemaker-default-env");
    env.put("SM_SKIP_EFS_SIMULATION", "true");
    env.put("SM_EXECUTION_INPUT_PATH", "/opt/ml/input/data/" + NOTEBOOK_CHANNEL);
    env.put("SM_KERNEL_NAME", s.kernel());
    env.put("SM_INPUT_NOTEBOOK_NAME", file);
    env.put("SM_OUTPUT_NOTEBOOK_NAME", SageMakerNames.sanitise(step.id()) + ".ipynb");
    args.put("Environment", env);
    if (!s.parameters().isEmpty()) {
      Map<String, Object> params = new LinkedHashMap<>();
      s.parameters().forEach((k, v) -> params.put(k, values.renderText(v)));
      args.put("HyperParameters", params);
    }
    return new SageMakerMapping.Mapped("Training", args, Map.of(), true, true, true);
  }

  private void timeoutAsRuntime(Step step, Map<String, Object> args, Consumer<FidelityNote> notes) {
    pipeline.timeoutOf(step).ifPresent(t -> {
      args.put("StoppingCondition", SageMakerMapping.ordered("MaxRuntimeInSeconds", Durations.ceilSeconds(t)));
      notes.accept(SageMakerNote.TIMEOUT_AS_MAX_RUNTIME.at(step.id(),
          "timeout " + Durations.format(t) + " kept as StoppingCondition.MaxRuntimeInSeconds"));
    });
  }

  private static Object datasetFormat(String stepId, String format, Consumer<FidelityNote> notes) {
    String f = format.toLowerCase(Locale.ROOT);
    String json = switch (f) {
      case "csv" -> "{\"csv\": {\"header\": true, \"output_columns_position\": \"START\"}}";
      case "json" -> "{\"json\": {\"lines\": true}}";
      case "parquet" -> "{\"parquet\": {}}";
      default -> null;
    };
    if (json == null) {
      notes.accept(SageMakerNote.REQUEST_GAP.at(stepId,
          "dataset format '" + format + "' is not one Model Monitor knows (csv, json, parquet); csv assumed"));
      json = "{\"csv\": {\"header\": true, \"output_columns_position\": \"START\"}}";
    }
    return json;
  }

  private static Map<String, Object> cluster(String instanceType, int count) {
    return SageMakerMapping.ordered("ClusterConfig", SageMakerMapping.ordered(
        "InstanceType", instanceType, "InstanceCount", count, "VolumeSizeInGB", 30));
  }

  private static Map<String, Object> input(String name, Object uri, String local) {
    return SageMakerMapping.ordered("InputName", name, "AppManaged", false, "S3Input", SageMakerMapping.ordered(
        "S3Uri", uri, "LocalPath", local, "S3DataType", "S3Prefix", "S3InputMode", "File",
        "S3DataDistributionType", "FullyReplicated", "S3CompressionType", "None"));
  }

  private static Map<String, Object> output(String name, Object uri, String local) {
    return SageMakerMapping.ordered("OutputName", name, "AppManaged", false, "S3Output", SageMakerMapping.ordered(
        "S3Uri", uri, "LocalPath", local, "S3UploadMode", "EndOfJob"));
  }

  private static void putIfPresent(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
