package io.pipeshift.from.airflow.eval;

import io.pipeshift.from.airflow.parse.PyParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Calls, attributes and decorators: what the evaluator knows about Airflow's authoring API ({@code DAG},
 * {@code @dag}, {@code @task} and its flavours, {@code TaskGroup}, {@code Label}, {@code Param},
 * {@code chain}, assets, {@code .partial().expand()}), about operators (any class called with
 * {@code task_id=}), about a small, side-effect-free part of Python's builtins and standard library
 * ({@code range}, {@code datetime}, {@code timedelta}, {@code pendulum}, {@code json.dumps}, string and
 * container methods), and that everything else is unknown: {@code Variable.get}, environment variables,
 * the clock, file and process calls become {@link PyValue.Unresolved}, and are never run.
 */
final class Calls {

  /** Evaluated call arguments. */
  static final class Args {
    final List<PyValue> args = new ArrayList<>();
    final LinkedHashMap<String, PyValue> kwargs = new LinkedHashMap<>();
    PyValue unknownSpread;

    static Args of(List<PyValue> args, Map<String, PyValue> kwargs) {
      Args a = new Args();
      a.args.addAll(args);
      a.kwargs.putAll(kwargs);
      return a;
    }
  }

  /** Where a call is written: the primary and the index of its call trailer. */
  record Site(PyParser.PrimaryContext primary, PyParser.TrailerContext trailer, int index) {

    int line() {
      return primary.getStart().getLine();
    }

    int column() {
      return primary.getStart().getCharPositionInLine() + 1;
    }

    /** The source text of what is called, e.g. {@code Variable.get}. */
    String callee() {
      Token start = primary.getStart();
      Token stop = index == 0 ? ModuleEvaluator.lastRealToken(primary.atom())
          : ModuleEvaluator.lastRealToken(primary.trailer(index - 1));
      return start.getInputStream().getText(Interval.of(start.getStartIndex(), stop.getStopIndex()));
    }

    /** The source text of the whole call, shortened. */
    String call() {
      Token start = primary.getStart();
      Token stop = ModuleEvaluator.lastRealToken(trailer);
      String t = start.getInputStream().getText(Interval.of(start.getStartIndex(),
          Math.min(stop.getStopIndex(), start.getStartIndex() + 640)));
      if (t.indexOf('\n') >= 0) {
        t = t.replaceAll("\\s*\\n\\s*", " ");
      }
      return t.length() > 160 ? t.substring(0, 157) + "..." : t;
    }

    PyValue.Unresolved unresolved(String construct) {
      return new PyValue.Unresolved(call(), construct, line(), column());
    }
  }

  private final ModuleEvaluator ev;
  final Relations relations;

  Calls(ModuleEvaluator ev) {
    this.ev = ev;
    this.relations = new Relations(ev);
  }

  // ================================================================ attributes

  PyValue attribute(PyValue v, String name, PyParser.PrimaryContext p, PyParser.TrailerContext t) {
    if (v instanceof PyValue.Symbol s) {
      String owner = s.simpleName();
      if (owner.equals("TriggerRule") || owner.equals("WeightRule")) {
        return new PyValue.Str(name.toLowerCase(Locale.ROOT));
      }
      if (s.qualifiedName().equals("os.environ") || s.qualifiedName().equals("sys.argv")) {
        return new PyValue.Symbol(s.qualifiedName() + "." + name);
      }
      return new PyValue.Symbol(s.qualifiedName() + "." + name);
    }
    if (v instanceof PyValue.Unresolved u) {
      return u;
    }
    if (v instanceof TaskNode task) {
      return switch (name) {
        case "task_id" -> new PyValue.Str(task.taskId());
        case "output" -> new PyValue.XComArg(task, "return_value");
        case "dag" -> task.dag().<PyValue>map(d -> d).orElse(PyValue.None.NONE);
        default -> new PyValue.BoundMethod(task, name);
      };
    }
    if (v instanceof PyValue.XComArg x) {
      return switch (name) {
        case "operator" -> x.task();
        case "set_upstream", "set_downstream", "as_setup", "as_teardown", "map", "zip", "concat", "resolve" ->
            new PyValue.BoundMethod(x, name);
        default -> x;
      };
    }
    if (v instanceof DagNode d) {
      return switch (name) {
        case "dag_id" -> new PyValue.Str(d.dagId());
        case "doc_md" -> d.docMd().<PyValue>map(PyValue.Str::new).orElse(PyValue.None.NONE);
        default -> new PyValue.BoundMethod(d, name);
      };
    }
    if (v instanceof TaskGroupNode g) {
      return name.equals("group_id") ? new PyValue.Str(g.groupId()) : new PyValue.BoundMethod(g, name);
    }
    if (v instanceof PyValue.Function f && name.equals("__name__")) {
      return new PyValue.Str(f.name());
    }
    if (v instanceof PyValue.TaskFactory f && name.equals("__name__")) {
      return new PyValue.Str(f.function().name());
    }
    if (v instanceof PyValue.Instance i) {
      if (i.qualifiedName().equals("pathlib.Path") && i.args().size() == 1 && Stdlib.isFile(i.args().get(0))) {
        if (name.equals("stem")) {
          return new PyValue.Str(ev.moduleName());
        }
        if (name.equals("name")) {
          return new PyValue.Str(ev.moduleName() + ".py");
        }
      }
      return i.asUnresolved();
    }
    if (v instanceof PyValue.DagParam || v instanceof PyValue.DateTime) {
      return ev.unresolved(p, "run-time value");
    }
    return new PyValue.BoundMethod(v, name);
  }

  void setAttribute(PyValue owner, String name, PyValue v, ParserRuleContext at) {
    if (owner instanceof TaskNode t) {
      t.kwargs().put(name, v);
    } else if (owner instanceof PyValue.XComArg x) {
      x.task().kwargs().put(name, v);
    } else if (owner instanceof DagNode d) {
      if (name.equals("doc_md") && v instanceof PyValue.Str s) {
        d.docMd(s.value());
      } else {
        d.kwargs().put(name, v);
      }
    }
    // attributes of other objects do not build the DAG
  }

  // ================================================================ calls

  PyValue call(PyValue callee, Args a, Site site) {
    if (a.unknownSpread != null && !(callee instanceof PyValue.Symbol || callee instanceof PyValue.ClassDef)) {
      ev.warn(site.line(), site.column(), construct(a.unknownSpread), "`" + site.call()
          + "` spreads arguments known only at run time; they are missing");
    }
    if (callee instanceof PyValue.Function f) {
      return ev.invoke(f, a.args, a.kwargs, site.primary());
    }
    if (callee instanceof PyValue.TaskFactory tf) {
      return taskflow(tf, a, site, null);
    }
    if (callee instanceof PyValue.Symbol s) {
      return symbol(s, a, site);
    }
    if (callee instanceof PyValue.BoundMethod m) {
      return method(m, a, site);
    }
    if (callee instanceof PyValue.DagFactory df) {
      return dagCall(df, a, site);
    }
    if (callee instanceof PyValue.GroupFactory gf) {
      return groupCall(gf, a, site, null);
    }
    if (callee instanceof PyValue.PendingDecorator pd) {
      if (a.args.size() == 1 && a.kwargs.isEmpty()) {
        return decorate(pd, a.args.get(0), site.primary());
      }
      return site.unresolved("decorator call");
    }
    if (callee instanceof PyValue.ClassDef c) {
      if (a.kwargs.containsKey("task_id") || isOperatorClass(c)) {
        return operatorTask(c.qualifiedName(), a, site);
      }
      return new PyValue.Instance(c.qualifiedName(), a.args, a.kwargs, site.unresolved("instance of " + c.name()));
    }
    if (a.kwargs.containsKey("task_id")) {
      String construct = callee instanceof PyValue.Unresolved u ? u.construct() : "unknown operator";
      ev.warn(site.line(), site.column(), construct, "the operator class `" + site.callee()
          + "` cannot be resolved statically; the task is kept as an external step");
      return operatorTask(site.callee(), a, site);
    }
    if (callee instanceof PyValue.Unresolved u) {
      return new PyValue.Unresolved(site.call(), u.construct(), u.line(), u.column());
    }
    if (callee instanceof PyValue.Instance i) {
      return i.asUnresolved();
    }
    return site.unresolved("call");
  }

  private static String construct(PyValue v) {
    return v instanceof PyValue.Unresolved u ? u.construct() : "unknown value";
  }

  private static boolean isOperatorClass(PyValue.ClassDef c) {
    for (PyValue b : c.bases()) {
      if (b instanceof PyValue.Symbol s) {
        String n = s.simpleName();
        if (n.endsWith("Operator") || n.endsWith("Sensor") || n.equals("BaseOperator")) {
          return true;
        }
      } else if (b instanceof PyValue.ClassDef parent && isOperatorClass(parent)) {
        return true;
      }
    }
    return false;
  }

  private static boolean airflow(String qn) {
    return qn.equals("airflow") || qn.startsWith("airflow.");
  }

  private static String parentName(String qn) {
    int dot = qn.lastIndexOf('.');
    if (dot < 0) {
      return "";
    }
    String owner = qn.substring(0, dot);
    int d2 = owner.lastIndexOf('.');
    return d2 < 0 ? owner : owner.substring(d2 + 1);
  }

  private PyValue symbol(PyValue.Symbol sym, Args a, Site site) {
    String qn = sym.qualifiedName();
    String name = sym.simpleName();
    if (qn.equals("sys.exit") || qn.equals("os._exit") || qn.equals("builtins.exit") || qn.equals("builtins.quit")) {
      ev.warn(site.line(), site.column(), "sys.exit (not run)", "`" + site.call() + "` would end the file here when"
          + " Airflow imports it; pipeshift never runs it and has read the rest of the file as if it were not there");
      return site.unresolved("sys.exit (not run)");
    }
    if (qn.startsWith("builtins.")) {
      return Builtins.call(this, name, a, site);
    }
    if (airflow(qn)) {
      PyValue r = airflowCall(qn, name, a, site);
      if (r != null) {
        return r;
      }
    }
    PyValue std = Stdlib.call(this, qn, a, site);
    if (std != null) {
      return std;
    }
    if (name.equals("partial") && Character.isUpperCase(parentName(qn).isEmpty() ? 'x' : parentName(qn).charAt(0))) {
      return new PyValue.Partial(new PyValue.Symbol(qn.substring(0, qn.lastIndexOf('.'))), a.kwargs, a.args);
    }
    if (a.kwargs.containsKey("task_id")) {
      return operatorTask(qn, a, site);
    }
    if (!name.isEmpty() && Character.isUpperCase(name.charAt(0))) {
      return new PyValue.Instance(qn, a.args, a.kwargs, site.unresolved("call " + qn));
    }
    return site.unresolved("call " + qn);
  }

  private PyValue airflowCall(String qn, String name, Args a, Site site) {
    String parent = parentName(qn);
    if (parent.equals("task") && !name.equals("task")) {
      return decoratorCall("task", name, a, site);
    }
    if (qn.endsWith("Variable.get") || qn.endsWith("Variable.get_variable_from_secrets")) {
      return site.unresolved("Variable.get");
    }
    if (parent.equals("BaseHook") || parent.equals("Connection")) {
      return site.unresolved("connection lookup");
    }
    switch (name) {
      case "DAG" -> {
        return newDag(a, site);
      }
      case "TaskGroup" -> {
        Map<String, PyValue> kw = new LinkedHashMap<>(a.kwargs);
        PyValue id = kw.containsKey("group_id") ? kw.get("group_id") : a.args.isEmpty() ? PyValue.None.NONE : a.args.get(0);
        String gid = id instanceof PyValue.Str s ? s.value() : null;
        if (gid == null) {
          ev.warn(site.line(), site.column(), construct(id), "the task group id `" + site.call()
              + "` cannot be resolved statically");
          gid = "group_" + site.line();
        }
        return relations.newGroup(gid, kw, false, site.primary());
      }
      case "Label" -> {
        PyValue l = a.args.isEmpty() ? a.kwargs.get("label") : a.args.get(0);
        return new PyValue.EdgeLabel(l instanceof PyValue.Str s ? s.value() : "", new ArrayList<>());
      }
      case "Param" -> {
        PyValue d = a.args.isEmpty() ? a.kwargs.getOrDefault("default", PyValue.None.NONE) : a.args.get(0);
        Map<String, PyValue> options = new LinkedHashMap<>(a.kwargs);
        options.remove("default");
        return new PyValue.Param(d, options);
      }
      case "chain" -> {
        relations.chain(a.args, site.primary());
        return PyValue.None.NONE;
      }
      case "chain_linear" -> {
        relations.chainLinear(a.args, site.primary());
        return PyValue.None.NONE;
      }
      case "cross_downstream" -> {
        PyValue from = a.args.size() > 0 ? a.args.get(0) : a.kwargs.get("from_tasks");
        PyValue to = a.args.size() > 1 ? a.args.get(1) : a.kwargs.get("to_tasks");
        if (from != null && to != null) {
          relations.link(from, to, site.primary());
        }
        return PyValue.None.NONE;
      }
      case "task", "dag", "task_group", "setup", "teardown", "asset" -> {
        return decoratorCall(name, name.equals("task") ? "python" : name, a, site);
      }
      case "Asset", "Dataset", "AssetAlias", "DatasetAlias" -> {
        PyValue n = a.kwargs.containsKey("name") ? a.kwargs.get("name") : a.kwargs.containsKey("uri")
            ? a.kwargs.get("uri") : a.args.isEmpty() ? PyValue.None.NONE : a.args.get(0);
        return new PyValue.Asset("one", List.of(n instanceof PyValue.Str s ? s.value() : site.call()));
      }
      case "literal" -> {
        return a.args.isEmpty() ? PyValue.None.NONE : a.args.get(0);
      }
      case "days_ago" -> {
        return site.unresolved("run-time date");
      }
      case "datetime" -> {
        if (qn.contains("timezone")) {
          return Stdlib.dateTime(a, "UTC");
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  private PyValue decoratorCall(String kind, String flavour, Args a, Site site) {
    boolean taskKind = kind.equals("task") || kind.equals("setup") || kind.equals("teardown");
    if (a.args.size() == 1 && a.args.get(0) instanceof PyValue.Function f) {
      return decorate(new PyValue.PendingDecorator(kind, flavour, a.kwargs), f, site.primary());
    }
    PyValue callable = a.kwargs.get("python_callable");
    if (taskKind && callable instanceof PyValue.Function f) {
      Map<String, PyValue> options = new LinkedHashMap<>(a.kwargs);
      options.remove("python_callable");
      return decorate(new PyValue.PendingDecorator(kind, flavour, options), f, site.primary());
    }
    return new PyValue.PendingDecorator(kind, flavour, a.kwargs);
  }

  private PyValue newDag(Args a, Site site) {
    Map<String, PyValue> kw = new LinkedHashMap<>(a.kwargs);
    PyValue id = kw.containsKey("dag_id") ? kw.remove("dag_id") : a.args.isEmpty() ? PyValue.None.NONE : a.args.get(0);
    String dagId = id instanceof PyValue.Str s ? s.value() : null;
    if (dagId == null) {
      dagId = "dag_line_" + site.line();
      ev.warn(site.line(), site.column(), construct(id), "the DAG id in `" + site.call()
          + "` cannot be resolved statically; the DAG is imported as '" + dagId + "'");
    }
    return relations.newDag(dagId, kw, List.of(), site.primary());
  }

  // ---------------------------------------------------------------- decorators

  PyValue decorate(PyValue decorator, PyValue target, ParserRuleContext at) {
    PyValue.PendingDecorator pd = pending(decorator);
    if (target instanceof PyValue.Function f) {
      if (pd == null) {
        String construct = decorator instanceof PyValue.Unresolved u ? u.construct() : "unknown decorator";
        ev.warnIfDags(at, construct, "the decorator `" + ModuleEvaluator.text(at) + "` is not known; `" + f.name()
            + "` is kept as a plain function");
        return f;
      }
      return switch (pd.kind()) {
        case "task" -> new PyValue.TaskFactory(f, pd.flavour(), pd.options());
        case "setup", "teardown" -> {
          Map<String, PyValue> o = new LinkedHashMap<>(pd.options());
          o.put("__" + pd.kind() + "__", PyValue.Bool.TRUE);
          yield new PyValue.TaskFactory(f, "python", o);
        }
        case "dag" -> new PyValue.DagFactory(f, pd.options());
        case "task_group" -> new PyValue.GroupFactory(f, pd.options());
        case "asset" -> assetDag(f, pd.options(), at);
        default -> f;
      };
    }
    if (target instanceof PyValue.TaskFactory tf && pd != null) {
      if (pd.kind().equals("setup") || pd.kind().equals("teardown")) {
        return tf.with(Map.of("__" + pd.kind() + "__", PyValue.Bool.TRUE));
      }
      if (pd.kind().equals("task") && !pd.flavour().equals("python") && tf.flavour().equals("python")
          && !List.of("run_if", "skip_if").contains(pd.flavour())) {
        return new PyValue.TaskFactory(tf.function(), pd.flavour(), tf.options());
      }
      return tf;
    }
    return target;
  }

  private static PyValue.PendingDecorator pending(PyValue d) {
    if (d instanceof PyValue.PendingDecorator pd) {
      return pd;
    }
    if (d instanceof PyValue.Symbol s && airflow(s.qualifiedName())) {
      String name = s.simpleName();
      if (parentName(s.qualifiedName()).equals("task") && !name.equals("task")) {
        return new PyValue.PendingDecorator("task", name, Map.of());
      }
      return switch (name) {
        case "task" -> new PyValue.PendingDecorator("task", "python", Map.of());
        case "dag", "task_group", "setup", "teardown", "asset" -> new PyValue.PendingDecorator(name, name, Map.of());
        default -> null;
      };
    }
    return null;
  }

  /** {@code @asset}: a DAG named after the function with one task of the same name. */
  private PyValue assetDag(PyValue.Function f, Map<String, PyValue> options, ParserRuleContext at) {
    Map<String, PyValue> kw = new LinkedHashMap<>();
    if (options.containsKey("schedule")) {
      kw.put("schedule", options.get("schedule"));
    }
    DagNode dag = relations.newDag(f.name(), kw, List.of(), at);
    TaskNode t = new TaskNode(f.name(), TaskNode.Style.TASKFLOW, "@asset", "python", f, Map.of(),
        f.source().line(), f.source().column());
    relations.register(t, new Relations.Placement(dag, null, Map.of()), at);
    PyValue uri = options.getOrDefault("uri", options.getOrDefault("name", new PyValue.Str(f.name())));
    return new PyValue.Asset("one", List.of(uri instanceof PyValue.Str s ? s.value() : f.name()));
  }

  // ---------------------------------------------------------------- tasks, DAGs, groups

  PyValue operatorTask(String operator, Args a, Site site) {
    return operatorTask(operator, a, site, null);
  }

  private PyValue operatorTask(String operator, Args a, Site site, Map<String, PyValue> expand) {
    Map<String, PyValue> kw = new LinkedHashMap<>(a.kwargs);
    PyValue idv = kw.remove("task_id");
    String id = idv instanceof PyValue.Str s ? s.value() : null;
    if (id == null) {
      id = "task_line_" + site.line();
      ev.warn(site.line(), site.column(), construct(idv), "the task id in `" + site.call()
          + "` cannot be resolved statically; the task is imported as '" + id + "'");
    }
    Relations.Placement where = relations.placement(kw);
    String full = where.group() != null ? where.group().childId(id) : id;
    PyValue callable = kw.get("python_callable");
    TaskNode t = new TaskNode(full, TaskNode.Style.OPERATOR, operator, null,
        callable instanceof PyValue.Function f ? f : null, where.defaults(), site.line(), site.column());
    t.kwargs().putAll(kw);
    t.args().addAll(a.args);
    if (expand != null) {
      t.expandArguments().putAll(expand);
      t.markMapped();
    }
    relations.register(t, where, site.primary());
    kw.values().forEach(v -> relations.dependOnResults(v, t));
    if (expand != null) {
      expand.values().forEach(v -> relations.dependOnResults(v, t));
    }
    return t;
  }

  private PyValue taskflow(PyValue.TaskFactory tf, Args a, Site site, Map<String, PyValue> expand) {
    Map<String, PyValue> options = new LinkedHashMap<>(tf.options());
    boolean setup = options.remove("__setup__") != null;
    boolean teardown = options.remove("__teardown__") != null;
    PyValue idv = options.remove("task_id");
    String base = idv instanceof PyValue.Str s ? s.value() : tf.function().name();
    Relations.Placement where = relations.placement(options);
    String unique = relations.uniqueTaskId(base, where.dag(), where.group());
    String full = where.group() != null ? where.group().childId(unique) : unique;
    String operator = tf.flavour().equals("python") ? "@task" : "@task." + tf.flavour();
    TaskNode t = new TaskNode(full, TaskNode.Style.TASKFLOW, operator, tf.flavour(), tf.function(),
        where.defaults(), site.line(), site.column());
    t.kwargs().putAll(options);
    t.args().addAll(a.args);
    t.callKwargs().putAll(a.kwargs);
    if (setup) {
      t.markSetup();
    }
    if (teardown) {
      t.markTeardown();
    }
    if (expand != null) {
      t.expandArguments().putAll(expand);
      t.markMapped();
    }
    relations.register(t, where, site.primary());
    if (tf.flavour().equals("bash") && expand == null) {
      // @task.bash runs the string its function returns: evaluate that return value statically
      PyValue command = ev.invoke(tf.function(), a.args, a.kwargs, site.primary());
      t.kwargs().put("__bash_command__", command);
    }
    a.args.forEach(v -> relations.dependOnResults(v, t));
    a.kwargs.values().forEach(v -> relations.dependOnResults(v, t));
    options.values().forEach(v -> relations.dependOnResults(v, t));
    if (expand != null) {
      expand.values().forEach(v -> relations.dependOnResults(v, t));
    }
    return new PyValue.XComArg(t, "return_value");
  }

  private PyValue dagCall(PyValue.DagFactory df, Args a, Site site) {
    Map<String, PyValue> options = new LinkedHashMap<>(df.options());
    PyValue idv = options.remove("dag_id");
    String dagId = idv instanceof PyValue.Str s ? s.value() : df.function().name();
    Scope local = new Scope(df.function().closure());
    ev.bind(df.function(), a.args, a.kwargs, local);
    List<PyValue.DagParam> params = new ArrayList<>();
    for (FunctionSource.Parameter p : df.function().parameters()) {
      if (p.kind() == FunctionSource.Kind.VAR_POSITIONAL || p.kind() == FunctionSource.Kind.VAR_KEYWORD) {
        continue;
      }
      PyValue value = local.own().get(p.name());
      PyValue.DagParam param = new PyValue.DagParam(p.name(),
          value instanceof PyValue.Unresolved u && u.construct().equals("missing argument") ? PyValue.None.NONE : value);
      params.add(param);
      local.assign(p.name(), param);
    }
    DagNode dag = relations.newDag(dagId, options, params, site.primary());
    ev.dagContext.push(dag);
    try {
      ev.run(df.function(), local, site.primary());
    } finally {
      ev.dagContext.pop();
    }
    return dag;
  }

  private PyValue groupCall(PyValue.GroupFactory gf, Args a, Site site, Map<String, PyValue> expand) {
    Map<String, PyValue> options = new LinkedHashMap<>(gf.options());
    PyValue idv = options.remove("group_id");
    String id = idv instanceof PyValue.Str s ? s.value() : gf.function().name();
    TaskGroupNode group = relations.newGroup(id, options, true, site.primary());
    int before = group.tasks().size();
    Args callArgs = a;
    if (expand != null) {
      callArgs = Args.of(a.args, a.kwargs);
      for (Map.Entry<String, PyValue> e : expand.entrySet()) {
        if (!e.getKey().equals("**")) {
          callArgs.kwargs.put(e.getKey(), e.getValue());
        }
      }
    }
    PyValue result;
    ev.groupContext.push(group);
    try {
      result = ev.invoke(gf.function(), callArgs.args, callArgs.kwargs, site.primary());
    } finally {
      ev.groupContext.pop();
    }
    if (expand != null) {
      group.expand(expand);
      group.tasks().subList(before, group.tasks().size()).forEach(TaskNode::markMapped);
      for (PyValue v : expand.values()) {
        for (TaskNode r : group.roots()) {
          relations.dependOnResults(v, r);
        }
      }
    }
    return result == PyValue.None.NONE ? group : result;
  }

  // ---------------------------------------------------------------- methods

  private PyValue method(PyValue.BoundMethod m, Args a, Site site) {
    PyValue self = m.self();
    String name = m.name();
    if (self instanceof TaskNode || self instanceof PyValue.XComArg || self instanceof TaskGroupNode) {
      return taskMethod(self, name, a, site);
    }
    if (self instanceof PyValue.TaskFactory tf) {
      return switch (name) {
        case "override" -> tf.with(a.kwargs);
        case "expand" -> taskflow(tf, new Args(), site, a.kwargs);
        case "expand_kwargs" -> taskflow(tf, new Args(), site, Map.of("**", first(a)));
        case "partial" -> new PyValue.Partial(tf, a.kwargs, a.args);
        default -> site.unresolved("method " + name);
      };
    }
    if (self instanceof PyValue.GroupFactory gf) {
      return switch (name) {
        case "override" -> {
          Map<String, PyValue> o = new LinkedHashMap<>(gf.options());
          o.putAll(a.kwargs);
          yield new PyValue.GroupFactory(gf.function(), o);
        }
        case "expand" -> groupCall(gf, new Args(), site, a.kwargs);
        case "expand_kwargs" -> groupCall(gf, new Args(), site, Map.of("**", first(a)));
        case "partial" -> new PyValue.Partial(gf, a.kwargs, a.args);
        default -> site.unresolved("method " + name);
      };
    }
    if (self instanceof PyValue.Partial p && (name.equals("expand") || name.equals("expand_kwargs"))) {
      Map<String, PyValue> expand = name.equals("expand") ? a.kwargs : Map.of("**", first(a));
      Args fixed = Args.of(p.args(), p.kwargs());
      if (p.callee() instanceof PyValue.TaskFactory tf) {
        return taskflow(tf, fixed, site, expand);
      }
      if (p.callee() instanceof PyValue.GroupFactory gf) {
        return groupCall(gf, fixed, site, expand);
      }
      String operator = p.callee() instanceof PyValue.Symbol s ? s.qualifiedName()
          : p.callee() instanceof PyValue.ClassDef c ? c.qualifiedName() : site.callee();
      return operatorTask(operator, fixed, site, expand);
    }
    if (self instanceof PyValue.ClassDef c && name.equals("partial")) {
      return new PyValue.Partial(c, a.kwargs, a.args);
    }
    if (self instanceof DagNode d) {
      switch (name) {
        case "add_task", "add_tasks" -> {
          for (TaskNode t : relations.tasksOf(first(a))) {
            if (t.dag().isEmpty()) {
              relations.register(t, new Relations.Placement(d, null, Map.of()), site.primary());
            }
          }
          return PyValue.None.NONE;
        }
        case "get_task" -> {
          PyValue id = first(a);
          TaskNode t = id instanceof PyValue.Str s ? d.tasks().get(s.value()) : null;
          return t != null ? t : site.unresolved("get_task");
        }
        default -> {
          // dag.test(), dag.run(), dag.cli(): never run
          return site.unresolved("method " + name);
        }
      }
    }
    PyValue r = Builtins.method(this, self, name, a, site);
    return r != null ? r : self instanceof PyValue.Unresolved u ? u : site.unresolved("method " + name);
  }

  private PyValue taskMethod(PyValue self, String name, Args a, Site site) {
    switch (name) {
      case "set_downstream" -> {
        relations.link(self, first(a), site.primary());
        return PyValue.None.NONE;
      }
      case "set_upstream" -> {
        relations.link(first(a), self, site.primary());
        return PyValue.None.NONE;
      }
      case "as_setup" -> {
        relations.tasksOf(self).forEach(TaskNode::markSetup);
        return self;
      }
      case "as_teardown" -> {
        relations.tasksOf(self).forEach(TaskNode::markTeardown);
        PyValue setups = a.kwargs.get("setups");
        if (setups != null && setups != PyValue.None.NONE) {
          relations.tasksOf(setups).forEach(TaskNode::markSetup);
          relations.link(setups, self, site.primary());
        }
        return self;
      }
      case "map", "zip", "concat", "resolve" -> {
        return self;
      }
      case "add" -> {
        if (self instanceof TaskGroupNode g) {
          for (TaskNode t : relations.tasksOf(first(a))) {
            g.add(t);
          }
        }
        return first(a);
      }
      default -> {
        return site.unresolved("method " + name);
      }
    }
  }

  static PyValue first(Args a) {
    return a.args.isEmpty() ? (a.kwargs.isEmpty() ? PyValue.None.NONE : a.kwargs.values().iterator().next())
        : a.args.get(0);
  }

  ModuleEvaluator evaluator() {
    return ev;
  }

  static Optional<Duration> duration(PyValue v) {
    return v instanceof PyValue.Timedelta t ? Optional.of(t.value()) : Optional.empty();
  }

  static Comparator<PyValue> natural() {
    return (x, y) -> {
      Integer c = x instanceof PyValue.Str a && y instanceof PyValue.Str b ? Integer.valueOf(a.value().compareTo(b.value()))
          : null;
      if (c != null) {
        return c;
      }
      Boolean lt = Operators.compare("<", x, y);
      Boolean gt = Operators.compare(">", x, y);
      if (lt == null || gt == null) {
        throw new IllegalArgumentException("unordered");
      }
      return lt ? -1 : gt ? 1 : 0;
    };
  }
}
