package io.pipeshift.from.sagemaker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipeshift.diag.InvalidInputException;
import io.pipeshift.ir.RawNull;
import io.pipeshift.ir.StepKind;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.StepSpec;
import io.pipeshift.yaml.PipelineReader;
import io.pipeshift.yaml.PipelineWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads back the callback steps pipeshift's SageMaker emitter writes for kinds SageMaker cannot run: their
 * {@code Arguments} hold {@code pipeshift.kind} and the step's fields flattened to dotted keys
 * ({@code headers.Accept}, {@code command.0}). The keys are nested again and bound by the IR's own reader,
 * so the typed fields come back exactly as the IR YAML would give them.
 */
final class SageMakerCallbacks {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SageMakerCallbacks() {}

  static Optional<StepSpec> restore(String kind, Map<String, Object> arguments) {
    if (StepKind.byYamlName(kind).isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    PipelineWriter writer = new PipelineWriter();
    arguments.forEach((key, value) -> {
      if (!key.equals("pipeshift.kind")) {
        put(fields, key.split("\\."), 0, value instanceof Value v ? writer.tree(v) : value instanceof RawNull ? null : value);
      }
    });
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("id", "restored");
    step.put("kind", kind);
    step.putAll(lists(fields));
    Map<String, Object> pipeline = new LinkedHashMap<>();
    pipeline.put("pipeshift", 1);
    pipeline.put("name", "restored");
    pipeline.put("steps", List.of(step));
    try {
      String text = JSON.writeValueAsString(pipeline); // JSON is YAML: the IR reader binds it
      return Optional.of(new PipelineReader().read("<callback>", text).pipeline().steps().get(0).spec());
    } catch (InvalidInputException | JsonProcessingException e) {
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
