package io.pipeshift.from.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipeshift.diag.Diagnostic;
import io.pipeshift.diag.Diagnostics;
import io.pipeshift.document.JsonDocument;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.Caching;
import io.pipeshift.ir.Condition;
import io.pipeshift.ir.Parameter;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.RetryPolicy;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepDefaults;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.StepSpec;
import io.pipeshift.time.Durations;
import io.pipeshift.yaml.LoadedPipeline;
import io.pipeshift.yaml.SourceMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a SageMaker pipeline definition into the IR. Steps keep their names as ids (sanitised; the SDK's
 * {@code -RegisterModel} / {@code -CreateModel} suffixes removed); {@code IfSteps}/{@code ElseSteps} become
 * the condition's branch and {@code otherwise}; {@code DependsOn} and data references become dependencies
 * in the IR's scoping: a dependency on a step inside a branch from outside becomes a dependency on the
 * condition step (the rejoin), a dependency of a branch step on an outside step moves to the condition
 * step. Problems are located diagnostics; approximations are fidelity notes.
 */
final class SageMakerReader {

  static final String FORMAT = "sagemaker";
  private static final Pattern ID_CHARS = Pattern.compile("[^A-Za-z0-9_-]");
  private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,255}");

  private final JsonDocument doc;
  private final String pipelineName;
  private final Diagnostics diagnostics = new Diagnostics();
  private final List<FidelityNote> notes = new ArrayList<>();
  private final SourceMap sourceMap;

  /** One step of the definition, wherever it is nested. */
  static final class Raw {
    final String name;
    final String type;
    final JsonNode node;
    final String pointer;
    /** The condition whose branch holds this step, or null at the top level. */
    final Raw container;
    /** 0 = IfSteps, 1 = ElseSteps. */
    final int branch;
    String id;
    final List<Raw> ifSteps = new ArrayList<>();
    final List<Raw> elseSteps = new ArrayList<>();
    /** Extra dependencies found while reading values (cross-scope references). */
    final Set<Raw> extraDeps = new LinkedHashSet<>();
    /** Dependencies moved here from nested steps (a branch step waiting on a step outside the branch). */
    final Set<Raw> hoisted = new LinkedHashSet<>();
    /** Set for an EndpointConfig step merged into its Endpoint step. */
    Raw mergedInto;
    StepSpec spec;
    /** The step's timeout, when its request says it (built-in jobs). */
    Optional<Duration> timeout = Optional.empty();
    /** What the step's extensions.sagemaker holds (fields the IR kind has no place for). */
    final Map<String, Object> extensions = new LinkedHashMap<>();

    Raw(String name, String type, JsonNode node, String pointer, Raw container, int branch) {
      this.name = name;
      this.type = type;
      this.node = node;
      this.pointer = pointer;
      this.container = container;
      this.branch = branch;
    }

    /** The container chain from the top: [] at the top level. */
    List<Raw> containers() {
      List<Raw> out = new ArrayList<>();
      for (Raw c = container; c != null; c = c.container) {
        out.add(0, c);
      }
      return out;
    }

    String listKey() {
      return container == null ? "" : container.name + "#" + branch;
    }
  }

  private final Map<String, Raw> byName = new LinkedHashMap<>();
  private final List<Raw> top = new ArrayList<>();
  private final Map<String, Parameter> parameters = new LinkedHashMap<>();
  private final Map<String, String> parameterNames = new HashMap<>();

  SageMakerReader(JsonDocument doc, String pipelineName) {
    this.doc = doc;
    this.pipelineName = pipelineName;
    this.sourceMap = new SourceMap(doc.file());
  }

  Translation<LoadedPipeline> read() {
    JsonNode root = doc.root();
    if (!root.isObject() || !root.has("Steps")) {
      diagnostics.add(SageMakerProblem.NOT_A_DEFINITION.at(doc, "", describe(root)));
      diagnostics.throwIfErrors();
    }
    String version = root.path("Version").asText("");
    if (!version.isEmpty() && !version.equals("2020-12-01")) {
      diagnostics.add(SageMakerProblem.UNSUPPORTED_VERSION.warningAt(doc, "/Version", version));
    }
    readParameters(root.path("Parameters"));
    JsonNode steps = root.get("Steps");
    if (!steps.isArray()) {
      diagnostics.add(SageMakerProblem.EXPECTED.at(doc, "/Steps", "a list of steps", describe(steps)));
      diagnostics.throwIfErrors();
    }
    collect(steps, "/Steps", null, 0, top);
    diagnostics.throwIfErrors();
    assignIds();
    mergeEndpoints();
    SageMakerSteps stepReader = new SageMakerSteps(doc, this::scopeFor, parameterDefault(), notes);
    for (Raw r : byName.values()) {
      if (r.mergedInto == null && !r.type.equals("Condition")) {
        r.spec = stepReader.spec(r, endpointConfigOf(r));
      }
    }
    Map<Raw, List<String>> dependsOn = new HashMap<>();
    for (Raw r : byName.values()) {
      dependsOn.put(r, dependsOn(r));
    }
    diagnostics.throwIfErrors();
    Map<Raw, Set<Raw>> after = placeDependencies(dependsOn);
    List<Step> steps2 = build(top, after, stepReader);
    diagnostics.throwIfErrors();
    Map<String, Object> extensions = new LinkedHashMap<>();
    Map<String, Object> sm = new LinkedHashMap<>();
    JsonNode metadata = root.path("Metadata");
    if (metadata.isObject() && !metadata.isEmpty()) {
      sm.put("metadata", new SageMakerValues(scopeFor(null)).tree(metadata, "/Metadata"));
    }
    JsonNode experiment = root.path("PipelineExperimentConfig");
    if (experiment.isObject() && !isDefaultExperiment(experiment)) {
      sm.put("experimentConfig", io.pipeshift.ir.Immutables.tree(plain(experiment)));
    }
    if (stepReader.regions.size() == 1) {
      sm.put("region", stepReader.regions.iterator().next());
    }
    // remembered so that diff compares an IR written from this definition through SageMaker (see DiffCommand)
    String file = doc.file().replace('\\', '/');
    sm.put("importedFrom", file.substring(file.lastIndexOf('/') + 1));
    extensions.put(FORMAT, sm);
    Pipeline p = new Pipeline(pipelineName, Optional.empty(), Map.of(), List.copyOf(parameters.values()), List.of(),
        StepDefaults.NONE, steps2, extensions);
    sourceMap.put("name", doc.at(""));
    return new Translation<>(new LoadedPipeline(p, sourceMap), notes);
  }

  private static boolean isDefaultExperiment(JsonNode e) {
    return e.size() == 2 && "Execution.PipelineName".equals(e.path("ExperimentName").path("Get").asText())
        && "Execution.PipelineExecutionId".equals(e.path("TrialName").path("Get").asText());
  }

  private static Object plain(JsonNode n) {
    return plainTree(n);
  }

  /** A JSON tree as ordered maps, lists, strings, longs, doubles, booleans and {@link io.pipeshift.ir.RawNull}. */
  static Object plainTree(JsonNode n) {
    if (n.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      n.fields().forEachRemaining(e -> out.put(e.getKey(), plainTree(e.getValue())));
      return out;
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>();
      n.elements().forEachRemaining(e -> out.add(plainTree(e)));
      return out;
    }
    return SageMakerValues.scalar(n);
  }

  static String describe(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    if (n.isObject()) {
      return "an object";
    }
    if (n.isArray()) {
      return "a list";
    }
    if (n.isTextual()) {
      return "text '" + n.asText() + "'";
    }
    return n.isNull() ? "null" : "'" + n.asText() + "'";
  }

  // -- parameters ------------------------------------------------------------------------------------

  private void readParameters(JsonNode list) {
    if (list.isMissingNode() || list.isNull()) {
      return;
    }
    if (!list.isArray()) {
      diagnostics.add(SageMakerProblem.EXPECTED.at(doc, "/Parameters", "a list of parameters", describe(list)));
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode p = list.get(i);
      String ptr = "/Parameters/" + i;
      String name = p.path("Name").asText("");
      if (name.isEmpty()) {
        diagnostics.add(SageMakerProblem.MISSING.at(doc, ptr, "Name", "a parameter"));
        continue;
      }
      String irName = name;
      if (!PARAMETER_NAME.matcher(name).matches()) {
        irName = ID_CHARS.matcher(name).replaceAll("_");
        irName = Character.isLetter(irName.isEmpty() ? '0' : irName.charAt(0)) ? irName : "P" + irName;
        notes.add(SageMakerImportNote.NAME_CHANGED.at(null, "parameter '" + name + "' is named '" + irName
            + "' in the IR (a letter, then letters, digits or _)"));
      }
      String type = p.path("Type").asText("String");
      Parameter.ParameterType t = switch (type) {
        case "Integer" -> Parameter.ParameterType.INTEGER;
        case "Float" -> Parameter.ParameterType.FLOAT;
        case "Boolean" -> Parameter.ParameterType.BOOLEAN;
        case "String" -> Parameter.ParameterType.STRING;
        default -> {
          diagnostics.add(SageMakerProblem.BAD_PARAMETER.at(doc, ptr + "/Type",
              "type '" + type + "' is not String, Integer, Float or Boolean"));
          yield Parameter.ParameterType.STRING;
        }
      };
      Optional<Value.Literal> def = Optional.empty();
      if (p.has("DefaultValue") && !p.get("DefaultValue").isNull()) {
        def = Optional.of(literal(p.get("DefaultValue"), t));
      }
      List<Value.Literal> allowed = new ArrayList<>();
      for (JsonNode e : p.path("EnumValues")) {
        allowed.add(literal(e, t));
      }
      parameters.put(name, new Parameter(irName, t, def, allowed, Optional.empty()));
      parameterNames.put(name, irName);
      sourceMap.put("parameters[" + i + "]", doc.at(ptr));
    }
  }

  private static Value.Literal literal(JsonNode n, Parameter.ParameterType t) {
    return switch (t) {
      case INTEGER -> n.isNumber() ? Value.Literal.of(n.asLong()) : Value.Literal.of(parseLong(n.asText()));
      case FLOAT -> n.isIntegralNumber() ? Value.Literal.of(n.asLong()) : Value.Literal.of(n.asDouble());
      case BOOLEAN -> Value.Literal.of(n.isBoolean() ? n.asBoolean() : Boolean.parseBoolean(n.asText()));
      case STRING -> Value.Literal.of(n.asText());
    };
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private java.util.function.Function<Value, Optional<String>> parameterDefault() {
    return v -> {
      if (v instanceof Value.ParameterRef p) {
        for (Parameter q : parameters.values()) {
          if (q.name().equals(p.name())) {
            return q.defaultValue().map(Value.Literal::asText);
          }
        }
      }
      return Optional.empty();
    };
  }

  // -- collecting steps -----------------------------------------------------------------------------

  private void collect(JsonNode list, String pointer, Raw container, int branch, List<Raw> into) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode s = list.get(i);
      String ptr = pointer + "/" + i;
      if (!s.isObject()) {
        diagnostics.add(SageMakerProblem.EXPECTED.at(doc, ptr, "a step object", describe(s)));
        continue;
      }
      String name = s.path("Name").asText("");
      String type = s.path("Type").asText("");
      if (name.isEmpty()) {
        diagnostics.add(SageMakerProblem.MISSING.at(doc, ptr, "Name", "a step"));
        continue;
      }
      if (type.isEmpty()) {
        diagnostics.add(SageMakerProblem.MISSING.at(doc, ptr, "Type", "step '" + name + "'"));
        continue;
      }
      if (byName.containsKey(name)) {
        diagnostics.add(SageMakerProblem.DUPLICATE_STEP.at(doc, ptr + "/Name", name));
        continue;
      }
      Raw r = new Raw(name, type, s, ptr, container, branch);
      byName.put(name, r);
      into.add(r);
      if (type.equals("Condition")) {
        JsonNode args = s.path("Arguments");
        JsonNode ifs = args.path("IfSteps");
        JsonNode elses = args.path("ElseSteps");
        if (ifs.isArray()) {
          collect(ifs, ptr + "/Arguments/IfSteps", r, 0, r.ifSteps);
        }
        if (elses.isArray()) {
          collect(elses, ptr + "/Arguments/ElseSteps", r, 1, r.elseSteps);
        }
      }
    }
  }

  /** SageMaker names -> IR ids: the SDK's collection suffixes dropped, sanitised, unique. */
  private void assignIds() {
    Set<String> used = new HashSet<>();
    Set<String> names = byName.keySet();
    for (Raw r : byName.values()) {
      String base = r.name;
      for (String suffix : List.of("-RegisterModel", "-CreateModel")) {
        String stripped = base.substring(0, Math.max(0, base.length() - suffix.length()));
        if (base.endsWith(suffix) && !stripped.isEmpty() && !names.contains(stripped)) {
          base = stripped;
        }
      }
      String id = ID_CHARS.matcher(base).replaceAll("-");
      if (id.isEmpty() || !Character.isLetter(id.charAt(0))) {
        id = "s-" + id;
      }
      if (id.length() > 128) {
        id = id.substring(0, 128);
      }
      String unique = id;
      for (int n = 2; used.contains(unique); n++) {
        unique = id + "-" + n;
      }
      used.add(unique);
      r.id = unique;
      if (!unique.equals(r.name) && !(r.name.equals(unique + "-RegisterModel") || r.name.equals(unique + "-CreateModel"))) {
        notes.add(SageMakerImportNote.NAME_CHANGED.at(unique, "step '" + r.name + "' has id '" + unique + "' in the IR"));
      }
      sourceMap.put("steps." + unique, doc.at(r.pointer));
    }
  }

  /** An Endpoint step whose config comes from an EndpointConfig step becomes one model-deploy step. */
  private void mergeEndpoints() {
    for (Raw r : byName.values()) {
      if (r.type.equals("Endpoint")) {
        String get = r.node.path("Arguments").path("EndpointConfigName").path("Get").asText("");
        if (get.startsWith("Steps.") && get.endsWith(".EndpointConfigName")) {
          Raw config = byName.get(get.substring(6, get.length() - ".EndpointConfigName".length()));
          if (config != null && config.type.equals("EndpointConfig") && config.container == r.container) {
            config.mergedInto = r;
          }
        }
      }
    }
  }

  private Optional<Raw> endpointConfigOf(Raw r) {
    if (!r.type.equals("Endpoint")) {
      return Optional.empty();
    }
    String get = r.node.path("Arguments").path("EndpointConfigName").path("Get").asText("");
    if (!get.startsWith("Steps.") || !get.endsWith(".EndpointConfigName")) {
      return Optional.empty();
    }
    Raw config = byName.get(get.substring(6, get.length() - ".EndpointConfigName".length()));
    return config != null && config.mergedInto == r ? Optional.of(config) : Optional.empty();
  }

  /** The step a name stands for, following a merged EndpointConfig to its Endpoint. */
  private Raw resolve(Raw r) {
    return r.mergedInto != null ? r.mergedInto : r;
  }

  // -- values ---------------------------------------------------------------------------------------

  /** The reference scope of values read inside step {@code owner} (null: pipeline-level values). */
  SageMakerValues.Scope scopeFor(Raw owner) {
    return new SageMakerValues.Scope() {
      @Override
      public Optional<String> typeOf(String stepName) {
        Raw r = byName.get(stepName);
        return r == null ? Optional.empty() : Optional.of(r.type);
      }

      @Override
      public String idOf(String stepName) {
        return resolve(byName.get(stepName)).id;
      }

      @Override
      public List<String> processingOutputs(String stepName) {
        List<String> out = new ArrayList<>();
        for (JsonNode o : byName.get(stepName).node.path("Arguments").path("ProcessingOutputConfig").path("Outputs")) {
          out.add(o.path("OutputName").asText());
        }
        return out;
      }

      @Override
      public Value reference(String stepName, Value value, String pointer) {
        Raw target = resolve(byName.get(stepName));
        if (owner == null || visible(owner, target)) {
          return value;
        }
        owner.extraDeps.add(target);
        notes.add(SageMakerImportNote.CROSS_BRANCH_REFERENCE.at(owner.id, "the value of step '" + target.id
            + "' (inside a branch of condition '" + target.container.id + "') cannot be read outside that branch"
            + " in the IR; it is kept as the text " + placeholder(stepName, value) + " and the step runs after the"
            + " condition (at " + doc.describe(pointer) + ")"));
        return Value.Literal.of(placeholder(stepName, value));
      }

      @Override
      public Value unknownProperty(String stepName, String path, String pointer) {
        Raw target = resolve(byName.get(stepName));
        if (owner != null && target != owner) {
          owner.extraDeps.add(target);
        }
        String text = "{Get: Steps." + stepName + "." + path + "}";
        notes.add(SageMakerImportNote.UNKNOWN_PROPERTY.at(owner == null ? null : owner.id, "property '" + path
            + "' of step '" + stepName + "' has no IR output name; kept as the text " + text
            + " with a dependency on the step (at " + doc.describe(pointer) + ")"));
        return Value.Literal.of(text);
      }

      @Override
      public Value bad(String what, String why, String pointer) {
        diagnostics.add(SageMakerProblem.BAD_REFERENCE.at(doc, pointer, what, why));
        return Value.Literal.of("");
      }

      @Override
      public void dependOn(String stepName) {
        Raw target = byName.get(stepName);
        if (owner != null && target != null && resolve(target) != resolve(owner)) {
          owner.extraDeps.add(resolve(target));
        }
      }

      @Override
      public Value parameter(String name, String pointer) {
        String irName = parameterNames.get(name);
        if (irName == null) {
          diagnostics.add(SageMakerProblem.UNKNOWN_PARAMETER.at(doc, pointer,
              owner == null ? "the definition" : "step '" + owner.name + "'", name));
          return Value.Literal.of("");
        }
        return new Value.ParameterRef(irName);
      }
    };
  }

  private static String placeholder(String stepName, Value v) {
    if (v instanceof Value.StepOutputRef o) {
      return "${" + stepName + "." + o.name() + "}";
    }
    if (v instanceof Value.PropertyRef p) {
      return "${" + stepName + ".PropertyFiles." + p.file() + "." + p.path() + "}";
    }
    return "${" + stepName + "}";
  }

  /** A value of {@code target} can be read in {@code owner} when target's list encloses owner's list. */
  private static boolean visible(Raw owner, Raw target) {
    List<ListRef> mine = listPath(owner);
    List<ListRef> theirs = listPath(target);
    return theirs.size() <= mine.size() && mine.subList(0, theirs.size()).equals(theirs);
  }

  /** One step list: a condition's IfSteps (0) or ElseSteps (1). */
  private record ListRef(Raw container, int branch) {}

  /** The lists enclosing a step, from the top level down ([] for a top-level step). */
  private static List<ListRef> listPath(Raw x) {
    List<Raw> chain = chain(x);
    List<ListRef> out = new ArrayList<>();
    for (int i = 0; i + 1 < chain.size(); i++) {
      out.add(new ListRef(chain.get(i), chain.get(i + 1).branch));
    }
    return out;
  }

  // -- dependencies ---------------------------------------------------------------------------------

  private List<String> dependsOn(Raw r) {
    List<String> out = new ArrayList<>();
    JsonNode deps = r.node.path("DependsOn");
    if (deps.isMissingNode() || deps.isNull()) {
      return out;
    }
    if (!deps.isArray()) {
      diagnostics.add(SageMakerProblem.EXPECTED.at(doc, r.pointer + "/DependsOn", "a list of step names", describe(deps)));
      return out;
    }
    for (int i = 0; i < deps.size(); i++) {
      String d = deps.get(i).asText("");
      if (!byName.containsKey(d)) {
        diagnostics.add(SageMakerProblem.UNKNOWN_STEP.at(doc, r.pointer + "/DependsOn/" + i, "DependsOn of step '" + r.name + "'", d)
            .withHint(io.pipeshift.diag.Suggestions.didYouMean(d, byName.keySet()).orElse(null)));
      } else {
        out.add(d);
      }
    }
    return out;
  }

  /**
   * Places every dependency in the IR's scoping: in the innermost list holding both ends, the ancestor (or
   * self) of the dependent step waits for the ancestor (or self) of the dependency.
   */
  private Map<Raw, Set<Raw>> placeDependencies(Map<Raw, List<String>> dependsOn) {
    Map<Raw, Set<Raw>> after = new HashMap<>();
    for (Raw r0 : byName.values()) {
      Raw r = resolve(r0);
      List<Raw> deps = new ArrayList<>();
      dependsOn.get(r0).forEach(n -> deps.add(resolve(byName.get(n))));
      deps.addAll(r0.extraDeps);
      for (Raw d : deps) {
        if (d == r) {
          continue;
        }
        List<ListRef> pr = listPath(r);
        List<ListRef> pd = listPath(d);
        int k = 0;
        while (k < pr.size() && k < pd.size() && pr.get(k).equals(pd.get(k))) {
          k++;
        }
        // in the innermost list holding both, r's ancestor-or-self waits for d's ancestor-or-self
        Raw waiter = chain(r).get(k);
        Raw waitedFor = chain(d).get(k);
        if (waiter == waitedFor) {
          notes.add(SageMakerImportNote.REJOIN_APPROXIMATED.at(r.id, "dependency of '" + r.id + "' on '" + d.id
              + "' in the other branch of condition '" + waiter.id + "' dropped: only one branch runs"));
          continue;
        }
        if (waitedFor != d) {
          rejoinNote(r, d, waitedFor);
        }
        after.computeIfAbsent(waiter, x -> new LinkedHashSet<>()).add(waitedFor);
      }
    }
    return after;
  }

  /** The step and its containers, from the top-level ancestor down to the step. */
  private static List<Raw> chain(Raw r) {
    List<Raw> out = r.containers();
    out.add(r);
    return out;
  }

  /** A rejoin on a condition is exact only when every other branch of it ends the run (a Fail step). */
  private void rejoinNote(Raw r, Raw d, Raw condition) {
    List<Raw> other = d.branch == 0 ? condition.elseSteps : condition.ifSteps;
    boolean exact = !other.isEmpty() && other.stream().anyMatch(x -> x.type.equals("Fail"));
    if (!exact) {
      notes.add(SageMakerImportNote.REJOIN_APPROXIMATED.at(r.id, "step '" + r.id + "' depends on '" + d.id
          + "' inside a branch of condition '" + condition.id + "'; in the IR it runs after the condition whichever"
          + " branch ran (SageMaker would not run it when the other branch is taken)"));
    }
  }

  // -- building ---------------------------------------------------------------------------------------

  private List<Step> build(List<Raw> list, Map<Raw, Set<Raw>> after, SageMakerSteps stepReader) {
    List<Step> out = new ArrayList<>();
    for (Raw r : list) {
      if (r.mergedInto != null) {
        continue;
      }
      StepSpec spec;
      if (r.type.equals("Condition")) {
        Condition when = stepReader.condition(r);
        spec = new ConditionSpec(List.of(new ConditionSpec.Branch(when, build(r.ifSteps, after, stepReader))),
            build(r.elseSteps, after, stepReader));
      } else {
        spec = r.spec;
      }
      List<String> afterIds = new ArrayList<>();
      for (Raw d : after.getOrDefault(r, Set.of())) {
        afterIds.add(d.id);
      }
      Optional<RetryPolicy> retry = SageMakerRetryPolicies.read(r.id, r.node.get("RetryPolicies"), notes::add);
      Optional<Caching> caching = caching(r);
      Step s = new Step(r.id, spec, text(r.node, "DisplayName"), text(r.node, "Description"), afterIds, retry, List.of(),
          stepReader.timeout(r), caching, stepReader.extensions(r));
      out.add(s);
    }
    return out;
  }

  private Optional<Caching> caching(Raw r) {
    JsonNode c = r.node.get("CacheConfig");
    if (c == null || !c.isObject()) {
      return Optional.empty();
    }
    boolean enabled = c.path("Enabled").asBoolean(false);
    Optional<Duration> expire = Optional.empty();
    String text = c.path("ExpireAfter").asText("");
    if (!text.isEmpty()) {
      try {
        expire = Optional.of(Durations.parse(text));
      } catch (IllegalArgumentException e) {
        notes.add(SageMakerImportNote.FIELD_IGNORED.at(r.id, "cache ExpireAfter '" + text + "' dropped: " + e.getMessage()));
      }
    }
    return Optional.of(new Caching(enabled, expire));
  }

  private static Optional<String> text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v != null && v.isTextual() && !v.asText().isEmpty() ? Optional.of(v.asText()) : Optional.empty();
  }

  List<Diagnostic> warnings() {
    return diagnostics.sorted().stream().filter(d -> !d.isError()).toList();
  }
}
