package io.pipeshift.analyzer.rules;

import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.References;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every parameter reference in a pipeline, with the step that holds it (joins looked into). */
final class ParameterUse {

  record Use(Step step, Value.ParameterRef ref, Value outer) {}

  private ParameterUse() {}

  static List<Use> all(Pipeline pipeline) {
    List<Use> out = new ArrayList<>();
    for (Map.Entry<Step, Value> e : References.all(pipeline)) {
      collect(e.getKey(), e.getValue(), e.getValue(), out);
    }
    return out;
  }

  private static void collect(Step step, Value v, Value outer, List<Use> out) {
    if (v instanceof Value.ParameterRef p) {
      out.add(new Use(step, p, outer));
    } else if (v instanceof Value.Join j) {
      for (Value inner : j.values()) {
        collect(step, inner, outer, out);
      }
    }
  }
}
