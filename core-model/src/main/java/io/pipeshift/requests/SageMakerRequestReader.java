package io.pipeshift.requests;

import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.CreateModelSpec;
import io.pipeshift.ir.kinds.ModelDeploySpec;
import io.pipeshift.ir.kinds.ProcessingSpec;
import io.pipeshift.ir.kinds.RegisterModelSpec;
import io.pipeshift.ir.kinds.StepSpec;
import io.pipeshift.ir.kinds.TrainingSpec;
import io.pipeshift.ir.kinds.TransformSpec;
import io.pipeshift.ir.kinds.TuningSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * SageMaker API request -> IR step fields: the reverse of {@link SageMakerRequests}, shared by every importer
 * that meets a Create* request (SageMaker step {@code Arguments}, ASL {@code .sync} Task parameters, Airflow
 * operator {@code config=}). The caller turns its own reference syntax into {@link Value}s first; the tree
 * holds maps, lists, strings, numbers, booleans and values.
 *
 * <p>What the IR keeps: everything {@link SageMakerRequests} writes. What it drops (each listed in
 * {@link Read#dropped()} for a fidelity note): request fields the IR has no place for, values other than
 * the ones pipeshift always writes (e.g. {@code S3DataType: ManifestFile}), and references in fields the
 * IR holds as plain text (an instance type from a parameter becomes the parameter's default).
 */
public final class SageMakerRequestReader {

  /** The operations this reader understands, by the request's API name. */
  public static final List<String> OPERATIONS = List.of(
      "CreateProcessingJob", "CreateTrainingJob", "CreateHyperParameterTuningJob", "CreateTransformJob",
      "CreateModel", "CreateModelPackage", "CreateEndpointConfig");

  /**
   * A read request.
   *
   * @param spec the step fields
   * @param dropped what was not kept, one readable line each ({@code "ResourceConfig.KeepAlivePeriodInSeconds"})
   */
  public record Read(StepSpec spec, List<String> dropped) {
    public Read {
      dropped = List.copyOf(dropped);
    }
  }

  private final Function<Value, Optional<String>> literalFor;

  /**
   * @param literalFor what to use for a reference in a field the IR holds as plain text (typically the
   *     default of the parameter it names), or empty
   */
  public SageMakerRequestReader(Function<Value, Optional<String>> literalFor) {
    this.literalFor = literalFor;
  }

  public SageMakerRequestReader() {
    this(v -> Optional.empty());
  }

  /**
   * Reads the request of {@code operation} (e.g. {@code CreateTrainingJob}; the {@code .sync} ASL resource
   * names like {@code createTrainingJob} are accepted too). Empty for an operation it does not know. The job
   * name field, if present, is ignored: the IR names jobs by step.
   */
  public Optional<Read> read(String operation, Map<String, Object> body) {
    Optional<String> known = operationOfAction(operation);
    if (known.isEmpty()) {
      return Optional.empty();
    }
    String op = known.get();
    List<String> problems = new ArrayList<>();
    RequestFields f = new RequestFields("", body, problems, literalFor);
    StepSpec spec;
    switch (op) {
      case "CreateProcessingJob" -> {
        f.raw("ProcessingJobName");
        spec = processing(f);
      }
      case "CreateTrainingJob" -> {
        f.raw("TrainingJobName");
        spec = training(f, "HyperParameters");
      }
      case "CreateHyperParameterTuningJob" -> {
        f.raw("HyperParameterTuningJobName");
        spec = tuning(f);
      }
      case "CreateTransformJob" -> {
        f.raw("TransformJobName");
        spec = transform(f);
      }
      case "CreateModel" -> {
        f.raw("ModelName");
        spec = createModel(f);
      }
      case "CreateModelPackage" -> {
        f.raw("ModelPackageDescription");
        spec = registerModel(f);
      }
      case "CreateEndpointConfig" -> {
        f.raw("EndpointConfigName");
        spec = endpointConfig(f, "");
      }
      default -> {
        return Optional.empty();
      }
    }
    List<String> unread = new ArrayList<>();
    f.unread(unread);
    List<String> dropped = new ArrayList<>(problems);
    unread.forEach(u -> dropped.add(u + ": not kept (the IR has no field for it)"));
    return Optional.of(new Read(spec, dropped));
  }

  /** An endpoint deployment from its endpoint configuration request and the endpoint's name. */
  public Read readEndpointConfig(Map<String, Object> body, String endpointName) {
    List<String> problems = new ArrayList<>();
    RequestFields f = new RequestFields("", body, problems, literalFor);
    f.raw("EndpointConfigName");
    StepSpec spec = endpointConfig(f, endpointName);
    List<String> unread = new ArrayList<>();
    f.unread(unread);
    unread.forEach(u -> problems.add(u + ": not kept (the IR has no field for it)"));
    return new Read(spec, problems);
  }

  // ---------------------------------------------------------------------------------------------

  private ProcessingSpec processing(RequestFields f) {
    RequestFields cluster = f.object("ProcessingResources").object("ClusterConfig");
    String instanceType = cluster.text("InstanceType", "");
    int count = cluster.integer("InstanceCount", 1);
    int volume = cluster.integer("VolumeSizeInGB", 30);
    RequestFields app = f.object("AppSpecification");
    String image = app.text("ImageUri", "");
    List<String> entrypoint = app.texts("ContainerEntrypoint");
    List<Value> arguments = app.values("ContainerArguments");
    Optional<Value> role = f.value("RoleArn");
    List<ProcessingSpec.ProcessingInput> inputs = new ArrayList<>();
    for (RequestFields in : f.objects("ProcessingInputs")) {
      String name = in.text("InputName", "");
      in.expect("AppManaged", false);
      RequestFields s3 = in.object("S3Input");
      Value source = s3.value("S3Uri", Value.Literal.of(""));
      String destination = s3.text("LocalPath", "");
      s3.expect("S3DataType", "S3Prefix");
      s3.expect("S3InputMode", "File");
      s3.expect("S3DataDistributionType", "FullyReplicated");
      s3.expect("S3CompressionType", "None");
      inputs.add(new ProcessingSpec.ProcessingInput(name, source, destination));
    }
    List<ProcessingSpec.ProcessingOutput> outputs = new ArrayList<>();
    for (RequestFields out : f.object("ProcessingOutputConfig").objects("Outputs")) {
      String name = out.text("OutputName", "");
      out.expect("AppManaged", false);
      RequestFields s3 = out.object("S3Output");
      Value destination = s3.value("S3Uri", Value.Literal.of(""));
      String source = s3.text("LocalPath", "");
      s3.expect("S3UploadMode", "EndOfJob");
      outputs.add(new ProcessingSpec.ProcessingOutput(name, source, destination));
    }
    Map<String, Value> environment = f.valueMap("Environment");
    Optional<Duration> maxRuntime = f.object("StoppingCondition").number("MaxRuntimeInSeconds").map(Duration::ofSeconds)
        .filter(d -> !d.equals(SageMakerRequests.DEFAULT_PROCESSING_RUNTIME));
    return new ProcessingSpec(image, instanceType, count, volume, entrypoint, arguments, environment, inputs, outputs,
        List.of(), role, maxRuntime);
  }

  private TrainingSpec training(RequestFields f, String hyperparametersKey) {
    RequestFields algorithm = f.object("AlgorithmSpecification");
    String image = algorithm.text("TrainingImage", "");
    algorithm.expect("TrainingInputMode", "File");
    List<TrainingSpec.MetricDefinition> metrics = new ArrayList<>();
    for (RequestFields m : algorithm.objects("MetricDefinitions")) {
      metrics.add(new TrainingSpec.MetricDefinition(m.text("Name", ""), m.text("Regex", "")));
    }
    Value outputPath = f.object("OutputDataConfig").value("S3OutputPath", Value.Literal.of(""));
    Duration maxRuntime = f.object("StoppingCondition").number("MaxRuntimeInSeconds").map(Duration::ofSeconds)
        .orElse(Duration.ofDays(1));
    // a tuning job's definition may give its resources as HyperParameterTuningResourceConfig (the SDK does)
    RequestFields resources = !f.has("ResourceConfig") && f.has("HyperParameterTuningResourceConfig")
        ? f.object("HyperParameterTuningResourceConfig") : f.object("ResourceConfig");
    int volume = resources.integer("VolumeSizeInGB", 30);
    int count = resources.integer("InstanceCount", 1);
    String instanceType = resources.text("InstanceType", "");
    Optional<Value> role = f.value("RoleArn");
    List<TrainingSpec.Channel> channels = new ArrayList<>();
    for (RequestFields c : f.objects("InputDataConfig")) {
      RequestFields s3 = c.object("DataSource").object("S3DataSource");
      s3.expect("S3DataType", "S3Prefix");
      Value source = s3.value("S3Uri", Value.Literal.of(""));
      s3.expect("S3DataDistributionType", "FullyReplicated");
      Optional<String> contentType = c.text("ContentType");
      channels.add(new TrainingSpec.Channel(c.text("ChannelName", ""), source, contentType));
    }
    Map<String, Value> hyperparameters = f.valueMap(hyperparametersKey);
    Map<String, Value> environment = f.valueMap("Environment");
    return new TrainingSpec(image, instanceType, count, volume, hyperparameters, channels, outputPath, role, maxRuntime,
        environment, metrics);
  }

  private TuningSpec tuning(RequestFields f) {
    RequestFields config = f.object("HyperParameterTuningJobConfig");
    TuningSpec.Strategy strategy = switch (config.text("Strategy", "Bayesian")) {
      case "Random" -> TuningSpec.Strategy.RANDOM;
      case "Hyperband" -> TuningSpec.Strategy.HYPERBAND;
      case "Grid" -> TuningSpec.Strategy.GRID;
      default -> TuningSpec.Strategy.BAYESIAN;
    };
    RequestFields objective = config.object("HyperParameterTuningJobObjective");
    TuningSpec.Direction direction = "Minimize".equals(objective.text("Type", "Maximize"))
        ? TuningSpec.Direction.MINIMIZE : TuningSpec.Direction.MAXIMIZE;
    String metric = objective.text("MetricName", "");
    RequestFields limits = config.object("ResourceLimits");
    int maxJobs = limits.integer("MaxNumberOfTrainingJobs", 1);
    int maxParallel = limits.integer("MaxParallelTrainingJobs", 1);
    limits.raw("MaxRuntimeInSeconds"); // the step timeout; the caller reads it
    RequestFields ranges = config.object("ParameterRanges");
    List<TuningSpec.Range> out = new ArrayList<>();
    for (String key : List.of("ContinuousParameterRanges", "IntegerParameterRanges")) {
      TuningSpec.RangeType type = key.startsWith("Continuous") ? TuningSpec.RangeType.CONTINUOUS : TuningSpec.RangeType.INTEGER;
      for (RequestFields r : ranges.objects(key)) {
        out.add(new TuningSpec.Range(r.text("Name", ""), type, r.value("MinValue"), r.value("MaxValue"), List.of(),
            scaling(r.text("ScalingType", "Auto"))));
      }
    }
    for (RequestFields r : ranges.objects("CategoricalParameterRanges")) {
      out.add(new TuningSpec.Range(r.text("Name", ""), TuningSpec.RangeType.CATEGORICAL, Optional.empty(), Optional.empty(),
          r.values("Values"), TuningSpec.Scaling.AUTO));
    }
    TrainingSpec training = training(f.object("TrainingJobDefinition"), "StaticHyperParameters");
    return new TuningSpec(training, new TuningSpec.Objective(metric, direction), out, maxJobs, maxParallel, strategy);
  }

  private static TuningSpec.Scaling scaling(String s) {
    return switch (s) {
      case "Linear" -> TuningSpec.Scaling.LINEAR;
      case "Logarithmic" -> TuningSpec.Scaling.LOGARITHMIC;
      case "ReverseLogarithmic" -> TuningSpec.Scaling.REVERSE_LOGARITHMIC;
      default -> TuningSpec.Scaling.AUTO;
    };
  }

  private TransformSpec transform(RequestFields f) {
    Value model = f.value("ModelName", Value.Literal.of(""));
    RequestFields input = f.object("TransformInput");
    RequestFields s3 = input.object("DataSource").object("S3DataSource");
    s3.expect("S3DataType", "S3Prefix");
    Value source = s3.value("S3Uri", Value.Literal.of(""));
    Optional<String> contentType = input.text("ContentType");
    TransformSpec.SplitType split = switch (input.text("SplitType").orElse("None")) {
      case "Line" -> TransformSpec.SplitType.LINE;
      case "RecordIO" -> TransformSpec.SplitType.RECORD_IO;
      case "TFRecord" -> TransformSpec.SplitType.TF_RECORD;
      default -> TransformSpec.SplitType.NONE;
    };
    RequestFields output = f.object("TransformOutput");
    Value outputPath = output.value("S3OutputPath", Value.Literal.of(""));
    Optional<String> accept = output.text("Accept");
    TransformSpec.AssembleWith assemble = "Line".equals(output.text("AssembleWith").orElse("None"))
        ? TransformSpec.AssembleWith.LINE : TransformSpec.AssembleWith.NONE;
    RequestFields resources = f.object("TransformResources");
    int count = resources.integer("InstanceCount", 1);
    String instanceType = resources.text("InstanceType", "");
    return new TransformSpec(model, instanceType, count, source, contentType, split, outputPath, accept, assemble);
  }

  private CreateModelSpec createModel(RequestFields f) {
    Optional<Value> role = f.value("ExecutionRoleArn");
    RequestFields container = f.object("PrimaryContainer");
    if (!f.has("PrimaryContainer") && f.has("Containers")) {
      List<RequestFields> containers = f.objects("Containers");
      container = containers.isEmpty() ? container : containers.get(0);
    }
    String image = container.text("Image", "");
    Map<String, Value> environment = container.valueMap("Environment");
    Value modelData = container.value("ModelDataUrl", Value.Literal.of(""));
    return new CreateModelSpec(image, modelData, role, environment, Optional.empty());
  }

  private RegisterModelSpec registerModel(RequestFields f) {
    String group = f.text("ModelPackageGroupName", "");
    RequestFields inference = f.object("InferenceSpecification");
    List<RequestFields> containers = inference.objects("Containers");
    String image = "";
    Value modelData = Value.Literal.of("");
    if (!containers.isEmpty()) {
      image = containers.get(0).text("Image", "");
      modelData = containers.get(0).value("ModelDataUrl", Value.Literal.of(""));
    }
    List<String> contentTypes = inference.texts("SupportedContentTypes");
    List<String> responseTypes = inference.texts("SupportedResponseMIMETypes");
    List<String> realtime = inference.texts("SupportedRealtimeInferenceInstanceTypes");
    List<String> transform = inference.texts("SupportedTransformInstanceTypes");
    RegisterModelSpec.ApprovalStatus status = switch (f.text("ModelApprovalStatus").orElse("PendingManualApproval")) {
      case "Approved" -> RegisterModelSpec.ApprovalStatus.APPROVED;
      case "Rejected" -> RegisterModelSpec.ApprovalStatus.REJECTED;
      default -> RegisterModelSpec.ApprovalStatus.PENDING_MANUAL_APPROVAL;
    };
    Optional<Value> metrics = Optional.empty();
    if (f.has("ModelMetrics")) {
      RequestFields stats = f.object("ModelMetrics").object("ModelQuality").object("Statistics");
      stats.expect("ContentType", "application/json");
      metrics = stats.value("S3Uri");
    }
    return new RegisterModelSpec(group, image, modelData, contentTypes, responseTypes, realtime, transform, status, metrics);
  }

  private ModelDeploySpec endpointConfig(RequestFields f, String endpointName) {
    List<RequestFields> variants = f.objects("ProductionVariants");
    if (variants.isEmpty()) {
      return new ModelDeploySpec(endpointName, Value.Literal.of(""), "", 1);
    }
    RequestFields v = variants.get(0);
    v.expect("VariantName", "AllTraffic");
    Value model = v.value("ModelName", Value.Literal.of(""));
    String instanceType = v.text("InstanceType", "");
    int count = v.integer("InitialInstanceCount", 1);
    return new ModelDeploySpec(endpointName, model, instanceType, count);
  }

  /** The operation name of an ASL SageMaker resource ({@code createTrainingJob.sync} -> CreateTrainingJob). */
  public static Optional<String> operationOfAction(String action) {
    String a = action.replaceFirst("\\.sync(:\\d+)?$", "").replaceFirst("\\.waitForTaskToken$", "");
    String op = a.isEmpty() ? a : a.substring(0, 1).toUpperCase(Locale.ROOT) + a.substring(1);
    return OPERATIONS.contains(op) ? Optional.of(op) : Optional.empty();
  }
}
