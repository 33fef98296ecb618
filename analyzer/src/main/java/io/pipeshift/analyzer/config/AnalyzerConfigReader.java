package io.pipeshift.analyzer.config;

import io.pipeshift.diag.Diagnostic;
import io.pipeshift.diag.Diagnostics;
import io.pipeshift.diag.InvalidInputException;
import io.pipeshift.diag.Location;
import io.pipeshift.diag.Problem;
import io.pipeshift.diag.Suggestions;
import io.pipeshift.ir.StepKind;
import io.pipeshift.time.Durations;
import io.pipeshift.yaml.ReaderLimits;
import io.pipeshift.yaml.YamlDocuments;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the {@code analyzer:} section of a {@code .pipeshift.yaml} file over {@link AnalyzerConfig#DEFAULTS}:
 * whatever the file leaves out keeps its default. Parsing goes through core-model's safe YAML reader (no
 * arbitrary types, alias/depth/size limits). Unknown keys, wrong types and unknown rule ids are located
 * errors ({@link InvalidInputException}); other top-level sections belong to other commands and are left
 * alone.
 *
 * <pre>
 * analyzer:
 *   weights:
 *     compensation: {stepFunctions: 20}
 *   thresholds:
 *     sagemakerShare: 0.75
 *     longRunning: 30m
 *   typicalDurations:
 *     training: 3h
 *   rules:
 *     PS102: off
 *     PS106: error
 * </pre>
 */
public final class AnalyzerConfigReader {

  /** The file name looked for by {@link #discover(Path)}. */
  public static final String FILE_NAME = ".pipeshift.yaml";

  private static final ReaderLimits LIMITS = new ReaderLimits(1024 * 1024, 20, 16, 100_000);

  private final Set<String> knownRuleIds;
  private String file;
  private Diagnostics diagnostics;

  /** @param knownRuleIds the rule ids {@code rules:} may name (see {@code Rules.ids()}) */
  public AnalyzerConfigReader(Set<String> knownRuleIds) {
    this.knownRuleIds = Set.copyOf(knownRuleIds);
  }

  /** The nearest {@code .pipeshift.yaml} at or above {@code start}, stopping at a repository root (.git). */
  public static Optional<Path> discover(Path start) {
    for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      Path candidate = p.resolve(FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
      if (Files.exists(p.resolve(".git"))) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  public AnalyzerConfig read(Path path) {
    String name = path.toString();
    String text;
    try {
      if (Files.size(path) > LIMITS.maxBytes()) {
        throw InvalidInputException.of(
            Diagnostic.error(Problem.FILE_TOO_LARGE, Location.start(name), Files.size(path), LIMITS.maxBytes()));
      }
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw InvalidInputException.of(
          Diagnostic.error(Problem.NOT_READABLE, Location.start(name), e.getClass().getSimpleName()));
    }
    return read(name, text);
  }

  public synchronized AnalyzerConfig read(String fileName, String text) {
    this.file = fileName;
    this.diagnostics = new Diagnostics();
    Node root = YamlDocuments.compose(fileName, text, LIMITS);
    if (root == null) {
      return AnalyzerConfig.DEFAULTS;
    }
    if (!(root instanceof MappingNode map)) {
      diagnostics.add(Diagnostic.error(Problem.EXPECTED_TYPE, loc(root), "a mapping with an 'analyzer' section",
          describe(root)));
      diagnostics.throwIfErrors();
      return AnalyzerConfig.DEFAULTS;
    }
    Node section = null;
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("analyzer")) {
        section = t.getValueNode();
      }
    }
    if (section == null || isNull(section)) {
      return AnalyzerConfig.DEFAULTS;
    }
    Object config = record(AnalyzerConfig.class, AnalyzerConfig.DEFAULTS, section, "analyzer");
    diagnostics.throwIfErrors();
    return (AnalyzerConfig) config;
  }

  // Binds a mapping over a default record: present keys replace, absent keys keep the default.
  private Object record(Class<?> type, Object defaults, Node node, String path) {
    if (!(node instanceof MappingNode map)) {
      diagnostics.add(Diagnostic.error(Problem.EXPECTED_TYPE, loc(node), "a mapping for '" + path + "'", describe(node)));
      return defaults;
    }
    RecordComponent[] components = type.getRecordComponents();
    Map<String, RecordComponent> byName = new LinkedHashMap<>();
    for (RecordComponent c : components) {
      byName.put(c.getName(), c);
    }
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      args[i] = get(components[i], defaults);
    }
    for (NodeTuple t : map.getValue()) {
      String key = keyOf(t);
      RecordComponent c = byName.get(key);
      if (c == null) {
        diagnostics.add(Diagnostic.error(Problem.UNKNOWN_FIELD, loc(t.getKeyNode()), key, "'" + path + "'")
            .withHint(Suggestions.didYouMean(key, byName.keySet())
                .orElse("known fields: " + String.join(", ", byName.keySet()))));
        continue;
      }
      int i = List.of(components).indexOf(c);
      args[i] = value(c.getGenericType(), args[i], t.getValueNode(), path + "." + key);
    }
    try {
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
      }
      return type.getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
    }
  }

  private static Object get(RecordComponent c, Object owner) {
    try {
      return c.getAccessor().invoke(owner);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private Object value(Type type, Object current, Node node, String path) {
    Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (raw.isRecord()) {
      return record(raw, current, node, path);
    }
    if (raw == Map.class) {
      return map((ParameterizedType) type, current, node, path);
    }
    if (!(node instanceof ScalarNode s)) {
      diagnostics.add(Diagnostic.error(Problem.EXPECTED_TYPE, loc(node), expected(raw) + " for '" + path + "'", describe(node)));
      return current;
    }
    String text = s.getValue().trim();
    try {
      if (raw == int.class) {
        return Integer.parseInt(text);
      }
      if (raw == double.class) {
        double d = Double.parseDouble(text);
        if (!Double.isFinite(d)) {
          throw new NumberFormatException();
        }
        return d;
      }
      if (raw == boolean.class) {
        if (!text.equals("true") && !text.equals("false")) {
          throw new NumberFormatException();
        }
        return Boolean.parseBoolean(text);
      }
      if (raw == Duration.class) {
        return Durations.parse(text);
      }
      if (raw == RuleLevel.class) {
        return RuleLevel.valueOf(text.toUpperCase(Locale.ROOT));
      }
    } catch (IllegalArgumentException e) {
      diagnostics.add(Diagnostic.error(Problem.INVALID_VALUE, loc(node), text, "'" + path + "'", expected(raw)));
      return current;
    }
    throw new IllegalStateException("no config binding for " + type);
  }

  @SuppressWarnings("unchecked")
  private Object map(ParameterizedType type, Object current, Node node, String path) {
    if (!(node instanceof MappingNode map)) {
      diagnostics.add(Diagnostic.error(Problem.EXPECTED_TYPE, loc(node), "a mapping for '" + path + "'", describe(node)));
      return current;
    }
    Type valueType = type.getActualTypeArguments()[1];
    Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) current);
    boolean rules = valueType == RuleLevel.class;
    List<String> allowedKeys = rules ? new ArrayList<>(knownRuleIds) : StepKind.yamlNames();
    for (NodeTuple t : map.getValue()) {
      String key = keyOf(t);
      if (!allowedKeys.contains(key)) {
        diagnostics.add(Diagnostic.error(Problem.UNKNOWN_FIELD, loc(t.getKeyNode()), key, "'" + path + "'")
            .withHint(Suggestions.didYouMean(key, allowedKeys)
                .orElse(rules ? "rule ids look like PS101 (see docs/rules.md)" : "keys are step kinds")));
        continue;
      }
      out.put(key, value(valueType, out.get(key), t.getValueNode(), path + "." + key));
    }
    return out;
  }

  private static String keyOf(NodeTuple t) {
    return t.getKeyNode() instanceof ScalarNode k ? k.getValue() : describe(t.getKeyNode());
  }

  private static String expected(Class<?> raw) {
    if (raw == int.class) {
      return "a whole number";
    }
    if (raw == double.class) {
      return "a number";
    }
    if (raw == boolean.class) {
      return "true or false";
    }
    if (raw == Duration.class) {
      return "a duration such as 15m, 2h or PT30M";
    }
    if (raw == RuleLevel.class) {
      return "off, info, warning or error";
    }
    return raw.getSimpleName();
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode s && s.getTag().getValue().endsWith(":null");
  }

  private static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof ScalarNode s) {
      return "'" + s.getValue() + "'";
    }
    return "a list";
  }

  private Location loc(Node node) {
    return new Location(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
  }
}
