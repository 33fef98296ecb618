package io.pipeshift.from.airflow.mapping;

import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.from.airflow.ImportNote;
import io.pipeshift.from.airflow.eval.DagNode;
import io.pipeshift.from.airflow.eval.PyValue;
import io.pipeshift.from.airflow.eval.TaskNode;
import io.pipeshift.ir.Parameter;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.RetryPolicy;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepDefaults;
import io.pipeshift.ir.Trigger;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.StepSpec;
import io.pipeshift.requests.SageMakerRequestReader;
import io.pipeshift.diag.Location;
import io.pipeshift.yaml.SourceMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One evaluated DAG -> one IR pipeline. Every task is one step (id from {@link StepIds}), its upstream tasks
 * its {@code after}; the DAG's {@code default_args} retry and timeout are the pipeline defaults and a task's
 * own differing settings its step's; schedule -> triggers, params -> parameters, tags -> tags. What the IR has
 * no field for is kept under {@code extensions.airflow} (of the pipeline or the step), and every loss or
 * unknown is a located note.
 */
public final class DagMapping {

  /** A mapped DAG: the pipeline, its notes, and the unresolved constructs met (for bulk summaries). */
  public record Result(Pipeline pipeline, SourceMap sourceMap, List<FidelityNote> notes, List<String> constructs) {
    public Result {
      notes = List.copyOf(notes);
      constructs = List.copyOf(constructs);
    }
  }

  private static final List<String> DAG_ARGUMENTS = List.of("schedule", "schedule_interval", "timetable",
      "description", "tags", "params", "default_args");

  private final MappingContext ctx;
  private final DagNode dag;
  private final ValueMapping values;
  private final Map<TaskNode, Integer> position = new java.util.IdentityHashMap<>();

  private DagMapping(String file, DagNode dag) {
    this.ctx = new MappingContext(file);
    this.dag = dag;
    Map<String, TaskNode> byId = new LinkedHashMap<>(dag.tasks());
    this.values = new ValueMapping(ctx, byId);
  }

  /** Maps {@code dag}; {@code file} names the DAG file in notes. */
  public static Result map(String file, DagNode dag) {
    return new DagMapping(file, dag).run();
  }

  private Result run() {
    List<Parameter> parameters = new ParameterMapping(ctx, dag, values).parameters();
    List<Trigger> triggers = new ScheduleMapping(ctx, dag).triggers();
    Map<String, PyValue> defaultArgs = defaultArgs();
    RetryMapping.Settings defaults = RetryMapping.read(k -> Optional.ofNullable(defaultArgs.get(k)));
    StepDefaults stepDefaults = new StepDefaults(RetryMapping.policy(defaults), defaults.timeout(), Optional.empty());

    StepIds ids = new StepIds();
    for (TaskNode t : dag.tasks().values()) {
      position.put(t, position.size());
    }
    for (TaskNode t : dag.tasks().values()) {
      ctx.stepIds.put(t, ids.allocate(localId(t)));
    }
    Map<String, Object> parameterDefaults = new LinkedHashMap<>();
    parameters.forEach(p -> p.defaultValue().ifPresent(d -> parameterDefaults.put(p.name(), d.asText())));
    SageMakerRequestReader requests = new SageMakerRequestReader(v -> v instanceof Value.ParameterRef r
        && parameterDefaults.containsKey(r.name()) ? Optional.of((String) parameterDefaults.get(r.name())) : Optional.empty());
    OperatorMapping operators = new OperatorMapping(ctx, values, requests);

    List<Step> steps = new ArrayList<>();
    boolean exponential = false;
    for (TaskNode t : dag.tasks().values()) {
      String id = ctx.stepId(t);
      values.at(t.line(), t.column());
      OperatorMapping.Mapped mapped = operators.map(t, id);
      ctx.specs.put(id, mapped.spec());
      RetryMapping.Settings own = RetryMapping.read(t::argument);
      exponential |= own.retries() && own.policy().backoffRate() != 1.0;
      steps.add(step(t, id, mapped, own, defaults));
    }
    Structure structure = new Structure(ctx, values);
    steps = structure.propertyFiles.apply(structure.apply(steps));
    for (Step s : io.pipeshift.ir.StepTree.flatten(steps)) {
      if (Boolean.TRUE.equals(s.extension("airflow").get("branch"))) {
        TaskNode t = byStep(s.id());
        ctx.note(ImportNote.BRANCH_KEPT, s.id(), t == null ? dag.line() : t.line(), t == null ? dag.column()
            : t.column(), "branch task: which downstream tasks run is decided by its Python code at run time;"
            + " the tasks and edges are kept as plain steps");
      }
    }
    if (exponential) {
      ctx.note(ImportNote.RETRY, null, dag.line(), dag.column(), "Airflow adds a hash-based extra wait of up to one"
          + " more delay to exponential retries; the IR's policies say no jitter");
    }
    Pipeline p = new Pipeline(dag.dagId(), description(), tags(), parameters, triggers, stepDefaults, steps,
        pipelineExtensions(defaultArgs));
    SourceMap where = new SourceMap(ctx.file());
    where.put("name", new Location(ctx.file(), dag.line(), dag.column()));
    for (TaskNode t : dag.tasks().values()) {
      where.put("steps." + ctx.stepId(t), new Location(ctx.file(), t.line(), t.column()));
    }
    return new Result(p, where, ctx.notes(), ctx.constructs());
  }

  private Map<String, PyValue> defaultArgs() {
    Map<String, PyValue> out = new LinkedHashMap<>();
    if (dag.kwargs().get("default_args") instanceof PyValue.Dict d) {
      d.entries().forEach((k, v) -> {
        if (k instanceof PyValue.Str s) {
          out.put(s.value(), v);
        }
      });
    } else if (dag.kwargs().get("default_args") != null && dag.kwargs().get("default_args") != PyValue.None.NONE) {
      values.marker(dag.kwargs().get("default_args"), null);
    }
    return out;
  }

  private Step step(TaskNode t, String id, OperatorMapping.Mapped mapped, RetryMapping.Settings own,
      RetryMapping.Settings defaults) {
    List<TaskNode> ups = new ArrayList<>(t.upstream());
    ups.sort(java.util.Comparator.comparingInt(u -> position.getOrDefault(u, Integer.MAX_VALUE)));
    List<String> after = new ArrayList<>();
    for (TaskNode u : ups) {
      if (ctx.stepId(u) != null) {
        after.add(ctx.stepId(u));
      }
    }
    Optional<RetryPolicy> retry = Optional.empty();
    if (!sameRetry(own, defaults)) {
      retry = Optional.of(own.policy());
    }
    Optional<Duration> timeout = own.timeout().equals(defaults.timeout()) ? Optional.empty() : own.timeout();
    if (own.timeout().isEmpty() && defaults.timeout().isPresent()) {
      // the task turned the default timeout off: the IR cannot say "no timeout" for one step
      ctx.note(ImportNote.RETRY, id, t.line(), t.column(), "execution_timeout=None overrides the DAG default;"
          + " the step inherits the pipeline's default timeout");
    }
    Optional<String> display = t.kwargs().get("task_display_name") instanceof PyValue.Str s ? Optional.of(s.value())
        : Optional.empty();
    Optional<String> description = t.kwargs().get("doc_md") instanceof PyValue.Str s ? Optional.of(s.value())
        : t.kwargs().get("doc") instanceof PyValue.Str d ? Optional.of(d.value()) : Optional.empty();
    return new Step(id, mapped.spec(), display, description, after, retry, List.of(), timeout, Optional.empty(),
        stepExtensions(t, id, mapped));
  }

  /** Whether a task's settings equal the pipeline defaults as far as the IR can tell. */
  private static boolean sameRetry(RetryMapping.Settings own, RetryMapping.Settings defaults) {
    if (!own.retries() && !defaults.retries()) {
      return true;
    }
    return own.retries() == defaults.retries() && own.policy().equals(defaults.policy());
  }

  private Map<String, Object> stepExtensions(TaskNode t, String id, OperatorMapping.Mapped mapped) {
    Map<String, Object> airflow = new LinkedHashMap<>();
    if (!t.taskId().equals(id)) {
      airflow.put("task_id", t.taskId());
    }
    if (!(mapped.spec() instanceof io.pipeshift.ir.kinds.ExternalSpec)) {
      airflow.put("operator", t.operator());
    }
    PyValue rule = t.kwargs().get("trigger_rule");
    if (rule == null) {
      rule = t.defaults().get("trigger_rule");
    }
    if (rule != null && !(rule instanceof PyValue.Str s && s.value().equals("all_success"))) {
      airflow.put("trigger_rule", values.raw(rule, id));
      ctx.note(ImportNote.TRIGGER_RULE, id, t.line(), t.column(), "trigger rule " + values.raw(rule, id)
          + ": the IR runs a step when all its dependencies succeeded; the rule is kept in extensions");
    }
    t.group().ifPresent(g -> airflow.put("task_group", g.groupId()));
    if (t.mapped()) {
      Map<String, Object> expand = new LinkedHashMap<>();
      t.expandArguments().forEach((k, v) -> expand.put(k, values.raw(v, id)));
      airflow.put("expand", expand);
      ctx.note(ImportNote.MAPPED_TASK, id, t.line(), t.column(), "the task is mapped over "
          + (expand.isEmpty() ? "its task group's arguments" : expand.keySet())
          + " at run time (Airflow dynamic task mapping); the step stands for all its mapped instances");
    }
    if (t.isSetup()) {
      airflow.put("setup", true);
    }
    if (t.isTeardown()) {
      airflow.put("teardown", true);
    }
    if (isBranch(t)) {
      airflow.put("branch", true);
    }
    if (!mapped.leftovers().isEmpty()) {
      Map<String, Object> rest = new LinkedHashMap<>();
      mapped.leftovers().forEach((k, v) -> {
        if (!k.equals("task_group") && !k.startsWith("__")) {
          rest.put(k, values.raw(v, id));
        }
      });
      if (!rest.isEmpty()) {
        airflow.put("arguments", rest);
      }
    }
    Map<String, Object> ext = new LinkedHashMap<>();
    if (!airflow.isEmpty()) {
      ext.put("airflow", airflow);
    }
    return ext;
  }

  /**
   * The id a task's step starts from: inside a mapped task group (a for-each candidate) the task id relative to
   * the outermost such group, so the body's ids need no renaming when the group becomes a for-each.
   */
  private static String localId(TaskNode t) {
    io.pipeshift.from.airflow.eval.TaskGroupNode mapped = null;
    for (var g = t.group().orElse(null); g != null; g = g.parent().orElse(null)) {
      if (g.expandArguments().isPresent()) {
        mapped = g;
      }
    }
    String prefix = mapped == null ? null : mapped.groupId() + ".";
    return prefix != null && t.taskId().startsWith(prefix) ? t.taskId().substring(prefix.length()) : t.taskId();
  }

  private TaskNode byStep(String stepId) {
    for (Map.Entry<TaskNode, String> e : ctx.stepIds.entrySet()) {
      if (e.getValue().equals(stepId)) {
        return e.getKey();
      }
    }
    return null;
  }


  static boolean isBranch(TaskNode t) {
    String op = t.operator();
    return "branch".equals(t.flavour()) || op.endsWith("BranchPythonOperator") || op.endsWith("BranchDayOfWeekOperator")
        || op.endsWith("BranchDateTimeOperator") || op.endsWith("BranchSQLOperator")
        || op.endsWith("BranchPythonVirtualenvOperator") || op.endsWith("BranchExternalPythonOperator")
        || "branch_virtualenv".equals(t.flavour()) || "branch_external_python".equals(t.flavour());
  }

  private Optional<String> description() {
    return dag.kwargs().get("description") instanceof PyValue.Str s ? Optional.of(s.value()) : Optional.empty();
  }

  private Map<String, String> tags() {
    Map<String, String> out = new LinkedHashMap<>();
    PyValue tags = dag.kwargs().get("tags");
    List<PyValue> items = tags instanceof PyValue.PyList l ? l.items() : tags instanceof PyValue.Tuple t ? t.items()
        : tags instanceof PyValue.PySet s ? s.items() : List.of();
    for (PyValue v : items) {
      String tag = values.text(v, null, "");
      int colon = tag.indexOf(':');
      if (colon > 0) {
        out.putIfAbsent(tag.substring(0, colon), tag.substring(colon + 1));
      } else if (!tag.isEmpty()) {
        out.putIfAbsent(tag, "");
      }
    }
    return out;
  }

  private Map<String, Object> pipelineExtensions(Map<String, PyValue> defaultArgs) {
    Map<String, Object> airflow = new LinkedHashMap<>();
    dag.kwargs().forEach((k, v) -> {
      if (!DAG_ARGUMENTS.contains(k) || (k.equals("schedule") || k.equals("schedule_interval") || k.equals("timetable"))
          && !(v instanceof PyValue.Str || v instanceof PyValue.Timedelta || v == PyValue.None.NONE)) {
        airflow.put(k, values.raw(v, null));
      }
    });
    if (dag.kwargs().get("schedule") instanceof PyValue.Str s && s.value().startsWith("@")
        && (s.value().equals("@once") || s.value().equals("@continuous"))) {
      airflow.put("schedule", s.value());
    }
    Map<String, Object> other = new LinkedHashMap<>();
    defaultArgs.forEach((k, v) -> {
      if (!RetryMapping.KEYS.contains(k)) {
        other.put(k, values.raw(v, null));
      }
    });
    if (!other.isEmpty()) {
      airflow.put("default_args", other);
    }
    dag.docMd().ifPresent(d -> airflow.put("doc_md", d));
    Map<String, Object> ext = new LinkedHashMap<>();
    if (!airflow.isEmpty()) {
      ext.put("airflow", airflow);
    }
    return ext;
  }
}
