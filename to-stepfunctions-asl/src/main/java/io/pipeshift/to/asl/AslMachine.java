package io.pipeshift.to.asl;

import io.pipeshift.document.CompactJson;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.graph.ErrorPaths;
import io.pipeshift.graph.SeriesParallelDecomposition;
import io.pipeshift.graph.SeriesParallelTree;
import io.pipeshift.graph.StepGraph;
import io.pipeshift.graph.SyncEdge;
import io.pipeshift.ir.CatchClause;
import io.pipeshift.ir.ErrorClass;
import io.pipeshift.ir.Parameter;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.References;
import io.pipeshift.ir.RetryPolicy;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepTree;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.EmrSpec;
import io.pipeshift.ir.kinds.FailSpec;
import io.pipeshift.ir.kinds.ForEachSpec;
import io.pipeshift.ir.kinds.ProcessingSpec;
import io.pipeshift.ir.kinds.StartSageMakerPipelineSpec;
import io.pipeshift.ir.kinds.WaitSpec;
import io.pipeshift.time.Durations;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Builds the state machine. Step lists are nested into sequences and Parallel states by the core
 * {@link SeriesParallelDecomposition} (each added synchronisation edge becomes a note); states are written
 * back to front, each knowing where it continues ({@link Cont}); catch handlers and the steps after them
 * form error paths ({@link ErrorPaths}) in the same scope. A catch inside a Parallel branch cannot jump out
 * of the branch: the branch fails with {@code Pipeshift.Caught.<handler>} instead and the Parallel state
 * in the handler's scope catches that and goes to the handler.
 */
final class AslMachine {

  /** Where a fragment continues: the next state, or the end of its scope. */
  record Cont(String next) {
    static final Cont END = new Cont(null);

    boolean end() {
      return next == null;
    }
  }

  /** A rendered piece: the state it starts at, and its worst-case history events. */
  record Frag(String entry, long events) {}

  /** One States map (the machine, a Parallel branch, a Map's item processor). */
  static final class Scope {
    final Map<String, Object> states = new LinkedHashMap<>();
    String terminal;
    final Map<String, String> raiseStates = new HashMap<>();
    /** Handlers whose Pipeshift.Caught error leaves this scope uncaught (caught further out). */
    final Set<String> raised = new LinkedHashSet<>();
  }

  /** One IR step list being rendered: its scope, handler entries, catchers waiting for them. */
  static final class ListFrame {
    final Scope top;
    /** The list's catch handlers (known before any state is written). */
    final Set<String> handlers = new HashSet<>();
    final Map<String, String> handlerEntry = new HashMap<>();
    final List<Map.Entry<Map<String, Object>, String>> pending = new ArrayList<>();

    ListFrame(Scope top) {
      this.top = top;
    }

    void resolve() {
      for (Map.Entry<Map<String, Object>, String> p : pending) {
        p.getKey().put("Next", handlerEntry.get(p.getValue()));
      }
      pending.clear();
    }
  }

  record Ctx(Scope scope, ListFrame list, boolean inMap, boolean inErrorPath) {
    Ctx withScope(Scope s) {
      return new Ctx(s, list, inMap, inErrorPath);
    }

    Ctx withList(ListFrame f) {
      return new Ctx(scope, f, inMap, inErrorPath);
    }
  }

  /** Inline Map iterations beyond this many history events make the for-each DISTRIBUTED. */
  static final long INLINE_MAP_EVENT_BUDGET = 10_000;
  /** Inline Map runs at most this many iterations at once; asking for more makes it DISTRIBUTED. */
  static final int INLINE_MAP_MAX_CONCURRENCY = 40;
  /** Items assumed for a for-each over a list known only at run time (history estimate). */
  static final int ASSUMED_DYNAMIC_ITEMS = 100;
  /** Poll period of the SageMaker pipeline and endpoint waits. */
  static final int POLL_SECONDS = 60;
  /** Wait assumed for a poll loop without a timeout (history estimate). */
  static final Duration ASSUMED_POLL_WAIT = Duration.ofHours(1);
  static final String CAUGHT = "Pipeshift.Caught.";

  private final Pipeline pipeline;
  private final AslNames names;
  private final List<FidelityNote> notes;
  private final AslOutputs outputs;
  private final AslValues values;
  private final AslIntegrations integrations;
  private final AslConditions conditions;
  final AslIam iam = new AslIam();
  /** IAM statements by step, added to {@link #iam} in document order once the machine is built. */
  private final Map<String, List<AslIam.Statement>> iamByStep = new HashMap<>();
  private final Map<String, String> stepState = new HashMap<>();
  private final Map<String, Step> byId = new HashMap<>();
  /** Why the machine must be a Standard workflow (empty: Express is possible). */
  final List<String> standardReasons = new ArrayList<>();
  /** Worst-case seconds of all Tasks, for the Express 5-minute check. */
  long taskSeconds;
  final String machineName;

  AslMachine(Pipeline pipeline, List<FidelityNote> notes) {
    this.pipeline = pipeline;
    this.notes = notes;
    this.names = new AslNames();
    this.machineName = AslNames.resourcePrefix(pipeline.name(), 80);
    for (Step s : pipeline.allSteps()) {
      byId.put(s.id(), s);
      String name = names.state(s.label());
      stepState.put(s.id(), name);
      if (!name.equals(s.label())) {
        notes.add(AslNote.NAME_CHANGED.at(s.id(), "state name '" + name + "' (from '" + s.label() + "')"));
      }
    }
    this.outputs = new AslOutputs(pipeline, names);
    this.values = new AslValues(pipeline, outputs, names);
    this.integrations = new AslIntegrations(values, names, notes);
    this.conditions = new AslConditions(pipeline, values);
  }

  /** The whole definition, its worst-case history events, and each step's state name. */
  record Built(Map<String, Object> definition, long events, Map<String, String> stepStates) {}

  Built build() {
    Scope top = new Scope();
    Ctx ctx = new Ctx(top, new ListFrame(top), false, false);
    Frag body = renderList(pipeline.steps(), Cont.END, ctx);
    String start = parameters(top, body.entry());
    for (Step s : pipeline.allSteps()) {
      iam.addAll(iamByStep.getOrDefault(s.id(), List.of()));
    }
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("Comment", pipeline.description().map(d -> pipeline.name() + ": " + d).orElse(pipeline.name()));
    machine.put("StartAt", start);
    machine.put("States", ordered(top.states, start));
    // execution started/succeeded + the parameter states
    return new Built(machine, body.events() + 2 + 4, Map.copyOf(stepState));
  }

  // ---- parameters ---------------------------------------------------------------------------------

  /** Merges the execution input over the IR defaults: {"parameters": ..., "results": {}}. */
  private String parameters(Scope top, String first) {
    Map<String, Object> defaults = new LinkedHashMap<>();
    for (Parameter p : pipeline.parameters()) {
      p.defaultValue().ifPresent(d -> defaults.put(p.name(), d.value()));
      if (!p.allowed().isEmpty()) {
        notes.add(AslNote.PARAMETER_ALLOWED.at(null, "parameter " + p.name() + " may be any value at run time, not only "
            + p.allowed().stream().map(l -> String.valueOf(l.value())).toList()));
      }
    }
    String init = names.state("Parameters");
    Map<String, Object> merge = new LinkedHashMap<>();
    merge.put("Type", "Pass");
    merge.put("Comment", "Execution input merged over the pipeline's parameter defaults");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("parameters.$", defaults.isEmpty() ? "$" : "States.JsonMerge($.defaults, $.input, false)");
    params.put("results", Map.of());
    merge.put("Parameters", params);
    merge.put("Next", first);
    top.states.put(init, merge);
    if (defaults.isEmpty()) {
      return init;
    }
    String name = names.state("Defaults");
    Map<String, Object> pass = new LinkedHashMap<>();
    pass.put("Type", "Pass");
    pass.put("Comment", "The pipeline's parameter defaults, beside the execution input");
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("defaults", defaults);
    p.put("input.$", "$");
    pass.put("Parameters", p);
    pass.put("Next", init);
    top.states.put(name, pass);
    return name;
  }

  // ---- lists and nesting --------------------------------------------------------------------------

  /** A step list: its error paths, then its normal path, all in the current scope. */
  private Frag renderList(List<Step> steps, Cont k, Ctx outer) {
    if (steps.isEmpty()) {
      return new Frag(target(k, outer.scope()), 0);
    }
    StepGraph graph = StepGraph.of(steps);
    ErrorPaths paths = ErrorPaths.of(steps, graph);
    for (List<String> e : paths.crossing()) {
      notes.add(AslNote.ERROR_PATH_CROSSING.at(e.get(1), "'" + e.get(1) + "' depends on '" + e.get(0)
          + "' across an error path; the dependency is dropped"));
    }
    ListFrame frame = new ListFrame(outer.scope());
    frame.handlers.addAll(paths.byHandler().keySet());
    Ctx ctx = outer.withList(frame);
    long worstHandler = 0;
    for (Map.Entry<String, List<Step>> h : paths.byHandler().entrySet()) {
      Frag f = renderSteps(h.getValue(), k, new Ctx(ctx.scope(), frame, ctx.inMap(), true));
      frame.handlerEntry.put(h.getKey(), f.entry());
      worstHandler = Math.max(worstHandler, f.events());
    }
    Frag normal = paths.none() ? renderSteps(steps, graph, k, ctx) : renderSteps(paths.normal(), k, ctx);
    frame.resolve();
    return new Frag(normal.entry(), normal.events() + worstHandler);
  }

  /** Steps of one path: nested into sequences and Parallel states. */
  private Frag renderSteps(List<Step> steps, Cont k, Ctx ctx) {
    if (steps.isEmpty()) {
      return new Frag(target(k, ctx.scope()), 0);
    }
    return renderSteps(steps, StepGraph.of(steps), k, ctx);
  }

  private Frag renderSteps(List<Step> steps, StepGraph graph, Cont k, Ctx ctx) {
    SeriesParallelDecomposition.Result nested = SeriesParallelDecomposition.decompose(graph);
    for (SyncEdge e : nested.added()) {
      notes.add(AslNote.SYNC_EDGE_ADDED.at(graph.id(e.to()), "added synchronisation edge " + e.render(graph)
          + ": '" + graph.id(e.to()) + "' now also waits for '" + graph.id(e.from())
          + "' so that the graph nests into Parallel states"));
    }
    return renderTree(nested.tree(), steps, k, ctx);
  }

  private Frag renderTree(SeriesParallelTree tree, List<Step> steps, Cont k, Ctx ctx) {
    if (tree instanceof SeriesParallelTree.Node n) {
      return renderStep(steps.get(n.node()), k, ctx);
    }
    if (tree instanceof SeriesParallelTree.Series s) {
      Cont next = k;
      long events = 0;
      for (int i = s.parts().size() - 1; i >= 0; i--) {
        Frag f = renderTree(s.parts().get(i), steps, next, ctx);
        next = new Cont(f.entry());
        events += f.events();
      }
      return new Frag(next.next(), events);
    }
    SeriesParallelTree.Parallel p = (SeriesParallelTree.Parallel) tree;
    List<String> firsts = new ArrayList<>();
    for (SeriesParallelTree b : p.branches()) {
      firsts.add(steps.get(b.minima().get(0)).label());
    }
    String name = names.state("Parallel-" + String.join("-", firsts));
    List<Object> branches = new ArrayList<>();
    List<Boolean> writes = new ArrayList<>();
    Set<String> raised = new LinkedHashSet<>();
    long events = 4; // ParallelStateEntered, ParallelStateStarted, ParallelStateSucceeded, ParallelStateExited
    for (SeriesParallelTree b : p.branches()) {
      Scope branch = new Scope();
      Frag f = renderTree(b, steps, Cont.END, ctx.withScope(branch));
      branches.add(subMachine(f.entry(), branch));
      events += f.events();
      boolean w = false;
      for (int node : b.nodes()) {
        w |= writesResults(steps.get(node));
      }
      writes.add(w);
      raised.addAll(branch.raised);
    }
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("Type", "Parallel");
    state.put("Branches", branches);
    merge(state, writes, ctx, name);
    raisedCatches(state, raised, ctx);
    next(state, k);
    ctx.scope().states.put(name, state);
    return new Frag(name, events);
  }

  /** Catches for the Pipeshift.Caught errors of handlers of this list; others travel further out. */
  private void raisedCatches(Map<String, Object> state, Set<String> raised, Ctx ctx) {
    if (raised.isEmpty()) {
      return;
    }
    List<Object> catches = new ArrayList<>();
    for (String h : raised) {
      if (ctx.list() != null && ctx.scope() == ctx.list().top && ctx.list().handlers.contains(h)) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("ErrorEquals", List.of(CAUGHT + names.key(h)));
        c.put("Next", null);
        c.put("ResultPath", AslDocument.ERROR);
        ctx.list().pending.add(Map.entry(c, h));
        catches.add(c);
      } else {
        ctx.scope().raised.add(h);
      }
    }
    if (!catches.isEmpty()) {
      state.put("Catch", catches);
    }
  }

  /**
   * Puts the branches' results back together: ResultPath null when no branch writes results, else a
   * ResultSelector rebuilding the document with {@code States.JsonMerge} of the writing branches' results.
   */
  private void merge(Map<String, Object> state, List<Boolean> writes, Ctx ctx, String name) {
    List<Integer> writers = new ArrayList<>();
    for (int i = 0; i < writes.size(); i++) {
      if (writes.get(i)) {
        writers.add(i);
      }
    }
    if (writers.isEmpty()) {
      state.put("ResultPath", null);
      return;
    }
    Map<String, Object> selector = new LinkedHashMap<>();
    selector.put("parameters.$", "$[0].parameters");
    List<String> parts = new ArrayList<>();
    writers.forEach(i -> parts.add("$[" + i + "].results"));
    selector.put("results.$", mergeExpression(parts, name));
    if (ctx.inMap()) {
      selector.put("item.$", "$[0].item");
    }
    if (ctx.inErrorPath()) {
      selector.put("error.$", "$[0].error");
    }
    state.put("ResultSelector", selector);
  }

  /** Intrinsic functions nest at most 10 deep: merge at most 9 branches' results in one expression. */
  static final int MAX_MERGE = 9;

  private String mergeExpression(List<String> parts, String stateName) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    if (parts.size() > MAX_MERGE) {
      notes.add(AslNote.VALUE_NOT_EXPRESSIBLE.at(null, "Parallel state " + stateName + " has " + parts.size()
          + " branches with results; only the results of the first " + MAX_MERGE + " are merged"));
      parts = parts.subList(0, MAX_MERGE);
    }
    String expr = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      expr = "States.JsonMerge(" + expr + ", " + parts.get(i) + ", false)";
    }
    return expr;
  }

  private boolean writesResults(Step s) {
    if (outputs.writesResults(s.id())) {
      return true;
    }
    if (s.spec() instanceof ConditionSpec) {
      for (List<Step> list : StepTree.childLists(s)) {
        for (Step inner : list) {
          if (writesResults(inner)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static Map<String, Object> subMachine(String start, Scope scope) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("StartAt", start);
    m.put("States", ordered(scope.states, start));
    return m;
  }

  // ---- steps --------------------------------------------------------------------------------------

  private Frag renderStep(Step s, Cont k, Ctx ctx) {
    extensionNotes(s);
    pipeline.cachingOf(s).filter(c -> c.enabled()).ifPresent(c -> notes.add(AslNote.CACHING_DROPPED.at(s.id(),
        "caching" + c.expireAfter().map(d -> " (expire after " + Durations.format(d) + ")").orElse("")
            + " is dropped: the step always runs")));
    return switch (s.kind()) {
      case FAIL -> fail(s, k, ctx);
      case WAIT -> waitStep(s, k, ctx);
      case CONDITION -> wrapped(s) ? wrapper(s, k, ctx, AslService.NONE, (c, x) -> condition(s, c, x, names.state(s.label() + "-Choice")))
          : condition(s, k, ctx, stepState.get(s.id()));
      case FOR_EACH -> forEach(s, k, ctx);
      case MODEL_DEPLOY -> wrapper(s, k, ctx, AslService.SAGEMAKER, (c, x) -> deploy(s, c, x));
      case START_SAGEMAKER_PIPELINE -> ((StartSageMakerPipelineSpec) s.spec()).waitForCompletion()
          ? wrapper(s, k, ctx, AslService.SAGEMAKER_SDK, (c, x) -> pipelineRun(s, c, x))
          : task(s, integrations.task(s).orElseThrow(), k, ctx);
      case EMR -> ((EmrSpec) s.spec()).clusterId().isPresent() ? task(s, integrations.task(s).orElseThrow(), k, ctx)
          : wrapper(s, k, ctx, AslService.EMR, (c, x) -> emrCluster(s, c, x));
      default -> task(s, integrations.task(s).orElseThrow(), k, ctx);
    };
  }

  private boolean wrapped(Step s) {
    return pipeline.retryOf(s).filter(r -> r.retries() > 0).isPresent() || !s.catches().isEmpty();
  }

  private void extensionNotes(Step s) {
    List<String> others = s.extensions().keySet().stream().filter(f -> !f.equals("asl")).toList();
    if (!others.isEmpty()) {
      notes.add(AslNote.EXTENSION_IGNORED.at(s.id(), "extensions for " + String.join(", ", others) + " are ignored"));
    }
  }

  /** One Task state (after the property-file reads it needs). */
  private Frag task(Step s, AslTask t, Cont k, Ctx ctx) {
    String name = stepState.get(s.id());
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("Type", "Task");
    s.description().ifPresent(d -> state.put("Comment", d));
    state.put("Resource", t.resource());
    state.put("Parameters", CompactJson.of(t.parameters())); // finished: held compactly until printed
    resultOf(s, state);
    Optional<Duration> timeout = pipeline.timeoutOf(s);
    timeout.ifPresent(d -> state.put("TimeoutSeconds", Math.max(1, Durations.ceilSeconds(d))));
    if (s.kind() == io.pipeshift.ir.StepKind.LAMBDA && timeout.filter(d -> d.compareTo(Duration.ofMinutes(15)) > 0).isPresent()) {
      notes.add(AslNote.LAMBDA_TIMEOUT.at(s.id(), "timeout " + Durations.format(timeout.get())
          + " is longer than the 15 minutes a Lambda function can run"));
    }
    int retries = handling(s, state, t.service(), ctx);
    Map<String, Object> ext = s.extension("asl");
    if (!ext.isEmpty()) {
      ext.forEach((key, v) -> {
        if (!Set.of("Type", "Next", "End").contains(key)) {
          state.put(key, v);
        }
      });
      notes.add(AslNote.EXTENSION_APPLIED.at(s.id(), "copied " + String.join(", ", ext.keySet()) + " from the asl extension"));
    }
    next(state, k);
    ctx.scope().states.put(name, CompactJson.shallow(state)); // finished (its catchers' targets are filled in later)
    grant(s, t.iam());
    account(s, t, retries, timeout);
    long events = taskEvents(t, retries);
    Frag reads = reads(s, new Cont(name), ctx);
    return new Frag(reads == null ? name : reads.entry(), events + (reads == null ? 0 : reads.events()));
  }

  /** The Task's result: the used outputs under $.results.key, or nothing. */
  private void resultOf(Step s, Map<String, Object> state) {
    Map<String, String> kept = outputs.keptBy(s.id());
    if (kept.isEmpty()) {
      state.put("ResultPath", null);
      return;
    }
    Map<String, Object> selector = new LinkedHashMap<>();
    kept.forEach((field, expr) -> selector.put(field + ".$", expr));
    state.put("ResultSelector", selector);
    state.put("ResultPath", AslDocument.result(names.key(s.id())));
    if (!s.spec().outputNames().isPresent() && s.kind() != io.pipeshift.ir.StepKind.FOR_EACH) {
      notes.add(AslNote.OUTPUT_AS_FIELD.at(s.id(), "outputs " + kept.keySet()
          + " are read as fields of the " + s.kind().yamlName() + " call's response"));
    }
  }

  private static long taskEvents(AslTask t, int retries) {
    long perAttempt = 3 + (t.waits() == AslTask.Wait.JOB || t.waits() == AslTask.Wait.CALLBACK ? 1 : 0);
    return 2 + perAttempt * (retries + 1L); // entered/exited + scheduled/started/(submitted)/ended per attempt
  }

  /** Express-or-Standard bookkeeping for one Task. */
  private void account(Step s, AslTask t, int retries, Optional<Duration> timeout) {
    switch (t.waits()) {
      case JOB -> standardReasons.add("'" + s.id() + "' waits for a job (.sync)");
      case CALLBACK -> standardReasons.add("'" + s.id() + "' waits for a task token");
      case ACTIVITY -> standardReasons.add("'" + s.id() + "' is an activity");
      default -> {
        if (timeout.isEmpty()) {
          standardReasons.add("'" + s.id() + "' has no timeout");
        } else {
          long worst = timeout.get().toSeconds() * (retries + 1L);
          Optional<RetryPolicy> r = pipeline.retryOf(s);
          if (r.isPresent()) {
            double cap = r.get().maxInterval().map(m -> (double) m.toSeconds()).orElse(Double.MAX_VALUE);
            for (int i = 0; i < retries; i++) {
              worst += (long) Math.min(r.get().interval().toSeconds() * Math.pow(r.get().backoffRate(), i), cap);
            }
          }
          taskSeconds += worst;
        }
      }
    }
  }

  /**
   * Retry and Catch of a step on a Task, Parallel or Map state. Returns the number of retries (for the
   * history estimate).
   */
  private int handling(Step s, Map<String, Object> state, AslService service, Ctx ctx) {
    Optional<RetryPolicy> retry = pipeline.retryOf(s);
    List<Map<String, Object>> retriers = retry.map(r -> AslErrors.retriers(r, service, s.id(), notes)).orElse(List.of());
    if (!retriers.isEmpty()) {
      state.put("Retry", retriers);
    }
    List<Object> catchers = catchers(s, service, ctx);
    if (!catchers.isEmpty()) {
      state.put("Catch", catchers);
    }
    return retriers.isEmpty() ? 0 : retry.get().retries();
  }

  /** Catchers in IR order; clauses after an 'all' clause are unreachable and dropped (so States.ALL is last). */
  private List<Object> catchers(Step s, AslService service, Ctx ctx) {
    List<Object> out = new ArrayList<>();
    boolean sawAll = false;
    for (CatchClause c : s.catches()) {
      if (sawAll) {
        notes.add(AslNote.CATCH_UNREACHABLE.at(s.id(), "the catch to '" + c.handler()
            + "' follows a catch of all errors and can never match"));
        continue;
      }
      sawAll = c.errors().contains(ErrorClass.ALL);
      Map<String, Object> catcher = new LinkedHashMap<>();
      List<String> broad = new ArrayList<>();
      catcher.put("ErrorEquals", AslErrors.names(c.errors(), service, broad::add));
      broad.forEach(b -> notes.add(AslNote.ERROR_CLASS_BROADENED.at(s.id(), "catch: " + b)));
      catcher.put("Next", null);
      catcher.put("ResultPath", AslDocument.ERROR);
      if (ctx.list() != null && ctx.scope() == ctx.list().top) {
        ctx.list().pending.add(Map.entry(catcher, c.handler()));
      } else {
        catcher.put("Next", raise(c.handler(), ctx));
        notes.add(AslNote.CATCH_STOPS_BRANCHES.at(s.id(), "'" + s.id() + "' runs inside a Parallel state: when it"
            + " fails into '" + c.handler() + "', the other branches are stopped first"));
      }
      out.add(catcher);
    }
    return out;
  }

  /** The Fail state of this scope that carries a caught error out to the handler's scope. */
  private String raise(String handler, Ctx ctx) {
    Scope scope = ctx.scope();
    scope.raised.add(handler);
    return scope.raiseStates.computeIfAbsent(handler, h -> {
      String name = names.state("Raise-" + byId.get(h).label());
      Map<String, Object> fail = new LinkedHashMap<>();
      fail.put("Type", "Fail");
      fail.put("Comment", "Carries the caught error out of this branch to the handler " + stepState.get(h));
      fail.put("Error", CAUGHT + names.key(h));
      fail.put("CausePath", AslDocument.ERROR + ".Cause");
      scope.states.put(name, fail);
      return name;
    });
  }

  // ---- property files -----------------------------------------------------------------------------

  /** Tasks reading the property files the step's own values use, chained before {@code k}; null if none. */
  private Frag reads(Step s, Cont k, Ctx ctx) {
    Map<String, Value.PropertyRef> files = new LinkedHashMap<>();
    for (Value v : References.ownValues(s)) {
      collectProperties(v, files);
    }
    if (files.isEmpty()) {
      return null;
    }
    List<Value.PropertyRef> list = new ArrayList<>(files.values());
    Cont next = k;
    long events = 0;
    for (int i = list.size() - 1; i >= 0; i--) {
      Value.PropertyRef p = list.get(i);
      String name = names.state(byId.get(s.id()).label() + "-Read-" + p.step() + "-" + p.file());
      Map<String, Object> state = new LinkedHashMap<>();
      state.put("Type", "Task");
      state.put("Comment", "Reads property file '" + p.file() + "' of '" + p.step() + "' and parses it");
      state.put("Resource", AslIntegrations.STATES + "aws-sdk:s3:getObject");
      state.put("Parameters", s3Location(s, p));
      Map<String, Object> selector = new LinkedHashMap<>();
      selector.put("value.$", "States.StringToJson($.Body)");
      state.put("ResultSelector", selector);
      state.put("ResultPath", AslDocument.property(values.propertyKey(p.step(), p.file())));
      int retries = handling(s, state, AslService.S3_SDK, ctx);
      next(state, next);
      ctx.scope().states.put(name, state);
      next = new Cont(name);
      events += 2 + 3L * (retries + 1);
    }
    return new Frag(next.next(), events);
  }

  private static void collectProperties(Value v, Map<String, Value.PropertyRef> into) {
    if (v instanceof Value.PropertyRef p) {
      into.putIfAbsent(p.step() + "\u0000" + p.file(), p);
    } else if (v instanceof Value.Join j) {
      j.values().forEach(x -> collectProperties(x, into));
    }
  }

  /** Bucket and Key of a property file: its output's S3 destination plus the file's path. */
  private Map<String, Object> s3Location(Step consumer, Value.PropertyRef p) {
    Map<String, Object> params = new LinkedHashMap<>();
    Step producer = byId.get(p.step());
    Optional<String> uri = Optional.empty();
    String path = "";
    if (producer != null && producer.spec() instanceof ProcessingSpec ps) {
      Optional<ProcessingSpec.PropertyFile> file = ps.propertyFiles().stream().filter(f -> f.name().equals(p.file())).findFirst();
      if (file.isPresent()) {
        path = file.get().path();
        String output = file.get().output();
        uri = ps.outputs().stream().filter(o -> o.name().equals(output)).findFirst()
            .map(ProcessingSpec.ProcessingOutput::destination)
            .filter(d -> d instanceof Value.Literal l && l.value() instanceof String str && str.startsWith("s3://"))
            .map(d -> (String) ((Value.Literal) d).value());
      }
    }
    if (uri.isEmpty()) {
      String key = values.propertyKey(p.step(), p.file());
      notes.add(AslNote.PROPERTY_FILE_LOCATION.at(consumer.id(), "property file '" + p.file() + "' of '" + p.step()
          + "' is written to an S3 location known only at run time; fill in ${PropertyBucket_" + key
          + "} and ${PropertyKey_" + key + "}"));
      params.put("Bucket", "${PropertyBucket_" + key + "}");
      params.put("Key", "${PropertyKey_" + key + "}");
      grant(consumer, List.of(AslIam.Statement.of(List.of("s3:GetObject"), "*")));
      return params;
    }
    String rest = uri.get().substring("s3://".length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String prefix = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("/+$", "");
    String key = (prefix.isEmpty() ? "" : prefix + "/") + path.replaceAll("^/+", "");
    params.put("Bucket", bucket);
    params.put("Key", key);
    grant(consumer, List.of(AslIam.Statement.of(List.of("s3:GetObject"), "arn:aws:s3:::" + bucket + "/" + key)));
    return params;
  }

  // ---- control steps ------------------------------------------------------------------------------

  private Frag fail(Step s, Cont k, Ctx ctx) {
    dropHandling(s);
    FailSpec f = (FailSpec) s.spec();
    String name = stepState.get(s.id());
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("Type", "Fail");
    s.description().ifPresent(d -> state.put("Comment", d));
    f.error().ifPresent(e -> state.put("Error", e));
    String entry = name;
    long events = 2;
    if (f.message().isPresent()) {
      AslValue msg = values.render(f.message().get()).asString();
      if (msg instanceof AslValue.Fixed fixed) {
        state.put("Cause", fixed.json());
      } else {
        // Computed first: a reference path in CausePath works everywhere; an intrinsic there does not.
        String pass = names.state(s.label() + "-Message");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("Type", "Pass");
        Map<String, Object> params = new LinkedHashMap<>();
        msg.putInto(params, "cause");
        p.put("Parameters", params);
        p.put("ResultPath", AslDocument.FAILURE);
        p.put("Next", name);
        ctx.scope().states.put(pass, p);
        state.put("CausePath", AslDocument.FAILURE + ".cause");
        entry = pass;
        events += 2;
      }
    }
    ctx.scope().states.put(name, state);
    Frag reads = reads(s, new Cont(entry), ctx);
    return reads == null ? new Frag(entry, events) : new Frag(reads.entry(), events + reads.events());
  }

  private Frag waitStep(Step s, Cont k, Ctx ctx) {
    dropHandling(s);
    WaitSpec w = (WaitSpec) s.spec();
    String name = stepState.get(s.id());
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("Type", "Wait");
    s.description().ifPresent(d -> state.put("Comment", d));
    if (w.duration().isPresent()) {
      state.put("Seconds", Durations.ceilSeconds(w.duration().get()));
    } else {
      state.put("Timestamp", w.until().orElseThrow());
    }
    next(state, k);
    ctx.scope().states.put(name, state);
    standardReasons.add("'" + s.id() + "' waits");
    return new Frag(name, 2);
  }

  /** Fail and Wait states take no Retry, Catch or timeout. */
  private void dropHandling(Step s) {
    if (s.retry().isPresent() || !s.catches().isEmpty()) {
      notes.add(AslNote.HANDLING_DROPPED.at(s.id(), "a " + s.kind().yamlName() + " state takes no Retry or Catch"));
    }
    if (s.timeout().isPresent()) {
      notes.add(AslNote.TIMEOUT_DROPPED.at(s.id(), "a " + s.kind().yamlName() + " state has no timeout"));
    }
  }

  /** [reads] -> [evaluate] -> Choice; branches inline in the same scope, all continuing at {@code k}. */
  private Frag condition(Step s, Cont k, Ctx ctx, String choiceName) {
    ConditionSpec c = (ConditionSpec) s.spec();
    if (s.timeout().isPresent()) {
      notes.add(AslNote.TIMEOUT_DROPPED.at(s.id(), "a condition has no timeout"));
    }
    long worst = 0;
    List<String> entries = new ArrayList<>();
    for (ConditionSpec.Branch b : c.branches()) {
      Frag f = renderList(b.steps(), k, ctx);
      entries.add(f.entry());
      worst = Math.max(worst, f.events());
    }
    Frag otherwise = renderList(c.otherwise(), k, ctx);
    worst = Math.max(worst, otherwise.events());
    Map<String, AslValue> evaluate = new LinkedHashMap<>();
    List<Object> choices = new ArrayList<>();
    for (int i = 0; i < c.branches().size(); i++) {
      AslConditions.Lowered lowered = conditions.lower(c.branches().get(i).when(),
          p -> notes.add(AslNote.VALUE_NOT_EXPRESSIBLE.at(s.id(), p)));
      Map<String, Object> rule = new LinkedHashMap<>(renumber(lowered, evaluate));
      rule.put("Next", entries.get(i));
      choices.add(rule);
    }
    Map<String, Object> choice = new LinkedHashMap<>();
    choice.put("Type", "Choice");
    s.description().ifPresent(d -> choice.put("Comment", d));
    choice.put("Choices", choices);
    choice.put("Default", otherwise.entry());
    ctx.scope().states.put(choiceName, choice);
    String entry = choiceName;
    long events = 2 + worst;
    if (!evaluate.isEmpty()) {
      String pass = names.state(s.label() + "-Evaluate");
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("Type", "Pass");
      p.put("Comment", "Values the choice compares that are not plain paths");
      Map<String, Object> params = new LinkedHashMap<>();
      evaluate.forEach((field, v) -> v.putInto(params, field));
      p.put("Parameters", params);
      p.put("ResultPath", AslDocument.CHOICE);
      p.put("Next", choiceName);
      ctx.scope().states.put(pass, p);
      entry = pass;
      events += 2;
    }
    Frag reads = reads(s, new Cont(entry), ctx);
    return reads == null ? new Frag(entry, events) : new Frag(reads.entry(), events + reads.events());
  }

  /** Each branch numbers its evaluated values from v0; give them distinct fields in the one Pass state. */
  private static Map<String, Object> renumber(AslConditions.Lowered lowered, Map<String, AslValue> into) {
    if (lowered.evaluate().isEmpty()) {
      return lowered.rule();
    }
    Map<String, String> rename = new HashMap<>();
    lowered.evaluate().forEach((field, v) -> {
      String fresh = "v" + into.size();
      into.put(fresh, v);
      rename.put(AslDocument.CHOICE + "." + field, AslDocument.CHOICE + "." + fresh);
    });
    @SuppressWarnings("unchecked")
    Map<String, Object> renamed = (Map<String, Object>) rewrite(lowered.rule(), rename);
    return renamed;
  }

  private static Object rewrite(Object o, Map<String, String> rename) {
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), rewrite(v, rename)));
      return out;
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(rewrite(v, rename)));
      return out;
    }
    return o instanceof String str && rename.containsKey(str) ? rename.get(str) : o;
  }

  /** [items] -> Map over the body (its own scope), inline or DISTRIBUTED. */
  private Frag forEach(Step s, Cont k, Ctx ctx) {
    ForEachSpec f = (ForEachSpec) s.spec();
    String name = stepState.get(s.id());
    if (s.timeout().isPresent()) {
      notes.add(AslNote.TIMEOUT_DROPPED.at(s.id(), "a Map state has no timeout"));
    }
    Scope body = new Scope();
    Frag inner = renderList(f.steps(), Cont.END, new Ctx(body, null, true, ctx.inErrorPath()));
    long items = f.knownSize().map(Integer::longValue).orElse((long) ASSUMED_DYNAMIC_ITEMS);
    long inlineEvents = items * (2 + inner.events());
    boolean distributed = f.maxConcurrency() > INLINE_MAP_MAX_CONCURRENCY || inlineEvents > INLINE_MAP_EVENT_BUDGET;
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("Type", "Map");
    s.description().ifPresent(d -> state.put("Comment", d));
    String itemsPath;
    String entry = name;
    long events = distributed ? 6 : 4 + inlineEvents;
    if (f.itemsFrom().isPresent()) {
      AslValue from = values.render(f.itemsFrom().get());
      if (from instanceof AslValue.Path p && p.path().startsWith("$.")) {
        itemsPath = p.path();
      } else {
        itemsPath = AslDocument.ITEMS + ".value";
        entry = itemsPass(s, name, ctx, pass -> {
          Map<String, Object> params = new LinkedHashMap<>();
          from.putInto(params, "value");
          pass.put("Parameters", params);
        });
        events += 2;
      }
    } else {
      itemsPath = AslDocument.ITEMS;
      entry = itemsPass(s, name, ctx, pass -> pass.put("Result", f.items()));
      events += 2;
    }
    state.put("ItemsPath", itemsPath);
    Map<String, Object> selector = new LinkedHashMap<>();
    selector.put("parameters.$", AslDocument.PARAMETERS);
    selector.put("results.$", AslDocument.RESULTS);
    selector.put("item.$", "$$.Map.Item.Value");
    if (ctx.inErrorPath()) {
      selector.put("error.$", AslDocument.ERROR);
    }
    state.put("ItemSelector", selector);
    if (f.maxConcurrency() > 0) {
      state.put("MaxConcurrency", f.maxConcurrency());
    }
    Map<String, Object> processor = new LinkedHashMap<>();
    if (distributed) {
      Map<String, Object> config = new java.util.LinkedHashMap<>(); // ordered: output must be deterministic
      config.put("Mode", "DISTRIBUTED");
      config.put("ExecutionType", "STANDARD");
      processor.put("ProcessorConfig", config);
      notes.add(AslNote.MAP_DISTRIBUTED.at(s.id(), f.maxConcurrency() > INLINE_MAP_MAX_CONCURRENCY
          ? "maxConcurrency " + f.maxConcurrency() + " is more than an inline Map runs at once ("
              + INLINE_MAP_MAX_CONCURRENCY + ")"
          : "about " + inlineEvents + " history events inline; each item runs as a child execution instead"));
      standardReasons.add("'" + s.id() + "' is a DISTRIBUTED Map");
      grant(s, List.of(AslIam.Statement.of(List.of("states:StartExecution"), "arn:aws:states:*:*:stateMachine:" + machineName),
          AslIam.Statement.of(List.of("states:DescribeExecution", "states:StopExecution"),
              "arn:aws:states:*:*:execution:" + machineName + "/*")));
    } else {
      processor.put("ProcessorConfig", Map.of("Mode", "INLINE"));
    }
    processor.put("StartAt", inner.entry());
    processor.put("States", ordered(body.states, inner.entry()));
    state.put("ItemProcessor", processor);
    if (outputs.wholeResultUsed(s.id())) {
      state.put("ResultPath", AslDocument.result(names.key(s.id())));
      notes.add(AslNote.FOR_EACH_OUTPUT.at(s.id(), "its output is the list of the iterations' final documents"));
    } else {
      state.put("ResultPath", null);
    }
    int retries = handling(s, state, AslService.NONE, ctx);
    next(state, k);
    ctx.scope().states.put(name, state);
    events += retries * (distributed ? 6 : inlineEvents);
    Frag reads = reads(s, new Cont(entry), ctx);
    return reads == null ? new Frag(entry, events) : new Frag(reads.entry(), events + reads.events());
  }

  private String itemsPass(Step s, String mapName, Ctx ctx, java.util.function.Consumer<Map<String, Object>> fill) {
    String pass = names.state(s.label() + "-Items");
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("Type", "Pass");
    fill.accept(p);
    p.put("ResultPath", AslDocument.ITEMS);
    p.put("Next", mapName);
    ctx.scope().states.put(pass, p);
    return pass;
  }

  // ---- steps made of several states ---------------------------------------------------------------

  /**
   * A single-branch Parallel state standing for one step whose work takes several states: it carries the
   * step's name, Retry and Catch (a retry runs the whole branch again).
   */
  private Frag wrapper(Step s, Cont k, Ctx ctx, AslService service, BiFunction<Cont, Ctx, Frag> inner) {
    String name = stepState.get(s.id());
    Scope branch = new Scope();
    Frag f = inner.apply(Cont.END, new Ctx(branch, new ListFrame(branch), ctx.inMap(), ctx.inErrorPath()));
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("Type", "Parallel");
    state.put("Comment", s.description().orElse("Step " + s.id() + " (" + s.kind().yamlName() + "), one branch"));
    state.put("Branches", List.of(subMachine(f.entry(), branch)));
    merge(state, List.of(writesResults(s)), ctx, name);
    int retries = handling(s, state, service, ctx);
    next(state, k);
    ctx.scope().states.put(name, state);
    return new Frag(name, 4 + f.events() * (retries + 1L));
  }

  /** StartPipelineExecution, then Wait / DescribePipelineExecution / Choice until the run ends. */
  private Frag pipelineRun(Step s, Cont k, Ctx ctx) {
    StartSageMakerPipelineSpec spec = (StartSageMakerPipelineSpec) s.spec();
    AslTask start = integrations.startPipeline(s, spec);
    AslTask describe = integrations.describePipeline(spec);
    notes.add(AslNote.PIPELINE_POLLED.at(s.id(), "the pipeline run is awaited by calling DescribePipelineExecution every "
        + POLL_SECONDS + " s until it succeeds, fails or stops"));
    Map<String, String> arn = Map.of("arn.$", "$.PipelineExecutionArn");
    Map<String, String> status = new LinkedHashMap<>();
    status.put("arn.$", "$.PipelineExecutionArn");
    status.put("status.$", "$.PipelineExecutionStatus");
    return pollLoop(s, k, ctx, start, arn, describe, status, "Succeeded", List.of("Failed", "Stopped"),
        "SageMaker.PipelineExecutionFailed", "the SageMaker pipeline run did not succeed");
  }

  /** CreateEndpointConfig, CreateEndpoint (UpdateEndpoint if it exists), then poll until InService. */
  private Frag deploy(Step s, Cont k, Ctx ctx) {
    io.pipeshift.ir.kinds.ModelDeploySpec spec = (io.pipeshift.ir.kinds.ModelDeploySpec) s.spec();
    String prefix = AslNames.resourcePrefix(s.id(), 26);
    AslTask config = integrations.endpointConfig(s, prefix);
    notes.add(AslNote.PIPELINE_POLLED.at(s.id(), "the endpoint is awaited by calling DescribeEndpoint every "
        + POLL_SECONDS + " s until it is InService or Failed"));
    notes.add(AslNote.ENDPOINT_UPDATE.at(s.id(), "when endpoint '" + spec.endpointName()
        + "' exists, CreateEndpoint fails and UpdateEndpoint moves it to the new configuration"));
    grant(s, config.iam());
    String label = byId.get(s.id()).label();
    String configName = names.state(label + "-EndpointConfig");
    String createName = names.state(label + "-CreateEndpoint");
    String updateName = names.state(label + "-UpdateEndpoint");
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("EndpointName", spec.endpointName());
    endpoint.put("EndpointConfigName.$", "States.ArrayGetItem(States.StringSplit(" + AslDocument.POLL + ".config, '/'), 1)");
    AslTask create = new AslTask(AslIntegrations.STATES + "sagemaker:createEndpoint", endpoint, AslService.SAGEMAKER,
        AslTask.Wait.CALL, List.of(AslIam.Statement.of(List.of("sagemaker:CreateEndpoint", "sagemaker:UpdateEndpoint",
            "sagemaker:DescribeEndpoint", "sagemaker:AddTags"), "arn:aws:sagemaker:*:*:endpoint/"
            + spec.endpointName().toLowerCase(java.util.Locale.ROOT), "arn:aws:sagemaker:*:*:endpoint-config/" + prefix + "-*")));
    AslTask update = new AslTask(AslIntegrations.STATES + "sagemaker:updateEndpoint", endpoint, AslService.SAGEMAKER,
        AslTask.Wait.CALL, List.of());
    AslTask describe = new AslTask(AslIntegrations.STATES + "aws-sdk:sagemaker:describeEndpoint",
        new LinkedHashMap<>(Map.of("EndpointName", spec.endpointName())), AslService.SAGEMAKER_SDK, AslTask.Wait.CALL,
        List.of());
    Map<String, String> status = Map.of("status.$", "$.EndpointStatus");
    Frag wait = pollLoop(s, k, ctx, null, null, describe, status, "InService", List.of("Failed"),
        "SageMaker.EndpointFailed", "the endpoint did not come into service");
    Map<String, Object> upd = helperTask(update, AslDocument.POLL + ".updated", null, new Cont(wait.entry()));
    ctx.scope().states.put(updateName, upd);
    Map<String, Object> crt = helperTask(create, AslDocument.POLL + ".created", null, new Cont(wait.entry()));
    Map<String, Object> exists = new LinkedHashMap<>();
    exists.put("ErrorEquals", List.of("SageMaker.AmazonSageMakerException"));
    exists.put("Next", updateName);
    exists.put("ResultPath", AslDocument.ERROR);
    crt.put("Catch", List.of(exists));
    moveNextLast(crt);
    ctx.scope().states.put(createName, crt);
    Map<String, Object> cfg = helperTask(config, AslDocument.POLL, Map.of("config.$", "$.EndpointConfigArn"),
        new Cont(createName));
    ctx.scope().states.put(configName, cfg);
    grant(s, create.iam());
    standardReasons.add("'" + s.id() + "' polls for the endpoint");
    return new Frag(configName, 3 * 5 + wait.events());
  }

  /**
   * [start] -> Wait -> describe -> Choice: success ends the branch, failure fails it with {@code error},
   * anything else waits again.
   */
  private Frag pollLoop(Step s, Cont k, Ctx ctx, AslTask start, Map<String, String> startSelector, AslTask describe,
      Map<String, String> statusSelector, String success, List<String> failures, String error, String cause) {
    String label = byId.get(s.id()).label();
    String waitName = names.state(label + "-Wait");
    String describeName = names.state(label + "-Status");
    String checkName = names.state(label + "-Check");
    String failName = names.state(label + "-Failed");
    Map<String, Object> fail = new LinkedHashMap<>();
    fail.put("Type", "Fail");
    fail.put("Error", error);
    fail.put("Cause", cause);
    ctx.scope().states.put(failName, fail);
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("Type", "Choice");
    List<Object> rules = new ArrayList<>();
    Map<String, Object> ok = new LinkedHashMap<>();
    ok.put("Variable", AslDocument.POLL + ".status");
    ok.put("StringEquals", success);
    ok.put("Next", target(k, ctx.scope()));
    rules.add(ok);
    for (String f : failures) {
      Map<String, Object> bad = new LinkedHashMap<>();
      bad.put("Variable", AslDocument.POLL + ".status");
      bad.put("StringEquals", f);
      bad.put("Next", failName);
      rules.add(bad);
    }
    check.put("Choices", rules);
    check.put("Default", waitName);
    ctx.scope().states.put(checkName, check);
    Map<String, Object> describeState = helperTask(describe, AslDocument.POLL, statusSelector, new Cont(checkName));
    Optional<Duration> timeout = pipeline.timeoutOf(s);
    timeout.ifPresent(d -> {
      describeState.put("TimeoutSeconds", Math.max(1, Durations.ceilSeconds(d)));
      moveNextLast(describeState);
      notes.add(AslNote.POLL_TIMEOUT.at(s.id(), "timeout " + Durations.format(d) + " limits each status call, not the wait"));
    });
    ctx.scope().states.put(describeName, describeState);
    Map<String, Object> wait = new LinkedHashMap<>();
    wait.put("Type", "Wait");
    wait.put("Seconds", POLL_SECONDS);
    wait.put("Next", describeName);
    ctx.scope().states.put(waitName, wait);
    grant(s, describe.iam());
    long polls = Math.max(1, timeout.orElse(ASSUMED_POLL_WAIT).toSeconds() / POLL_SECONDS);
    long events = polls * (2 + 5 + 2);
    standardReasons.add("'" + s.id() + "' polls for completion");
    if (start == null) {
      return new Frag(waitName, events);
    }
    String startName = names.state(label + "-Start");
    Map<String, Object> st = helperTask(start, AslDocument.POLL, startSelector, new Cont(waitName));
    ctx.scope().states.put(startName, st);
    grant(s, start.iam());
    return new Frag(startName, events + 5);
  }

  private Map<String, Object> helperTask(AslTask t, String resultPath, Map<String, String> selector, Cont k) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("Type", "Task");
    state.put("Resource", t.resource());
    state.put("Parameters", t.parameters());
    if (selector != null) {
      state.put("ResultSelector", new LinkedHashMap<>(selector));
    }
    state.put("ResultPath", resultPath);
    next(state, k);
    return state;
  }

  /** A cluster of its own: createCluster.sync, addStep.sync, terminateCluster.sync (also when the step fails). */
  private Frag emrCluster(Step s, Cont k, Ctx ctx) {
    EmrSpec e = (EmrSpec) s.spec();
    String label = byId.get(s.id()).label();
    String createName = names.state(label + "-CreateCluster");
    String stepName = names.state(label + "-AddStep");
    String endName = names.state(label + "-TerminateCluster");
    String cleanupName = names.state(label + "-TerminateAfterFailure");
    String failName = names.state(label + "-StepFailed");
    Map<String, Object> terminate = Map.of("ClusterId.$", AslDocument.POLL + ".cluster");
    AslTask terminateTask = new AslTask(AslIntegrations.STATES + "elasticmapreduce:terminateCluster.sync",
        new LinkedHashMap<>(terminate), AslService.EMR, AslTask.Wait.JOB, List.of());
    ctx.scope().states.put(endName, helperTask(terminateTask, null, null, k));
    Map<String, Object> fail = new LinkedHashMap<>();
    fail.put("Type", "Fail");
    fail.put("Error", "EMR.StepFailed");
    fail.put("CausePath", AslDocument.ERROR + ".Cause");
    ctx.scope().states.put(failName, fail);
    ctx.scope().states.put(cleanupName, helperTask(terminateTask, null, null, new Cont(failName)));
    AslTask add = integrations.addStep(s, e, Optional.of(AslDocument.POLL + ".cluster"));
    Map<String, Object> addState = helperTask(add, null, null, new Cont(endName));
    Map<String, Object> onFailure = new LinkedHashMap<>();
    onFailure.put("ErrorEquals", List.of("States.ALL"));
    onFailure.put("Next", cleanupName);
    onFailure.put("ResultPath", AslDocument.ERROR);
    addState.put("Catch", List.of(onFailure));
    moveNextLast(addState);
    ctx.scope().states.put(stepName, addState);
    AslTask create = new AslTask(AslIntegrations.STATES + "elasticmapreduce:createCluster.sync",
        new LinkedHashMap<>(e.clusterConfig()), AslService.EMR, AslTask.Wait.JOB, List.of(
            AslIam.Statement.of(List.of("elasticmapreduce:RunJobFlow", "elasticmapreduce:DescribeCluster",
                "elasticmapreduce:TerminateJobFlows"), "*"),
            AslIam.eventsRule("StepFunctionsGetEventsForEMRRunJobFlowRule"),
            AslIam.eventsRule("StepFunctionsGetEventsForEMRTerminateJobFlowsRule"),
            AslIam.passRole(List.of("*"), "elasticmapreduce.amazonaws.com")));
    Map<String, String> cluster = Map.of("cluster.$", "$.ClusterId");
    ctx.scope().states.put(createName, helperTask(create, AslDocument.POLL, cluster, new Cont(stepName)));
    grant(s, create.iam());
    grant(s, add.iam());
    standardReasons.add("'" + s.id() + "' waits for an EMR cluster (.sync)");
    return new Frag(createName, 3 * 6);
  }

  // ---- plumbing -----------------------------------------------------------------------------------

  private void grant(Step s, List<AslIam.Statement> statements) {
    iamByStep.computeIfAbsent(s.id(), x -> new ArrayList<>()).addAll(statements);
  }

  /** Sets Next (or End) as the state's last field. */
  private static void next(Map<String, Object> state, Cont k) {
    if (k.end()) {
      state.put("End", true);
    } else {
      state.put("Next", k.next());
    }
  }

  private static void moveNextLast(Map<String, Object> state) {
    for (String key : List.of("Next", "End")) {
      if (state.containsKey(key)) {
        Object v = state.remove(key);
        state.put(key, v);
      }
    }
  }

  /** A state name to jump to for {@code k}: the next state, or the scope's Succeed state. */
  private String target(Cont k, Scope scope) {
    if (!k.end()) {
      return k.next();
    }
    if (scope.terminal == null) {
      scope.terminal = names.state("Done");
      Map<String, Object> done = new LinkedHashMap<>();
      done.put("Type", "Succeed");
      scope.states.put(scope.terminal, done);
    }
    return scope.terminal;
  }

  /** The states in the order a reader follows them: depth first from the start, then any others. */
  static Map<String, Object> ordered(Map<String, Object> states, String start) {
    Map<String, Object> out = new LinkedHashMap<>();
    ArrayDeque<String> work = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    work.push(start);
    while (!work.isEmpty()) {
      String name = work.pop();
      if (!seen.add(name) || !states.containsKey(name)) {
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> state = (Map<String, Object>) states.get(name);
      out.put(name, state);
      List<String> targets = new ArrayList<>();
      if (state.get("Next") instanceof String n) {
        targets.add(n);
      }
      if (state.get("Choices") instanceof List<?> rules) {
        for (Object r : rules) {
          if (r instanceof Map<?, ?> m && m.get("Next") instanceof String n) {
            targets.add(n);
          }
        }
      }
      if (state.get("Default") instanceof String d) {
        targets.add(d);
      }
      if (state.get("Catch") instanceof List<?> catches) {
        for (Object c : catches) {
          if (c instanceof Map<?, ?> m && m.get("Next") instanceof String n) {
            targets.add(n);
          }
        }
      }
      for (int i = targets.size() - 1; i >= 0; i--) {
        work.push(targets.get(i));
      }
    }
    states.forEach(out::putIfAbsent);
    return out;
  }
}
