package io.pipeshift.to.airflow;

import io.pipeshift.fidelity.Translation;
import io.pipeshift.graph.StepGraph;
import io.pipeshift.ir.CatchClause;
import io.pipeshift.ir.Condition;
import io.pipeshift.ir.ErrorClass;
import io.pipeshift.ir.Parameter;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.References;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepTree;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.CallbackSpec;
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.EventBridgePutSpec;
import io.pipeshift.ir.kinds.ForEachSpec;
import io.pipeshift.ir.kinds.LambdaSpec;
import io.pipeshift.ir.kinds.StartStepFunctionsSpec;
import io.pipeshift.spi.EmittedFiles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes one pipeline as one Airflow DAG file. The file is: a header comment, the imports, module-level task
 * functions (copied python steps, branch choosers, item lists, helpers), then one {@code @dag} function
 * that creates every task and wires them, and its call.
 *
 * <p>Graph mapping: every IR step is one task whose id is the step id made a Python identifier (ruff's
 * AIR001 wants the variable and the task id equal). A condition is two tasks: {@code <id>} (a
 * {@code @task.branch} that evaluates the IR condition and returns the first steps of the taken branch) and
 * {@code <id>_join} (an EmptyOperator with {@code trigger_rule="none_failed_min_one_success"}) that every
 * branch's last steps lead to and that the condition's successors wait for. A for-each is a mapped task
 * group {@code <id>} (its body's task ids are prefixed {@code <id>.}), expanded over the literal items or,
 * when the items come from a reference, over the list an added {@code <id>_items} task computes. A catch
 * handler waits for the step it handles with {@code trigger_rule="one_failed"}. Dependencies are the
 * transitive reduction of the IR's ({@code after} plus references).
 */
final class AirflowWriter {

  static final String JOIN_RULE = "none_failed_min_one_success";
  static final String HANDLER_RULE = "one_failed";

  private final AirflowFile file;
  private final AirflowValues values;
  private final AirflowRetries retries;
  private final AirflowPython python;
  private final AirflowOperators operators;
  private final String source;

  /** Names of the tasks and nodes of each step. */
  private final Map<String, PyName> taskName = new LinkedHashMap<>();
  private final Map<String, PyName> joinName = new LinkedHashMap<>();
  private final Map<String, PyName> runsName = new LinkedHashMap<>();
  private final Map<String, PyName> itemsName = new LinkedHashMap<>();
  /** Task ids in use (without group prefixes) and each step's own task id. */
  private final Set<String> taskIdSpace = new HashSet<>();
  private final Map<String, String> localTaskId = new LinkedHashMap<>();
  private final Map<String, String> itemsTaskId = new LinkedHashMap<>();
  /** First steps of a for-each body (no items task) that carry the for-each's own trigger rule. */
  private final Map<String, String> inheritedRule = new java.util.HashMap<>();
  /** Steps that follow a mapped task group whose body ends with a catch handler. */
  private final Set<String> afterCaughtGroup = new HashSet<>();
  /** Step ids that are catch handlers. */
  private final Set<String> handlers = new HashSet<>();
  /** for-each steps that become placeholders (nested mapping). */
  private final Set<String> nestedForEach = new HashSet<>();
  /** Edges per scope (the DAG function, or a for-each group function), keyed by the scope's step list. */
  private final Map<Object, Set<Edge>> edges = new IdentityHashMap<>();

  /** A dependency between two tasks, by their Python names. */
  private record Edge(PyName from, PyName to) {}
  private final Set<PyName> referenced = new HashSet<>();
  /** Order in which task variables were assigned (edge statements follow it). */
  private final Map<PyName, Integer> emitted = new java.util.HashMap<>();
  private final List<PyCode> moduleFunctions = new ArrayList<>();
  private AirflowRetries.Settings defaultSettings = AirflowRetries.Settings.NONE;

  private static final Object DAG_SCOPE = new Object();

  AirflowWriter(Pipeline pipeline, AirflowVersion version, String source) {
    this.file = new AirflowFile(pipeline, version);
    this.values = new AirflowValues(file);
    this.retries = new AirflowRetries(file);
    this.python = new AirflowPython(file, values);
    this.operators = new AirflowOperators(file, values, python);
    this.python.setOperators(operators);
    this.source = source;
  }

  Translation<EmittedFiles> write() {
    python.reserveFunctionNames();
    allocate(file.pipeline.steps(), "", false);
    collectEdges(file.pipeline.steps(), DAG_SCOPE);

    Pipeline p = file.pipeline;
    defaultSettings = retries.settings(p.defaults().retry(), p.defaults().timeout(), null);

    PyCode body = new PyCode(PyLayout.STEP);
    writeList(p.steps(), body);
    writeEdges(edges.get(DAG_SCOPE), body);

    List<PyExpr.Kwarg> dagArgs = dagArguments();
    PyName dagFunction = file.names.newName(p.name(), "dag-function");
    PyExpr decorator = PyExpr.call(PyExpr.name(file.use(file.version.dagDecorator())), List.of(), dagArgs);

    PyCode module = new PyCode();
    List<PyCode> copied = python.definitions();
    List<PyCode> generated = new ArrayList<>(moduleFunctions);
    moduleFunctions.clear();
    moduleFunctions.addAll(copied);
    moduleFunctions.addAll(generated);
    writeHelpers();

    // assemble
    PyCode out = new PyCode();
    header(out);
    for (String line : file.imports.lines()) {
      out.verbatim(List.of(line));
    }
    out.blank().blank();
    for (PyCode f : moduleFunctions) {
      out.append(f);
      out.blank().blank();
    }
    out.add("@$E", decorator);
    out.add("def $N():", dagFunction);
    out.indent();
    if (body.isEmpty()) {
      out.add("pass");
    } else {
      out.append(body);
    }
    out.dedent();
    out.blank().blank();
    out.add("$N()", dagFunction);
    module.append(out);
    return new Translation<>(EmittedFiles.streamed(module::writeTo, "py", java.util.Map::of), file.notes);
  }

  private void addFunction(PyCode f) {
    moduleFunctions.add(f);
  }

  // ---- names ---------------------------------------------------------------------------------------

  /**
   * Task ids and variable names, in document order. A classic operator's variable IS its task id (AIR001);
   * a TaskFlow task's variable may differ (its function may own the name), its task id still follows the
   * step id. Full ids carry the for-each group prefix.
   */
  private void allocate(List<Step> steps, String prefix, boolean insideForEach) {
    for (Step s : steps) {
      s.catches().forEach(c -> handlers.add(c.handler()));
      if (s.spec() instanceof ForEachSpec f && !insideForEach) {
        String groupId = taskFlowId(s.id());
        localTaskId.put(s.id(), groupId);
        taskName.put(s.id(), file.names.newName(groupId, s.id()));
        if (needsItemsTask(s, f)) {
          String itemsId = taskFlowId(s.id() + "_items");
          itemsTaskId.put(s.id(), itemsId);
          itemsName.put(s.id(), file.names.newName(itemsId));
          file.taskIds.put(s.id(), prefix + itemsId);
        } else {
          file.taskIds.put(s.id(), prefix + groupId);
        }
        runsName.put(s.id(), file.names.newName(s.id() + "_runs"));
        allocate(f.steps(), prefix + groupId + ".", true);
        continue;
      }
      if (s.spec() instanceof ForEachSpec) {
        nestedForEach.add(s.id());
      }
      if (usesTaskFlow(s)) {
        String id = taskFlowId(s.id());
        localTaskId.put(s.id(), id);
        taskName.put(s.id(), file.names.newName(id, s.id()));
      } else {
        PyName n = classicName(s.id(), s.id());
        localTaskId.put(s.id(), n.identifier());
        taskName.put(s.id(), n);
      }
      file.taskIds.put(s.id(), prefix + localTaskId.get(s.id()));
      if (s.spec() instanceof ConditionSpec c) {
        joinName.put(s.id(), classicName(s.id() + "_join", "join:" + s.id()));
        c.branches().forEach(b -> allocate(b.steps(), prefix, insideForEach));
        allocate(c.otherwise(), prefix, insideForEach);
      }
    }
  }

  private PyName classicName(String suggestion, Object tag) {
    PyName n = file.names.newName(suggestion, tag, id -> !taskIdSpace.contains(id));
    taskIdSpace.add(n.identifier());
    return n;
  }

  private String taskFlowId(String suggestion) {
    String id = PyNames.uniqueIn(suggestion, x -> !taskIdSpace.contains(x));
    taskIdSpace.add(id);
    return id;
  }

  /** Whether the step's task is a TaskFlow call (its variable need not equal its task id). */
  private boolean usesTaskFlow(Step s) {
    return switch (s.kind()) {
      case PYTHON, FAIL, CONDITION, QUALITY_CHECK, CLARIFY_CHECK, NOTEBOOK_JOB, FOR_EACH -> true;
      case APPROVAL -> file.version.approvalOperator().isEmpty();
      case EXTERNAL -> !AirflowOperators.keepsOperator((io.pipeshift.ir.kinds.ExternalSpec) s.spec());
      default -> false;
    };
  }

  /**
   * Whether a step is a mapped task group whose body ends with a catch handler: Airflow's {@code group >> x}
   * waits for the group's leaves, the handler among them, which is skipped when nothing failed; a step after
   * such a group therefore runs when none failed and one succeeded ({@code none_failed_min_one_success}),
   * which is also the IR's meaning (a caught error continues at the handler).
   */
  static boolean hasLeafHandler(Step s) {
    if (!(s.spec() instanceof ForEachSpec f)) {
      return false;
    }
    StepGraph g = StepGraph.of(f.steps());
    Set<String> handled = new HashSet<>();
    f.steps().forEach(x -> x.catches().forEach(c -> handled.add(c.handler())));
    for (int i : g.sinks()) {
      if (handled.contains(f.steps().get(i).id())) {
        return true;
      }
    }
    return false;
  }

  /** The steps a list starts with: no dependency inside the list and not a catch handler. */
  static List<Step> roots(List<Step> steps) {
    StepGraph g = StepGraph.of(steps);
    Set<String> handled = new HashSet<>();
    steps.forEach(s -> s.catches().forEach(c -> handled.add(c.handler())));
    List<Step> out = new ArrayList<>();
    for (int i : g.sources()) {
      if (!handled.contains(steps.get(i).id())) {
        out.add(steps.get(i));
      }
    }
    return out;
  }

  /** Step id -> full task id of its main task (tests read the naming). */
  Map<String, String> taskIds() {
    return java.util.Collections.unmodifiableMap(file.taskIds);
  }

  /** Condition step id -> full task id of its join. */
  Map<String, String> joinIds() {
    Map<String, String> out = new LinkedHashMap<>();
    joinName.forEach((id, n) -> {
      String full = file.taskIds.get(id);
      String prefix = full.contains(".") ? full.substring(0, full.lastIndexOf('.') + 1) : "";
      out.put(id, prefix + n.identifier());
    });
    return out;
  }

  /** For-each step id -> full task id of its items task, when it has one. */
  Map<String, String> itemsIds() {
    Map<String, String> out = new LinkedHashMap<>();
    itemsTaskId.forEach((id, t) -> out.put(id, file.taskIds.get(id)));
    return out;
  }

  /** For-each step id -> its task group id. */
  Map<String, String> groupIds() {
    Map<String, String> out = new LinkedHashMap<>();
    runsName.keySet().forEach(id -> {
      String full = file.taskIds.get(id);
      String prefix = full.contains(".") ? full.substring(0, full.lastIndexOf('.') + 1) : "";
      out.put(id, prefix + localTaskId.get(id));
    });
    return out;
  }

  private PyName entry(Step s) {
    if (s.spec() instanceof ForEachSpec && !nestedForEach.contains(s.id())) {
      return itemsName.containsKey(s.id()) ? itemsName.get(s.id()) : runsName.get(s.id());
    }
    return taskName.get(s.id());
  }

  private PyName exit(Step s) {
    if (s.spec() instanceof ConditionSpec) {
      return joinName.get(s.id());
    }
    if (s.spec() instanceof ForEachSpec && !nestedForEach.contains(s.id())) {
      return runsName.get(s.id());
    }
    return taskName.get(s.id());
  }

  /** Full task ids of the tasks that start a step (what a branch chooser returns). */
  private List<String> entryTaskIds(Step s) {
    if (s.spec() instanceof ForEachSpec f && !nestedForEach.contains(s.id()) && !itemsName.containsKey(s.id())) {
      List<String> out = new ArrayList<>();
      for (Step r : roots(f.steps())) {
        out.addAll(entryTaskIds(r));
      }
      return out;
    }
    return List.of(file.taskIds.get(s.id()));
  }

  // ---- edges ---------------------------------------------------------------------------------------

  private void collectEdges(List<Step> steps, Object scope) {
    Set<Edge> list = edges.computeIfAbsent(scope, k -> new java.util.LinkedHashSet<>());
    StepGraph g = StepGraph.of(steps).transitiveReduction();
    for (int[] e : g.edges()) {
      addEdge(list, exit(steps.get(e[0])), entry(steps.get(e[1])));
      if (hasLeafHandler(steps.get(e[0]))) {
        afterCaughtGroup.add(steps.get(e[1]).id());
      }
    }
    Map<String, Step> byId = new LinkedHashMap<>();
    steps.forEach(s -> byId.put(s.id(), s));
    for (Step s : steps) {
      for (CatchClause c : s.catches()) {
        addEdge(list, exit(s), entry(byId.get(c.handler())));
      }
      if (s.spec() instanceof ConditionSpec c) {
        List<List<Step>> arms = new ArrayList<>();
        c.branches().forEach(b -> arms.add(b.steps()));
        arms.add(c.otherwise());
        for (List<Step> arm : arms) {
          if (arm.isEmpty()) {
            addEdge(list, taskName.get(s.id()), joinName.get(s.id()));
            continue;
          }
          StepGraph ag = StepGraph.of(arm);
          for (Step r : roots(arm)) {
            addEdge(list, taskName.get(s.id()), entry(r));
          }
          for (int l : ag.sinks()) {
            addEdge(list, exit(arm.get(l)), joinName.get(s.id()));
          }
          collectEdges(arm, scope);
        }
      }
      if (s.spec() instanceof ForEachSpec f && !nestedForEach.contains(s.id())) {
        collectEdges(f.steps(), f.steps());
      }
    }
  }

  private void addEdge(Set<Edge> list, PyName from, PyName to) {
    if (!list.add(new Edge(from, to))) {
      return;
    }
    referenced.add(from);
    referenced.add(to);
  }

  /**
   * Dependencies as {@code >>} statements: runs of single links as chains ({@code a >> b >> c}), several
   * upstream tasks as a list ({@code [a, b] >> c}), several downstream tasks as a list ({@code a >> [b, c]}).
   */
  private void writeEdges(Set<Edge> list, PyCode out) {
    if (list == null || list.isEmpty()) {
      return;
    }
    Map<PyName, List<PyName>> preds = new LinkedHashMap<>();
    Map<PyName, List<PyName>> succs = new LinkedHashMap<>();
    for (Edge e : list) {
      succs.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
      preds.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
    }
    Set<Edge> done = new java.util.HashSet<>();
    List<List<PyName>> chains = new ArrayList<>();
    for (Edge e : list) {
      if (done.contains(e) || preds.get(e.to()).size() != 1) {
        continue;
      }
      PyName start = e.from();
      boolean startIsMiddle = preds.getOrDefault(start, List.of()).size() == 1 && succs.get(start).size() == 1;
      if (startIsMiddle) {
        continue; // reached from its predecessor's chain
      }
      List<PyName> chain = new ArrayList<>(List.of(e.from(), e.to()));
      done.add(e);
      PyName cur = e.to();
      while (succs.getOrDefault(cur, List.of()).size() == 1) {
        PyName next = succs.get(cur).get(0);
        Edge edge = new Edge(cur, next);
        if (preds.get(next).size() != 1 || done.contains(edge)) {
          break;
        }
        chain.add(next);
        done.add(edge);
        cur = next;
      }
      chains.add(chain);
    }
    // fan-out of a single source into targets that have no other upstream: a >> [b, c]
    Map<PyName, List<PyName>> fanOut = new LinkedHashMap<>();
    Map<PyName, List<PyName>> fanIn = new LinkedHashMap<>();
    for (Edge e : list) {
      if (done.contains(e)) {
        continue;
      }
      if (preds.get(e.to()).size() == 1) {
        fanOut.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
      } else {
        fanIn.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
      }
    }
    Map<PyName, Integer> pairs = new LinkedHashMap<>();
    for (List<PyName> chain : chains) {
      if (chain.size() == 2) {
        pairs.merge(chain.get(0), 1, Integer::sum);
      }
    }
    List<Map.Entry<PyName, PyExpr>> statements = new ArrayList<>();
    for (List<PyName> chain : chains) {
      if (chain.size() == 2 && (fanOut.containsKey(chain.get(0)) || pairs.get(chain.get(0)) > 1)) {
        fanOut.computeIfAbsent(chain.get(0), k -> new ArrayList<>());
        continue;
      }
      // A long chain is cut into statements of at most MAX_CHAIN tasks, each starting where the last ended:
      // CPython parses `a >> b >> ...` as a nested tree and gives up (RecursionError) after a few thousand.
      for (int from = 0; from < chain.size() - 1; from += MAX_CHAIN - 1) {
        List<PyName> piece = chain.subList(from, Math.min(chain.size(), from + MAX_CHAIN));
        statements.add(Map.entry(piece.get(0), shifts(piece.stream().map(PyExpr::name).toList())));
      }
    }
    for (List<PyName> chain : chains) {
      if (chain.size() == 2 && fanOut.containsKey(chain.get(0))) {
        List<PyName> targets = fanOut.get(chain.get(0));
        if (!targets.contains(chain.get(1))) {
          targets.add(chain.get(1));
        }
      }
    }
    fanOut.forEach((from, tos) -> statements.add(Map.entry(from, shifts(List.of(PyExpr.name(from), group(tos))))));
    fanIn.forEach((to, froms) -> statements.add(Map.entry(froms.get(0), shifts(List.of(group(froms), PyExpr.name(to))))));
    // in the order the tasks were written (stable for equal positions)
    statements.sort(java.util.Comparator.comparingInt(e -> emitted.getOrDefault(e.getKey(), Integer.MAX_VALUE)));
    statements.forEach(e -> out.add("$E", e.getValue()));
  }

  private static PyExpr group(List<PyName> names) {
    return names.size() == 1 ? PyExpr.name(names.get(0)) : new PyExpr.ListExpr(names.stream().map(PyExpr::name).toList());
  }

  /** Most tasks in one {@code a >> b >> ...} statement (see writeEdges). */
  static final int MAX_CHAIN = 100;

  /** {@code a >> b >> c}: one chain of already-safe operands, printed without parentheses. */
  private static PyExpr shifts(List<PyExpr> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    List<PyExpr> operands = new ArrayList<>(parts.size());
    if (parts.get(0) instanceof PyExpr.ShiftChain c) {
      operands.addAll(c.operands()); // (a >> b) >> c is a >> b >> c; a chain on the right would not be
    } else {
      operands.add(parts.get(0));
    }
    operands.addAll(parts.subList(1, parts.size()));
    return new PyExpr.ShiftChain(operands);
  }

  // ---- tasks -----------------------------------------------------------------------------------------

  private void writeList(List<Step> steps, PyCode out) {
    for (Step s : steps) {
      writeStep(s, out);
    }
  }

  private void writeStep(Step s, PyCode out) {
    if (file.pipeline.cachingOf(s).map(c -> c.enabled()).orElse(false)) {
      file.note(AirflowNote.CACHING, s.id(), s.caching().flatMap(c -> c.expireAfter())
          .map(d -> "expire after " + io.pipeshift.time.Durations.format(d)).orElse(""));
    }
    if (s.spec() instanceof ConditionSpec c) {
      writeCondition(s, c, out);
    } else if (s.spec() instanceof ForEachSpec f) {
      if (nestedForEach.contains(s.id())) {
        file.note(AirflowNote.NESTED_FOR_EACH, s.id(), "the inner for-each is a placeholder");
        statement(s, operators.placeholder(s, "a for-each inside a for-each cannot be mapped in Airflow"), out,
            List.of());
      } else {
        writeForEach(s, f, out);
      }
    } else {
      statement(s, operators.call(s), out, List.of());
    }
  }

  /** {@code name = Operator(task_id=..., ...)} or {@code name = function.override(task_id=...)(...)}. */
  private void statement(Step s, AirflowOperators.TaskCall call, PyCode out, List<PyExpr.Kwarg> extra) {
    PyName name = taskName.get(s.id());
    String taskId = localTaskId.get(s.id());
    List<PyExpr.Kwarg> common = new ArrayList<>();
    common.add(PyExpr.kw("task_id", PyExpr.str(taskId)));
    List<PyExpr.Kwarg> tail = new ArrayList<>(extra);
    tail.addAll(taskSettings(s));
    if (handlers.contains(s.id())) {
      tail.add(PyExpr.kw("trigger_rule", PyExpr.str(HANDLER_RULE)));
      noteCatch(s);
    } else if (afterCaughtGroup.contains(s.id())) {
      tail.add(PyExpr.kw("trigger_rule", PyExpr.str(JOIN_RULE)));
    } else if (inheritedRule.containsKey(s.id())) {
      tail.add(PyExpr.kw("trigger_rule", PyExpr.str(inheritedRule.get(s.id()))));
    }
    s.displayName().filter(d -> !d.equals(taskId))
        .ifPresent(d -> tail.add(PyExpr.kw("task_display_name", PyExpr.str(d))));
    s.description().ifPresent(d -> tail.add(PyExpr.kw("doc_md", PyExpr.str(d))));
    PyExpr expr;
    if (call instanceof AirflowOperators.Classic c) {
      List<PyExpr.Kwarg> kw = new ArrayList<>(common);
      kw.addAll(c.kwargs());
      kw.addAll(tail);
      expr = PyExpr.call(PyExpr.name(c.operator()), List.of(), kw);
    } else {
      AirflowOperators.TaskFlow t = (AirflowOperators.TaskFlow) call;
      List<PyExpr.Kwarg> kw = new ArrayList<>(common);
      kw.addAll(tail);
      PyExpr override = PyExpr.call(PyExpr.attr(PyExpr.name(t.function()), "override"), List.of(), kw);
      expr = PyExpr.call(override, t.args(), t.kwargs());
    }
    assign(name, expr, out);
  }

  /** The trigger rule a step's entry tasks need, if not Airflow's default. */
  private Optional<String> ownRule(Step s) {
    if (handlers.contains(s.id())) {
      return Optional.of(HANDLER_RULE);
    }
    if (afterCaughtGroup.contains(s.id())) {
      return Optional.of(JOIN_RULE);
    }
    return Optional.ofNullable(inheritedRule.get(s.id()));
  }

  private void assign(PyName name, PyExpr expr, PyCode out) {
    emitted.putIfAbsent(name, emitted.size());
    if (referenced.contains(name)) {
      out.add("$N = $E", name, expr);
    } else {
      out.add("$E", expr);
    }
  }

  private final Set<String> notedCatches = new HashSet<>();

  private void noteCatch(Step handler) {
    for (Step s : file.steps.values()) {
      for (CatchClause c : s.catches()) {
        if (c.handler().equals(handler.id()) && notedCatches.add(s.id() + "->" + c.handler())) {
          if (!c.errors().equals(List.of(ErrorClass.ALL))) {
            file.note(AirflowNote.CATCH_ERROR_FILTER, s.id(), "IR catches only "
                + c.errors().stream().map(ErrorClass::name).toList() + " into " + c.handler());
          }
          file.note(AirflowNote.CATCH_RUN_STATE, s.id(), "handler " + c.handler());
        }
      }
    }
  }

  /** Retry and timeout arguments that differ from default_args (control tasks never inherit retries). */
  private List<PyExpr.Kwarg> taskSettings(Step s) {
    boolean work = s.kind().isWork();
    Optional<java.time.Duration> timeout = file.pipeline.timeoutOf(s);
    if (s.kind() == io.pipeshift.ir.StepKind.APPROVAL && file.version == AirflowVersion.V3) {
      List<PyExpr.Kwarg> out = new ArrayList<>(retries.overrides(
          retries.settings(file.pipeline.retryOf(s), Optional.empty(), s.id()), defaultSettings));
      timeout.ifPresent(t -> {
        file.note(AirflowNote.TIMEOUT_APPROVAL, s.id(), io.pipeshift.time.Durations.format(t));
        out.add(PyExpr.kw("response_timeout", retries.timedelta(t)));
      });
      return out;
    }
    AirflowRetries.Settings wanted = retries.settings(work ? file.pipeline.retryOf(s) : s.retry(), timeout,
        s.retry().isPresent() ? s.id() : null);
    return retries.overrides(wanted, defaultSettings);
  }

  private List<PyExpr.Kwarg> noRetry() {
    return retries.overrides(AirflowRetries.Settings.NONE, defaultSettings);
  }

  // ---- conditions --------------------------------------------------------------------------------------

  private void writeCondition(Step s, ConditionSpec c, PyCode out) {
    PyName chooser = file.names.newName("choose_" + s.id());
    Set<String> used = new LinkedHashSet<>();
    boolean insideForEach = file.taskIds.get(s.id()).contains(".");
    boolean usesItem = c.branches().stream().anyMatch(b -> b.when().values().stream().anyMatch(AirflowValues::containsItem));
    PyCode tests = new PyCode(PyLayout.STEP);
    for (ConditionSpec.Branch b : c.branches()) {
      tests.add("if $E:", condition(b.when(), s.id(), used));
      tests.indent();
      tests.add("return $E", taskIdList(b.steps(), s));
      tests.dedent();
    }
    tests.add("return $E", taskIdList(c.otherwise(), s));
    PyCode fn = new PyCode();
    fn.add("@$E", PyExpr.attr(PyExpr.name(file.use(file.version.task())), "branch"));
    if (usesItem && insideForEach) {
      fn.add("def $N(item, **context):", chooser);
    } else {
      fn.add("def $N(**context):", chooser);
    }
    fn.indent();
    fn.add("$S", "Chooses the branch to run: the first one whose condition holds.");
    if (used.contains("params")) {
      fn.add("params = context[$S]", "params");
    }
    if (used.contains("ti")) {
      fn.add("ti = context[$S]", "ti");
    }
    fn.append(tests);
    fn.dedent();
    addFunction(fn);

    List<PyExpr.Kwarg> kwargs = new ArrayList<>();
    if (usesItem && insideForEach) {
      kwargs.add(PyExpr.kw("item", values.templated(new Value.ItemRef(""), AirflowValues.Form.NATIVE, s.id())));
    }
    statement(s, new AirflowOperators.TaskFlow(chooser, List.of(), kwargs), out, List.of());
    c.branches().forEach(b -> writeList(b.steps(), out));
    writeList(c.otherwise(), out);
    PyName join = joinName.get(s.id());
    List<PyExpr.Kwarg> kw = new ArrayList<>();
    kw.add(PyExpr.kw("task_id", PyExpr.str(join.identifier())));
    kw.add(PyExpr.kw("trigger_rule", PyExpr.str(JOIN_RULE)));
    kw.addAll(noRetry());
    assign(join, PyExpr.call(PyExpr.name(file.use(file.version.emptyOperator())), List.of(), kw), out);
  }

  /** The task ids a branch starts with (the join when the branch is empty). */
  private PyExpr taskIdList(List<Step> arm, Step condition) {
    List<PyExpr> ids = new ArrayList<>();
    if (arm.isEmpty()) {
      String prefix = file.taskIds.get(condition.id());
      prefix = prefix.contains(".") ? prefix.substring(0, prefix.lastIndexOf('.') + 1) : "";
      ids.add(PyExpr.str(prefix + joinName.get(condition.id()).identifier()));
    } else {
      for (Step r : roots(arm)) {
        entryTaskIds(r).forEach(id -> ids.add(PyExpr.str(id)));
      }
    }
    return new PyExpr.ListExpr(ids);
  }

  /** The IR condition as a Python boolean expression over the run's values. */
  private PyExpr condition(Condition c, String step, Set<String> used) {
    if (c instanceof Condition.Comparison cmp) {
      String op = switch (cmp.operator()) {
        case EQ -> "==";
        case GT -> ">";
        case GTE -> ">=";
        case LT -> "<";
        case LTE -> "<=";
      };
      // `x is True` rather than `x == True` (pycodestyle E712): the same test for a boolean parameter
      boolean bool = cmp.operator() == Condition.Operator.EQ
          && (isBoolean(cmp.left()) || isBoolean(cmp.right()));
      return new PyExpr.Op(values.python(cmp.left(), step, used), bool ? "is" : op,
          values.python(cmp.right(), step, used));
    }
    if (c instanceof Condition.In in) {
      List<PyExpr> options = in.values().stream().map(v -> values.python(v, step, used)).toList();
      return new PyExpr.Op(values.python(in.value(), step, used), "in", new PyExpr.ListExpr(options));
    }
    if (c instanceof Condition.Not n) {
      return new PyExpr.Not(condition(n.condition(), step, used));
    }
    List<Condition> parts = c instanceof Condition.All a ? a.conditions() : ((Condition.Any) c).conditions();
    String op = c instanceof Condition.All ? "and" : "or";
    if (parts.isEmpty()) {
      return PyExpr.bool(op.equals("and"));
    }
    if (parts.size() == 1) {
      return condition(parts.get(0), step, used);
    }
    return new PyExpr.BoolOp(op, parts.stream().map(p -> condition(p, step, used)).toList());
  }

  private static boolean isBoolean(Value v) {
    return v instanceof Value.Literal l && l.value() instanceof Boolean;
  }

  // ---- for-each ----------------------------------------------------------------------------------------

  /** Whether the items come from the run (a reference) or an item is combined with another reference. */
  private boolean needsItemsTask(Step s, ForEachSpec f) {
    if (f.itemsFrom().isPresent()) {
      return true;
    }
    for (Step body : StepTree.flatten(f.steps())) {
      if (body.spec() instanceof ForEachSpec) {
        continue;
      }
      for (Value v : References.ownValues(body)) {
        if (AirflowValues.containsItem(v) && !itemOnly(v)) {
          return true;
        }
      }
      for (Map<String, Value> payload : jsonPayloads(body)) {
        boolean item = payload.values().stream().anyMatch(AirflowValues::containsItem);
        if (item && !payload.values().stream().allMatch(this::itemOnly)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean itemOnly(Value v) {
    if (v instanceof Value.Literal || v instanceof Value.ItemRef) {
      return true;
    }
    return v instanceof Value.Join j && j.values().stream().allMatch(this::itemOnly);
  }

  private static List<Map<String, Value>> jsonPayloads(Step s) {
    if (s.spec() instanceof LambdaSpec l) {
      return List.of(l.payload());
    }
    if (s.spec() instanceof StartStepFunctionsSpec sf) {
      return List.of(sf.input());
    }
    if (s.spec() instanceof EventBridgePutSpec e) {
      return List.of(e.detail());
    }
    if (s.spec() instanceof CallbackSpec c) {
      return List.of(c.payload());
    }
    return List.of();
  }

  private void writeForEach(Step s, ForEachSpec f, PyCode out) {
    PyName group = taskName.get(s.id());
    String groupId = localTaskId.get(s.id());
    AirflowValues.ItemScope scope = new AirflowValues.ItemScope(s);
    Optional<String> rule = ownRule(s);
    if (rule.isPresent() && !itemsName.containsKey(s.id())) {
      roots(f.steps()).forEach(r -> inheritedRule.put(r.id(), rule.get()));
    }
    values.enter(scope);
    PyCode body = new PyCode(out.indentation() + PyLayout.STEP);
    writeList(f.steps(), body);
    writeEdges(edges.get(f.steps()), body);
    if (scope.bindings.isEmpty()) {
      values.templated(new Value.ItemRef(""), AirflowValues.Form.NATIVE, s.id()); // expand needs one argument
    }
    values.exit();

    List<PyExpr.Kwarg> groupArgs = new ArrayList<>();
    groupArgs.add(PyExpr.kw("group_id", PyExpr.str(groupId)));
    Map<String, PyExpr> defaults = new LinkedHashMap<>();
    if (f.maxConcurrency() > 0) {
      defaults.put("max_active_tis_per_dagrun", PyExpr.number(f.maxConcurrency()));
    }
    if (!defaults.isEmpty()) {
      groupArgs.add(PyExpr.kw("default_args", PyExpr.literal(defaults)));
    }
    s.displayName().filter(d -> !d.equals(groupId))
        .ifPresent(d -> groupArgs.add(PyExpr.kw("tooltip", PyExpr.str(d))));
    if (!out.isEmpty()) {
      out.blank();
    }
    out.add("@$E", PyExpr.call(PyExpr.name(file.use(file.version.taskGroup())), List.of(), groupArgs));
    StringBuilder def = new StringBuilder("def $N(");
    List<Object> args = new ArrayList<>();
    args.add(group);
    String sep = "";
    for (AirflowValues.Binding b : scope.bindings.values()) {
      def.append(sep).append("$N");
      args.add(b.name());
      sep = ", ";
    }
    out.add(def.append("):").toString(), args.toArray());
    out.indent();
    out.append(body);
    out.dedent();

    PyExpr expansion;
    if (itemsName.containsKey(s.id())) {
      PyName itemsTask = itemsName.get(s.id());
      PyName fn = itemsFunction(s, f, scope);
      List<PyExpr.Kwarg> kw = new ArrayList<>();
      kw.add(PyExpr.kw("task_id", PyExpr.str(itemsTaskId.get(s.id()))));
      kw.addAll(noRetry());
      rule.ifPresent(r -> kw.add(PyExpr.kw("trigger_rule", PyExpr.str(r))));
      PyExpr call = PyExpr.call(PyExpr.call(PyExpr.attr(PyExpr.name(fn), "override"), List.of(), kw), List.of(), List.of());
      emitted.putIfAbsent(itemsTask, emitted.size());
      out.add("$N = $E", itemsTask, call);
      expansion = PyExpr.name(itemsTask);
    } else {
      List<PyExpr> rows = new ArrayList<>();
      for (Object item : f.items()) {
        List<Map.Entry<PyExpr, PyExpr>> row = new ArrayList<>();
        for (AirflowValues.Binding b : scope.bindings.values()) {
          Object v = AirflowValues.staticValue(b, item)
              .orElseThrow(() -> new IllegalStateException("binding needs the run: " + b));
          row.add(Map.entry(PyExpr.str(b.name().identifier()), PyExpr.literal(v)));
        }
        rows.add(new PyExpr.Dict(row));
      }
      expansion = new PyExpr.ListExpr(rows);
    }
    PyExpr expand = PyExpr.call(PyExpr.attr(PyExpr.name(group), "expand_kwargs"), List.of(expansion), List.of());
    out.blank();
    assign(runsName.get(s.id()), expand, out);
  }

  /** {@code @task def list_<id>(**context)}: computes each item's group arguments when the run starts. */
  private PyName itemsFunction(Step s, ForEachSpec f, AirflowValues.ItemScope scope) {
    PyName name = file.names.newName("list_" + s.id() + "_items");
    Set<String> used = new LinkedHashSet<>();
    PyExpr itemsExpr = f.itemsFrom().isPresent()
        ? values.python(f.itemsFrom().get(), s.id(), used)
        : PyExpr.literal(f.items());
    List<Map.Entry<PyExpr, PyExpr>> row = new ArrayList<>();
    for (AirflowValues.Binding b : scope.bindings.values()) {
      row.add(Map.entry(PyExpr.str(b.name().identifier()), bindingExpr(b, s.id(), used)));
    }
    PyCode fn = new PyCode();
    fn.add("@$E", AirflowFile.taskDecorator(file));
    fn.add("def $N(**context):", name);
    fn.indent();
    fn.add("$S", "Lists the arguments of each run of the mapped task group.");
    if (used.contains("params")) {
      fn.add("params = context[$S]", "params");
    }
    if (used.contains("ti")) {
      fn.add("ti = context[$S]", "ti");
    }
    fn.add("items = $E", itemsExpr);
    fn.add("return [$E for item in items]", new PyExpr.Dict(row));
    fn.dedent();
    addFunction(fn);
    return name;
  }

  private PyExpr bindingExpr(AirflowValues.Binding b, String step, Set<String> used) {
    if (b.source() instanceof Value v) {
      PyExpr e = values.python(v, step, used);
      return b.form() == AirflowValues.Form.STRING && !(v instanceof Value.Join)
          ? PyExpr.call(PyExpr.code("str"), List.of(e), List.of()) : e;
    }
    @SuppressWarnings("unchecked")
    Map<String, Value> fields = (Map<String, Value>) b.source();
    List<Map.Entry<PyExpr, PyExpr>> entries = new ArrayList<>();
    fields.forEach((k, v) -> entries.add(Map.entry(PyExpr.str(k), values.python(v, step, used))));
    return PyExpr.call(PyExpr.attr(PyExpr.name(file.module("json")), "dumps"), List.of(new PyExpr.Dict(entries)),
        List.of());
  }

  // ---- DAG arguments -----------------------------------------------------------------------------------

  private List<PyExpr.Kwarg> dagArguments() {
    Pipeline p = file.pipeline;
    List<PyExpr.Kwarg> kw = new ArrayList<>();
    kw.add(PyExpr.kw("dag_id", PyExpr.str(dagId(p.name()))));
    p.description().ifPresent(d -> kw.add(PyExpr.kw("description", PyExpr.str(d))));
    AirflowSchedule schedule = new AirflowSchedule(file, retries);
    kw.addAll(schedule.arguments());
    if (!p.tags().isEmpty()) {
      List<PyExpr> tags = new ArrayList<>();
      p.tags().forEach((k, v) -> {
        String tag = v.isEmpty() ? k : k + ":" + v;
        if (tag.length() > 100) {
          file.note(AirflowNote.TAG, null, PyLiteral.string(tag.substring(0, 40)) + "...");
          tag = tag.substring(0, 100);
        }
        tags.add(PyExpr.str(tag));
      });
      kw.add(PyExpr.kw("tags", new PyExpr.ListExpr(tags)));
    }
    if (!p.parameters().isEmpty()) {
      List<Map.Entry<PyExpr, PyExpr>> params = new ArrayList<>();
      for (Parameter param : p.parameters()) {
        params.add(Map.entry(PyExpr.str(param.name()), param(param, schedule.isScheduled())));
      }
      kw.add(PyExpr.kw("params", new PyExpr.Dict(params)));
    }
    List<Map.Entry<String, PyExpr>> defaults = retries.entries(defaultSettings);
    if (!defaults.isEmpty()) {
      List<Map.Entry<PyExpr, PyExpr>> entries = new ArrayList<>();
      defaults.forEach(e -> entries.add(Map.entry(PyExpr.str(e.getKey()), e.getValue())));
      kw.add(PyExpr.kw("default_args", new PyExpr.Dict(entries)));
    }
    if (!file.macros.isEmpty()) {
      List<Map.Entry<PyExpr, PyExpr>> macros = new ArrayList<>();
      for (AirflowFile.Helper h : file.macros) {
        PyName n = file.helper(h);
        macros.add(Map.entry(PyExpr.str(n.identifier()), PyExpr.name(n)));
      }
      kw.add(PyExpr.kw("user_defined_macros", new PyExpr.Dict(macros)));
    }
    if (file.needsFromJsonFilter) {
      PyExpr loads = PyExpr.attr(PyExpr.name(file.module("json")), "loads");
      kw.add(PyExpr.kw("user_defined_filters", new PyExpr.Dict(List.of(Map.entry(PyExpr.str("fromjson"), loads)))));
    }
    return kw;
  }

  private PyExpr param(Parameter param, boolean scheduled) {
    PyName paramClass = file.use(file.version.param());
    String type = switch (param.type()) {
      case STRING -> "string";
      case INTEGER -> "integer";
      case FLOAT -> "number";
      case BOOLEAN -> "boolean";
    };
    List<PyExpr> args = new ArrayList<>();
    List<PyExpr.Kwarg> kw = new ArrayList<>();
    if (param.defaultValue().isPresent()) {
      args.add(PyExpr.literal(param.defaultValue().get().value()));
      kw.add(PyExpr.kw("type", PyExpr.str(type)));
    } else if (scheduled) {
      file.note(AirflowNote.REQUIRED_PARAMETER, null, "parameter " + param.name());
      args.add(PyExpr.none());
      kw.add(PyExpr.kw("type", new PyExpr.ListExpr(List.of(PyExpr.str("null"), PyExpr.str(type)))));
    } else {
      kw.add(PyExpr.kw("type", PyExpr.str(type)));
    }
    if (!param.allowed().isEmpty()) {
      kw.add(PyExpr.kw("enum", new PyExpr.ListExpr(param.allowed().stream().map(a -> PyExpr.literal(a.value())).toList())));
    }
    param.description().ifPresent(d -> kw.add(PyExpr.kw("description", PyExpr.str(d))));
    return PyExpr.call(PyExpr.name(paramClass), args, kw);
  }

  /** A valid Airflow DAG id: letters, digits, '_', '-', '.', at most 250 characters. */
  static String dagIdOf(String name) {
    String id = name.replaceAll("[^A-Za-z0-9_.-]", "_");
    if (id.isEmpty()) {
      id = "pipeline";
    }
    return id.length() > 250 ? id.substring(0, 250) : id;
  }

  private String dagId(String name) {
    String id = dagIdOf(name);
    if (!id.equals(name)) {
      file.note(AirflowNote.DAG_ID, null, "DAG id " + PyLiteral.string(id));
    }
    return id;
  }

  // ---- helpers and header --------------------------------------------------------------------------------

  private void writeHelpers() {
    for (AirflowFile.Helper h : new ArrayList<>(file.helpers)) {
      PyName name = file.names.get(h);
      PyCode c = new PyCode();
      switch (h) {
        case FAIL -> {
          c.add("@$E", AirflowFile.taskDecorator(file));
          c.add("def $N(message):", name);
          c.indent();
          c.add("$S", "Ends the run as failed, without retrying.");
          c.add("raise $N(message)", file.use(file.version.failException()));
          c.dedent();
        }
        case READ_JSON_PROPERTY -> {
          c.add("def $N(uri, path):", name);
          c.indent();
          c.add("$S", "Reads one property of a JSON file in S3 (SageMaker's JsonGet), when the task runs.");
          c.add("import jmespath");
          c.add("from airflow.providers.amazon.aws.hooks.s3 import S3Hook");
          c.blank();
          c.add("bucket, key = S3Hook.parse_s3_url(uri)");
          c.add("hook = S3Hook()");
          c.add("document = $N.loads(hook.read_key(key, bucket_name=bucket))", file.module("json"));
          c.add("return jmespath.search(path, document)");
          c.dedent();
        }
        case CALL_FROM_MODULE -> {
          c.add("def $N(module, function, arguments):", name);
          c.indent();
          c.add("$S", "Imports a module when the task runs and calls one of its functions.");
          c.add("return getattr($N.import_module(module), function)(**arguments)", file.module("importlib"));
          c.dedent();
        }
      }
      addFunction(c);
    }
  }

  /** Three comment lines; user text in them is a string literal, so it cannot end the comment. */
  private void header(PyCode out) {
    String from = source == null || source.isEmpty() ? "an IR pipeline" : PyLiteral.string(shorten(source, 50));
    out.verbatim(List.of(
        "# Generated by pipeshift from " + from + ",",
        "# pipeline " + PyLiteral.string(shorten(file.pipeline.name(), 50)) + ", for Apache Airflow "
            + file.version.label() + ".",
        "# Edit the pipeline and convert it again instead of editing this file."));
  }

  private static String shorten(String s, int max) {
    return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 3)) + "...";
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
