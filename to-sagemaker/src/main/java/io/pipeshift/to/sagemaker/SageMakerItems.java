package io.pipeshift.to.sagemaker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipeshift.ir.Condition;
import io.pipeshift.ir.RawNull;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Unrolling a for-each: a copy of its body in which every {@code {item: path}} is replaced by that field
 * of one literal item. Walks any IR record generically (records are rebuilt through their canonical
 * constructors), so new kinds need no change here.
 */
final class SageMakerItems {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SageMakerItems() {}

  /** The body steps with item references resolved against {@code item}. */
  static List<Step> substitute(List<Step> body, Object item) {
    List<Step> out = new ArrayList<>();
    for (Step s : body) {
      out.add((Step) rewrite(s, v -> v instanceof Value.ItemRef r ? literal(item, r.path()) : v));
    }
    return out;
  }

  /** The item's field at a dotted path as a literal (text for nested lists and maps, "" when absent). */
  static Value.Literal literal(Object item, String path) {
    Object v = item;
    if (!path.isEmpty()) {
      for (String part : path.split("\\.")) {
        v = v instanceof Map<?, ?> m ? m.get(part) : null;
      }
    }
    if (v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) {
      return new Value.Literal(v);
    }
    if (v instanceof Integer i) {
      return new Value.Literal(i.longValue());
    }
    if (v instanceof Float f) {
      return new Value.Literal(f.doubleValue());
    }
    if (v == null || v instanceof RawNull) {
      return new Value.Literal("");
    }
    try {
      return new Value.Literal(JSON.writeValueAsString(v));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A copy of any IR object with {@code f} applied to every value leaf (joins are rebuilt around them). */
  static Object rewrite(Object o, Function<Value, Value> f) {
    if (o instanceof Value.Join j) {
      return new Value.Join(j.separator(), j.values().stream().map(x -> (Value) rewrite(x, f)).toList());
    }
    if (o instanceof Value v) {
      return f.apply(v);
    }
    if (o instanceof Condition c) {
      return condition(c, f);
    }
    if (o instanceof Optional<?> opt) {
      return opt.map(x -> rewrite(x, f));
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(rewrite(x, f)));
      return out;
    }
    if (o instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(k, rewrite(v, f)));
      return out;
    }
    if (o instanceof Record r) {
      io.pipeshift.ir.RecordShape shape = io.pipeshift.ir.RecordShape.of(r.getClass());
      Object[] args = new Object[shape.size()];
      for (int i = 0; i < args.length; i++) {
        args[i] = rewrite(shape.get(r, i), f);
      }
      return shape.rebuild(args);
    }
    return o;
  }

  private static Condition condition(Condition c, Function<Value, Value> f) {
    if (c instanceof Condition.Comparison cmp) {
      return new Condition.Comparison(cmp.operator(), (Value) rewrite(cmp.left(), f), (Value) rewrite(cmp.right(), f));
    }
    if (c instanceof Condition.In in) {
      return new Condition.In((Value) rewrite(in.value(), f), in.values().stream().map(x -> (Value) rewrite(x, f)).toList());
    }
    if (c instanceof Condition.Not n) {
      return new Condition.Not(condition(n.condition(), f));
    }
    if (c instanceof Condition.All a) {
      return new Condition.All(a.conditions().stream().map(x -> condition(x, f)).toList());
    }
    return new Condition.Any(((Condition.Any) c).conditions().stream().map(x -> condition(x, f)).toList());
  }
}
