package io.pipeshift.yaml;

import io.pipeshift.diag.Diagnostic;
import io.pipeshift.diag.Diagnostics;
import io.pipeshift.diag.Location;
import io.pipeshift.diag.Problem;
import io.pipeshift.diag.Suggestions;
import io.pipeshift.ir.Condition;
import io.pipeshift.ir.RawNull;
import io.pipeshift.ir.DefaultValue;
import io.pipeshift.ir.ErrorClass;
import io.pipeshift.ir.ExecutionVariable;
import io.pipeshift.ir.RecordShape;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepKind;
import io.pipeshift.ir.Trigger;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.StepSpec;
import io.pipeshift.time.CronExpression;
import io.pipeshift.time.Durations;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Binds SnakeYAML nodes (which keep their source marks) to IR records. Record component names (or
 * {@code @FieldName}) are the YAML keys; {@code @DefaultValue} fills what is left out. Problems are added
 * to the diagnostics and binding goes on, so one read reports every problem in the file; a part that
 * failed binds to {@code null} and the records that contain it are not built.
 */
final class NodeBinder {

  private static final Set<String> STEP_COMMON_KEYS = stepCommonKeys();
  private static final Set<String> STEP_KEYS_AND_KIND = union(STEP_COMMON_KEYS, Set.of("kind"));

  private final String file;
  private final Diagnostics diagnostics;
  private final SourceMap sourceMap;
  private final ReaderLimits limits;
  private int visited;
  private boolean nodeLimitReported;

  NodeBinder(String file, Diagnostics diagnostics, SourceMap sourceMap, ReaderLimits limits) {
    this.file = file;
    this.diagnostics = diagnostics;
    this.sourceMap = sourceMap;
    this.limits = limits;
  }

  Location loc(Node node) {
    return new Location(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
  }

  private void error(Problem problem, Node at, Object... args) {
    diagnostics.add(Diagnostic.error(problem, loc(at), args));
  }

  private void errorWithHint(Problem problem, Node at, String hint, Object... args) {
    diagnostics.add(Diagnostic.error(problem, loc(at), args).withHint(hint));
  }

  /** Counts visited nodes; alias bombs that slip under the alias limit still stop here. */
  private boolean visit(Node node) {
    if (++visited > limits.maxNodes()) {
      if (!nodeLimitReported) {
        nodeLimitReported = true;
        error(Problem.TOO_MANY_NODES, node, limits.maxNodes());
      }
      return false;
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // Generic binding by Java type

  Object bind(Type type, Node node, String path, String what) {
    if (!visit(node)) {
      return null;
    }
    Class<?> raw = rawClass(type);
    if (raw == Optional.class) {
      if (isNull(node)) {
        return Optional.empty();
      }
      Object inner = bind(typeArg(type, 0), node, path, what);
      return inner == null ? null : Optional.of(inner);
    }
    if (raw == List.class) {
      return bindList(typeArg(type, 0), node, path, what);
    }
    if (raw == Map.class) {
      return bindMap(typeArg(type, 1), node, path, what);
    }
    if (raw == String.class) {
      return text(node, what);
    }
    if (raw == int.class || raw == Integer.class) {
      Object n = number(node, what, true);
      if (n == null) {
        return null;
      }
      long l = (Long) n;
      if (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) {
        error(Problem.INVALID_VALUE, node, l, what, "a number that fits in 32 bits");
        return null;
      }
      return (int) l;
    }
    if (raw == long.class || raw == Long.class) {
      return number(node, what, true);
    }
    if (raw == double.class || raw == Double.class) {
      Object n = number(node, what, false);
      return n == null ? null : ((Number) n).doubleValue();
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return bool(node, what);
    }
    if (raw == Duration.class) {
      String t = text(node, what);
      if (t == null) {
        return null;
      }
      try {
        return Durations.parse(t);
      } catch (IllegalArgumentException e) {
        error(Problem.INVALID_DURATION, node, t, e.getMessage());
        return null;
      }
    }
    if (raw == CronExpression.class) {
      String t = text(node, what);
      if (t == null) {
        return null;
      }
      try {
        return CronExpression.parse(t);
      } catch (IllegalArgumentException e) {
        errorWithHint(Problem.INVALID_CRON, node, "five fields 'minute hour day-of-month month day-of-week', e.g. \"0 6 * * 1\", or @daily", t, e.getMessage());
        return null;
      }
    }
    if (raw == ErrorClass.class) {
      String t = text(node, what);
      return t == null ? null : ErrorClass.of(t);
    }
    if (raw.isEnum()) {
      return enumConstant(raw, node, what);
    }
    if (raw == Value.Literal.class) {
      return literal(node, what);
    }
    if (raw == Value.class) {
      return value(node, path, what);
    }
    if (raw == Condition.class) {
      return condition(node, path);
    }
    if (raw == Trigger.class) {
      return trigger(node, path);
    }
    if (raw == Step.class) {
      return step(node, path);
    }
    if (raw == Object.class) {
      return rawTree(node);
    }
    if (raw.isRecord()) {
      return record(raw, node, path, what);
    }
    throw new IllegalStateException("no YAML binding for " + type);
  }

  private List<Object> bindList(Type element, Node node, String path, String what) {
    if (!(node instanceof SequenceNode seq)) {
      error(Problem.EXPECTED_TYPE, node, "a list for " + what, describe(node));
      return null;
    }
    List<Object> out = new ArrayList<>(seq.getValue().size());
    boolean ok = true;
    int i = 0;
    for (Node item : seq.getValue()) {
      String itemPath = path + "[" + i + "]";
      sourceMap.put(itemPath, loc(item));
      Object v = bind(element, item, itemPath, what + " item");
      if (v == null) {
        ok = false;
      } else {
        out.add(v);
      }
      i++;
    }
    return ok ? out : null;
  }

  private Map<String, Object> bindMap(Type valueType, Node node, String path, String what) {
    MappingNode map = mapping(node, what);
    if (map == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    boolean ok = true;
    for (Map.Entry<String, NodeTuple> e : entries(map).entrySet()) {
      String key = e.getKey();
      Node v = e.getValue().getValueNode();
      sourceMap.put(path + "." + key, loc(e.getValue().getKeyNode()));
      Object bound = bind(valueType, v, path + "." + key, what + " '" + key + "'");
      if (bound == null) {
        ok = false;
      } else {
        out.put(key, bound);
      }
    }
    return ok ? out : null;
  }

  /** The entries of a mapping with string keys, duplicates reported (first one wins). */
  Map<String, NodeTuple> entries(MappingNode map) {
    Map<String, NodeTuple> out = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      if (!visit(t.getKeyNode())) {
        break;
      }
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        error(Problem.EXPECTED_TYPE, t.getKeyNode(), "a plain key", describe(t.getKeyNode()));
        continue;
      }
      String key = k.getValue();
      NodeTuple first = out.putIfAbsent(key, t);
      if (first != null) {
        error(Problem.DUPLICATE_KEY, k, key, first.getKeyNode().getStartMark().getLine() + 1);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Records

  Object record(Class<?> type, Node node, String path, String what) {
    MappingNode map = mapping(node, what);
    if (map == null) {
      return null;
    }
    return recordFrom(type, entries(map), node, path, what, Set.of());
  }

  /**
   * How a record class binds from YAML, worked out once per class: its shape, each component's YAML name,
   * the composed node of each {@code @DefaultValue}, and which components may be left out.
   */
  static final class Binding {
    final RecordShape shape;
    final String[] names;
    final Map<String, Integer> byName = new LinkedHashMap<>();
    final Node[] defaults;
    final boolean[] optional;
    final Class<?>[] raw;

    private Binding(Class<?> type) {
      shape = RecordShape.of(type);
      names = new String[shape.size()];
      defaults = new Node[shape.size()];
      optional = new boolean[shape.size()];
      raw = new Class<?>[shape.size()];
      for (int i = 0; i < shape.size(); i++) {
        RecordComponent c = shape.component(i);
        names[i] = YamlNames.of(c);
        byName.put(names[i], i);
        raw[i] = rawClass(shape.genericType(i));
        DefaultValue d = c.getAnnotation(DefaultValue.class);
        defaults[i] = d == null ? null : YamlDocuments.composeTrusted(d.value());
        optional[i] = d != null || raw[i] == Optional.class || raw[i] == List.class || raw[i] == Map.class;
      }
    }

    /** True when every component may be left out, so an absent mapping binds to all defaults. */
    boolean allOptional() {
      for (boolean o : optional) {
        if (!o) {
          return false;
        }
      }
      return true;
    }
  }

  private static final ClassValue<Binding> BINDINGS = new ClassValue<>() {
    @Override
    protected Binding computeValue(Class<?> type) {
      return new Binding(type);
    }
  };

  static Binding binding(Class<?> type) {
    return BINDINGS.get(type);
  }

  /** Builds a record from mapping entries; {@code ignored} keys belong to someone else (a step's common fields). */
  private Object recordFrom(
      Class<?> type, Map<String, NodeTuple> fields, Node at, String path, String what, Set<String> ignored) {
    Binding b = binding(type);
    boolean ok = true;
    for (Map.Entry<String, NodeTuple> e : fields.entrySet()) {
      if (!b.byName.containsKey(e.getKey()) && !ignored.contains(e.getKey())) {
        List<String> known = new ArrayList<>(b.byName.keySet());
        known.addAll(ignored);
        Diagnostic d = Diagnostic.error(Problem.UNKNOWN_FIELD, loc(e.getValue().getKeyNode()), e.getKey(), what);
        diagnostics.add(d.withHint(Suggestions.didYouMean(e.getKey(), known)
            .orElse("known fields: " + String.join(", ", b.byName.keySet()))));
        ok = false;
      }
    }
    Object[] args = new Object[b.shape.size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = field(b, i, fields.get(b.names[i]), at, path, what);
      if (args[i] == null) {
        ok = false;
      }
    }
    if (!ok) {
      return null;
    }
    return construct(b.shape, args, at);
  }

  /** Binds component {@code i} from its entry, or from its default when the entry is absent. */
  private Object field(Binding b, int i, NodeTuple t, Node at, String path, String what) {
    String key = b.names[i];
    String fieldPath = path.isEmpty() ? key : path + "." + key;
    if (t != null && !(b.raw[i] == Optional.class && isNull(t.getValueNode()))) {
      sourceMap.put(fieldPath, loc(t.getKeyNode()));
      return bind(b.shape.genericType(i), t.getValueNode(), fieldPath, "'" + key + "' of " + what);
    }
    return missing(b, i, at, fieldPath, what);
  }

  /** The value of a component the YAML leaves out: its default, empty, or a "missing field" error. */
  private Object missing(Binding b, int i, Node at, String path, String what) {
    if (b.defaults[i] != null) {
      return bind(b.shape.genericType(i), b.defaults[i], path, "default of " + b.shape.name(i));
    }
    Class<?> raw = b.raw[i];
    if (raw == Optional.class) {
      return Optional.empty();
    }
    if (raw == List.class) {
      return List.of();
    }
    if (raw == Map.class) {
      return Map.of();
    }
    if (raw.isRecord() && binding(raw).allOptional()) {
      return recordFrom(raw, Map.of(), at, path, b.shape.name(i), Set.of());
    }
    error(Problem.MISSING_FIELD, at, b.names[i], what);
    return null;
  }

  private Object construct(RecordShape shape, Object[] args, Node at) {
    try {
      return shape.construct(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException iae) {
        String name = shape.type().getSimpleName();
        error(Problem.INVALID_VALUE, at, name, name, iae.getMessage());
        return null;
      }
      throw new IllegalStateException("cannot build " + shape.type().getName(), e.getCause());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Steps: common fields and the kind's own fields share one mapping

  private Step step(Node node, String listPath) {
    MappingNode map = mapping(node, "a step");
    if (map == null) {
      return null;
    }
    Map<String, NodeTuple> fields = entries(map);
    NodeTuple idTuple = fields.get("id");
    String id = idTuple == null ? null : text(idTuple.getValueNode(), "step id");
    String path = "steps." + (id == null ? listPath : id);
    sourceMap.put(path, loc(node));
    String what = id == null ? "a step" : "step '" + id + "'";
    NodeTuple kindTuple = fields.get("kind");
    StepKind kind = null;
    if (kindTuple == null) {
        errorWithHint(Problem.MISSING_FIELD, node, "one of: " + String.join(", ", StepKind.yamlNames()), "kind", what);
    } else {
      String k = text(kindTuple.getValueNode(), "kind");
      if (k != null) {
        kind = StepKind.byYamlName(k).orElse(null);
        if (kind == null) {
          errorWithHint(Problem.UNKNOWN_STEP_KIND, kindTuple.getValueNode(),
              Suggestions.didYouMean(k, StepKind.yamlNames()).orElse("kinds: " + String.join(", ", StepKind.yamlNames())), k);
        }
      }
    }
    Map<String, NodeTuple> common = new LinkedHashMap<>();
    Map<String, NodeTuple> own = new LinkedHashMap<>();
    fields.forEach((key, t) -> (STEP_COMMON_KEYS.contains(key) || key.equals("kind") ? common : own).put(key, t));
    common.remove("kind");
    StepSpec spec = null;
    if (kind != null) {
      spec = (StepSpec) recordFrom(kind.specType(), own, node, path, kind.yamlName() + " " + what, STEP_KEYS_AND_KIND);
    }
    Binding b = binding(Step.class);
    Object[] args = new Object[b.shape.size()];
    boolean ok = spec != null && id != null;
    for (int i = 0; i < args.length; i++) {
      if (b.shape.name(i).equals("spec")) {
        args[i] = spec;
        continue;
      }
      args[i] = field(b, i, common.get(b.names[i]), node, path, what);
      if (args[i] == null) {
        ok = false;
      }
    }
    return ok ? (Step) construct(b.shape, args, node) : null;
  }

  private static Set<String> stepCommonKeys() {
    Set<String> keys = new java.util.LinkedHashSet<>();
    for (RecordComponent c : Step.class.getRecordComponents()) {
      if (!c.getName().equals("spec")) {
        keys.add(YamlNames.of(c));
      }
    }
    return Set.copyOf(keys);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new java.util.HashSet<>(a);
    u.addAll(b);
    return Set.copyOf(u);
  }

  // ---------------------------------------------------------------------------------------------
  // Values, conditions, triggers

  private static final List<String> REFERENCE_KEYS = List.of("param", "execution", "output", "property", "join", "item", "literal");

  private Value value(Node node, String path, String what) {
    Value v = valueOf(node, path, what);
    if (v != null) {
      sourceMap.putValue(v, loc(node));
    }
    return v;
  }

  private Value valueOf(Node node, String path, String what) {
    if (node instanceof ScalarNode) {
      return literal(node, what);
    }
    if (!(node instanceof MappingNode map)) {
      error(Problem.EXPECTED_TYPE, node, "a value (a scalar or a reference such as {param: Name}) for " + what, describe(node));
      return null;
    }
    Map<String, NodeTuple> e = entries(map);
    if (e.size() != 1 || !REFERENCE_KEYS.contains(e.keySet().iterator().next())) {
      String first = e.isEmpty() ? "" : e.keySet().iterator().next();
      errorWithHint(Problem.INVALID_REFERENCE, node,
          Suggestions.didYouMean(first, REFERENCE_KEYS).orElse("use one of {param: Name}, {execution: execution-id}, "
              + "{output: {step: s, name: o}}, {property: {step: s, file: f, path: a.b}}, {join: {separator: '/', values: [...]}}, "
              + "{item: field}, {literal: ...}"),
          "expected a one-key mapping naming a reference for " + what + ", found keys " + e.keySet());
      return null;
    }
    String key = e.keySet().iterator().next();
    Node v = e.get(key).getValueNode();
    switch (key) {
      case "param": {
        String n = text(v, "parameter name");
        return n == null ? null : new Value.ParameterRef(n);
      }
      case "execution": {
        Object c = enumConstant(ExecutionVariable.class, v, "execution variable");
        return c == null ? null : new Value.ExecutionRef((ExecutionVariable) c);
      }
      case "output":
        return (Value) record(Value.StepOutputRef.class, v, path, "an output reference");
      case "property":
        return (Value) record(Value.PropertyRef.class, v, path, "a property reference");
      case "join":
        return (Value) record(Value.Join.class, v, path, "a join");
      case "item": {
        String p = isNull(v) ? "" : text(v, "item path");
        return p == null ? null : new Value.ItemRef(p);
      }
      default: // literal: an escape for a mapping-looking string etc.
        return literal(v, what);
    }
  }

  private Value.Literal literal(Node node, String what) {
    if (!(node instanceof ScalarNode s)) {
      error(Problem.EXPECTED_TYPE, node, "a scalar for " + what, describe(node));
      return null;
    }
    Tag tag = s.getTag();
    try {
      if (tag.equals(Tag.INT)) {
        return Value.Literal.of(parseLong(s.getValue()));
      }
      if (tag.equals(Tag.FLOAT)) {
        return Value.Literal.of(Double.parseDouble(s.getValue().replace("_", "")));
      }
    } catch (NumberFormatException e) {
      return Value.Literal.of(s.getValue());
    }
    if (tag.equals(Tag.BOOL)) {
      return Value.Literal.of(Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT)));
    }
    if (tag.equals(Tag.NULL)) {
      error(Problem.EXPECTED_TYPE, node, "a value for " + what, "null");
      return null;
    }
    return Value.Literal.of(s.getValue());
  }

  private static final List<String> CONDITION_KEYS = List.of("eq", "gt", "gte", "lt", "lte", "in", "not", "all", "any");

  private Condition condition(Node node, String path) {
    MappingNode map = mapping(node, "a condition");
    if (map == null) {
      return null;
    }
    Map<String, NodeTuple> e = entries(map);
    if (e.size() != 1 || !CONDITION_KEYS.contains(e.keySet().iterator().next())) {
      String first = e.isEmpty() ? "" : e.keySet().iterator().next();
      errorWithHint(Problem.EXPECTED_TYPE, node,
          Suggestions.didYouMean(first, CONDITION_KEYS).orElse("e.g. {gte: [{param: Threshold}, 0.8]}"),
          "a condition with exactly one of " + CONDITION_KEYS, "keys " + e.keySet());
      return null;
    }
    String key = e.keySet().iterator().next();
    Node v = e.get(key).getValueNode();
    switch (key) {
      case "in": {
        MappingNode m = mapping(v, "an 'in' condition {value: v, values: [..]}");
        if (m == null) {
          return null;
        }
        return (Condition) recordFrom(Condition.In.class, entries(m), v, path, "an 'in' condition", Set.of());
      }
      case "not": {
        Condition c = condition(v, path);
        return c == null ? null : new Condition.Not(c);
      }
      case "all":
      case "any": {
        if (!(v instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
          error(Problem.EXPECTED_TYPE, v, "a non-empty list of conditions for '" + key + "'", describe(v));
          return null;
        }
        List<Condition> parts = new ArrayList<>();
        for (Node item : seq.getValue()) {
          Condition c = condition(item, path);
          if (c == null) {
            return null;
          }
          parts.add(c);
        }
        return key.equals("all") ? new Condition.All(parts) : new Condition.Any(parts);
      }
      default: {
        if (!(v instanceof SequenceNode seq) || seq.getValue().size() != 2) {
          error(Problem.EXPECTED_TYPE, v, "a list of two values [left, right] for '" + key + "'", describe(v));
          return null;
        }
        Value left = value(seq.getValue().get(0), path, "the left side of '" + key + "'");
        Value right = value(seq.getValue().get(1), path, "the right side of '" + key + "'");
        if (left == null || right == null) {
          return null;
        }
        Condition.Operator op = Condition.Operator.valueOf(key.toUpperCase(java.util.Locale.ROOT));
        return new Condition.Comparison(op, left, right);
      }
    }
  }

  private static final List<String> TRIGGER_KEYS = List.of("cron", "rate", "event", "manual");

  private Trigger trigger(Node node, String path) {
    MappingNode map = mapping(node, "a trigger");
    if (map == null) {
      return null;
    }
    Map<String, NodeTuple> e = entries(map);
    List<String> kinds = e.keySet().stream().filter(TRIGGER_KEYS::contains).toList();
    if (kinds.size() != 1) {
      errorWithHint(Problem.INVALID_TRIGGER, node, "e.g. {cron: \"0 6 * * 1\", timezone: Europe/Berlin}, {rate: 1h}, {event: {source: [aws.s3]}}, {manual: true}",
          "expected exactly one of cron, rate, event, manual; found " + e.keySet());
      return null;
    }
    switch (kinds.get(0)) {
      case "cron": {
        Trigger.Cron c = (Trigger.Cron) recordFrom(Trigger.Cron.class, e, node, path, "a cron trigger", Set.of());
        if (c != null) {
          try {
            java.time.ZoneId.of(c.timezone());
          } catch (java.time.DateTimeException ex) {
            error(Problem.INVALID_VALUE, e.get("timezone") == null ? node : e.get("timezone").getValueNode(),
                c.timezone(), "timezone", "an IANA time zone such as UTC or Europe/Berlin");
            return null;
          }
        }
        return c;
      }
      case "rate": {
        if (e.size() != 1) {
          error(Problem.UNKNOWN_FIELD, node, e.keySet().stream().filter(k -> !k.equals("rate")).findFirst().orElse(""), "a rate trigger");
          return null;
        }
        Object d = bind(Duration.class, e.get("rate").getValueNode(), path + ".rate", "rate");
        return d == null ? null : new Trigger.Rate((Duration) d);
      }
      case "event": {
        if (e.size() != 1) {
          error(Problem.UNKNOWN_FIELD, node, e.keySet().stream().filter(k -> !k.equals("event")).findFirst().orElse(""), "an event trigger");
          return null;
        }
        Object m = bindMap(Object.class, e.get("event").getValueNode(), path + ".event", "event pattern");
        @SuppressWarnings("unchecked")
        Map<String, Object> pattern = (Map<String, Object>) m;
        return pattern == null ? null : new Trigger.Event(pattern);
      }
      default: {
        Object b = bool(e.get("manual").getValueNode(), "manual");
        if (b == null) {
          return null;
        }
        if (!((Boolean) b)) {
          error(Problem.INVALID_VALUE, e.get("manual").getValueNode(), "false", "manual", "true (leave the trigger out instead)");
          return null;
        }
        return new Trigger.Manual();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Scalars

  private MappingNode mapping(Node node, String what) {
    if (node instanceof MappingNode m) {
      return m;
    }
    error(Problem.EXPECTED_TYPE, node, "a mapping for " + what, describe(node));
    return null;
  }

  private String text(Node node, String what) {
    if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
      return s.getValue();
    }
    error(Problem.EXPECTED_TYPE, node, "text for " + what, describe(node));
    return null;
  }

  private Object number(Node node, String what, boolean integer) {
    if (node instanceof ScalarNode s && (s.getTag().equals(Tag.INT) || (!integer && s.getTag().equals(Tag.FLOAT)))) {
      try {
        return s.getTag().equals(Tag.INT) ? (Object) parseLong(s.getValue()) : (Object) Double.parseDouble(s.getValue().replace("_", ""));
      } catch (NumberFormatException e) {
        error(Problem.INVALID_VALUE, node, s.getValue(), what, integer ? "an integer" : "a number");
        return null;
      }
    }
    error(Problem.EXPECTED_TYPE, node, (integer ? "an integer" : "a number") + " for " + what, describe(node));
    return null;
  }

  private static long parseLong(String text) {
    String t = text.replace("_", "");
    if (t.startsWith("0x")) {
      return Long.parseLong(t.substring(2), 16);
    }
    return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
  }

  private Boolean bool(Node node, String what) {
    if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
      String v = s.getValue().toLowerCase(java.util.Locale.ROOT);
      if (v.equals("true") || v.equals("false")) {
        return Boolean.valueOf(v);
      }
      error(Problem.INVALID_VALUE, node, s.getValue(), what, "true or false");
      return null;
    }
    error(Problem.EXPECTED_TYPE, node, "true or false for " + what, describe(node));
    return null;
  }

  private Object enumConstant(Class<?> type, Node node, String what) {
    String t = text(node, what);
    if (t == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (Object c : type.getEnumConstants()) {
      String n = YamlNames.of((Enum<?>) c);
      if (n.equals(t) || n.equalsIgnoreCase(t)) {
        return c;
      }
      names.add(n);
    }
    errorWithHint(Problem.INVALID_VALUE, node, Suggestions.didYouMean(t, names).orElse(null), t, what, "one of " + String.join(", ", names));
    return null;
  }

  /** A JSON-like tree (maps, lists, scalars) with YAML types resolved. */
  Object rawTree(Node node) {
    if (!visit(node)) {
      return null;
    }
    if (node instanceof ScalarNode s) {
      Tag tag = s.getTag();
      try {
        if (tag.equals(Tag.INT)) {
          return parseLong(s.getValue());
        }
        if (tag.equals(Tag.FLOAT)) {
          return Double.parseDouble(s.getValue().replace("_", ""));
        }
      } catch (NumberFormatException e) {
        return s.getValue();
      }
      if (tag.equals(Tag.BOOL)) {
        return Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT));
      }
      if (tag.equals(Tag.NULL)) {
        return RawNull.INSTANCE;
      }
      return s.getValue();
    }
    if (node instanceof SequenceNode seq) {
      List<Object> out = new ArrayList<>();
      for (Node item : seq.getValue()) {
        Object v = rawTree(item);
        if (v == null) {
          return null;
        }
        out.add(v);
      }
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, NodeTuple> e : entries((MappingNode) node).entrySet()) {
      Object v = rawTree(e.getValue().getValueNode());
      if (v == null) {
        return null;
      }
      out.put(e.getKey(), v);
    }
    return out;
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    ScalarNode s = (ScalarNode) node;
    if (s.getTag().equals(Tag.NULL)) {
      return "nothing (null)";
    }
    String v = s.getValue();
    String shown = v.length() > 40 ? v.substring(0, 40) + "..." : v;
    String type = s.getTag().equals(Tag.INT) ? "integer" : s.getTag().equals(Tag.FLOAT) ? "number"
        : s.getTag().equals(Tag.BOOL) ? "boolean" : "text";
    return type + " '" + shown + "'";
  }

  // ---------------------------------------------------------------------------------------------
  // Reflection helpers

  static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalStateException("unsupported type " + type);
  }

  static Type typeArg(Type type, int index) {
    return ((ParameterizedType) type).getActualTypeArguments()[index];
  }
}
