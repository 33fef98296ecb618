package io.pipeshift.to.sagemaker;

import io.pipeshift.document.JsonText;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.Condition;
import io.pipeshift.ir.Parameter;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.References;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.ConditionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IR pipeline -> SageMaker Pipelines definition (Version 2020-12-01). The entry point of this module
 * ({@link SageMakerTarget} wraps it for the CLI). Never throws for a valid pipeline: what SageMaker cannot
 * express becomes a fidelity note ({@link SageMakerNote}).
 */
public final class SageMakerWriter {

  public static final String VERSION = "2020-12-01";

  public Translation<SageMakerDefinition> write(Pipeline pipeline) {
    Set<FidelityNote> notes = new LinkedHashSet<>();
    SageMakerNames names = new SageMakerNames();
    Map<String, Map<String, String>> outputs = outputsRead(pipeline);
    SageMakerMapping mapping = new SageMakerMapping(new SageMakerMapping.Context() {
      @Override
      public Pipeline pipeline() {
        return pipeline;
      }

      @Override
      public Map<String, String> outputsReadFrom(String stepId) {
        return outputs.getOrDefault(stepId, Map.of());
      }
    });
    SageMakerRejoins.Result lowered = new SageMakerRejoins(notes::add).lower(pipeline.steps());
    List<Object> steps = new SageMakerPlacement(pipeline, lowered, names, mapping, notes::add).place();

    Map<String, Object> definition = new LinkedHashMap<>();
    definition.put("Version", VERSION);
    definition.put("Metadata", new LinkedHashMap<>());
    definition.put("Parameters", parameters(pipeline, notes));
    // What the SageMaker SDK adds by default: one experiment per pipeline, one trial per execution.
    definition.put("PipelineExperimentConfig", SageMakerMapping.ordered(
        "ExperimentName", SageMakerValues.get("Execution.PipelineName"),
        "TrialName", SageMakerValues.get("Execution.PipelineExecutionId")));
    definition.put("Steps", steps);

    // The template is built now (building it records notes); it is printed only when someone asks for it.
    Map<String, Object> template = SageMakerTriggers.template(pipeline, definition, notes::add);
    Map<String, String> jobCompanions = mapping.companions();
    SageMakerDefinition result = new SageMakerDefinition(definition, emittedNames(steps, names), () -> {
      Map<String, String> companions = new LinkedHashMap<>(jobCompanions);
      companions.put(SageMakerTriggers.FILE, JsonText.write(template));
      return java.util.Collections.unmodifiableMap(companions);
    });
    return new Translation<>(result, List.copyOf(notes));
  }

  private static List<Object> parameters(Pipeline pipeline, Set<FidelityNote> notes) {
    List<Object> out = new ArrayList<>();
    for (Parameter p : pipeline.parameters()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Name", p.name());
      m.put("Type", switch (p.type()) {
        case STRING -> "String";
        case INTEGER -> "Integer";
        case FLOAT -> "Float";
        case BOOLEAN -> "Boolean";
      });
      p.defaultValue().ifPresent(d -> m.put("DefaultValue",
          p.type() == Parameter.ParameterType.FLOAT && d.value() instanceof Long l ? (Object) l.doubleValue() : d.value()));
      if (!p.allowed().isEmpty()) {
        if (p.type() == Parameter.ParameterType.STRING) {
          m.put("EnumValues", p.allowed().stream().map(Value.Literal::value).toList());
        } else {
          notes.add(SageMakerNote.PARAMETER_ALLOWED_DROPPED.at(null,
              "allowed values of " + p.type().name().toLowerCase(java.util.Locale.ROOT) + " parameter '" + p.name()
                  + "' dropped: SageMaker checks allowed values of string parameters only"));
        }
      }
      p.description().ifPresent(d -> notes.add(SageMakerNote.PARAMETER_DESCRIPTION_DROPPED.at(null,
          "description of parameter '" + p.name() + "' dropped: definitions have no parameter descriptions")));
      out.add(m);
    }
    return out;
  }

  /**
   * For each step, the outputs other steps read from it, with a SageMaker output type: Float, Integer or
   * Boolean when a condition compares the output with a value of that type, else String.
   */
  static Map<String, Map<String, String>> outputsRead(Pipeline pipeline) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Map.Entry<Step, Value> e : References.all(pipeline)) {
      collect(e.getValue(), out);
    }
    for (Step s : pipeline.allSteps()) {
      if (s.spec() instanceof ConditionSpec c) {
        c.branches().forEach(b -> typeComparisons(b.when(), pipeline, out));
      }
    }
    return out;
  }

  private static void collect(Value v, Map<String, Map<String, String>> out) {
    if (v instanceof Value.StepOutputRef o) {
      out.computeIfAbsent(o.step(), k -> new LinkedHashMap<>()).putIfAbsent(o.name(), "String");
    } else if (v instanceof Value.Join j) {
      j.values().forEach(x -> collect(x, out));
    }
  }

  private static void typeComparisons(Condition c, Pipeline p, Map<String, Map<String, String>> out) {
    if (c instanceof Condition.Comparison cmp) {
      type(cmp.left(), cmp.right(), p, out);
      type(cmp.right(), cmp.left(), p, out);
    } else if (c instanceof Condition.In in) {
      in.values().stream().findFirst().ifPresent(v -> type(in.value(), v, p, out));
    } else if (c instanceof Condition.Not n) {
      typeComparisons(n.condition(), p, out);
    } else if (c instanceof Condition.All a) {
      a.conditions().forEach(x -> typeComparisons(x, p, out));
    } else if (c instanceof Condition.Any a) {
      a.conditions().forEach(x -> typeComparisons(x, p, out));
    }
  }

  private static void type(Value output, Value other, Pipeline p, Map<String, Map<String, String>> out) {
    if (!(output instanceof Value.StepOutputRef o)) {
      return;
    }
    String type = null;
    if (other instanceof Value.Literal l) {
      type = l.value() instanceof Double ? "Float" : l.value() instanceof Long ? "Integer"
          : l.value() instanceof Boolean ? "Boolean" : null;
    } else if (other instanceof Value.ParameterRef ref) {
      type = p.parameter(ref.name()).map(x -> switch (x.type()) {
        case FLOAT -> "Float";
        case INTEGER -> "Integer";
        case BOOLEAN -> "Boolean";
        case STRING -> (String) null;
      }).orElse(null);
    }
    if (type != null) {
      out.computeIfAbsent(o.step(), k -> new LinkedHashMap<>()).put(o.name(), type);
    }
  }

  /** IR id -> the names that appear in the definition (nested steps included), in document order. */
  private static Map<String, List<String>> emittedNames(List<Object> steps, SageMakerNames names) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    walk(steps, names, out);
    Map<String, List<String>> frozen = new LinkedHashMap<>();
    out.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return java.util.Collections.unmodifiableMap(frozen);
  }

  @SuppressWarnings("unchecked")
  private static void walk(List<Object> steps, SageMakerNames names, Map<String, List<String>> out) {
    for (Object o : steps) {
      Map<String, Object> step = (Map<String, Object>) o;
      String name = (String) step.get("Name");
      out.computeIfAbsent(names.stepIdOf(name), k -> new ArrayList<>()).add(name);
      if ("Condition".equals(step.get("Type"))) {
        Map<String, Object> args = (Map<String, Object>) step.get("Arguments");
        walk((List<Object>) args.get("IfSteps"), names, out);
        walk((List<Object>) args.get("ElseSteps"), names, out);
      }
    }
  }
}
