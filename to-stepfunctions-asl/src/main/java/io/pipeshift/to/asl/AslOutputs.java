package io.pipeshift.to.asl;

import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.References;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.ProcessingSpec;
import io.pipeshift.ir.kinds.TransformSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each step output lives in the execution document. Some outputs are known when the machine is
 * written (a processing output is the S3 URI the step was told to write to; a transform's output is its
 * output path): those are used directly. The others come from the Task's result: the producing state keeps
 * them with a ResultSelector under {@code $.results.<step key>}. A pre-pass over every reference in the
 * pipeline decides which outputs each producer must keep, before any state is written.
 */
final class AslOutputs {

  /** Where an output comes from: a value known in advance, or a field kept from the Task's result. */
  sealed interface Source {
    record Known(Value value) implements Source {}

    /**
     * {@code path} is where consumers read it; {@code selector} is the expression over the Task result;
     * {@code string} when the value is known to be a string (S3 URIs, names, ARNs).
     */
    record Kept(String path, String field, String selector, boolean string) implements Source {}

    /** The whole result of a for-each (a list with one entry per item). */
    record WholeResult(String path) implements Source {}
  }

  private final Map<String, Step> steps = new LinkedHashMap<>();
  private final AslNames names;
  /** Producer step id -> field -> selector, for the outputs some step uses. */
  private final Map<String, Map<String, String>> kept = new LinkedHashMap<>();
  private final Map<String, Boolean> wholeResults = new LinkedHashMap<>();

  AslOutputs(Pipeline pipeline, AslNames names) {
    this.names = names;
    pipeline.allSteps().forEach(s -> steps.put(s.id(), s));
    for (Step s : pipeline.allSteps()) {
      References.ownValues(s).forEach(this::collect); // condition tests included
    }
  }

  private void collect(Value v) {
    if (v instanceof Value.Join j) {
      j.values().forEach(this::collect);
    } else if (v instanceof Value.StepOutputRef o) {
      Source src = source(o);
      if (src instanceof Source.Kept k) {
        kept.computeIfAbsent(o.step(), x -> new LinkedHashMap<>()).putIfAbsent(k.field(), k.selector());
      } else if (src instanceof Source.WholeResult) {
        wholeResults.put(o.step(), true);
      }
    }
  }

  /** Where the output {@code ref} names is found. */
  Source source(Value.StepOutputRef ref) {
    Step producer = steps.get(ref.step());
    String key = names.key(ref.step());
    String field = AslNames.field(ref.name());
    String path = AslDocument.result(key) + "." + field;
    if (producer == null) {
      return new Source.Kept(path, field, "$." + field, false);
    }
    switch (producer.kind()) {
      case PROCESSING -> {
        Optional<ProcessingSpec.ProcessingOutput> out = ((ProcessingSpec) producer.spec()).outputs().stream()
            .filter(o -> o.name().equals(ref.name())).findFirst();
        if (out.isPresent()) {
          return new Source.Known(out.get().destination());
        }
      }
      case TRANSFORM -> {
        return new Source.Known(((TransformSpec) producer.spec()).outputPath());
      }
      case TRAINING -> {
        return new Source.Kept(path, field, "$.ModelArtifacts.S3ModelArtifacts", true);
      }
      case TUNING -> {
        if (ref.name().equals("best-training-job")) {
          return new Source.Kept(path, field, "$.BestTrainingJob.TrainingJobName", true);
        }
        return new Source.Kept(path, field, AslIntrinsics.format("{}/{}/output/model.tar.gz",
            List.of("$.TrainingJobDefinition.OutputDataConfig.S3OutputPath", "$.BestTrainingJob.TrainingJobName")), true);
      }
      case CREATE_MODEL -> {
        return new Source.Kept(path, field, "States.ArrayGetItem(States.StringSplit($.ModelArn, '/'), 1)", true);
      }
      case REGISTER_MODEL -> {
        return new Source.Kept(path, field, "$.ModelPackageArn", true);
      }
      case LAMBDA -> {
        return new Source.Kept(path, field, "$.Payload" + AslDocument.dotted(ref.name()), false);
      }
      case FOR_EACH -> {
        return new Source.WholeResult(AslDocument.result(key));
      }
      default -> {
        // fall through to the generic rule below
      }
    }
    return new Source.Kept(path, field, "$" + AslDocument.dotted(ref.name()), false);
  }

  /** The ResultSelector of a producer: the outputs some step uses (empty when none). */
  Map<String, String> keptBy(String stepId) {
    return kept.getOrDefault(stepId, Map.of());
  }

  /** Whether some step uses the whole result of this (for-each) step. */
  boolean wholeResultUsed(String stepId) {
    return wholeResults.containsKey(stepId);
  }

  /** Whether the step writes into {@code $.results}. */
  boolean writesResults(String stepId) {
    return kept.containsKey(stepId) || wholeResults.containsKey(stepId);
  }
}
