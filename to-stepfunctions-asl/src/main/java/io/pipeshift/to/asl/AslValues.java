package io.pipeshift.to.asl;

import io.pipeshift.document.CompactJson;
import io.pipeshift.ir.Parameter;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * IR values -> {@link AslValue}s, following the {@link AslDocument} layout: parameters are paths under
 * {@code $.parameters}, execution variables are context-object paths, step outputs come from
 * {@link AslOutputs}, property-file values from the file read just before the state, items from
 * {@code $.item}, joins become {@code States.Format}.
 */
final class AslValues {

  private final Pipeline pipeline;
  private final AslOutputs outputs;
  private final AslNames names;

  AslValues(Pipeline pipeline, AslOutputs outputs, AslNames names) {
    this.pipeline = pipeline;
    this.outputs = outputs;
    this.names = names;
  }

  /** The document field a property file is read into before the state that uses it. */
  String propertyKey(String step, String file) {
    return names.key(step + "." + file);
  }

  AslValue render(Value v) {
    if (v instanceof Value.Literal l) {
      return new AslValue.Fixed(l.value());
    }
    if (v instanceof Value.ParameterRef p) {
      boolean string = pipeline.parameter(p.name()).map(x -> x.type() == Parameter.ParameterType.STRING).orElse(false);
      return new AslValue.Path(AslDocument.parameter(p.name()), string);
    }
    if (v instanceof Value.ExecutionRef e) {
      return new AslValue.Path(switch (e.variable()) {
        case EXECUTION_ID -> "$$.Execution.Name";
        case EXECUTION_ARN -> "$$.Execution.Id";
        case START_TIME -> "$$.Execution.StartTime";
        case PIPELINE_NAME -> "$$.StateMachine.Name";
        case PIPELINE_ARN -> "$$.StateMachine.Id";
      }, true);
    }
    if (v instanceof Value.StepOutputRef o) {
      AslOutputs.Source src = outputs.source(o);
      if (src instanceof AslOutputs.Source.Known k) {
        return render(k.value());
      }
      if (src instanceof AslOutputs.Source.Kept k) {
        return new AslValue.Path(k.path(), k.string());
      }
      return new AslValue.Path(((AslOutputs.Source.WholeResult) src).path(), false);
    }
    if (v instanceof Value.PropertyRef p) {
      return new AslValue.Path(AslDocument.property(propertyKey(p.step(), p.file())) + ".value"
          + AslDocument.dotted(p.path()), false);
    }
    if (v instanceof Value.ItemRef i) {
      return new AslValue.Path(AslDocument.ITEM + AslDocument.dotted(i.path()), false);
    }
    return join((Value.Join) v);
  }

  /** A join: fixed text when every part is known, else {@code States.Format} with a placeholder per part. */
  private AslValue join(Value.Join j) {
    StringBuilder template = new StringBuilder();
    StringBuilder plain = new StringBuilder();
    List<String> args = new ArrayList<>();
    appendJoin(j, template, plain, args);
    if (args.isEmpty()) {
      return new AslValue.Fixed(plain.toString());
    }
    return new AslValue.Intrinsic(AslIntrinsics.format(template.toString(), args), true);
  }

  private void appendJoin(Value.Join j, StringBuilder template, StringBuilder plain, List<String> args) {
    for (int i = 0; i < j.values().size(); i++) {
      if (i > 0) {
        appendText(j.separator(), template, plain, args);
      }
      Value part = j.values().get(i);
      if (part instanceof Value.Join inner) {
        appendJoin(inner, template, plain, args);
        continue;
      }
      AslValue r = render(part);
      if (r instanceof AslValue.Fixed f) {
        appendText(f.json() instanceof String s ? s : String.valueOf(f.json()), template, plain, args);
      } else {
        template.append("{}");
        args.add(r.asArgument());
      }
    }
  }

  private static void appendText(String text, StringBuilder template, StringBuilder plain, List<String> args) {
    plain.append(text);
    if (AslIntrinsics.inlinable(text)) {
      template.append(AslIntrinsics.escape(text));
    } else {
      template.append("{}");
      args.add(AslIntrinsics.quote(text));
    }
  }

  /**
   * A request tree (maps, lists, scalars and IR values) as a payload template. Values go under
   * {@code key.$} when dynamic; a list with a dynamic scalar becomes {@code States.Array(...)}.
   * {@code strings} converts every value leaf to a string (fields that only take strings).
   */
  Object template(Object tree, boolean strings, Consumer<String> problems) {
    Object t = toAsl(tree, strings, problems);
    return t instanceof AslValue v ? fixedOrExpression(v) : t;
  }

  /** Puts a (possibly dynamic) tree under {@code key} of a payload template. */
  void put(Map<String, Object> template, String key, Object tree, boolean strings, Consumer<String> problems) {
    Object t = toAsl(tree, strings, problems);
    if (t instanceof AslValue v) {
      v.putInto(template, key);
    } else {
      template.put(key, t);
    }
  }

  private static Object fixedOrExpression(AslValue v) {
    return v instanceof AslValue.Fixed f ? f.json() : v;
  }

  private Object toAsl(Object tree, boolean strings, Consumer<String> problems) {
    if (tree instanceof Value v) {
      AslValue r = render(v);
      return strings ? r.asString() : r;
    }
    if (tree instanceof Map<?, ?> m) {
      CompactJson.ObjectBuilder out = new CompactJson.ObjectBuilder(m.size());
      m.forEach((k, x) -> {
        Object t = toAsl(x, strings, problems);
        if (t instanceof AslValue r) {
          r.putInto(out, String.valueOf(k));
        } else {
          out.put(String.valueOf(k), t);
        }
      });
      return out.build(); // payloads are finished here: held compactly until printed
    }
    if (tree instanceof List<?> l) {
      List<Object> items = new ArrayList<>();
      boolean dynamicScalar = false;
      boolean structured = false;
      for (Object x : l) {
        Object t = toAsl(x, strings, problems);
        items.add(t);
        dynamicScalar |= t instanceof AslValue r && r.dynamic();
        structured |= t instanceof Map || t instanceof List;
      }
      if (!dynamicScalar) {
        List<Object> out = new ArrayList<>();
        items.forEach(t -> out.add(t instanceof AslValue.Fixed f ? f.json() : t));
        return out;
      }
      if (structured) {
        problems.accept("a list mixes run-time values with objects, which a payload template cannot hold");
      }
      List<String> args = new ArrayList<>();
      for (Object t : items) {
        args.add(t instanceof AslValue r ? r.asArgument() : new AslValue.Fixed(t).asArgument());
      }
      return new AslValue.Intrinsic(AslIntrinsics.call("States.Array", args), false);
    }
    return tree; // a fixed leaf of the request (instance counts stay numbers)
  }
}
