package io.pipeshift.from.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipeshift.diag.Diagnostics;
import io.pipeshift.document.JsonDocument;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.CatchClause;
import io.pipeshift.ir.Condition;
import io.pipeshift.ir.ErrorClass;
import io.pipeshift.ir.Immutables;
import io.pipeshift.ir.Parameter;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.RetryPolicy;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepDefaults;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.ExternalSpec;
import io.pipeshift.ir.kinds.FailSpec;
import io.pipeshift.ir.kinds.ForEachSpec;
import io.pipeshift.ir.kinds.StepSpec;
import io.pipeshift.ir.kinds.WaitSpec;
import io.pipeshift.yaml.LoadedPipeline;
import io.pipeshift.yaml.SourceMap;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
 * Reads a checked state machine into the IR by walking its control flow:
 *
 * <ul>
 *   <li>A chain of states becomes a chain of steps ({@code after} the previous one); Task, Wait and Fail
 *       states are steps, Succeed ends a chain, Pass states only reshape data: they are kept in the next
 *       step's {@code extensions.asl.passBefore} (a Pass at the start that merges defaults into the input
 *       declares the pipeline parameters instead).
 *   <li>Parallel states are flattened: each branch's first steps wait for what came before, and what comes
 *       after waits for every branch's last steps. A Catch on a Parallel applies to each step inside it.
 *   <li>A Choice becomes a condition step with one branch per rule and {@code otherwise} for the Default;
 *       the branches run up to the join (the first state every branch that can finish reaches), and what
 *       follows the join runs after the condition step (the IR's rejoin).
 *   <li>A Map becomes a for-each over its items with its body as nested steps.
 *   <li>Catchers name the first step of their handler chain, which goes into the same step list after
 *       the main chain (an error path). A handler chain that runs back into the main chain stops there
 *       (noted): the IR's error paths do not rejoin.
 *   <li>Loops (a transition back to an earlier state) cannot be a DAG: the back edge is dropped, noted.
 * </ul>
 */
final class AslReader {

  static final String FORMAT = "asl";
  private static final Pattern ID_CHARS = Pattern.compile("[^A-Za-z0-9_-]");
  private static final List<String> JOB_NAME_FIELDS = List.of("ProcessingJobName", "TrainingJobName",
      "HyperParameterTuningJobName", "TransformJobName", "ModelName", "EndpointConfigName");
  private static final Pattern NAMED_COMMENT = Pattern.compile("([a-z0-9][a-z0-9-]*): (.+)", Pattern.DOTALL);
  private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,255}");

  private final AslMachine m;
  private final JsonDocument doc;
  private final String pipelineName;
  private final Diagnostics diagnostics;
  private final List<FidelityNote> notes = new ArrayList<>();
  private final SourceMap sourceMap;

  /** State name -> step id, for states that become (or lead to) steps. */
  private final Map<String, String> ids = new HashMap<>();
  private final Set<String> usedIds = new HashSet<>();
  /** State name -> the first step id a chain entering this state creates (Pass states lead to the next step). */
  private final Map<String, String> entry = new HashMap<>();
  private final Set<String> visited = new HashSet<>();
  /** Pass states whose computed value is being read (a cycle among them is cut, not followed forever). */
  private final Set<String> computingPass = new HashSet<>();
  /** ResultPath (without the leading $) -> producing state, for every state that writes its result somewhere. */
  private final Map<String, AslMachine.State> producers = new LinkedHashMap<>();
  /** Assigned variable -> (state, path into its result). */
  private final Map<String, Map.Entry<AslMachine.State, String>> variables = new HashMap<>();
  /** Where the merged parameters live in the state input ("" = at the top), if a defaults Pass was found. */
  private String parameterRoot;
  private final Map<String, Parameter> parameters = new LinkedHashMap<>();
  /** Kind of each created step (for output names), by id. */
  private final Map<String, Draft> drafts = new HashMap<>();
  /** Step ids that tasks carry themselves (pipeshift's activities: {"step": id, "kind": ...}). */
  private final Map<String, String> preferredIds = new HashMap<>();
  /** Property-file reads (an S3 GetObject parsed as JSON), by the document path they write. */
  private final Map<String, AslMachine.State> propertyReads = new LinkedHashMap<>();
  /** The stop of the chain a Parallel state was walked in (where its handlers go). */
  private final Map<String, String> parallelStops = new HashMap<>();
  /** Pass states that only reshape data, by name, with the step they come before (pipeline extension). */
  private final Map<String, Object> passStates = new LinkedHashMap<>();
  /** Output names read from lambda/callback steps, by step id (they become the step's outputs). */
  private final Map<String, Set<String>> outputsRead = new HashMap<>();

  /** A step being built. */
  private static final class Draft {
    final String id;
    final AslMachine.State state;
    StepSpec spec;
    Optional<String> displayName = Optional.empty();
    Optional<String> description = Optional.empty();
    final List<String> after = new ArrayList<>();
    Optional<RetryPolicy> retry = Optional.empty();
    final List<CatchClause> catches = new ArrayList<>();
    Optional<Duration> timeout = Optional.empty();
    final Map<String, Object> extensions = new LinkedHashMap<>();
    /** For-each bodies and condition branches, built first. */
    List<Draft> body;
    List<Map.Entry<Condition, List<Draft>>> branches;
    List<Draft> otherwise;

    Draft(String id, AslMachine.State state) {
      this.id = id;
      this.state = state;
    }
  }

  /** A catcher waiting for the main chain of its list to finish. */
  private record PendingCatch(Draft owner, List<ErrorClass> errors, String next, AslMachine.Region region, String stop,
      List<Draft> out, Context ctx, String pointer) {}

  /** Where values are read: the Map body they are in (item resolution), if any. */
  private record Context(AslMachine.State map, Map<String, Object> itemSelector, boolean selecting) {
    static final Context TOP = new Context(null, null, false);
  }

  AslReader(AslMachine m, String pipelineName, Diagnostics diagnostics) {
    this.m = m;
    this.doc = m.doc;
    this.pipelineName = pipelineName;
    this.diagnostics = diagnostics;
    this.sourceMap = new SourceMap(doc.file());
  }

  Translation<LoadedPipeline> read() {
    indexProducers();
    List<Draft> top = new ArrayList<>();
    Deque<PendingCatch> catches = new ArrayDeque<>();
    String start = parameterPrologue(m.root);
    chain(m.root, start, null, List.of(), top, Context.TOP, catches);
    drainCatches(catches);
    diagnostics.throwIfErrors();
    recoverKnownOutputs(top);
    List<Step> steps = build(top);
    Map<String, Object> extensions = new LinkedHashMap<>();
    Map<String, Object> asl = new LinkedHashMap<>();
    JsonNode root = doc.root();
    if (root.has("TimeoutSeconds")) {
      asl.put("timeoutSeconds", root.get("TimeoutSeconds").asLong());
      notes.add(AslImportNote.MACHINE_TIMEOUT.at(null, "the machine's TimeoutSeconds " + root.get("TimeoutSeconds").asLong()
          + " has no IR field; kept in extensions.asl.timeoutSeconds"));
    }
    if (m.root.jsonata()) {
      asl.put("queryLanguage", "JSONata");
    }
    if (!passStates.isEmpty()) {
      asl.put("passStates", passStates);
    }
    // remembered so that diff compares an IR written from this machine through ASL (see DiffCommand)
    asl.put("importedFrom", fileName(doc.file()));
    if (!asl.isEmpty()) {
      extensions.put(FORMAT, asl);
    }
    Optional<String> description = root.path("Comment").isTextual() ? Optional.of(root.get("Comment").asText()) : Optional.empty();
    String name = pipelineName;
    java.util.regex.Matcher named = NAMED_COMMENT.matcher(description.orElse(""));
    if (named.matches()) {
      // "<pipeline-name>: <description>", as pipeshift writes the machine's Comment
      name = named.group(1);
      description = Optional.of(named.group(2));
    }
    Pipeline p = new Pipeline(name, description, Map.of(), List.copyOf(parameters.values()), List.of(),
        StepDefaults.NONE, steps, extensions);
    sourceMap.put("name", doc.at(""));
    return new Translation<>(new LoadedPipeline(p, sourceMap), notes);
  }

  /** The last path segment of a document's file name (templates name the definition inside too). */
  static String fileName(String file) {
    String f = file.replace('\\', '/');
    int cut = f.lastIndexOf('/');
    return cut < 0 ? f : f.substring(cut + 1);
  }

  // -- parameters -----------------------------------------------------------------------------------

  /**
   * Skips Pass states at the very start that only set up the input: one whose Result (or literal Parameters)
   * is an object of defaults, and one that merges those with the execution input
   * ({@code States.JsonMerge}, or JSONata {@code $merge}). The defaults declare the parameters. Returns the
   * first state after them.
   */
  private String parameterPrologue(AslMachine.Region root) {
    String cur = root.startAt;
    JsonNode defaults = null;
    String defaultsPath = null;
    boolean merged = false;
    for (int guard = 0; cur != null && guard < 4 && !merged; guard++) {
      AslMachine.State s = root.state(cur);
      if (s == null || !s.type().equals("Pass")) {
        break;
      }
      JsonNode n = s.node();
      JsonNode rp = n.path("ResultPath");
      String base = rp.isTextual() && rp.asText().startsWith("$.") ? rp.asText().substring(1) : "";
      boolean found = false;
      if (n.has("Result") && n.get("Result").isObject() && literalObject(n.get("Result"))) {
        defaults = n.get("Result");
        defaultsPath = base;
        found = true;
      }
      JsonNode params = n.has("Parameters") ? n.get("Parameters") : n.get("Arguments");
      if (params != null && params.isObject()) {
        if (!found && literalObject(params) && params.size() > 0) {
          defaults = params;
          defaultsPath = base;
          found = true;
        } else {
          for (var it = params.fields(); it.hasNext(); ) {
            var e = it.next();
            String key = e.getKey().endsWith(".$") ? e.getKey().substring(0, e.getKey().length() - 2) : e.getKey();
            String text = e.getValue().asText("");
            if (e.getValue().isObject() && !e.getValue().isEmpty() && literalObject(e.getValue())
                && (defaults == null || key.equals("defaults"))) {
              defaults = e.getValue();
              defaultsPath = base + "." + key;
              found = true;
            } else if (text.contains("States.JsonMerge") || text.contains("$merge")) {
              parameterRoot = base + "." + key;
              merged = true;
              found = true;
            } else if (e.getKey().endsWith(".$") && text.equals("$") && n.get("Parameters").size() > 1) {
              found = true; // the execution input kept beside the defaults
            } else if (e.getKey().endsWith(".$") && text.equals("$") && key.equals("parameters")) {
              parameterRoot = base + ".parameters"; // no defaults: the input is the parameters
              merged = true;
              found = true;
            }
          }
        }
      }
      if (!found) {
        break;
      }
      visited.add(cur);
      notes.add(AslImportNote.PASS_KEPT.at(null, "Pass state '" + cur + "' sets up the execution input (parameter"
          + " defaults); read as the pipeline's parameters"));
      cur = s.next().orElse(null);
    }
    if (parameterRoot == null && defaults != null) {
      parameterRoot = defaultsPath; // defaults without a merge: parameters are read where the defaults are
    }
    if (defaults != null) {
      for (var it = defaults.fields(); it.hasNext(); ) {
        var e = it.next();
        declare(e.getKey(), e.getValue());
      }
    }
    return parameterRoot == null ? root.startAt : cur;
  }

  private static boolean literalObject(JsonNode n) {
    if (!n.isObject()) {
      return false;
    }
    for (var it = n.fieldNames(); it.hasNext(); ) {
      if (it.next().endsWith(".$")) {
        return false;
      }
    }
    for (JsonNode v : n) {
      if (v.isTextual() && AslValues.isJsonata(v.asText())) {
        return false;
      }
    }
    return true;
  }

  private void declare(String name, JsonNode defaultValue) {
    if (parameters.containsKey(name)) {
      return;
    }
    Parameter.ParameterType type = Parameter.ParameterType.STRING;
    Optional<Value.Literal> def = Optional.empty();
    if (defaultValue != null && !defaultValue.isNull()) {
      if (defaultValue.isBoolean()) {
        type = Parameter.ParameterType.BOOLEAN;
        def = Optional.of(Value.Literal.of(defaultValue.asBoolean()));
      } else if (defaultValue.isIntegralNumber()) {
        type = Parameter.ParameterType.INTEGER;
        def = Optional.of(Value.Literal.of(defaultValue.asLong()));
      } else if (defaultValue.isNumber()) {
        type = Parameter.ParameterType.FLOAT;
        def = Optional.of(Value.Literal.of(defaultValue.asDouble()));
      } else if (defaultValue.isValueNode()) {
        def = Optional.of(Value.Literal.of(defaultValue.asText()));
      }
    }
    String irName = name;
    if (!PARAMETER_NAME.matcher(name).matches()) {
      irName = ID_CHARS.matcher(name).replaceAll("_");
      irName = !irName.isEmpty() && Character.isLetter(irName.charAt(0)) ? irName : "P" + irName;
    }
    parameters.put(name, new Parameter(irName, type, def, List.of(), Optional.empty()));
  }

  private Value parameter(String name) {
    declare(name, null);
    return new Value.ParameterRef(parameters.get(name).name());
  }

  // -- producers ------------------------------------------------------------------------------------

  private void indexProducers() {
    for (AslMachine.State s : m.all.values()) {
      JsonNode params = s.node().path(s.jsonata() ? "Arguments" : "Parameters");
      if (s.type().equals("Task") && params.path("step").isTextual() && params.path("kind").isTextual()
          && io.pipeshift.ir.StepKind.byYamlName(params.path("kind").asText()).isPresent()
          && io.pipeshift.validate.PipelineValidator.STEP_ID.matcher(params.path("step").asText()).matches()) {
        preferredIds.put(s.name(), params.path("step").asText());
      }
      if (isPropertyRead(s)) {
        propertyReads.put(s.node().path("ResultPath").asText().substring(1), s);
      }
      String rp = s.node().path("ResultPath").asText("");
      if (rp.startsWith("$.") && !s.type().equals("Choice")) {
        producers.put(rp.substring(1), s);
      }
      JsonNode assign = s.node().get("Assign");
      if (assign != null && assign.isObject()) {
        for (var it = assign.fields(); it.hasNext(); ) {
          var e = it.next();
          String key = e.getKey().endsWith(".$") ? e.getKey().substring(0, e.getKey().length() - 2) : e.getKey();
          String v = e.getValue().asText("").strip();
          String path = null;
          if (AslValues.isJsonata(v)) {
            String expr = AslValues.jsonataBody(v);
            if (expr.equals("$states.result") || expr.startsWith("$states.result.")) {
              path = expr.substring("$states.result".length());
            }
          } else if (e.getKey().endsWith(".$") && (v.equals("$") || v.startsWith("$."))) {
            path = v.substring(1);
          }
          if (path != null) {
            variables.put(key, Map.entry(s, path));
          }
        }
      }
    }
  }

  // -- ids ------------------------------------------------------------------------------------------

  private String idFor(AslMachine.State s) {
    return ids.computeIfAbsent(s.name(), n -> {
      String preferred = preferredIds.get(n);
      if (preferred != null && !usedIds.contains(preferred)) {
        usedIds.add(preferred);
        sourceMap.put("steps." + preferred, doc.at(s.pointer()));
        return preferred;
      }
      String id = ID_CHARS.matcher(n.replace(' ', '-')).replaceAll("-");
      if (id.isEmpty() || !Character.isLetter(id.charAt(0))) {
        id = "s-" + id;
      }
      if (id.length() > 128) {
        id = id.substring(0, 128);
      }
      String unique = id;
      for (int k = 2; usedIds.contains(unique); k++) {
        unique = id + "-" + k;
      }
      usedIds.add(unique);
      if (!unique.equals(n)) {
        notes.add(AslImportNote.NAME_CHANGED.at(unique, "state '" + n + "' has id '" + unique
            + "' in the IR (a letter, then letters, digits, - or _); the state name is kept as its display name"));
      }
      sourceMap.put("steps." + unique, doc.at(s.pointer()));
      return unique;
    });
  }

  // -- walking --------------------------------------------------------------------------------------

  /**
   * Walks from {@code start} until {@code stop} (exclusive) or the end of the region, adding steps to
   * {@code out}. Returns the ids the next step must wait for.
   */
  private List<String> chain(AslMachine.Region region, String start, String stop, List<String> preds, List<Draft> out,
      Context ctx, Deque<PendingCatch> catches) {
    String cur = start;
    List<String> current = new ArrayList<>(preds);
    List<AslMachine.State> passes = new ArrayList<>();
    List<String> waitingEntries = new ArrayList<>();
    while (cur != null && !cur.equals(stop)) {
      AslMachine.State s = region.state(cur);
      if (s == null) {
        break;
      }
      if (visited.contains(cur)) {
        if (!entry.containsKey(cur) || isAncestorLoop(cur, out)) {
          notes.add(AslImportNote.LOOP_BROKEN.at(null, "the transition back to state '" + cur + "' makes a loop;"
              + " the IR is a DAG, so the chain stops there (at " + doc.describe(s.pointer()) + ")"));
        } else {
          notes.add(AslImportNote.ERROR_PATH_REJOIN.at(null, "a path runs into state '" + cur + "', which is already"
              + " placed; the IR cannot join two paths there, so this path stops before it"));
        }
        break;
      }
      visited.add(cur);
      waitingEntries.add(cur);
      if (s.type().equals("Task") && isPropertyRead(s)) {
        // a helper that reads a property file for a later condition: its value becomes a property reference
        cur = s.next().orElse(null);
        continue;
      }
      switch (s.type()) {
        case "Pass" -> {
          passes.add(s);
          cur = s.next().orElse(null);
          continue;
        }
        case "Succeed" -> {
          cur = null;
          continue;
        }
        case "Choice" -> {
          Draft d = draft(s, current, passes, ctx);
          passes.clear();
          resolveEntries(waitingEntries, d.id);
          String join = join(region, s, stop);
          d.branches = new ArrayList<>();
          JsonNode choices = s.node().path("Choices");
          AslConditions conditions = new AslConditions(values(d.id, ctx));
          for (int i = 0; i < choices.size(); i++) {
            JsonNode rule = choices.get(i);
            int index = i;
            String ptr = s.pointer() + "/Choices/" + i;
            Condition when = conditions.rule(rule, ptr, s.jsonata()).orElseGet(() -> {
              notes.add(AslImportNote.UNREADABLE_PATH.at(d.id, "choice rule " + index + " (" + rule + ") has no IR"
                  + " condition; read as never true"));
              return AslConditions.constant(false);
            });
            List<Draft> branch = new ArrayList<>();
            chain(region, rule.path("Next").asText(), join, List.of(), branch, ctx, catches);
            d.branches.add(Map.entry(when, branch));
          }
          d.otherwise = new ArrayList<>();
          if (s.node().has("Default")) {
            chain(region, s.node().get("Default").asText(), join, List.of(), d.otherwise, ctx, catches);
          } else {
            notes.add(AslImportNote.NO_DEFAULT.at(d.id, "Choice state '" + s.name() + "' has no Default: the machine"
                + " fails with States.NoChoiceMatched when no rule holds; read as an otherwise branch that fails"));
            Draft fail = new Draft(uniqueId(d.id + "-no-choice"), s);
            fail.spec = new FailSpec(Optional.of(Value.Literal.of("no choice rule matched")), Optional.of("States.NoChoiceMatched"));
            d.otherwise.add(fail);
            drafts.put(fail.id, fail);
          }
          out.add(d);
          current = List.of(d.id);
          cur = join;
          continue;
        }
        case "Parallel" -> {
          parallelStops.put(s.name(), stop);
          List<String> ends = new ArrayList<>();
          int before = out.size();
          JsonNode branches = s.node().path("Branches");
          for (int i = 0; i < branches.size(); i++) {
            AslMachine.Region br = branchRegion(s, i);
            List<String> e = chain(br, br.startAt, null, current, out, ctx, catches);
            for (String x : e) {
              if (!ends.contains(x)) {
                ends.add(x);
              }
            }
          }
          List<Draft> inside = new ArrayList<>(out.subList(before, out.size()));
          if (!passes.isEmpty() && !inside.isEmpty()) {
            keepPasses(inside.get(0), passes);
          }
          passes.clear();
          if (!inside.isEmpty()) {
            resolveEntries(waitingEntries, inside.get(0).id);
          }
          parallelHandlers(s, inside, region, stop, out, ctx, catches);
          current = ends;
          cur = s.next().orElse(null);
          continue;
        }
        case "Map" -> {
          Draft d = draft(s, current, passes, ctx);
          passes.clear();
          resolveEntries(waitingEntries, d.id);
          mapStep(d, s, ctx, catches);
          handlers(d, s, region, stop, out, ctx, catches);
          out.add(d);
          current = List.of(d.id);
          cur = s.next().orElse(null);
          continue;
        }
        default -> {
          Draft d = draft(s, current, passes, ctx);
          passes.clear();
          resolveEntries(waitingEntries, d.id);
          switch (s.type()) {
            case "Task" -> task(d, s, ctx);
            case "Wait" -> waitStep(d, s, ctx);
            case "Fail" -> failStep(d, s, ctx);
            default -> { }
          }
          handlers(d, s, region, stop, out, ctx, catches);
          out.add(d);
          current = List.of(d.id);
          cur = s.type().equals("Fail") ? null : s.next().orElse(null);
        }
      }
    }
    if (!passes.isEmpty()) {
      notes.add(AslImportNote.PASS_KEPT.at(null, "Pass state(s) " + passes.stream().map(AslMachine.State::name).toList()
          + " at the end of a path only reshape data; dropped"));
    }
    return current;
  }

  private boolean isAncestorLoop(String state, List<Draft> out) {
    String id = entry.get(state);
    return out.stream().anyMatch(d -> d.id.equals(id));
  }

  private void resolveEntries(List<String> waiting, String id) {
    for (String w : waiting) {
      entry.putIfAbsent(w, id);
    }
    waiting.clear();
  }

  private String uniqueId(String base) {
    String unique = base;
    for (int k = 2; usedIds.contains(unique); k++) {
      unique = base + "-" + k;
    }
    usedIds.add(unique);
    return unique;
  }

  private Draft draft(AslMachine.State s, List<String> preds, List<AslMachine.State> passes, Context ctx) {
    Draft d = new Draft(idFor(s), s);
    drafts.put(d.id, d);
    d.after.addAll(preds);
    if (!d.id.equals(s.name())) {
      d.displayName = Optional.of(s.name());
    }
    JsonNode comment = s.node().get("Comment");
    if (comment != null && comment.isTextual() && !comment.asText().isEmpty()) {
      d.description = Optional.of(comment.asText());
    }
    keepPasses(d, passes);
    return d;
  }

  private void keepPasses(Draft d, List<AslMachine.State> passes) {
    if (passes.isEmpty()) {
      return;
    }
    for (AslMachine.State p : passes) {
      Map<String, Object> entryMap = new LinkedHashMap<>();
      entryMap.put("before", d.id);
      entryMap.put("state", plain(p.node()));
      passStates.put(p.name(), entryMap);
    }
    notes.add(AslImportNote.PASS_KEPT.at(d.id, "Pass state(s) " + passes.stream().map(AslMachine.State::name).toList()
        + " only reshape data; kept in the pipeline's extensions.asl.passStates"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asl(Draft d) {
    return (Map<String, Object>) d.extensions.computeIfAbsent(FORMAT, k -> new LinkedHashMap<String, Object>());
  }

  static Object plain(JsonNode n) {
    if (n.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      n.fields().forEachRemaining(e -> out.put(e.getKey(), plain(e.getValue())));
      return out;
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>();
      n.elements().forEachRemaining(e -> out.add(plain(e)));
      return out;
    }
    return AslValues.scalar(n);
  }

  private AslMachine.Region branchRegion(AslMachine.State parallel, int i) {
    String ptr = parallel.pointer() + "/Branches/" + i;
    return region(ptr);
  }

  private AslMachine.Region region(String pointer) {
    AslMachine.Region r = m.regions.get(pointer);
    return r != null ? r : new AslMachine.Region(pointer, "", null, false, null);
  }

  /**
   * The state every branch of a Choice that can finish reaches first (before {@code stop}); null when the
   * branches only meet at the end of the region (or fewer than two can finish).
   */
  private String join(AslMachine.Region region, AslMachine.State choice, String stop) {
    List<String> order = topologicalOrder(region, choice.name());
    List<Set<String>> reach = new ArrayList<>();
    for (String t : AslMachine.successors(choice)) {
      Set<String> r = reachable(region, t, stop);
      if (canFinish(region, r, stop)) {
        reach.add(r);
      }
    }
    if (reach.size() < 2) {
      return stop;
    }
    for (String s : order) {
      if (s.equals(choice.name())) {
        continue;
      }
      boolean all = reach.stream().allMatch(r -> r.contains(s));
      if (all) {
        return s;
      }
    }
    return stop;
  }

  private static Set<String> reachable(AslMachine.Region region, String from, String stop) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(from));
    while (!todo.isEmpty()) {
      String s = todo.pop();
      if (!seen.add(s) || s.equals(stop)) {
        continue;
      }
      AslMachine.State st = region.state(s);
      if (st != null) {
        AslMachine.successors(st).forEach(todo::push);
      }
    }
    return seen;
  }

  /** Whether a path from the branch can end normally (Succeed, End, or reaching {@code stop}). */
  private static boolean canFinish(AslMachine.Region region, Set<String> reach, String stop) {
    for (String s : reach) {
      if (s.equals(stop)) {
        return true;
      }
      AslMachine.State st = region.state(s);
      if (st == null) {
        continue;
      }
      if (st.type().equals("Succeed") || st.node().path("End").asBoolean(false)) {
        return true;
      }
    }
    return false;
  }

  /** States of the region in topological order from {@code from} (back edges ignored). */
  private static List<String> topologicalOrder(AslMachine.Region region, String from) {
    List<String> post = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> onStack = new HashSet<>();
    Deque<Map.Entry<String, java.util.Iterator<String>>> stack = new ArrayDeque<>();
    seen.add(from);
    onStack.add(from);
    stack.push(Map.entry(from, successorsOf(region, from).iterator()));
    while (!stack.isEmpty()) {
      var top = stack.peek();
      if (top.getValue().hasNext()) {
        String n = top.getValue().next();
        if (!seen.contains(n)) {
          seen.add(n);
          onStack.add(n);
          stack.push(Map.entry(n, successorsOf(region, n).iterator()));
        }
      } else {
        stack.pop();
        onStack.remove(top.getKey());
        post.add(top.getKey());
      }
    }
    java.util.Collections.reverse(post);
    return post;
  }

  private static List<String> successorsOf(AslMachine.Region region, String name) {
    AslMachine.State s = region.state(name);
    return s == null ? List.of() : AslMachine.successors(s);
  }

  // -- error handling -------------------------------------------------------------------------------

  private void handlers(Draft d, AslMachine.State s, AslMachine.Region region, String stop, List<Draft> out, Context ctx,
      Deque<PendingCatch> catches) {
    d.retry = AslErrors.retry(d.id, s.node().get("Retry"), notes::add);
    JsonNode timeout = s.node().get("TimeoutSeconds");
    if (timeout != null && timeout.isIntegralNumber()) {
      d.timeout = Optional.of(Duration.ofSeconds(timeout.asLong()));
    } else if (s.node().has("TimeoutSecondsPath") || (timeout != null && !timeout.isIntegralNumber())) {
      notes.add(AslImportNote.FIELD_IGNORED.at(d.id, "a timeout read at run time has no IR form; dropped"));
    }
    JsonNode catchers = s.node().get("Catch");
    if (catchers != null) {
      for (int i = 0; i < catchers.size(); i++) {
        JsonNode c = catchers.get(i);
        catches.add(new PendingCatch(d, AslErrors.classes(c.path("ErrorEquals")), c.path("Next").asText(), region, stop,
            out, ctx, s.pointer() + "/Catch/" + i));
      }
    }
  }

  /** Retry, Catch and timeout of a Parallel apply to the steps it holds (the IR has no parallel group). */
  private void parallelHandlers(AslMachine.State s, List<Draft> inside, AslMachine.Region region, String stop,
      List<Draft> out, Context ctx, Deque<PendingCatch> catches) {
    if (s.node().has("Retry")) {
      notes.add(AslImportNote.PARALLEL_RETRY.at(null, "Parallel state '" + s.name() + "' retries all its branches"
          + " together; the IR has no group retry, so each step inside without its own retry gets it"));
      for (Draft d : inside) {
        if (d.retry.isEmpty() && d.spec != null && !(d.spec instanceof ConditionSpec)) {
          d.retry = AslErrors.retry(d.id, s.node().get("Retry"), x -> { });
        }
      }
    }
    JsonNode catchers = s.node().get("Catch");
    Set<String> relayed = relayedErrors(s);
    if (catchers != null) {
      for (int i = 0; i < catchers.size(); i++) {
        JsonNode c = catchers.get(i);
        boolean relayOnly = c.path("ErrorEquals").size() > 0;
        for (JsonNode e : c.path("ErrorEquals")) {
          relayOnly &= relayed.contains(e.asText());
        }
        if (relayOnly) {
          continue; // reached only through the relay Fail states of the branches (see drainCatches)
        }
        for (Draft d : inside) {
          catches.add(new PendingCatch(d, AslErrors.classes(c.path("ErrorEquals")), c.path("Next").asText(), region,
              stop, out, ctx, s.pointer() + "/Catch/" + i));
        }
      }
    }
    if (s.node().has("TimeoutSeconds")) {
      notes.add(AslImportNote.FIELD_IGNORED.at(null, "TimeoutSeconds of Parallel state '" + s.name()
          + "' has no IR form (no group timeout); dropped"));
    }
  }

  /** Builds every handler chain once the main chains are placed, so handlers never claim main-path states. */
  private void drainCatches(Deque<PendingCatch> catches) {
    while (!catches.isEmpty()) {
      PendingCatch c = relay(catches.poll());
      String handler = entry.get(c.next());
      if (handler == null && !visited.contains(c.next())) {
        int before = c.out().size();
        chain(c.region(), c.next(), c.stop(), List.of(), c.out(), c.ctx(), catches);
        handler = entry.get(c.next());
        if (handler == null && c.out().size() > before) {
          handler = c.out().get(before).id;
        }
      }
      if (handler == null) {
        notes.add(AslImportNote.CATCH_WITHOUT_HANDLER.at(c.owner().id, "catch of " + c.errors() + " continues at '"
            + c.next() + "', which does no work the IR can name (the error is swallowed there); dropped"));
        continue;
      }
      if (c.out().stream().noneMatch(d -> d.id.equals(c.owner().id))) {
        continue;
      }
      final String h = handler;
      boolean same = c.owner().catches.stream().anyMatch(x -> x.handler().equals(h));
      if (!same) {
        c.owner().catches.add(new CatchClause(c.errors(), handler));
      } else {
        for (int i = 0; i < c.owner().catches.size(); i++) {
          CatchClause x = c.owner().catches.get(i);
          if (x.handler().equals(h)) {
            List<ErrorClass> merged = new ArrayList<>(x.errors());
            c.errors().stream().filter(e -> !merged.contains(e)).forEach(merged::add);
            c.owner().catches.set(i, new CatchClause(merged, h));
          }
        }
      }
    }
  }

  /**
   * A catcher inside a Parallel branch can only go to a state of that branch; to reach a handler outside,
   * a machine raises a new error in a Fail state that the Parallel catches. Such a catch goes straight to
   * the Parallel's handler (possibly through several levels).
   */
  private PendingCatch relay(PendingCatch c) {
    PendingCatch cur = c;
    for (int guard = 0; guard < 16; guard++) {
      AslMachine.State target = cur.region().state(cur.next());
      AslMachine.State parallel = cur.region().owner;
      if (target == null || !target.type().equals("Fail") || parallel == null || !parallel.type().equals("Parallel")) {
        return cur;
      }
      String error = target.node().path("Error").asText("");
      JsonNode outer = null;
      for (JsonNode catcher : parallel.node().path("Catch")) {
        for (JsonNode e : catcher.path("ErrorEquals")) {
          if (e.asText().equals(error)) {
            outer = catcher;
          }
        }
        if (outer != null) {
          break;
        }
      }
      if (outer == null) {
        return cur;
      }
      cur = new PendingCatch(cur.owner(), cur.errors(), outer.path("Next").asText(), parallel.region(),
          parallelStops.get(parallel.name()), cur.out(), cur.ctx(), cur.pointer());
    }
    return cur;
  }

  /** Errors raised by Fail states of a Parallel's branches that inner catchers lead to (relays). */
  private Set<String> relayedErrors(AslMachine.State parallel) {
    Set<String> out = new HashSet<>();
    List<AslMachine.State> inside = new ArrayList<>();
    for (int i = 0; i < parallel.node().path("Branches").size(); i++) {
      inside.addAll(region(parallel.pointer() + "/Branches/" + i).states.values());
    }
    for (AslMachine.State s : inside) {
      AslMachine.Region r = s.region();
      for (JsonNode catcher : s.node().path("Catch")) {
        AslMachine.State target = r.state(catcher.path("Next").asText(""));
        if (target != null && target.type().equals("Fail") && target.node().path("Error").isTextual()) {
          out.add(target.node().path("Error").asText());
        }
      }
    }
    return out;
  }

  /** An S3 GetObject whose body is parsed as JSON into the document: a property-file read. */
  private static boolean isPropertyRead(AslMachine.State s) {
    return s.type().equals("Task")
        && s.node().path("Resource").asText("").endsWith(":states:::aws-sdk:s3:getObject")
        && s.node().path("ResultSelector").path("value.$").asText("").startsWith("States.StringToJson(")
        && s.node().path("ResultPath").asText("").startsWith("$.");
  }

  private static final Pattern PROPERTY_COMMENT = Pattern.compile(".*property file '([^']+)' of '([^']+)'.*");

  /**
   * A read of a property file: the processing step upstream whose output folder holds the file (by its S3
   * location) declares the file, and the value is a property reference.
   */
  private Value property(String owner, AslMachine.State read, String rest, String pointer) {
    JsonNode params = read.node().path("Parameters");
    String bucket = params.path("Bucket").asText("");
    String key = params.path("Key").asText("");
    String uri = "s3://" + bucket + "/" + key;
    if (!rest.startsWith("value")) {
      return unreadableOutput(owner, read, rest, pointer);
    }
    String path = rest.equals("value") ? "" : rest.substring("value.".length());
    for (Draft d : drafts.values()) {
      if (!(d.spec instanceof io.pipeshift.ir.kinds.ProcessingSpec p)) {
        continue;
      }
      for (io.pipeshift.ir.kinds.ProcessingSpec.ProcessingOutput o : p.outputs()) {
        if (o.destination() instanceof Value.Literal l) {
          String dir = l.asText().endsWith("/") ? l.asText() : l.asText() + "/";
          if (uri.startsWith(dir)) {
            java.util.regex.Matcher named = PROPERTY_COMMENT.matcher(read.node().path("Comment").asText(""));
            String file = named.matches() && named.group(2).equals(d.id) ? named.group(1) : o.name();
            String filePath = uri.substring(dir.length());
            if (p.propertyFiles().stream().noneMatch(f -> f.name().equals(file))) {
              List<io.pipeshift.ir.kinds.ProcessingSpec.PropertyFile> files = new ArrayList<>(p.propertyFiles());
              files.add(new io.pipeshift.ir.kinds.ProcessingSpec.PropertyFile(file, o.name(), filePath));
              d.spec = new io.pipeshift.ir.kinds.ProcessingSpec(p.image(), p.instanceType(), p.instanceCount(),
                  p.volumeSizeGb(), p.entrypoint(), p.arguments(), p.environment(), p.inputs(), p.outputs(), files,
                  p.role(), p.maxRuntime());
            }
            return new Value.PropertyRef(d.id, file, undotted(path));
          }
        }
      }
    }
    return unreadableOutput(owner, read, rest, pointer);
  }

  /** A JSONPath suffix back to the IR's dotted path: {@code a['b-c'][0]} -> {@code a.b-c.0}. */
  static String undotted(String jsonPath) {
    String p = jsonPath.startsWith("$") ? jsonPath.substring(1) : jsonPath;
    StringBuilder out = new StringBuilder();
    java.util.regex.Matcher seg = Pattern.compile("\\.([A-Za-z0-9_-]+)|\\['((?:[^'\\\\]|\\\\.)*)']|\\[(\\d+)]|^([A-Za-z0-9_-]+)").matcher(p);
    int at = 0;
    while (seg.find() && seg.start() == at) {
      String part = seg.group(1) != null ? seg.group(1) : seg.group(2) != null
          ? seg.group(2).replace("\\'", "'").replace("\\\\", "\\") : seg.group(3) != null ? seg.group(3) : seg.group(4);
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(part);
      at = seg.end();
    }
    return at == p.length() ? out.toString() : p.startsWith(".") ? p.substring(1) : p;
  }

  // -- state kinds ----------------------------------------------------------------------------------

  private void task(Draft d, AslMachine.State s, Context ctx) {
    String resource = s.node().path("Resource").asText();
    boolean jsonata = s.jsonata();
    String argsKey = jsonata ? "Arguments" : "Parameters";
    AslValues values = values(d.id, ctx);
    JsonNode argsNode = s.node().get(argsKey);
    if (argsNode != null && argsNode.isObject() && resource.contains(":states:::sagemaker:")) {
      // the job name is made fresh per run (e.g. with States.UUID()); the IR names jobs by step
      argsNode = argsNode.deepCopy();
      for (String name : JOB_NAME_FIELDS) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) argsNode).remove(List.of(name, name + ".$"));
      }
    }
    Map<String, Object> args = argsNode != null ? values.map(argsNode, s.pointer() + "/" + argsKey, jsonata)
        : new LinkedHashMap<>();
    List<String> outputs = new ArrayList<>();
    JsonNode selector = s.node().get("ResultSelector");
    if (selector != null && selector.isObject()) {
      selector.fieldNames().forEachRemaining(k -> outputs.add(k.endsWith(".$") ? k.substring(0, k.length() - 2) : k));
    }
    Optional<AslTasks.Mapped> mapped = new AslTasks(this::literalFor).map(resource, args, outputs);
    if (mapped.isPresent()) {
      d.spec = mapped.get().spec();
      if (!mapped.get().dropped().isEmpty()) {
        notes.add(AslImportNote.REQUEST_FIELD_DROPPED.at(d.id, "not kept: " + String.join("; ", mapped.get().dropped())));
      }
      if (!mapped.get().waits()) {
        notes.add(AslImportNote.NOT_WAITED.at(d.id, "the task starts '" + resource + "' without waiting for it (no"
            + " .sync); the IR step waits for completion"));
      }
    } else if (args.get("kind") instanceof String kind && args.get("step") instanceof String
        && io.pipeshift.ir.StepKind.byYamlName(kind).isPresent()) {
      // an activity written by pipeshift: its parameters are the step's own fields
      Map<String, Object> fields = new LinkedHashMap<>(args);
      fields.remove("step");
      fields.remove("kind");
      try {
        d.spec = new io.pipeshift.yaml.PipelineReader().readSpec(doc.file(), kind, fields);
        notes.add(AslImportNote.ACTIVITY_RESTORED.at(d.id, "activity task carries a " + kind + " step's fields;"
            + " read back as " + kind));
        return;
      } catch (io.pipeshift.diag.InvalidInputException e) {
        notes.add(AslImportNote.UNKNOWN_RESOURCE.at(d.id, "activity task names kind '" + kind + "' but its fields do not"
            + " bind (" + e.diagnostics().get(0).message() + "); kept verbatim as an external step"));
      }
      d.spec = new ExternalSpec(FORMAT, resource, rawParameters(s, argsKey));
      return;
    } else {
      d.spec = new ExternalSpec(FORMAT, resource, rawParameters(s, argsKey));
      List<String> dropped = new ArrayList<>();
      s.node().fieldNames().forEachRemaining(k -> {
        if (!Set.of("Type", "Resource", "Next", "End", "Retry", "Catch", "TimeoutSeconds", "Comment", argsKey).contains(k)) {
          dropped.add(k);
        }
      });
      notes.add(AslImportNote.UNKNOWN_RESOURCE.at(d.id, "resource '" + resource + "' has no IR kind; kept verbatim as an"
          + " external step (its " + argsKey + ")" + (dropped.isEmpty() ? "" : "; not kept: " + dropped)));
      return;
    }
    // fields the ASL emitter copies back into the state as they are; the data layout (ResultPath,
    // ResultSelector, InputPath, OutputPath, Assign, Output) is the emitter's own and is not kept
    for (String key : List.of("HeartbeatSeconds", "Credentials")) {
      if (s.node().has(key)) {
        asl(d).put(key, plain(s.node().get(key)));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> rawParameters(AslMachine.State s, String key) {
    JsonNode params = s.node().get(key);
    return params != null && params.isObject() ? (Map<String, Object>) plain(params) : Map.of();
  }

  private void waitStep(Draft d, AslMachine.State s, Context ctx) {
    JsonNode n = s.node();
    if (n.has("Seconds") && n.get("Seconds").isIntegralNumber()) {
      d.spec = new WaitSpec(Optional.of(Duration.ofSeconds(n.get("Seconds").asLong())), Optional.empty());
    } else if (n.has("Timestamp") && n.get("Timestamp").isTextual() && !AslValues.isJsonata(n.get("Timestamp").asText())) {
      d.spec = new WaitSpec(Optional.empty(), Optional.of(n.get("Timestamp").asText()));
    } else {
      notes.add(AslImportNote.FIELD_IGNORED.at(d.id, "a wait time read at run time (SecondsPath, TimestampPath or"
          + " JSONata) has no IR form; read as a zero-second wait"));
      d.spec = new WaitSpec(Optional.of(Duration.ZERO), Optional.empty());
    }
  }

  private void failStep(Draft d, AslMachine.State s, Context ctx) {
    JsonNode n = s.node();
    AslValues values = values(d.id, ctx);
    Optional<Value> message = Optional.empty();
    if (n.has("Cause")) {
      String cause = n.get("Cause").asText();
      message = Optional.of(s.jsonata() && AslValues.isJsonata(cause) ? values.jsonata(cause, s.pointer() + "/Cause")
          : Value.Literal.of(cause));
    } else if (n.has("CausePath")) {
      message = Optional.of(values.path(n.get("CausePath").asText(), s.pointer() + "/CausePath"));
    }
    Optional<String> error = n.has("Error") && n.get("Error").isTextual() && !AslValues.isJsonata(n.get("Error").asText())
        ? Optional.of(n.get("Error").asText()) : Optional.empty();
    d.spec = new FailSpec(message, error);
  }

  private void mapStep(Draft d, AslMachine.State s, Context ctx, Deque<PendingCatch> outerCatches) {
    JsonNode n = s.node();
    AslValues values = values(d.id, ctx);
    List<Object> items = new ArrayList<>();
    Optional<Value> itemsFrom = Optional.empty();
    if (n.has("Items") && n.get("Items").isArray()) {
      n.get("Items").forEach(x -> items.add(plain(x)));
    } else if (n.has("Items") && n.get("Items").isTextual()) {
      itemsFrom = Optional.of(values.jsonata(n.get("Items").asText(), s.pointer() + "/Items"));
    } else {
      String path = n.path("ItemsPath").asText("$");
      AslMachine.State pass = path.startsWith("$.") ? producers.get(path.substring(1)) : null;
      if (pass != null && pass.type().equals("Pass") && pass.node().path("Result").isArray()) {
        pass.node().get("Result").forEach(x -> items.add(plain(x))); // literal items set just before the Map
      } else {
        itemsFrom = Optional.of(values.path(path, s.pointer() + "/ItemsPath"));
      }
    }
    int maxConcurrency = n.path("MaxConcurrency").asInt(0);
    Map<String, Object> selector = null;
    String selectorKey = n.has("ItemSelector") ? "ItemSelector" : n.has("Parameters") ? "Parameters" : null;
    if (selectorKey != null) {
      // the selector reads the Map's own input with $, and the item with $$.Map.Item.Value; entries that
      // pass a field of the input through unchanged ("parameters.$": "$.parameters") are read as before
      com.fasterxml.jackson.databind.node.ObjectNode kept = n.get(selectorKey).deepCopy();
      List<String> through = new ArrayList<>();
      kept.fields().forEachRemaining(e -> {
        String k = e.getKey().endsWith(".$") ? e.getKey().substring(0, e.getKey().length() - 2) : e.getKey();
        if (e.getKey().endsWith(".$") && e.getValue().asText("").equals("$." + k)) {
          through.add(e.getKey());
        }
      });
      through.forEach(kept::remove);
      AslValues selecting = values(d.id, new Context(s, null, true));
      selector = selecting.map(kept, s.pointer() + "/" + selectorKey, s.jsonata());
    }
    String bodyKey = n.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
    AslMachine.Region body = region(s.pointer() + "/" + bodyKey);
    List<Draft> steps = new ArrayList<>();
    Deque<PendingCatch> bodyCatches = new ArrayDeque<>();
    chain(body, body.startAt, null, List.of(), steps, new Context(s, selector, false), bodyCatches);
    drainCatches(bodyCatches);
    d.body = steps;
    d.spec = new ForEachSpec(items, itemsFrom, maxConcurrency, List.of());
    for (String key : List.of("ItemReader", "ItemBatcher", "ResultWriter", "ToleratedFailurePercentage",
        "ToleratedFailureCount", "Label")) {
      if (n.has(key)) {
        asl(d).put(key, plain(n.get(key)));
      }
    }
  }

  private Optional<String> literalFor(Value v) {
    if (v instanceof Value.ParameterRef p) {
      for (Parameter q : parameters.values()) {
        if (q.name().equals(p.name())) {
          return q.defaultValue().map(Value.Literal::asText);
        }
      }
    }
    return Optional.empty();
  }

  // -- values ---------------------------------------------------------------------------------------

  private AslValues values(String owner, Context ctx) {
    return new AslValues(new AslValues.Scope() {
      @Override
      public Value inputPath(String path, String pointer) {
        // 1. a result written earlier in the same Map body, 2. the current Map item, 3. any earlier result
        AslMachine.Region body = ctx.map() == null || ctx.selecting() ? null : region(ctx.map().pointer()
            + (ctx.map().node().has("ItemProcessor") ? "/ItemProcessor" : "/Iterator"));
        String best = body == null ? null : longestProducer(path, body);
        if (best == null && ctx.map() != null && !ctx.selecting()) {
          Optional<Value> item = itemPath(path, ctx);
          if (item.isPresent()) {
            return item.get();
          }
        }
        if (best == null) {
          best = longestProducer(path, null);
        }
        if (best != null) {
          AslMachine.State producer = producers.get(best);
          String rest = path.substring(best.length());
          return output(owner, producer, rest.startsWith(".") ? rest.substring(1) : rest, pointer);
        }
        // 3. a parameter
        if (parameterRoot != null) {
          String prefix = parameterRoot.isEmpty() ? "" : parameterRoot;
          if (path.startsWith(prefix + ".")) {
            String name = path.substring(prefix.length() + 1);
            if (!name.contains(".") && !name.contains("[")) {
              return parameter(name);
            }
          }
        } else if (path.matches("\\.[A-Za-z_][A-Za-z0-9_]*")) {
          return parameter(path.substring(1));
        }
        return unreadable("$" + path, pointer);
      }

      @Override
      public Value variable(String name, String rest, String pointer) {
        Map.Entry<AslMachine.State, String> v = variables.get(name);
        if (v == null) {
          if (name.equals("params") || name.equals("parameters") || (parameterRoot != null && parameterRoot.equals("." + name))) {
            return rest.contains(".") ? unreadable("$" + name + "." + rest, pointer) : parameter(rest);
          }
          return unreadable("$" + name + (rest.isEmpty() ? "" : "." + rest), pointer);
        }
        String path = v.getValue();
        String full = (path.startsWith(".") ? path.substring(1) : path);
        full = full.isEmpty() ? rest : rest.isEmpty() ? full : full + "." + rest;
        return output(owner, v.getKey(), full, pointer);
      }

      @Override
      public Value parameter(String name) {
        return AslReader.this.parameter(name);
      }

      @Override
      public Optional<Value> item(String path) {
        if (ctx.map() == null) {
          return Optional.empty();
        }
        return Optional.of(new Value.ItemRef(path));
      }

      @Override
      public Value unreadable(String text, String pointer) {
        notes.add(AslImportNote.UNREADABLE_PATH.at(owner, "the reference " + text + " cannot be followed into the IR;"
            + " kept as its text (at " + doc.describe(pointer) + ")"));
        return Value.Literal.of(text.startsWith("{%") ? text : "${" + text + "}");
      }
    });
  }

  /** The longest ResultPath that prefixes {@code path}, among producers inside {@code within} (null: all). */
  private String longestProducer(String path, AslMachine.Region within) {
    // the prefixes of the path that end at a segment boundary, longest first: one lookup each
    for (int end = path.length(); end > 0; end--) {
      if (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
        continue;
      }
      AslMachine.State p = producers.get(path.substring(0, end));
      if (p != null && (within == null || inside(p.region(), within))) {
        return path.substring(0, end);
      }
    }
    return null;
  }

  private static boolean inside(AslMachine.Region r, AslMachine.Region within) {
    for (AslMachine.Region x = r; x != null; x = x.parent) {
      if (x == within) {
        return true;
      }
    }
    return false;
  }

  /** A path into a Map iteration's input: the item itself, or a field the ItemSelector set. */
  private static Optional<Value> itemPath(String path, Context ctx) {
    if (ctx.itemSelector() == null) {
      if (path.isEmpty()) {
        return Optional.of(new Value.ItemRef(""));
      }
      return Optional.of(new Value.ItemRef(path.startsWith(".") ? path.substring(1) : path));
    }
    String p = path.startsWith(".") ? path.substring(1) : path;
    int dot = p.indexOf('.');
    String key = dot < 0 ? p : p.substring(0, dot);
    String rest = dot < 0 ? "" : p.substring(dot + 1);
    Object v = ctx.itemSelector().get(key);
    if (v instanceof Value.ItemRef item) {
      String inner = item.path().isEmpty() ? rest : rest.isEmpty() ? item.path() : item.path() + "." + rest;
      return Optional.of(new Value.ItemRef(inner));
    }
    if (v instanceof Value value && rest.isEmpty()) {
      return Optional.of(value);
    }
    if (v != null && !(v instanceof Map<?, ?>) && rest.isEmpty()) {
      return AslValues.asValue(v);
    }
    return Optional.empty();
  }

  /** The IR output of {@code producer} that a path into its result names. */
  private Value output(String owner, AslMachine.State producer, String rest, String pointer) {
    if (isPropertyRead(producer)) {
      return property(owner, producer, rest, pointer);
    }
    if (producer.type().equals("Pass")) {
      JsonNode result = producer.node().has("Result") ? producer.node().path("Result") : null;
      if (result != null) {
        JsonNode at = rest.isEmpty() ? result : result.at("/" + rest.replace(".", "/"));
        if (at.isValueNode()) {
          return AslValues.asValue(AslValues.scalar(at)).orElse(Value.Literal.of(at.asText()));
        }
      } else if (producer.node().path("Parameters").isObject() && computingPass.add(producer.pointer())) {
        // a Pass that computes a value (a message, a list) for a later state: that value is what is read.
        // (A Pass whose Parameters read its own result, directly or through others, is unreadable.)
        Object tree;
        try {
          tree = values(owner, Context.TOP).tree(producer.node().get("Parameters"),
              producer.pointer() + "/Parameters", producer.jsonata());
        } finally {
          computingPass.remove(producer.pointer());
        }
        for (String seg : rest.isEmpty() ? new String[0] : rest.split("\\.")) {
          tree = tree instanceof Map<?, ?> mm ? mm.get(seg) : null;
        }
        if (tree instanceof Value v) {
          return v;
        }
        Optional<Value> leaf = tree == null ? Optional.empty() : AslValues.asValue(tree);
        if (leaf.isPresent()) {
          return leaf.get();
        }
      }
      return unreadableOutput(owner, producer, rest, pointer);
    }
    if (producer.type().equals("Parallel")) {
      java.util.regex.Matcher mm = Pattern.compile("\\[(\\d+)](?:\\.(.*))?").matcher(rest);
      if (mm.matches()) {
        AslMachine.Region br = branchRegion(producer, Integer.parseInt(mm.group(1)));
        String inner = mm.group(2) == null ? "" : mm.group(2);
        String best = null;
        for (String rp : producers.keySet()) {
          AslMachine.State p = producers.get(rp);
          if (p.region() == br && ("." + inner).startsWith(rp) && (best == null || rp.length() > best.length())) {
            best = rp;
          }
        }
        if (best != null) {
          String r = ("." + inner).substring(best.length());
          return output(owner, producers.get(best), r.startsWith(".") ? r.substring(1) : r, pointer);
        }
      }
      return unreadableOutput(owner, producer, rest, pointer);
    }
    String id = idFor(producer);
    String resource = producer.node().path("Resource").asText("");
    String action = AslTasks.integration(resource).map(AslTasks.Integration::action).orElse("");
    boolean selector = producer.node().has("ResultSelector");
    String name;
    if (selector) {
      int dot = rest.indexOf('.');
      name = dot < 0 ? rest : rest.substring(0, dot);
      String mappedName = selectorOutput(action, producer.node().get("ResultSelector"), name);
      name = mappedName != null ? mappedName : name;
    } else {
      name = resultOutput(action, resource, producer, rest);
    }
    if (name == null || name.isEmpty()) {
      return unreadableOutput(owner, producer, rest, pointer);
    }
    Draft made = drafts.get(id);
    if (made != null && made.spec != null && !(made.spec instanceof io.pipeshift.ir.kinds.LambdaSpec)
        && !(made.spec instanceof io.pipeshift.ir.kinds.CallbackSpec) && made.spec.outputNames().isPresent()
        && !made.spec.outputNames().get().contains(name)) {
      return unreadableOutput(owner, producer, rest, pointer);
    }
    outputsRead.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(name);
    return new Value.StepOutputRef(id, name);
  }

  /** A ResultSelector key stands for an output; a SageMaker job's selector path names its standard output. */
  private static String selectorOutput(String action, JsonNode selector, String key) {
    JsonNode path = selector.get(key + ".$");
    if (path == null || !path.isTextual()) {
      return null;
    }
    String text = path.asText();
    if (action.equals("createModel")) {
      return "model-name";
    }
    if (action.equals("createHyperParameterTuningJob") && text.contains("output/model.tar.gz")) {
      return "best-model";
    }
    String standard = standardOutput(action, text.startsWith("$.") ? text.substring(2) : text, null);
    if (standard != null) {
      return standard;
    }
    if (text.startsWith("$.Payload") && (action.equals("invoke") || action.isEmpty())) {
      return undotted(text.substring("$.Payload".length()));
    }
    return text.startsWith("$") ? undotted(text) : null;
  }

  /** The IR output name for a path into a task's raw result. */
  private static String resultOutput(String action, String resource, AslMachine.State producer, String rest) {
    String standard = standardOutput(action, rest, producer);
    if (standard != null) {
      return standard;
    }
    if (action.equals("invoke") || LAMBDA_RESULT.matcher(resource).matches()) {
      return rest.startsWith("Payload.") ? rest.substring("Payload.".length()) : rest;
    }
    return rest;
  }

  private static final Pattern LAMBDA_RESULT = Pattern.compile("arn:[a-z-]+:lambda:.*");

  private static String standardOutput(String action, String path, AslMachine.State producer) {
    switch (action) {
      case "createTrainingJob" -> {
        return path.equals("ModelArtifacts.S3ModelArtifacts") ? "model" : null;
      }
      case "createTransformJob" -> {
        return path.equals("TransformOutput.S3OutputPath") ? "output" : null;
      }
      case "createHyperParameterTuningJob" -> {
        return path.equals("BestTrainingJob.TrainingJobName") ? "best-training-job" : null;
      }
      case "createModel" -> {
        return path.equals("ModelName") || path.equals("ModelArn") ? "model-name" : null;
      }
      case "createModelPackage" -> {
        return path.equals("ModelPackageArn") ? "model-package-arn" : null;
      }
      case "createProcessingJob" -> {
        java.util.regex.Matcher mm = Pattern.compile("ProcessingOutputConfig\\.Outputs\\[(\\d+)]\\.S3Output\\.S3Uri").matcher(path);
        if (mm.matches() && producer != null) {
          JsonNode outs = producer.node().path("Parameters").path("ProcessingOutputConfig").path("Outputs");
          if (outs.isMissingNode()) {
            outs = producer.node().path("Arguments").path("ProcessingOutputConfig").path("Outputs");
          }
          JsonNode o = outs.path(Integer.parseInt(mm.group(1)));
          return o.path("OutputName").asText(null);
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  private Value unreadableOutput(String owner, AslMachine.State producer, String rest, String pointer) {
    notes.add(AslImportNote.UNREADABLE_PATH.at(owner, "the result field '" + rest + "' of state '" + producer.name()
        + "' has no IR output name; kept as text (at " + doc.describe(pointer) + ")"));
    return Value.Literal.of("${" + producer.name() + (rest.isEmpty() ? "" : "." + rest) + "}");
  }

  /**
   * A machine passes an output that is known when it is written (the S3 folder a processing step was told
   * to write to, a transform's output path) as that text, not as a reference. Where a later step uses exactly
   * that text and the producer runs before it, the value is read back as the producer's output.
   */
  private void recoverKnownOutputs(List<Draft> top) {
    Map<String, List<String[]>> known = new HashMap<>();
    for (Draft d : drafts.values()) {
      if (d.spec instanceof io.pipeshift.ir.kinds.ProcessingSpec p) {
        for (io.pipeshift.ir.kinds.ProcessingSpec.ProcessingOutput o : p.outputs()) {
          if (o.destination() instanceof Value.Literal l) {
            known.computeIfAbsent(l.asText(), k -> new ArrayList<>()).add(new String[] {d.id, o.name()});
          }
        }
      } else if (d.spec instanceof io.pipeshift.ir.kinds.TransformSpec t && t.outputPath() instanceof Value.Literal l) {
        known.computeIfAbsent(l.asText(), k -> new ArrayList<>()).add(new String[] {d.id, "output"});
      }
    }
    if (known.isEmpty()) {
      return;
    }
    Map<String, Draft> containerOf = new HashMap<>();
    indexContainers(top, null, containerOf);
    for (Draft d : drafts.values()) {
      if (d.spec == null) {
        continue;
      }
      d.spec = io.pipeshift.ir.References.mapValues(d.spec, v -> {
        if (v instanceof Value.Literal l && l.value() instanceof String text && known.containsKey(text)) {
          for (String[] producer : known.get(text)) {
            if (!producer[0].equals(d.id) && runsBefore(producer[0], d, containerOf)) {
              return new Value.StepOutputRef(producer[0], producer[1]);
            }
          }
        }
        return v;
      });
    }
  }

  private static void indexContainers(List<Draft> list, Draft container, Map<String, Draft> out) {
    for (Draft d : list) {
      if (container != null) {
        out.put(d.id, container);
      }
      if (d.branches != null) {
        d.branches.forEach(b -> indexContainers(b.getValue(), d, out));
        indexContainers(d.otherwise, d, out);
      }
      if (d.body != null) {
        indexContainers(d.body, d, out);
      }
    }
  }

  /** Whether {@code producer} is upstream of {@code d} in d's list or in a list enclosing it. */
  private boolean runsBefore(String producer, Draft d, Map<String, Draft> containerOf) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    for (Draft x = d; x != null; x = containerOf.get(x.id)) {
      todo.addAll(x.after);
    }
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (id.equals(producer)) {
        return true;
      }
      Draft x = drafts.get(id);
      if (seen.add(id) && x != null) {
        todo.addAll(x.after);
      }
    }
    return false;
  }

  // -- building -------------------------------------------------------------------------------------

  private List<Step> build(List<Draft> list) {
    List<Step> out = new ArrayList<>();
    for (Draft d : list) {
      StepSpec spec = d.spec;
      if (d.branches != null) {
        List<ConditionSpec.Branch> branches = new ArrayList<>();
        for (Map.Entry<Condition, List<Draft>> b : d.branches) {
          branches.add(new ConditionSpec.Branch(b.getKey(), build(b.getValue())));
        }
        spec = new ConditionSpec(branches, build(d.otherwise));
      } else if (d.body != null) {
        ForEachSpec f = (ForEachSpec) d.spec;
        spec = new ForEachSpec(f.items(), f.itemsFrom(), f.maxConcurrency(), build(d.body));
      }
      spec = withOutputs(d.id, spec);
      List<String> after = new ArrayList<>(new LinkedHashSet<>(d.after));
      after.remove(d.id);
      out.add(new Step(d.id, spec, d.displayName, d.description, after, d.retry, d.catches, d.timeout, Optional.empty(),
          Immutables.treeMap(d.extensions)));
    }
    return out;
  }

  /** Lambda and callback steps declare the outputs other steps read. */
  private StepSpec withOutputs(String id, StepSpec spec) {
    Set<String> read = outputsRead.getOrDefault(id, Set.of());
    if (read.isEmpty()) {
      return spec;
    }
    if (spec instanceof io.pipeshift.ir.kinds.LambdaSpec l) {
      List<String> outs = new ArrayList<>(l.outputs());
      read.stream().filter(n -> !outs.contains(n)).forEach(outs::add);
      return new io.pipeshift.ir.kinds.LambdaSpec(l.function(), l.payload(), outs);
    }
    if (spec instanceof io.pipeshift.ir.kinds.CallbackSpec c) {
      List<String> outs = new ArrayList<>(c.outputs());
      read.stream().filter(n -> !outs.contains(n)).forEach(outs::add);
      return new io.pipeshift.ir.kinds.CallbackSpec(c.queueUrl(), c.payload(), outs);
    }
    return spec;
  }
}
