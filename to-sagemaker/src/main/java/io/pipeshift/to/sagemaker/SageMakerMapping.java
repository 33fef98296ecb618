package io.pipeshift.to.sagemaker;

import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.RawNull;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepKind;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.ApprovalSpec;
import io.pipeshift.ir.kinds.CallbackSpec;
import io.pipeshift.ir.kinds.EmrSpec;
import io.pipeshift.ir.kinds.ExternalSpec;
import io.pipeshift.ir.kinds.FailSpec;
import io.pipeshift.ir.kinds.LambdaSpec;
import io.pipeshift.ir.kinds.ModelDeploySpec;
import io.pipeshift.ir.kinds.ProcessingSpec;
import io.pipeshift.ir.kinds.TrainingSpec;
import io.pipeshift.ir.kinds.TuningSpec;
import io.pipeshift.requests.JobRequest;
import io.pipeshift.requests.RequestTree;
import io.pipeshift.requests.SageMakerRequests;
import io.pipeshift.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One IR step (not a condition or for-each: {@link SageMakerPlacement} lowers those) -> the SageMaker
 * step type, its {@code Arguments} and its type-specific fields. Job steps take their Arguments from the
 * shared {@link SageMakerRequests}; kinds SageMaker cannot run become a Callback step (an outside worker
 * does the work) with a note.
 */
final class SageMakerMapping {

  /** Queue used by the callback pattern when neither the step nor the pipeline names one. */
  static final String PLACEHOLDER_QUEUE = "https://sqs.REGION.amazonaws.com/ACCOUNT_ID/pipeshift-work-queue";

  /** What a step becomes. {@code extra} holds the fields after Arguments (PropertyFiles, FunctionArn...). */
  record Mapped(
      String type,
      Map<String, Object> arguments,
      Map<String, Object> extra,
      boolean retryable,
      boolean jobStep,
      boolean cacheable) {}

  /** Facts about the whole pipeline the mapping needs. */
  interface Context {
    Pipeline pipeline();

    /** Output names other steps read from this step, with their SageMaker output type. */
    Map<String, String> outputsReadFrom(String stepId);
  }

  private final Context context;
  private final SageMakerBuiltInJobs builtIn;
  private final Map<String, String> companions = new LinkedHashMap<>();

  SageMakerMapping(Context context) {
    this.context = context;
    this.builtIn = new SageMakerBuiltInJobs(context.pipeline());
  }

  /** Extra files some steps need next to the definition (Clarify analysis configurations). */
  Map<String, String> companions() {
    return companions;
  }

  /** The suffix the SageMaker SDK gives the step a kind becomes (RegisterModel is a step collection). */
  static String nameSuffix(StepKind kind) {
    return kind == StepKind.REGISTER_MODEL ? "-RegisterModel" : "";
  }

  Mapped map(Step step, SageMakerValues values, Consumer<FidelityNote> notes) {
    Pipeline p = context.pipeline();
    Optional<Duration> timeout = p.timeoutOf(step);
    String id = step.id();
    switch (step.kind()) {
      case PROCESSING -> {
        ProcessingSpec s = (ProcessingSpec) step.spec();
        Map<String, Object> args = request(step, values, notes);
        Optional<Duration> runtime = earliest(s.maxRuntime(), timeout);
        runtime.ifPresent(d -> args.put("StoppingCondition", stopping(d)));
        timeoutKept(id, timeout, s.maxRuntime(), notes);
        Map<String, Object> extra = new LinkedHashMap<>();
        if (!s.propertyFiles().isEmpty()) {
          List<Object> files = new ArrayList<>();
          for (ProcessingSpec.PropertyFile f : s.propertyFiles()) {
            files.add(ordered("PropertyFileName", f.name(), "OutputName", f.output(), "FilePath", f.path()));
          }
          extra.put("PropertyFiles", files);
        }
        return new Mapped("Processing", args, extra, true, true, true);
      }
      case TRAINING -> {
        TrainingSpec s = (TrainingSpec) step.spec();
        Map<String, Object> args = request(step, values, notes);
        earliest(Optional.of(s.maxRuntime()), timeout).ifPresent(d -> args.put("StoppingCondition", stopping(d)));
        timeoutKept(id, timeout, Optional.of(s.maxRuntime()), notes);
        return new Mapped("Training", args, Map.of(), true, true, true);
      }
      case TUNING -> {
        TuningSpec s = (TuningSpec) step.spec();
        Map<String, Object> args = request(step, values, notes);
        timeout.ifPresent(t -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> config = (Map<String, Object>) args.get("HyperParameterTuningJobConfig");
          @SuppressWarnings("unchecked")
          Map<String, Object> limits = (Map<String, Object>) config.get("ResourceLimits");
          limits.put("MaxRuntimeInSeconds", Durations.ceilSeconds(t));
          notes.accept(SageMakerNote.TIMEOUT_AS_MAX_RUNTIME.at(id,
              "timeout " + Durations.format(t) + " kept as the tuning job's ResourceLimits.MaxRuntimeInSeconds"));
        });
        return new Mapped("Tuning", args, Map.of(), true, true, true);
      }
      case TRANSFORM -> {
        Map<String, Object> args = request(step, values, notes);
        timeout.ifPresent(t -> notes.accept(SageMakerNote.TIMEOUT_DROPPED.at(id,
            "timeout " + Durations.format(t) + " dropped: a transform job has no maximum runtime")));
        return new Mapped("Transform", args, Map.of(), true, true, true);
      }
      case CREATE_MODEL -> {
        Map<String, Object> args = request(step, values, notes);
        instant(id, timeout, notes);
        return new Mapped("Model", args, Map.of(), true, false, false);
      }
      case REGISTER_MODEL -> {
        Map<String, Object> args = request(step, values, notes);
        instant(id, timeout, notes);
        return new Mapped("RegisterModel", args, Map.of(), true, false, false);
      }
      case EMR -> {
        EmrSpec s = (EmrSpec) step.spec();
        Map<String, Object> jar = new LinkedHashMap<>();
        jar.put("Jar", s.jar());
        if (!s.args().isEmpty()) {
          List<Object> list = new ArrayList<>();
          s.args().forEach(a -> list.add(values.renderText(a)));
          jar.put("Args", list);
        }
        s.mainClass().ifPresent(m -> jar.put("MainClass", m));
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("StepConfig", ordered("HadoopJarStep", jar));
        if (s.clusterId().isPresent()) {
          args.put("ClusterId", s.clusterId().get());
        } else {
          args.put("ClusterConfig", raw(s.clusterConfig()));
        }
        timeout.ifPresent(t -> notes.accept(SageMakerNote.TIMEOUT_DROPPED.at(id,
            "timeout " + Durations.format(t) + " dropped: an EMR step has no maximum runtime")));
        return new Mapped("EMR", args, Map.of(), true, false, true);
      }
      case QUALITY_CHECK -> {
        return builtIn.quality(step, values, notes);
      }
      case CLARIFY_CHECK -> {
        return builtIn.clarify(step, values, notes, companions);
      }
      case NOTEBOOK_JOB -> {
        return builtIn.notebook(step, values, notes);
      }
      case FAIL -> {
        FailSpec s = (FailSpec) step.spec();
        Object message = s.message().map(values::render).orElse("");
        if (s.error().isPresent()) {
          String prefix = s.error().get() + ": ";
          message = message instanceof String text
              ? prefix + text
              : SageMakerValues.join("", List.of(prefix, message));
          notes.accept(SageMakerNote.FAIL_ERROR_IN_MESSAGE.at(id,
              "error name '" + s.error().get() + "' kept at the start of ErrorMessage: a Fail step has no error name"));
        }
        return new Mapped("Fail", ordered("ErrorMessage", message), Map.of(), false, false, false);
      }
      case LAMBDA -> {
        LambdaSpec s = (LambdaSpec) step.spec();
        Map<String, Object> args = new LinkedHashMap<>();
        s.payload().forEach((k, v) -> args.put(k, values.render(v)));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("FunctionArn", s.function());
        extra.put("OutputParameters", outputParameters(id, s.outputs()));
        timeout.ifPresent(t -> notes.accept(SageMakerNote.TIMEOUT_DROPPED.at(id,
            "timeout " + Durations.format(t) + " dropped: a Lambda step runs until the function's own timeout")));
        return new Mapped("Lambda", args, extra, false, false, true);
      }
      case CALLBACK -> {
        CallbackSpec s = (CallbackSpec) step.spec();
        Map<String, Object> args = new LinkedHashMap<>();
        s.payload().forEach((k, v) -> args.put(k, values.render(v)));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("SqsQueueUrl", s.queueUrl());
        extra.put("OutputParameters", outputParameters(id, s.outputs()));
        timeout.ifPresent(t -> notes.accept(SageMakerNote.TIMEOUT_DROPPED.at(id,
            "timeout " + Durations.format(t) + " dropped: a Callback step waits until the token is returned")));
        return new Mapped("Callback", args, extra, false, false, true);
      }
      case EXTERNAL -> {
        ExternalSpec s = (ExternalSpec) step.spec();
        if (s.format().equals("sagemaker")) {
          return new Mapped(s.type(), raw(s.arguments()), Map.of(), false, false, false);
        }
        notes.accept(SageMakerNote.NOT_EXPRESSIBLE.at(id,
            "external " + s.format() + " step '" + s.type() + "' has no SageMaker equivalent; a callback step"
                + " stands in for it"));
        return callback(step, values, notes, false);
      }
      case WAIT -> {
        notes.accept(SageMakerNote.NOT_EXPRESSIBLE.at(id,
            "SageMaker Pipelines has no wait step; a callback step stands in for it (an outside timer must"
                + " return the token)"));
        return callback(step, values, notes, false);
      }
      case APPROVAL -> {
        ApprovalSpec s = (ApprovalSpec) step.spec();
        return callback(step, values, notes, true, s.queueUrl());
      }
      default -> {
        return callback(step, values, notes, true);
      }
    }
  }

  /** Endpoint deployment: an EndpointConfig step and an Endpoint step, like the SDK's two step classes. */
  List<Mapped> deploy(Step step, String configStepName, SageMakerValues values, Consumer<FidelityNote> notes) {
    ModelDeploySpec s = (ModelDeploySpec) step.spec();
    JobRequest request = SageMakerRequests.endpointConfig(s);
    gaps(step.id(), request, notes);
    Map<String, Object> config = new LinkedHashMap<>();
    // A fixed config name would clash on the second run: make it unique per execution.
    config.put("EndpointConfigName", SageMakerValues.join("-",
        List.of(s.endpointName(), SageMakerValues.get("Execution.PipelineExecutionId"))));
    config.putAll(RequestTree.renderMap(request.body(), values::render));
    Map<String, Object> endpoint = ordered(
        "EndpointName", s.endpointName(),
        "EndpointConfigName", SageMakerValues.get("Steps." + configStepName + ".EndpointConfigName"));
    context.pipeline().timeoutOf(step).ifPresent(t -> notes.accept(SageMakerNote.TIMEOUT_DROPPED.at(step.id(),
        "timeout " + Durations.format(t) + " dropped: an Endpoint step has no maximum runtime")));
    return List.of(
        new Mapped("EndpointConfig", config, Map.of(), true, false, true),
        new Mapped("Endpoint", endpoint, Map.of(), false, false, true));
  }

  // ---------------------------------------------------------------------------------------------

  private Map<String, Object> request(Step step, SageMakerValues values, Consumer<FidelityNote> notes) {
    JobRequest request = SageMakerRequests.forStep(step).orElseThrow();
    gaps(step.id(), request, notes);
    return RequestTree.renderMap(request.body(), values::render);
  }

  private static void gaps(String id, JobRequest request, Consumer<FidelityNote> notes) {
    for (String gap : request.gaps()) {
      notes.accept(SageMakerNote.REQUEST_GAP.at(id, request.operation() + ": " + gap));
    }
  }

  private Mapped callback(Step step, SageMakerValues values, Consumer<FidelityNote> notes, boolean pattern) {
    return callback(step, values, notes, pattern, Optional.empty());
  }

  /** A callback step standing in for a step SageMaker cannot express (its note is given by the caller). */
  Mapped placeholder(Step step, SageMakerValues values, Consumer<FidelityNote> notes) {
    return callback(step, values, notes, false);
  }

  /**
   * The callback pattern: SageMaker sends the step's fields (flattened to dotted keys) with a task token to
   * an SQS queue; a worker does the work and calls SendPipelineExecutionStepSuccess with the outputs.
   */
  private Mapped callback(
      Step step, SageMakerValues values, Consumer<FidelityNote> notes, boolean pattern, Optional<String> queue) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("pipeshift.kind", step.kind().yamlName());
    flatten("", step.spec(), args, values);
    Optional<String> configured = queue
        .or(() -> string(step.extension("sagemaker").get("queueUrl")))
        .or(() -> string(extension(context.pipeline()).get("callbackQueueUrl")));
    String url = configured.orElse(PLACEHOLDER_QUEUE);
    if (pattern) {
      notes.accept(SageMakerNote.PATTERN_CALLBACK.at(step.id(),
          step.kind().yamlName() + " step runs as a Callback step: a worker reading "
              + (configured.isPresent() ? url : "an SQS queue (set extensions.sagemaker.queueUrl on the step or"
                  + " extensions.sagemaker.callbackQueueUrl on the pipeline)")
              + " must do the work and call SendPipelineExecutionStepSuccess"));
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("SqsQueueUrl", url);
    extra.put("OutputParameters", outputParameters(step.id(), List.of()));
    return new Mapped("Callback", args, extra, false, false, true);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> extension(Pipeline p) {
    Object e = p.extensions().get("sagemaker");
    return e instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static Optional<String> string(Object o) {
    return o instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  /** Declared outputs first, then every other output another step reads, each with its inferred type. */
  private List<Object> outputParameters(String stepId, List<String> declared) {
    Map<String, String> read = context.outputsReadFrom(stepId);
    Map<String, String> all = new LinkedHashMap<>();
    declared.forEach(d -> all.put(d, read.getOrDefault(d, "String")));
    read.forEach(all::putIfAbsent);
    List<Object> out = new ArrayList<>();
    all.forEach((name, type) -> out.add(ordered("OutputName", name, "OutputType", type)));
    return out;
  }

  /** Record fields as dotted keys with scalar values (callback messages are flat). */
  private static void flatten(String prefix, Object o, Map<String, Object> out, SageMakerValues values) {
    if (o instanceof Value v) {
      out.put(prefix, values.render(v));
    } else if (o instanceof Optional<?> opt) {
      opt.ifPresent(x -> flatten(prefix, x, out, values));
    } else if (o instanceof Step) {
      // nested steps are placed on their own
    } else if (o instanceof Record r) {
      io.pipeshift.ir.RecordShape shape = io.pipeshift.ir.RecordShape.of(r.getClass());
      for (int i = 0; i < shape.size(); i++) {
        flatten(key(prefix, shape.name(i)), shape.get(r, i), out, values);
      }
    } else if (o instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        flatten(key(prefix, String.valueOf(i)), l.get(i), out, values);
      }
    } else if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> flatten(key(prefix, String.valueOf(k)), v, out, values));
    } else if (o instanceof Enum<?> e) {
      out.put(prefix, e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    } else if (o instanceof Duration d) {
      out.put(prefix, Durations.format(d));
    } else if (o instanceof RawNull || o == null) {
      out.put(prefix, "");
    } else {
      out.put(prefix, o);
    }
  }

  private static String key(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  /** A raw extension/config tree as JSON-ready values (RawNull -> null is handled by the JSON writer). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> raw(Map<String, Object> tree) {
    return (Map<String, Object>) RequestTree.render(tree, v -> v);
  }

  private static Optional<Duration> earliest(Optional<Duration> a, Optional<Duration> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(a.get().compareTo(b.get()) <= 0 ? a.get() : b.get());
  }

  private static void timeoutKept(
      String id, Optional<Duration> timeout, Optional<Duration> maxRuntime, Consumer<FidelityNote> notes) {
    timeout.ifPresent(t -> {
      if (maxRuntime.isEmpty() || t.compareTo(maxRuntime.get()) < 0) {
        notes.accept(SageMakerNote.TIMEOUT_AS_MAX_RUNTIME.at(id,
            "timeout " + Durations.format(t) + " kept as StoppingCondition.MaxRuntimeInSeconds"));
      }
    });
  }

  private static void instant(String id, Optional<Duration> timeout, Consumer<FidelityNote> notes) {
    timeout.ifPresent(t -> notes.accept(SageMakerNote.TIMEOUT_NOT_APPLICABLE.at(id,
        "timeout " + Durations.format(t) + " not applied: this step is one API call that completes at once")));
  }

  private static Map<String, Object> stopping(Duration d) {
    return ordered("MaxRuntimeInSeconds", Durations.ceilSeconds(d));
  }

  static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
