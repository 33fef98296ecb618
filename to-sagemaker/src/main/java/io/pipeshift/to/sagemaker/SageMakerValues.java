package io.pipeshift.to.sagemaker;

import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepKind;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.TuningSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * IR values -> SageMaker definition values, in one place: literals stay plain JSON, parameters and
 * execution variables become {@code {"Get": ...}}, step outputs become {@code {"Get": "Steps.<name>..."}}
 * property paths chosen by the producing step's kind, property-file reads become {@code Std:JsonGet} and
 * joins {@code Std:Join}.
 */
final class SageMakerValues {

  /** Where a value is rendered: which SageMaker name an IR step has here, and the IR step itself. */
  interface Resolver {
    String nameOf(String stepId);

    Optional<Step> stepOf(String stepId);
  }

  private final Resolver resolver;
  private final String owner;
  private final Consumer<FidelityNote> notes;

  SageMakerValues(Resolver resolver, String owner, Consumer<FidelityNote> notes) {
    this.resolver = resolver;
    this.owner = owner;
    this.notes = notes;
  }

  static Map<String, Object> get(String path) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Get", path);
    return m;
  }

  static Map<String, Object> join(String on, List<Object> values) {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("On", on);
    inner.put("Values", values);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Std:Join", inner);
    return m;
  }

  Object render(Value v) {
    if (v instanceof Value.Literal l) {
      return l.value();
    }
    if (v instanceof Value.ParameterRef p) {
      return get("Parameters." + p.name());
    }
    if (v instanceof Value.ExecutionRef e) {
      return get("Execution." + switch (e.variable()) {
        case EXECUTION_ID -> "PipelineExecutionId";
        case START_TIME -> "StartDateTime";
        case PIPELINE_NAME -> "PipelineName";
        case PIPELINE_ARN -> "PipelineArn";
        case EXECUTION_ARN -> "PipelineExecutionArn";
      });
    }
    if (v instanceof Value.Join j) {
      List<Object> parts = new ArrayList<>();
      j.values().forEach(x -> parts.add(render(x)));
      return join(j.separator(), parts);
    }
    if (v instanceof Value.PropertyRef p) {
      Map<String, Object> inner = new LinkedHashMap<>();
      inner.put("PropertyFile", get("Steps." + resolver.nameOf(p.step()) + ".PropertyFiles." + p.file()));
      inner.put("Path", p.path());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Std:JsonGet", inner);
      return m;
    }
    if (v instanceof Value.StepOutputRef o) {
      return output(o);
    }
    if (v instanceof Value.ItemRef i) {
      // Only left in a dynamic for-each placeholder, which already carries an error note.
      return i.path().isEmpty() ? "${item}" : "${item." + i.path() + "}";
    }
    throw new IllegalStateException("unknown value " + v);
  }

  /** A value in a place that takes a string (arguments, environment): literals become text. */
  Object renderText(Value v) {
    if (v instanceof Value.Literal l) {
      return l.asText();
    }
    return render(v);
  }

  private Object output(Value.StepOutputRef o) {
    String name = resolver.nameOf(o.step());
    Step producer = resolver.stepOf(o.step()).orElse(null);
    StepKind kind = producer == null ? null : producer.kind();
    String steps = "Steps." + name + ".";
    if (kind == null) {
      return unknown(o, steps);
    }
    switch (kind) {
      case PROCESSING:
        return get(steps + "ProcessingOutputConfig.Outputs['" + o.name() + "'].S3Output.S3Uri");
      case TRAINING:
        if (o.name().equals("model")) {
          return get(steps + "ModelArtifacts.S3ModelArtifacts");
        }
        break;
      case TUNING:
        if (o.name().equals("best-training-job")) {
          return get(steps + "BestTrainingJob.TrainingJobName");
        }
        if (o.name().equals("best-model")) {
          Object prefix = render(((TuningSpec) producer.spec()).training().outputPath());
          if (prefix instanceof String s && s.endsWith("/")) {
            prefix = s.substring(0, s.length() - 1);
          }
          List<Object> parts = new ArrayList<>();
          parts.add(prefix);
          parts.add(get(steps + "BestTrainingJob.TrainingJobName"));
          parts.add("output/model.tar.gz");
          return join("/", parts);
        }
        break;
      case TRANSFORM:
        if (o.name().equals("output")) {
          return get(steps + "TransformOutput.S3OutputPath");
        }
        break;
      case CREATE_MODEL:
        if (o.name().equals("model-name")) {
          return get(steps + "ModelName");
        }
        break;
      case REGISTER_MODEL:
        if (o.name().equals("model-package-arn")) {
          return get(steps + "ModelPackageArn");
        }
        break;
      case QUALITY_CHECK:
      case CLARIFY_CHECK:
        return get(steps + pascal(o.name()));
      case MODEL_DEPLOY:
        if (o.name().equals("endpoint-name")) {
          return get(steps + "EndpointName");
        }
        break;
      case EMR:
      case NOTEBOOK_JOB:
      case CONDITION:
      case FAIL:
        break;
      default:
        // lambda, callback and every kind that runs through the callback pattern: named output parameters
        return get(steps + "OutputParameters['" + o.name() + "']");
    }
    return unknown(o, steps);
  }

  private Object unknown(Value.StepOutputRef o, String steps) {
    notes.accept(SageMakerNote.OUTPUT_UNKNOWN.at(owner,
        "output '" + o.name() + "' of step '" + o.step() + "' has no SageMaker property; rendered as "
            + steps + pascal(o.name())));
    return get(steps + pascal(o.name()));
  }

  /** {@code calculated-baseline-statistics} -> {@code CalculatedBaselineStatistics}. */
  static String pascal(String kebab) {
    StringBuilder out = new StringBuilder();
    for (String part : kebab.split("[-_]")) {
      if (!part.isEmpty()) {
        out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return out.toString();
  }
}
