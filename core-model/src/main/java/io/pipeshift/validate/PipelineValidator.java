package io.pipeshift.validate;

import io.pipeshift.diag.Diagnostic;
import io.pipeshift.diag.Diagnostics;
import io.pipeshift.diag.Location;
import io.pipeshift.diag.Problem;
import io.pipeshift.diag.Suggestions;
import io.pipeshift.graph.StepGraph;
import io.pipeshift.ir.CatchClause;
import io.pipeshift.ir.Condition;
import io.pipeshift.ir.ErrorClass;
import io.pipeshift.ir.Parameter;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.References;
import io.pipeshift.ir.RetryPolicy;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepTree;
import io.pipeshift.ir.Trigger;
import io.pipeshift.ir.Value;
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.ForEachSpec;
import io.pipeshift.ir.kinds.ProcessingSpec;
import io.pipeshift.ir.kinds.WaitSpec;
import io.pipeshift.yaml.LoadedPipeline;
import io.pipeshift.yaml.SourceMap;
import java.time.Duration;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks what the YAML shape cannot: unique ids, references that resolve (with "did you mean"), acyclic
 * dependencies (the cycle is printed), parameter types, condition structure, retry and timeout ranges,
 * catch handlers, and that references stay within what a step can see. Returns every problem, located.
 */
public final class PipelineValidator {

  /** Step ids: a letter, then letters, digits, '-' or '_'; at most 128 characters. */
  public static final Pattern STEP_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,127}");
  private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,255}");
  static final Duration MAX_TIMEOUT = Duration.ofDays(365);
  static final int MAX_RETRIES = 1000;

  public List<Diagnostic> validate(LoadedPipeline loaded) {
    return new Run(loaded.pipeline(), loaded.sourceMap()).run();
  }

  /** For an IR built in memory (importers, generators): locations point at the start of {@code name}. */
  public List<Diagnostic> validate(Pipeline pipeline, String name) {
    return new Run(pipeline, SourceMap.none(name)).run();
  }

  private static final class Run {
    private final Pipeline pipeline;
    private final SourceMap where;
    private final Diagnostics out = new Diagnostics();
    private final Map<String, Step> byId = new LinkedHashMap<>();
    /** The container step holding each nested step's list (absent for top-level steps). */
    private final Map<String, Step> containerOf = new HashMap<>();
    /** The step list each step belongs to. */
    private final Map<String, List<Step>> listOf = new HashMap<>();

    Run(Pipeline pipeline, SourceMap where) {
      this.pipeline = pipeline;
      this.where = where;
    }

    List<Diagnostic> run() {
      indexSteps(pipeline.steps(), null);
      checkParameters();
      checkTriggers();
      pipeline.defaults().retry().ifPresent(r -> checkRetry(r, "the pipeline default", where.of("defaults.retry")));
      pipeline.defaults().timeout().ifPresent(t -> checkTimeout(t, "the pipeline default", where.of("defaults.timeout")));
      checkList(pipeline.steps());
      return out.sorted();
    }

    private Location stepLoc(String id) {
      return where.ofStep(id);
    }

    private void indexSteps(List<Step> steps, Step container) {
      for (Step s : steps) {
        if (!STEP_ID.matcher(s.id()).matches()) {
          out.add(Diagnostic.error(Problem.INVALID_ID, where.ofStepField(s.id(), "id"), s.id(),
              "use a letter first, then letters, digits, '-' or '_' (at most 128 characters)"));
        }
        Step first = byId.putIfAbsent(s.id(), s);
        if (first != null) {
          List<Location> all = where.all("steps." + s.id());
          Location second = all.size() > 1 ? all.get(1) : stepLoc(s.id());
          out.add(Diagnostic.error(Problem.DUPLICATE_STEP_ID, second, s.id(), stepLoc(s.id())));
        } else {
          listOf.put(s.id(), steps);
          if (container != null) {
            containerOf.put(s.id(), container);
          }
        }
        for (List<Step> child : StepTree.childLists(s)) {
          indexSteps(child, s);
        }
      }
    }

    private void checkParameters() {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < pipeline.parameters().size(); i++) {
        Parameter p = pipeline.parameters().get(i);
        String path = "parameters[" + i + "]";
        if (!seen.add(p.name())) {
          out.add(Diagnostic.error(Problem.DUPLICATE_PARAMETER, where.of(path + ".name"), p.name()));
        }
        if (!PARAMETER_NAME.matcher(p.name()).matches()) {
          out.add(Diagnostic.error(Problem.INVALID_ID, where.of(path + ".name"), p.name(),
              "parameter names are a letter, then letters, digits or '_'"));
        }
        p.defaultValue().ifPresent(d -> {
          if (!p.type().accepts(d)) {
            out.add(Diagnostic.error(Problem.PARAMETER_TYPE_MISMATCH, where.of(path + ".default"), p.name(),
                label(p.type()), "its default " + show(d), kindOf(d)));
          } else if (!p.allowed().isEmpty() && !p.allowed().contains(d) && !numericallyIn(d, p.allowed())) {
            out.add(Diagnostic.error(Problem.NOT_ALLOWED_VALUE, where.of(path + ".default"), show(d), p.name(),
                p.allowed().stream().map(PipelineValidator::show).toList()));
          }
        });
        for (int j = 0; j < p.allowed().size(); j++) {
          Value.Literal a = p.allowed().get(j);
          if (!p.type().accepts(a)) {
            out.add(Diagnostic.error(Problem.PARAMETER_TYPE_MISMATCH, where.of(path + ".allowed[" + j + "]"), p.name(),
                label(p.type()), "allowed value " + show(a), kindOf(a)));
          }
        }
      }
    }

    private static boolean numericallyIn(Value.Literal d, List<Value.Literal> allowed) {
      if (!(d.value() instanceof Number n)) {
        return false;
      }
      return allowed.stream().anyMatch(a -> a.value() instanceof Number m && m.doubleValue() == n.doubleValue());
    }

    private void checkTriggers() {
      for (int i = 0; i < pipeline.triggers().size(); i++) {
        Trigger t = pipeline.triggers().get(i);
        if (t instanceof Trigger.Rate r && (r.every().compareTo(Duration.ofMinutes(1)) < 0)) {
          out.add(Diagnostic.error(Problem.INVALID_TRIGGER, where.of("triggers[" + i + "]"),
              "a rate must be at least 1 minute, found " + r.every()));
        }
        if (t instanceof Trigger.Event e && e.pattern().isEmpty()) {
          out.add(Diagnostic.error(Problem.INVALID_TRIGGER, where.of("triggers[" + i + "]"),
              "an event pattern must match something, e.g. {source: [aws.s3]}"));
        }
      }
    }

    private void checkList(List<Step> steps) {
      Set<String> siblings = new HashSet<>();
      steps.forEach(s -> siblings.add(s.id()));
      for (Step s : steps) {
        checkStep(s, siblings);
      }
      StepGraph graph = StepGraph.of(steps);
      graph.findCycle().ifPresent(cycle ->
          out.add(Diagnostic.error(Problem.CYCLE, stepLoc(cycle.get(0)), String.join(" -> ", cycle))
              .withHint("remove one of these dependencies ('after' entries or output references)")));
      checkCatches(steps, graph);
      for (Step s : steps) {
        for (List<Step> child : StepTree.childLists(s)) {
          checkList(child);
        }
      }
    }

    /** Where the i-th 'after' entry of a step was written; looked up only for a diagnostic. */
    private Location afterLoc(Step s, int i) {
      return where.of("steps." + s.id() + ".after[" + i + "]");
    }

    private void checkStep(Step s, Set<String> siblings) {
      for (int i = 0; i < s.after().size(); i++) {
        String a = s.after().get(i);
        if (a.equals(s.id())) {
          out.add(Diagnostic.error(Problem.SELF_REFERENCE, afterLoc(s, i), s.id(), "'after'"));
        } else if (!byId.containsKey(a)) {
          out.add(Diagnostic.error(Problem.UNKNOWN_STEP, afterLoc(s, i), "'after' of step '" + s.id() + "'", a)
              .withHint(Suggestions.didYouMean(a, byId.keySet()).orElse(null)));
        } else if (!siblings.contains(a)) {
          out.add(Diagnostic.error(Problem.CROSSES_SCOPE, afterLoc(s, i), s.id(), a,
              "'after' may only name steps in the same list").withHint(
                  "to run after a condition's branches or a for-each body, name the condition or for-each step itself"));
        }
      }
      for (Value v : References.ownValues(s)) {
        checkValue(s, v, siblings);
      }
      if (s.spec() instanceof ConditionSpec c) {
        if (c.branches().isEmpty()) {
          out.add(Diagnostic.error(Problem.BAD_CONDITION, stepLoc(s.id()), s.id(), "it needs at least one branch"));
        }
        c.branches().forEach(b -> checkCondition(s, b.when()));
      }
      if (s.spec() instanceof ForEachSpec f) {
        if (f.itemsFrom().isPresent() == !f.items().isEmpty()) {
          out.add(Diagnostic.error(Problem.INVALID_VALUE, stepLoc(s.id()), "items", "for-each '" + s.id() + "'",
              "exactly one of 'items' (a non-empty literal list) or 'itemsFrom' (a reference)"));
        }
        if (f.maxConcurrency() < 0) {
          out.add(Diagnostic.error(Problem.INVALID_VALUE, where.ofStepField(s.id(), "maxConcurrency"), f.maxConcurrency(),
              "maxConcurrency", "0 (no limit) or more"));
        }
        if (f.steps().isEmpty()) {
          out.add(Diagnostic.error(Problem.MISSING_FIELD, stepLoc(s.id()), "steps", "for-each '" + s.id() + "'"));
        }
      }
      if (s.spec() instanceof WaitSpec w && w.duration().isPresent() == w.until().isPresent()) {
        out.add(Diagnostic.error(Problem.INVALID_VALUE, stepLoc(s.id()), "wait", "step '" + s.id() + "'",
            "exactly one of 'duration' or 'until'"));
      }
      if (s.spec() instanceof ProcessingSpec p) {
        Set<String> outputs = new HashSet<>();
        p.outputs().forEach(o -> {
          if (!outputs.add(o.name())) {
            out.add(Diagnostic.error(Problem.DUPLICATE_NAME, where.ofStepField(s.id(), "outputs"), "output", o.name(), s.id()));
          }
        });
        for (ProcessingSpec.PropertyFile f : p.propertyFiles()) {
          if (!outputs.contains(f.output())) {
            out.add(Diagnostic.error(Problem.UNKNOWN_OUTPUT, where.ofStepField(s.id(), "propertyFiles"), s.id(),
                "processing", f.output(), outputs.isEmpty() ? "no outputs" : "outputs " + outputs));
          }
        }
      }
      s.retry().ifPresent(r -> checkRetry(r, "step '" + s.id() + "'", where.ofStepField(s.id(), "retry")));
      s.timeout().ifPresent(t -> checkTimeout(t, "step '" + s.id() + "'", where.ofStepField(s.id(), "timeout")));
      s.caching().flatMap(c -> c.expireAfter()).ifPresent(d -> {
        if (d.isZero() || d.isNegative()) {
          out.add(Diagnostic.error(Problem.INVALID_VALUE, where.ofStepField(s.id(), "caching"), d, "expireAfter",
              "a positive duration such as P30D"));
        }
      });
      for (int i = 0; i < s.catches().size(); i++) {
        CatchClause c = s.catches().get(i);
        Location at = where.of("steps." + s.id() + ".catch[" + i + "]");
        if (c.handler().equals(s.id())) {
          out.add(Diagnostic.error(Problem.SELF_REFERENCE, at, s.id(), "'catch'"));
        } else if (!siblings.contains(c.handler())) {
          out.add(Diagnostic.error(Problem.UNKNOWN_HANDLER, at, s.id(), c.handler())
              .withHint(Suggestions.didYouMean(c.handler(), siblings).orElse(null)));
        }
        checkErrorList(c.errors(), "catch of step '" + s.id() + "'", at);
      }
    }

    private void checkCatches(List<Step> steps, StepGraph graph) {
      for (Step s : steps) {
        for (CatchClause c : s.catches()) {
          if (graph.contains(c.handler()) && !c.handler().equals(s.id())
              && graph.reaches(graph.indexOf(c.handler()), graph.indexOf(s.id()))) {
            out.add(Diagnostic.error(Problem.CYCLE, where.ofStepField(s.id(), "catch"),
                s.id() + " -catch-> " + c.handler() + " -> ... -> " + s.id())
                .withHint("a handler must not run before the step it handles"));
          }
        }
      }
    }

    private void checkValue(Step s, Value v, Set<String> siblings) {
      if (v instanceof Value.Join j) {
        j.values().forEach(x -> checkValue(s, x, siblings));
        return;
      }
      Location at = where.ofValue(v).orElseGet(() -> stepLoc(s.id()));
      if (v instanceof Value.ParameterRef p && pipeline.parameter(p.name()).isEmpty()) {
        out.add(Diagnostic.error(Problem.UNKNOWN_PARAMETER, at, "step '" + s.id() + "'", p.name())
            .withHint(Suggestions.didYouMean(p.name(), pipeline.parameters().stream().map(Parameter::name).toList())
                .orElse("declare it under 'parameters'")));
      }
      if (v instanceof Value.ItemRef && !insideForEach(s)) {
        out.add(Diagnostic.error(Problem.ITEM_OUTSIDE_FOR_EACH, at, s.id()));
      }
      String target = v instanceof Value.StepOutputRef o ? o.step() : v instanceof Value.PropertyRef p ? p.step() : null;
      if (target == null) {
        return;
      }
      if (target.equals(s.id())) {
        out.add(Diagnostic.error(Problem.SELF_REFERENCE, at, s.id(), "a value reference"));
        return;
      }
      Step referenced = byId.get(target);
      if (referenced == null) {
        out.add(Diagnostic.error(Problem.UNKNOWN_STEP, at, "a value in step '" + s.id() + "'", target)
            .withHint(Suggestions.didYouMean(target, byId.keySet()).orElse(null)));
        return;
      }
      if (!siblings.contains(target) && !isUpstreamOfAContainer(s, target)) {
        out.add(Diagnostic.error(Problem.CROSSES_SCOPE, at, s.id(), target,
            "its value may not exist when this step runs (it is inside another branch or body)"));
      }
      if (v instanceof Value.StepOutputRef o) {
        referenced.spec().outputNames().ifPresent(names -> {
          if (!names.contains(o.name())) {
            out.add(Diagnostic.error(Problem.UNKNOWN_OUTPUT, at, target, referenced.kind().yamlName(), o.name(),
                names.isEmpty() ? "no outputs" : "outputs " + names)
                .withHint(Suggestions.didYouMean(o.name(), names).orElse(null)));
          }
        });
      }
      if (v instanceof Value.PropertyRef p) {
        if (!(referenced.spec() instanceof ProcessingSpec ps)) {
          out.add(Diagnostic.error(Problem.UNKNOWN_OUTPUT, at, target, referenced.kind().yamlName(), p.file(),
              "no property files (only processing steps declare them)"));
        } else if (ps.propertyFiles().stream().noneMatch(f -> f.name().equals(p.file()))) {
          List<String> names = ps.propertyFiles().stream().map(ProcessingSpec.PropertyFile::name).toList();
          out.add(Diagnostic.error(Problem.UNKNOWN_OUTPUT, at, target, "processing", p.file(),
              names.isEmpty() ? "no property files" : "property files " + names)
              .withHint(Suggestions.didYouMean(p.file(), names).orElse(null)));
        }
      }
    }

    /** A reference out of a nested list is fine when the referenced step runs before the enclosing container. */
    private boolean isUpstreamOfAContainer(Step s, String target) {
      Step container = containerOf.get(s.id());
      while (container != null) {
        List<Step> list = listOf.get(container.id());
        if (list != null && list.stream().anyMatch(x -> x.id().equals(target))) {
          StepGraph g = StepGraph.of(list);
          BitSet anc = g.ancestors(g.indexOf(container.id()));
          return anc.get(g.indexOf(target));
        }
        container = containerOf.get(container.id());
      }
      return false;
    }

    private boolean insideForEach(Step s) {
      Step c = containerOf.get(s.id());
      while (c != null) {
        if (c.spec() instanceof ForEachSpec) {
          return true;
        }
        c = containerOf.get(c.id());
      }
      return s.spec() instanceof ForEachSpec; // a for-each's own fields cannot use its items, but its body can
    }

    private void checkCondition(Step s, Condition c) {
      if (c instanceof Condition.In in && in.values().isEmpty()) {
        out.add(Diagnostic.error(Problem.BAD_CONDITION, stepLoc(s.id()), s.id(), "'in' needs at least one value"));
      }
      if (c instanceof Condition.Comparison cmp && cmp.left() instanceof Value.Literal && cmp.right() instanceof Value.Literal) {
        out.add(Diagnostic.warning(Problem.BAD_CONDITION, stepLoc(s.id()), s.id(),
            "both sides of '" + cmp.operator().yamlName() + "' are literals, so the result never changes"));
      }
      if (c instanceof Condition.Not n) {
        checkCondition(s, n.condition());
      } else if (c instanceof Condition.All a) {
        a.conditions().forEach(x -> checkCondition(s, x));
      } else if (c instanceof Condition.Any a) {
        a.conditions().forEach(x -> checkCondition(s, x));
      }
    }

    private void checkRetry(RetryPolicy r, String owner, Location at) {
      if (r.retries() < 0 || r.retries() > MAX_RETRIES) {
        out.add(Diagnostic.error(Problem.RETRY_OUT_OF_RANGE, at, "retries", owner, r.retries() + " (use 0 to " + MAX_RETRIES + ")"));
      }
      if (r.interval().isNegative() || r.interval().compareTo(Duration.ofSeconds(1)) < 0) {
        out.add(Diagnostic.error(Problem.RETRY_OUT_OF_RANGE, at, "interval", owner, r.interval() + " (at least 1 second)"));
      }
      if (r.backoffRate() < 1.0 || Double.isNaN(r.backoffRate()) || r.backoffRate() > 100) {
        out.add(Diagnostic.error(Problem.RETRY_OUT_OF_RANGE, at, "backoffRate", owner, r.backoffRate() + " (use 1.0 to 100)"));
      }
      r.maxInterval().ifPresent(m -> {
        if (m.compareTo(r.interval()) < 0) {
          out.add(Diagnostic.error(Problem.RETRY_OUT_OF_RANGE, at, "maxInterval", owner,
              m + " is shorter than the interval " + r.interval()));
        }
      });
      checkErrorList(r.errors(), "retry of " + owner, at);
    }

    private void checkErrorList(List<ErrorClass> errors, String owner, Location at) {
      if (errors.isEmpty()) {
        out.add(Diagnostic.error(Problem.INVALID_VALUE, at, "[]", "errors of " + owner, "at least one error class, e.g. [all]"));
      }
      if (errors.contains(ErrorClass.ALL) && errors.size() > 1) {
        out.add(Diagnostic.error(Problem.INVALID_VALUE, at, errors, "errors of " + owner, "'all' alone, or a list without 'all'"));
      }
    }

    private void checkTimeout(Duration t, String owner, Location at) {
      if (t.isZero() || t.isNegative() || t.compareTo(MAX_TIMEOUT) > 0) {
        out.add(Diagnostic.error(Problem.TIMEOUT_OUT_OF_RANGE, at, owner, t + " (use more than 0 and at most 365 days)"));
      }
    }
  }

  static String show(Value.Literal l) {
    return l.value() instanceof String s ? "'" + s + "'" : String.valueOf(l.value());
  }

  private static String label(Parameter.ParameterType t) {
    return t.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String kindOf(Value.Literal l) {
    Object v = l.value();
    return v instanceof String ? "text" : v instanceof Long ? "an integer" : v instanceof Double ? "a float" : "a boolean";
  }

  /** Convenience: errors only. */
  public static boolean hasErrors(List<Diagnostic> diagnostics) {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
