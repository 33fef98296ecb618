package io.pipeshift.to.sagemaker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipeshift.ir.RawNull;
import io.pipeshift.ir.References;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
      out.add(References.mapLeaves(s, v -> v instanceof Value.ItemRef r ? literal(item, r.path()) : v));
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

}
