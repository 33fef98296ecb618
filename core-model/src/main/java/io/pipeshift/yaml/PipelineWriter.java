package io.pipeshift.yaml;

import io.pipeshift.ir.Condition;
import io.pipeshift.ir.ErrorClass;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.RawNull;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.Trigger;
import io.pipeshift.ir.Value;
import io.pipeshift.time.CronExpression;
import io.pipeshift.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes the canonical IR YAML: keys in record order, defaults and empty collections left out, durations
 * in ISO-8601, block style, trailing newline. Reading what this writes gives back an equal pipeline.
 */
public final class PipelineWriter {

  public String write(Pipeline pipeline) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("pipeshift", Pipeline.FORMAT_VERSION);
    root.putAll(recordTree(pipeline));
    return dump(root);
  }

  /** Any IR value (record, value, condition, ...) as the plain tree the YAML would hold. */
  public Object tree(Object irValue) {
    return toTree(irValue);
  }

  static String dump(Object tree) {
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    o.setIndent(2);
    o.setIndicatorIndent(0);
    o.setWidth(120);
    o.setSplitLines(false);
    o.setLineBreak(DumperOptions.LineBreak.UNIX);
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(o), o);
    return yaml.dump(tree);
  }

  private Map<String, Object> recordTree(Record r) {
    Map<String, Object> out = new LinkedHashMap<>();
    NodeBinder.Binding b = NodeBinder.binding(r.getClass());
    Object[] defaults = DEFAULTS.get(r.getClass());
    for (int i = 0; i < b.names.length; i++) {
      Object v = b.shape.get(r, i);
      if (v == null || isDefault(defaults[i], v)) {
        continue;
      }
      if (r instanceof Step && b.shape.name(i).equals("spec")) {
        continue;
      }
      out.put(b.names[i], toTree(v));
      if (r instanceof Step s && b.shape.name(i).equals("id")) {
        out.put("kind", s.kind().yamlName());
        out.putAll(recordTree((Record) s.spec()));
      }
    }
    return out;
  }

  /** Left out: empty optionals and collections without a default, and values equal to the default. */
  private static boolean isDefault(Object def, Object v) {
    if (def != null) {
      return def.equals(v);
    }
    if (v instanceof Optional<?> o) {
      return o.isEmpty();
    }
    if (v instanceof List<?> l) {
      return l.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return m.isEmpty();
    }
    if (v instanceof io.pipeshift.ir.StepDefaults sd) {
      return sd.equals(io.pipeshift.ir.StepDefaults.NONE);
    }
    return false;
  }

  /** Each component's {@code @DefaultValue} as the IR value the reader binds (null where it has none). */
  private static final ClassValue<Object[]> DEFAULTS = new ClassValue<>() {
    @Override
    protected Object[] computeValue(Class<?> type) {
      NodeBinder.Binding b = NodeBinder.binding(type);
      Object[] out = new Object[b.names.length];
      for (int i = 0; i < out.length; i++) {
        if (b.defaults[i] != null) {
          io.pipeshift.diag.Diagnostics diags = new io.pipeshift.diag.Diagnostics();
          NodeBinder binder = new NodeBinder("<default>", diags, new SourceMap("<default>"), ReaderLimits.DEFAULT);
          out[i] = binder.bind(b.shape.genericType(i), b.defaults[i], "", "default");
          if (out[i] == null) {
            throw new IllegalStateException("bad default on " + b.shape.component(i) + ": " + diags.sorted());
          }
        }
      }
      return out;
    }
  };

  private Object toTree(Object v) {
    if (v instanceof Optional<?> o) {
      return o.map(this::toTree).orElse(null);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(toTree(x)));
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), toTree(x)));
      return out;
    }
    if (v instanceof RawNull) {
      return null;
    }
    if (v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Integer i) {
      return i.longValue();
    }
    if (v instanceof Duration d) {
      return Durations.format(d);
    }
    if (v instanceof CronExpression c) {
      return c.text();
    }
    if (v instanceof ErrorClass e) {
      return e.name();
    }
    if (v instanceof Enum<?> e) {
      return YamlNames.of(e);
    }
    if (v instanceof Value value) {
      return valueTree(value);
    }
    if (v instanceof Condition c) {
      return conditionTree(c);
    }
    if (v instanceof Trigger t) {
      return triggerTree(t);
    }
    if (v instanceof Record r) {
      return recordTree(r);
    }
    throw new IllegalStateException("cannot write " + v.getClass());
  }

  private Object valueTree(Value v) {
    if (v instanceof Value.Literal l) {
      return l.value();
    }
    if (v instanceof Value.ParameterRef p) {
      return Map.of("param", p.name());
    }
    if (v instanceof Value.ExecutionRef e) {
      return Map.of("execution", YamlNames.of(e.variable()));
    }
    if (v instanceof Value.ItemRef i) {
      return Map.of("item", i.path());
    }
    String key = v instanceof Value.StepOutputRef ? "output" : v instanceof Value.PropertyRef ? "property" : "join";
    return Map.of(key, recordTree((Record) v));
  }

  private Object conditionTree(Condition c) {
    if (c instanceof Condition.Comparison cmp) {
      return Map.of(cmp.operator().yamlName(), List.of(valueTree(cmp.left()), valueTree(cmp.right())));
    }
    if (c instanceof Condition.In in) {
      return Map.of("in", recordTree(in));
    }
    if (c instanceof Condition.Not n) {
      return Map.of("not", conditionTree(n.condition()));
    }
    if (c instanceof Condition.All a) {
      return Map.of("all", a.conditions().stream().map(this::conditionTree).toList());
    }
    return Map.of("any", ((Condition.Any) c).conditions().stream().map(this::conditionTree).toList());
  }

  private Object triggerTree(Trigger t) {
    if (t instanceof Trigger.Cron c) {
      return recordTree(c);
    }
    if (t instanceof Trigger.Rate r) {
      return Map.of("rate", Durations.format(r.every()));
    }
    if (t instanceof Trigger.Event e) {
      return Map.of("event", toTree(e.pattern()));
    }
    return Map.of("manual", true);
  }
}
