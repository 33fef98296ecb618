package io.pipeshift.yaml;

import io.pipeshift.diag.Diagnostic;
import io.pipeshift.diag.Diagnostics;
import io.pipeshift.diag.InvalidInputException;
import io.pipeshift.diag.Location;
import io.pipeshift.diag.Problem;
import io.pipeshift.ir.Pipeline;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a pipeline from IR YAML. Every problem in the file is reported together as located diagnostics
 * in an {@link InvalidInputException}; nothing else escapes for bad input. Reading does not validate the
 * graph: see {@link io.pipeshift.validate.PipelineValidator}.
 */
public final class PipelineReader {

  private final ReaderLimits limits;

  public PipelineReader() {
    this(ReaderLimits.DEFAULT);
  }

  public PipelineReader(ReaderLimits limits) {
    this.limits = limits;
  }

  public LoadedPipeline read(Path file) {
    String name = file.toString();
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw InvalidInputException.of(Diagnostic.error(Problem.NOT_READABLE, Location.start(name), describe(e)));
    }
    if (size > limits.maxBytes()) {
      throw InvalidInputException.of(Diagnostic.error(Problem.FILE_TOO_LARGE, Location.start(name), size, limits.maxBytes()));
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw InvalidInputException.of(Diagnostic.error(Problem.NOT_READABLE, Location.start(name), describe(e)));
    }
    return read(name, decode(name, bytes));
  }

  /** Strict UTF-8: a malformed byte is an error, not a silent replacement character. */
  static String decode(String name, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw InvalidInputException.of(Diagnostic.error(Problem.NOT_READABLE, Location.start(name), "the file is not valid UTF-8"));
    }
  }

  private static String describe(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  public LoadedPipeline read(String fileName, String text) {
    if (text.length() > limits.maxBytes()) {
      throw InvalidInputException.of(
          Diagnostic.error(Problem.FILE_TOO_LARGE, Location.start(fileName), text.length(), limits.maxBytes()));
    }
    Node root = YamlDocuments.compose(fileName, text, limits);
    if (root == null) {
      throw InvalidInputException.of(Diagnostic.error(Problem.EMPTY_DOCUMENT, Location.start(fileName)));
    }
    Diagnostics diagnostics = new Diagnostics();
    // About one recorded path per 20 characters of IR YAML (measured on generated pipelines).
    SourceMap sourceMap = new SourceMap(fileName, text.length() / 20);
    NodeBinder binder = new NodeBinder(fileName, diagnostics, sourceMap, limits);
    if (!(root instanceof MappingNode map)) {
      diagnostics.add(Diagnostic.error(Problem.EXPECTED_TYPE, binder.loc(root), "a pipeline mapping with 'name' and 'steps'",
          NodeBinder.describe(root)));
      diagnostics.throwIfErrors();
      throw new IllegalStateException("unreachable");
    }
    Map<String, NodeTuple> entries = new LinkedHashMap<>(binder.entries(map));
    NodeTuple version = entries.remove("pipeshift");
    if (version != null) {
      Node v = version.getValueNode();
      if (!(v instanceof ScalarNode s) || !s.getValue().equals(Integer.toString(Pipeline.FORMAT_VERSION))) {
        diagnostics.add(Diagnostic.error(Problem.UNSUPPORTED_VERSION, binder.loc(v),
            v instanceof ScalarNode s ? s.getValue() : NodeBinder.describe(v), Pipeline.FORMAT_VERSION));
      }
    }
    MappingNode withoutVersion = new MappingNode(map.getTag(), true, entries.values().stream().toList(),
        map.getStartMark(), map.getEndMark(), map.getFlowStyle());
    Pipeline pipeline = (Pipeline) binder.record(Pipeline.class, withoutVersion, "", "the pipeline");
    diagnostics.throwIfErrors();
    if (pipeline == null) {
      throw new IllegalStateException("binding failed without a diagnostic");
    }
    return new LoadedPipeline(pipeline, sourceMap);
  }

  /**
   * Binds one step's typed fields from a plain tree (maps, lists, strings, numbers, booleans; references as
   * {@link io.pipeshift.ir.Value} objects or in their YAML form) exactly as the IR YAML would give them.
   * Importers that carry a step's fields verbatim in their format (a SageMaker callback, an ASL activity
   * written by pipeshift) restore the step through here, so there is one binder. Problems throw
   * {@link InvalidInputException} located in {@code source}.
   */
  public io.pipeshift.ir.kinds.StepSpec readSpec(String source, String kind, Map<String, Object> fields) {
    PipelineWriter writer = new PipelineWriter();
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("id", "restored");
    step.put("kind", kind);
    fields.forEach((k, v) -> step.put(k, plain(v, writer)));
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", "restored");
    root.put("steps", java.util.List.of(step));
    return read(source, PipelineWriter.dump(root)).pipeline().steps().get(0).spec();
  }

  private static Object plain(Object v, PipelineWriter writer) {
    if (v instanceof io.pipeshift.ir.Value value) {
      return writer.tree(value);
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), plain(x, writer)));
      return out;
    }
    if (v instanceof java.util.List<?> l) {
      return l.stream().map(x -> plain(x, writer)).toList();
    }
    if (v instanceof io.pipeshift.ir.RawNull) {
      return null;
    }
    return v;
  }

  /** Top-level keys of a pipeline file, for format detection. */
  public static final Set<String> TOP_LEVEL_KEYS =
      Set.of("pipeshift", "name", "description", "tags", "parameters", "triggers", "defaults", "steps", "extensions");
}
