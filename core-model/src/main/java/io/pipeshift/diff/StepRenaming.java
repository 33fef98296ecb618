package io.pipeshift.diff;

import io.pipeshift.ir.CatchClause;
import io.pipeshift.ir.Condition;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.StepSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renames steps everywhere they are named: ids, {@code after}, catch handlers and the step references inside
 * every value and condition. The diff renames one side's matched steps to the other side's ids, so a
 * renamed step's references compare equal. It also writes every join in one canonical form (nested joins
 * flattened, separators written out, adjacent texts merged): {@code join(" ", ["a", p])} and
 * {@code join("", ["a ", p])} make the same text, and formats spell joins either way.
 */
final class StepRenaming {

  private final Map<String, String> ids;

  private StepRenaming(Map<String, String> ids) {
    this.ids = ids;
  }

  static Pipeline apply(Pipeline p, Map<String, String> ids) {
    StepRenaming r = new StepRenaming(ids);
    return p.withSteps(p.steps().stream().map(r::step).toList());
  }

  private String id(String id) {
    return ids.getOrDefault(id, id);
  }

  private Step step(Step s) {
    return new Step(id(s.id()), (StepSpec) rewrite(s.spec()), s.displayName(), s.description(),
        s.after().stream().map(this::id).toList(), s.retry(),
        s.catches().stream().map(c -> new CatchClause(c.errors(), id(c.handler()))).toList(), s.timeout(), s.caching(),
        s.extensions());
  }

  private Value value(Value v) {
    if (v instanceof Value.StepOutputRef o) {
      return new Value.StepOutputRef(id(o.step()), o.name());
    }
    if (v instanceof Value.PropertyRef p) {
      return new Value.PropertyRef(id(p.step()), p.file(), p.path());
    }
    if (v instanceof Value.Join j) {
      List<Value> parts = new ArrayList<>();
      flatten(j, parts);
      List<Value> merged = new ArrayList<>();
      for (Value part : parts) {
        Value x = value(part);
        if (x instanceof Value.Literal l && l.asText().isEmpty()) {
          continue;
        }
        if (x instanceof Value.Literal l && !merged.isEmpty() && merged.get(merged.size() - 1) instanceof Value.Literal prev) {
          merged.set(merged.size() - 1, Value.Literal.of(prev.asText() + l.asText()));
        } else {
          merged.add(x instanceof Value.Literal l ? Value.Literal.of(l.asText()) : x);
        }
      }
      if (merged.isEmpty()) {
        return Value.Literal.of("");
      }
      return merged.size() == 1 ? merged.get(0) : new Value.Join("", merged);
    }
    return v;
  }

  /** The parts of a join with its separators written out as texts, nested joins opened. */
  private static void flatten(Value.Join j, List<Value> out) {
    for (int i = 0; i < j.values().size(); i++) {
      if (i > 0 && !j.separator().isEmpty()) {
        out.add(Value.Literal.of(j.separator()));
      }
      Value part = j.values().get(i);
      if (part instanceof Value.Join inner) {
        flatten(inner, out);
      } else {
        out.add(part);
      }
    }
  }

  private Condition condition(Condition c) {
    if (c instanceof Condition.Comparison cmp) {
      return new Condition.Comparison(cmp.operator(), value(cmp.left()), value(cmp.right()));
    }
    if (c instanceof Condition.In in) {
      return new Condition.In(value(in.value()), in.values().stream().map(this::value).toList());
    }
    if (c instanceof Condition.Not n) {
      return new Condition.Not(condition(n.condition()));
    }
    if (c instanceof Condition.All a) {
      return new Condition.All(a.conditions().stream().map(this::condition).toList());
    }
    return new Condition.Any(((Condition.Any) c).conditions().stream().map(this::condition).toList());
  }

  private Object rewrite(Object o) {
    if (o instanceof Value v) {
      return value(v);
    }
    if (o instanceof Condition c) {
      return condition(c);
    }
    if (o instanceof Step s) {
      return step(s);
    }
    if (o instanceof Optional<?> opt) {
      return opt.map(this::rewrite);
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(rewrite(x)));
      return out;
    }
    if (o instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(k, rewrite(x)));
      return out;
    }
    if (o instanceof Record r) {
      io.pipeshift.ir.RecordShape shape = io.pipeshift.ir.RecordShape.of(r.getClass());
      Object[] args = new Object[shape.size()];
      for (int i = 0; i < args.length; i++) {
        args[i] = rewrite(shape.get(r, i));
      }
      return shape.rebuild(args);
    }
    return o;
  }
}
