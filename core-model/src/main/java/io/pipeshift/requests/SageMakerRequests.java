package io.pipeshift.requests;

import io.pipeshift.ir.Step;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.CreateModelSpec;
import io.pipeshift.ir.kinds.ModelDeploySpec;
import io.pipeshift.ir.kinds.ProcessingSpec;
import io.pipeshift.ir.kinds.RegisterModelSpec;
import io.pipeshift.ir.kinds.TrainingSpec;
import io.pipeshift.ir.kinds.TransformSpec;
import io.pipeshift.ir.kinds.TuningSpec;
import io.pipeshift.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IR step -> SageMaker Create* API request: the one place that knows how typed fields become
 * CreateProcessingJob, CreateTrainingJob, CreateHyperParameterTuningJob, CreateTransformJob, CreateModel,
 * CreateModelPackage and CreateEndpointConfig requests. Field names and shapes follow the SageMaker API
 * reference (checked against botocore's service model in the to-sagemaker tests).
 */
public final class SageMakerRequests {

  /** Processing jobs default to one hour when the IR sets no maximum runtime. */
  public static final Duration DEFAULT_PROCESSING_RUNTIME = Duration.ofHours(1);

  private SageMakerRequests() {}

  /** The request for a step, if its kind starts a SageMaker job or registry call that has a Create* API. */
  public static Optional<JobRequest> forStep(Step step) {
    return switch (step.kind()) {
      case PROCESSING -> Optional.of(processing((ProcessingSpec) step.spec()));
      case TRAINING -> Optional.of(training((TrainingSpec) step.spec()));
      case TUNING -> Optional.of(tuning((TuningSpec) step.spec()));
      case TRANSFORM -> Optional.of(transform((TransformSpec) step.spec()));
      case CREATE_MODEL -> Optional.of(createModel((CreateModelSpec) step.spec()));
      case REGISTER_MODEL -> Optional.of(registerModel((RegisterModelSpec) step.spec()));
      case MODEL_DEPLOY -> Optional.of(endpointConfig((ModelDeploySpec) step.spec()));
      default -> Optional.empty();
    };
  }

  public static JobRequest processing(ProcessingSpec s) {
    List<String> gaps = new ArrayList<>();
    Map<String, Object> body = new LinkedHashMap<>();
    Map<String, Object> cluster = map(
        "InstanceType", s.instanceType(), "InstanceCount", s.instanceCount(), "VolumeSizeInGB", s.volumeSizeGb());
    body.put("ProcessingResources", map("ClusterConfig", cluster));
    Map<String, Object> app = map("ImageUri", s.image());
    if (!s.entrypoint().isEmpty()) {
      app.put("ContainerEntrypoint", List.copyOf(s.entrypoint()));
    }
    if (!s.arguments().isEmpty()) {
      app.put("ContainerArguments", strings(s.arguments()));
    }
    body.put("AppSpecification", app);
    role(s.role(), body, "RoleArn", gaps);
    if (!s.inputs().isEmpty()) {
      List<Object> inputs = new ArrayList<>();
      for (ProcessingSpec.ProcessingInput in : s.inputs()) {
        inputs.add(map(
            "InputName", in.name(),
            "AppManaged", false,
            "S3Input", map(
                "S3Uri", leaf(in.source()),
                "LocalPath", in.destination(),
                "S3DataType", "S3Prefix",
                "S3InputMode", "File",
                "S3DataDistributionType", "FullyReplicated",
                "S3CompressionType", "None")));
      }
      body.put("ProcessingInputs", inputs);
    }
    if (!s.outputs().isEmpty()) {
      List<Object> outputs = new ArrayList<>();
      for (ProcessingSpec.ProcessingOutput out : s.outputs()) {
        outputs.add(map(
            "OutputName", out.name(),
            "AppManaged", false,
            "S3Output", map("S3Uri", leaf(out.destination()), "LocalPath", out.source(), "S3UploadMode", "EndOfJob")));
      }
      body.put("ProcessingOutputConfig", map("Outputs", outputs));
    }
    if (!s.environment().isEmpty()) {
      body.put("Environment", stringMap(s.environment()));
    }
    body.put("StoppingCondition", map("MaxRuntimeInSeconds", seconds(s.maxRuntime().orElse(DEFAULT_PROCESSING_RUNTIME))));
    return new JobRequest("CreateProcessingJob", body, "ProcessingJobName", gaps);
  }

  public static JobRequest training(TrainingSpec s) {
    List<String> gaps = new ArrayList<>();
    Map<String, Object> body = trainingDefinition(s, gaps, "HyperParameters");
    return new JobRequest("CreateTrainingJob", body, "TrainingJobName", gaps);
  }

  /** The training fields shared by CreateTrainingJob and a tuning job's TrainingJobDefinition. */
  private static Map<String, Object> trainingDefinition(TrainingSpec s, List<String> gaps, String hyperparametersKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    Map<String, Object> algorithm = map("TrainingImage", s.image(), "TrainingInputMode", "File");
    if (!s.metrics().isEmpty()) {
      List<Object> metrics = new ArrayList<>();
      s.metrics().forEach(m -> metrics.add(map("Name", m.name(), "Regex", m.regex())));
      algorithm.put("MetricDefinitions", metrics);
    }
    body.put("AlgorithmSpecification", algorithm);
    body.put("OutputDataConfig", map("S3OutputPath", leaf(s.outputPath())));
    body.put("StoppingCondition", map("MaxRuntimeInSeconds", seconds(s.maxRuntime())));
    body.put("ResourceConfig", map(
        "VolumeSizeInGB", s.volumeSizeGb(), "InstanceCount", s.instanceCount(), "InstanceType", s.instanceType()));
    role(s.role(), body, "RoleArn", gaps);
    if (!s.inputs().isEmpty()) {
      List<Object> channels = new ArrayList<>();
      for (TrainingSpec.Channel c : s.inputs()) {
        Map<String, Object> channel = map(
            "DataSource", map("S3DataSource", map(
                "S3DataType", "S3Prefix", "S3Uri", leaf(c.source()), "S3DataDistributionType", "FullyReplicated")));
        c.contentType().ifPresent(ct -> channel.put("ContentType", ct));
        channel.put("ChannelName", c.channel());
        channels.add(channel);
      }
      body.put("InputDataConfig", channels);
    }
    if (!s.hyperparameters().isEmpty()) {
      body.put(hyperparametersKey, stringMap(s.hyperparameters()));
    }
    if (!s.environment().isEmpty()) {
      body.put("Environment", stringMap(s.environment()));
    }
    return body;
  }

  public static JobRequest tuning(TuningSpec s) {
    List<String> gaps = new ArrayList<>();
    Map<String, Object> ranges = new LinkedHashMap<>();
    List<Object> continuous = new ArrayList<>();
    List<Object> integer = new ArrayList<>();
    List<Object> categorical = new ArrayList<>();
    for (TuningSpec.Range r : s.ranges()) {
      switch (r.type()) {
        case CONTINUOUS, INTEGER -> {
          Map<String, Object> range = map("Name", r.name());
          range.put("MinValue", r.min().map(SageMakerRequests::stringLeaf).orElse("0"));
          range.put("MaxValue", r.max().map(SageMakerRequests::stringLeaf).orElse("0"));
          range.put("ScalingType", scaling(r.scaling()));
          (r.type() == TuningSpec.RangeType.CONTINUOUS ? continuous : integer).add(range);
          if (r.min().isEmpty() || r.max().isEmpty()) {
            gaps.add("range '" + r.name() + "' needs min and max");
          }
        }
        case CATEGORICAL -> categorical.add(map("Name", r.name(), "Values", strings(r.values())));
      }
    }
    ranges.put("IntegerParameterRanges", integer);
    ranges.put("ContinuousParameterRanges", continuous);
    ranges.put("CategoricalParameterRanges", categorical);
    Map<String, Object> config = map(
        "Strategy", switch (s.strategy()) {
          case BAYESIAN -> "Bayesian";
          case RANDOM -> "Random";
          case HYPERBAND -> "Hyperband";
          case GRID -> "Grid";
        },
        "HyperParameterTuningJobObjective", map(
            "Type", s.objective().direction() == TuningSpec.Direction.MAXIMIZE ? "Maximize" : "Minimize",
            "MetricName", s.objective().metric()),
        "ResourceLimits", map("MaxNumberOfTrainingJobs", s.maxJobs(), "MaxParallelTrainingJobs", s.maxParallelJobs()),
        "ParameterRanges", ranges);
    Map<String, Object> definition = trainingDefinition(s.training(), gaps, "StaticHyperParameters");
    Map<String, Object> body = map("HyperParameterTuningJobConfig", config, "TrainingJobDefinition", definition);
    return new JobRequest("CreateHyperParameterTuningJob", body, "HyperParameterTuningJobName", gaps);
  }

  public static JobRequest transform(TransformSpec s) {
    Map<String, Object> input = map(
        "DataSource", map("S3DataSource", map("S3DataType", "S3Prefix", "S3Uri", leaf(s.input()))));
    s.contentType().ifPresent(ct -> input.put("ContentType", ct));
    input.put("SplitType", switch (s.splitType()) {
      case NONE -> "None";
      case LINE -> "Line";
      case RECORD_IO -> "RecordIO";
      case TF_RECORD -> "TFRecord";
    });
    Map<String, Object> output = map("S3OutputPath", leaf(s.outputPath()));
    s.accept().ifPresent(a -> output.put("Accept", a));
    output.put("AssembleWith", s.assembleWith() == TransformSpec.AssembleWith.LINE ? "Line" : "None");
    Map<String, Object> body = map(
        "ModelName", leaf(s.model()),
        "TransformInput", input,
        "TransformOutput", output,
        "TransformResources", map("InstanceCount", s.instanceCount(), "InstanceType", s.instanceType()));
    return new JobRequest("CreateTransformJob", body, "TransformJobName", List.of());
  }

  public static JobRequest createModel(CreateModelSpec s) {
    List<String> gaps = new ArrayList<>();
    Map<String, Object> container = map("Image", s.image());
    if (!s.environment().isEmpty()) {
      container.put("Environment", stringMap(s.environment()));
    }
    container.put("ModelDataUrl", leaf(s.modelData()));
    Map<String, Object> body = new LinkedHashMap<>();
    role(s.role(), body, "ExecutionRoleArn", gaps);
    body.put("PrimaryContainer", container);
    return new JobRequest("CreateModel", body, "ModelName", gaps);
  }

  public static JobRequest registerModel(RegisterModelSpec s) {
    Map<String, Object> inference = map(
        "Containers", List.of(map("Image", s.image(), "ModelDataUrl", leaf(s.modelData()))),
        "SupportedContentTypes", List.copyOf(s.contentTypes()),
        "SupportedResponseMIMETypes", List.copyOf(s.responseTypes()));
    if (!s.inferenceInstanceTypes().isEmpty()) {
      inference.put("SupportedRealtimeInferenceInstanceTypes", List.copyOf(s.inferenceInstanceTypes()));
    }
    if (!s.transformInstanceTypes().isEmpty()) {
      inference.put("SupportedTransformInstanceTypes", List.copyOf(s.transformInstanceTypes()));
    }
    Map<String, Object> body = map(
        "ModelPackageGroupName", s.modelPackageGroup(),
        "InferenceSpecification", inference,
        "ModelApprovalStatus", switch (s.approvalStatus()) {
          case PENDING_MANUAL_APPROVAL -> "PendingManualApproval";
          case APPROVED -> "Approved";
          case REJECTED -> "Rejected";
        });
    s.modelMetrics().ifPresent(m -> body.put("ModelMetrics", map(
        "ModelQuality", map("Statistics", map("ContentType", "application/json", "S3Uri", leaf(m))))));
    return new JobRequest("CreateModelPackage", body, "ModelPackageDescription", List.of());
  }

  /** The endpoint configuration for a model deployment (CreateEndpoint then names it). */
  public static JobRequest endpointConfig(ModelDeploySpec s) {
    Map<String, Object> body = map("ProductionVariants", List.of(map(
        "VariantName", "AllTraffic",
        "ModelName", leaf(s.model()),
        "InstanceType", s.instanceType(),
        "InitialInstanceCount", s.instanceCount())));
    return new JobRequest("CreateEndpointConfig", body, "EndpointConfigName", List.of());
  }

  // -----------------------------------------------------------------------------------------------

  private static void role(Optional<Value> role, Map<String, Object> body, String key, List<String> gaps) {
    if (role.isPresent()) {
      body.put(key, leaf(role.get()));
    } else {
      gaps.add("no execution role: set 'role' on the step (SageMaker requires " + key + ")");
    }
  }

  /** A literal becomes its plain value; a reference stays a Value for the spoke to render. */
  static Object leaf(Value v) {
    return v instanceof Value.Literal l ? l.value() : v;
  }

  /** Like {@link #leaf} but literals become strings (hyperparameters, environment, arguments). */
  static Object stringLeaf(Value v) {
    if (v instanceof Value.Literal l) {
      Object o = l.value();
      return o instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf(d) : String.valueOf(o);
    }
    return v;
  }

  private static List<Object> strings(List<Value> values) {
    return values.stream().map(SageMakerRequests::stringLeaf).toList();
  }

  private static Map<String, Object> stringMap(Map<String, Value> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, stringLeaf(v)));
    return out;
  }

  private static long seconds(Duration d) {
    return Durations.ceilSeconds(d);
  }

  private static String scaling(TuningSpec.Scaling s) {
    return switch (s) {
      case AUTO -> "Auto";
      case LINEAR -> "Linear";
      case LOGARITHMIC -> "Logarithmic";
      case REVERSE_LOGARITHMIC -> "ReverseLogarithmic";
    };
  }

  /** An insertion-ordered, mutable map from alternating keys and values. */
  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>((int) (kv.length / 2 / 0.75f) + 1); // sized once
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
