package io.pipeshift.from.sagemaker;

import io.pipeshift.diag.InvalidInputException;
import io.pipeshift.ir.RawNull;
import io.pipeshift.ir.StepKind;
import io.pipeshift.ir.kinds.StepSpec;
import io.pipeshift.yaml.PipelineReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads back the callback steps pipeshift's SageMaker emitter writes for kinds SageMaker cannot run: their
 * {@code Arguments} hold {@code pipeshift.kind} and the step's fields flattened to dotted keys
 * ({@code headers.Accept}, {@code command.0}). The keys are nested again and bound by the IR's own reader,
 * so the typed fields come back exactly as the IR YAML would give them.
 */
final class SageMakerCallbacks {

  private SageMakerCallbacks() {}

  static Optional<StepSpec> restore(String kind, Map<String, Object> arguments) {
    if (StepKind.byYamlName(kind).isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    arguments.forEach((key, value) -> {
      if (!key.equals("pipeshift.kind")) {
        put(fields, key.split("\\."), 0, value instanceof RawNull ? null : value);
      }
    });
    try {
      return Optional.of(new PipelineReader().readSpec("<callback>", kind, lists(fields)));
    } catch (InvalidInputException e) {
      return Optional.empty();
    }
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> into, String[] path, int i, Object value) {
    if (i == path.length - 1) {
      into.put(path[i], value);
      return;
    }
    Object next = into.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
    if (next instanceof Map<?, ?> m) {
      put((Map<String, Object>) m, path, i + 1, value);
    }
  }

  /** Maps whose keys are 0, 1, 2... were lists. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> lists(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, convert(v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object convert(Object v) {
    if (!(v instanceof Map<?, ?> m)) {
      return v;
    }
    Map<String, Object> inner = lists((Map<String, Object>) m);
    boolean indexed = !inner.isEmpty();
    int i = 0;
    for (String k : inner.keySet()) {
      if (!k.equals(String.valueOf(i++))) {
        indexed = false;
        break;
      }
    }
    return indexed ? new ArrayList<>(inner.values()) : inner;
  }
}
