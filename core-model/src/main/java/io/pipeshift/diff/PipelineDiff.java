package io.pipeshift.diff;

import io.pipeshift.diff.DiffChange.Type;
import io.pipeshift.graph.StepGraph;
import io.pipeshift.ir.CatchClause;
import io.pipeshift.ir.ErrorClass;
import io.pipeshift.ir.Parameter;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.RetryPolicy;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepTree;
import io.pipeshift.ir.kinds.ConditionSpec;
import io.pipeshift.ir.kinds.ForEachSpec;
import io.pipeshift.time.Durations;
import io.pipeshift.yaml.PipelineWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The semantic difference of two pipelines: what would run differently. Steps are matched by id, then by
 * display name (formats that name steps by the name people read), then (for the rest) by kind and field
 * similarity, which reports a rename instead of a removal plus an addition. Compared per matched step: kind, typed fields (leaf by leaf), the retry, timeout and caching
 * in force (pipeline defaults applied, so a default and an explicit equal value are the same), catches,
 * and where the step sits (top level, a branch, a for-each body); per step list: dependency edges after
 * transitive reduction ({@code after} and data references alike, redundant edges ignored); parameters by
 * name.
 *
 * <p>Literals compare by value across types that formats blur: {@code 200}, {@code 200.0} and {@code "200"}
 * are equal (SageMaker and Airflow carry hyperparameters and arguments as text). Documentation and
 * deployment metadata (pipeline name, description, tags, triggers, step display names and descriptions,
 * parameter descriptions) and format extensions are compared only when {@link Options} asks: most formats
 * cannot carry them, so a cross-format diff would otherwise always differ.
 */
public final class PipelineDiff {

  /** Similarity (share of equal field leaves) above which two unmatched steps of one kind are a rename. */
  static final double RENAME_THRESHOLD = 0.5;

  /**
   * What else to compare.
   *
   * @param metadata names, descriptions, tags, triggers, display names, parameter descriptions
   * @param extensions format-specific extension maps
   */
  public record Options(boolean metadata, boolean extensions) {
    public static final Options BEHAVIOUR = new Options(false, false);
    public static final Options ALL = new Options(true, true);
  }

  private final List<DiffChange> changes;

  private PipelineDiff(List<DiffChange> changes) {
    this.changes = List.copyOf(changes);
  }

  public static PipelineDiff between(Pipeline a, Pipeline b) {
    return between(a, b, Options.BEHAVIOUR);
  }

  public static PipelineDiff between(Pipeline a, Pipeline b, Options options) {
    return new Run(a, b, options).run();
  }

  public List<DiffChange> changes() {
    return changes;
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** One line per change, then a summary line. */
  public String text() {
    return DiffRendering.text(changes);
  }

  /** Pretty-printed JSON: {@code {"same", "differences", "changes": [...]}}. */
  public String json() {
    return DiffRendering.json(changes);
  }

  // ---------------------------------------------------------------------------------------------

  /** Where a step sits: the step list it is in, named by container id and list index ("" at the top). */
  private record Placed(Step step, String list, int order) {}

  private static final class Run {
    private Pipeline a;
    private Pipeline b;
    private final Options options;
    private final List<DiffChange> out = new ArrayList<>();
    private final PipelineWriter writer = new PipelineWriter();

    Run(Pipeline a, Pipeline b, Options options) {
      this.a = a;
      this.b = b;
      this.options = options;
    }

    PipelineDiff run() {
      a = StepRenaming.apply(a, Map.of());
      b = StepRenaming.apply(b, Map.of());
      if (options.metadata()) {
        metadata();
      }
      parameters();
      Map<String, Placed> inA = index(a);
      Map<String, Placed> inB = index(b);
      Map<String, String> bToA = match(inA, inB);
      Map<String, String> renames = new LinkedHashMap<>();
      bToA.forEach((bid, aid) -> {
        if (!bid.equals(aid)) {
          renames.put(bid, aid);
        }
      });
      Set<String> originalB = new LinkedHashSet<>(inB.keySet());
      b = StepRenaming.apply(b, renames);
      Map<String, Placed> inB2 = index(b);
      Set<String> matchedA = new LinkedHashSet<>(bToA.values());
      for (Placed pa : inA.values()) {
        String id = pa.step().id();
        if (!matchedA.contains(id)) {
          out.add(DiffChange.of(Type.STEP_REMOVED, id, null, pa.step().kind().yamlName(), null));
          continue;
        }
        Placed pb = inB2.get(id);
        String bid = renames.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey)
            .findFirst().orElse(id);
        if (!bid.equals(id)) {
          out.add(DiffChange.of(Type.STEP_RENAMED, id, null, id, bid));
        }
        if (!pa.list().equals(pb.list())) {
          out.add(DiffChange.of(Type.STEP_MOVED, id, null, describeList(pa.list()), describeList(pb.list())));
        }
        step(pa.step(), pb.step());
      }
      for (String bid : originalB) {
        if (!bToA.containsKey(bid)) {
          Placed pb = inB.get(bid);
          out.add(DiffChange.of(Type.STEP_ADDED, bid, null, null, pb.step().kind().yamlName()));
        }
      }
      edges(matchedA);
      return new PipelineDiff(out);
    }

    // -- metadata and parameters ------------------------------------------------------------------

    private void metadata() {
      compare(null, "name", a.name(), b.name(), Type.METADATA_CHANGED);
      compare(null, "description", tree(a.description()), tree(b.description()), Type.METADATA_CHANGED);
      compare(null, "tags", tree(a.tags()), tree(b.tags()), Type.METADATA_CHANGED);
      compare(null, "triggers", tree(a.triggers()), tree(b.triggers()), Type.METADATA_CHANGED);
    }

    private void parameters() {
      Map<String, Parameter> pb = new LinkedHashMap<>();
      b.parameters().forEach(p -> pb.put(p.name(), p));
      for (Parameter p : a.parameters()) {
        Parameter q = pb.remove(p.name());
        if (q == null) {
          out.add(DiffChange.of(Type.PARAMETER_REMOVED, null, p.name(), tree(p), null));
          continue;
        }
        Map<String, Object> ta = parameterTree(p);
        Map<String, Object> tb = parameterTree(q);
        List<DiffChange> found = new ArrayList<>();
        leaves(null, "", ta, tb, Type.PARAMETER_CHANGED, found);
        for (DiffChange c : found) {
          out.add(new DiffChange(Type.PARAMETER_CHANGED, Optional.empty(),
              Optional.of(p.name() + "." + c.field().orElse("")), c.before(), c.after()));
        }
      }
      pb.values().forEach(q -> out.add(DiffChange.of(Type.PARAMETER_ADDED, null, q.name(), null, tree(q))));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parameterTree(Parameter p) {
      Map<String, Object> t = new LinkedHashMap<>((Map<String, Object>) writer.tree(p));
      t.remove("name");
      t.putIfAbsent("type", "string");
      if (!options.metadata()) {
        t.remove("description");
      }
      return t;
    }

    // -- steps --------------------------------------------------------------------------------------

    private void step(Step sa, Step sb) {
      String id = sa.id();
      if (sa.kind() != sb.kind()) {
        out.add(DiffChange.of(Type.KIND_CHANGED, id, "kind", sa.kind().yamlName(), sb.kind().yamlName()));
      } else {
        leaves(id, "", specTree(sa), specTree(sb), Type.FIELD_CHANGED, out);
      }
      retry(id, normal(a.retryOf(sa)), normal(b.retryOf(sb)));
      compare(id, "timeout", a.timeoutOf(sa).map(Durations::format).orElse(null),
          b.timeoutOf(sb).map(Durations::format).orElse(null), Type.TIMEOUT_CHANGED);
      compare(id, "caching", tree(a.cachingOf(sa).filter(c -> c.enabled()).orElse(null)),
          tree(b.cachingOf(sb).filter(c -> c.enabled()).orElse(null)), Type.CACHING_CHANGED);
      compare(id, "catch", catches(sa.catches()), catches(sb.catches()), Type.CATCH_CHANGED);
      if (options.metadata()) {
        compare(id, "name", sa.displayName().orElse(null), sb.displayName().orElse(null), Type.METADATA_CHANGED);
        compare(id, "description", sa.description().orElse(null), sb.description().orElse(null), Type.METADATA_CHANGED);
      }
      if (options.extensions()) {
        leaves(id, "extensions", tree(sa.extensions()), tree(sb.extensions()), Type.FIELD_CHANGED, out);
      }
    }

    /** No retry and zero retries mean the same. */
    private static Optional<RetryPolicy> normal(Optional<RetryPolicy> r) {
      return r.filter(p -> p.retries() > 0);
    }

    private void retry(String id, Optional<RetryPolicy> ra, Optional<RetryPolicy> rb) {
      if (ra.isEmpty() || rb.isEmpty()) {
        if (ra.isPresent() != rb.isPresent()) {
          out.add(DiffChange.of(Type.RETRY_CHANGED, id, "retry", ra.map(this::tree).orElse(null), rb.map(this::tree).orElse(null)));
        }
        return;
      }
      RetryPolicy x = ra.get();
      RetryPolicy y = rb.get();
      compare(id, "retry.retries", (long) x.retries(), (long) y.retries(), Type.RETRY_CHANGED);
      compare(id, "retry.interval", Durations.format(x.interval()), Durations.format(y.interval()), Type.RETRY_CHANGED);
      compare(id, "retry.backoffRate", x.backoffRate(), y.backoffRate(), Type.RETRY_CHANGED);
      compare(id, "retry.maxInterval", x.maxInterval().map(Durations::format).orElse(null),
          y.maxInterval().map(Durations::format).orElse(null), Type.RETRY_CHANGED);
      compare(id, "retry.jitter", tree(x.jitter()), tree(y.jitter()), Type.RETRY_CHANGED);
      compare(id, "retry.errors", errors(x.errors()), errors(y.errors()), Type.RETRY_CHANGED);
    }

    private static List<Object> errors(List<ErrorClass> errors) {
      return new ArrayList<>(new TreeSet<>(errors.stream().map(ErrorClass::name).toList()));
    }

    private List<Object> catches(List<CatchClause> catches) {
      List<Object> outList = new ArrayList<>();
      for (CatchClause c : catches) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("errors", errors(c.errors()));
        m.put("handler", c.handler());
        outList.add(m);
      }
      return outList;
    }

    /** A step's own fields as a plain tree, without nested steps (those are compared as steps). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> specTree(Step s) {
      Object t = writer.tree(s.spec());
      Map<String, Object> m = t instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
      if (s.spec() instanceof ConditionSpec) {
        m.remove("otherwise");
        Object branches = m.get("branches");
        if (branches instanceof List<?> l) {
          List<Object> whens = new ArrayList<>();
          for (Object br : l) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) br);
            copy.remove("steps");
            whens.add(copy);
          }
          m.put("branches", whens);
        }
      }
      if (s.spec() instanceof ForEachSpec) {
        m.remove("steps");
      }
      return m;
    }

    // -- matching -----------------------------------------------------------------------------------

    private static Map<String, Placed> index(Pipeline p) {
      Map<String, Placed> out = new LinkedHashMap<>();
      int[] order = {0};
      indexList(p.steps(), "", out, order);
      return out;
    }

    private static void indexList(List<Step> list, String name, Map<String, Placed> out, int[] order) {
      for (Step s : list) {
        out.putIfAbsent(s.id(), new Placed(s, name, order[0]++));
        List<List<Step>> children = StepTree.childLists(s);
        for (int i = 0; i < children.size(); i++) {
          indexList(children.get(i), s.id() + "#" + i, out, order);
        }
      }
    }

    /** B id -> A id for every matched step. */
    private Map<String, String> match(Map<String, Placed> inA, Map<String, Placed> inB) {
      Map<String, String> bToA = new LinkedHashMap<>();
      for (String id : inB.keySet()) {
        if (inA.containsKey(id)) {
          bToA.put(id, id);
        }
      }
      Set<String> matchedA = new LinkedHashSet<>(bToA.values());
      // then by the name people read: a format that names steps by their display name keeps it as the id
      Map<String, Placed> byLabelA = new LinkedHashMap<>();
      inA.values().stream().filter(p -> !matchedA.contains(p.step().id()))
          .forEach(p -> byLabelA.putIfAbsent(p.step().label(), p));
      for (Placed pb : inB.values()) {
        if (bToA.containsKey(pb.step().id())) {
          continue;
        }
        Placed pa = byLabelA.get(pb.step().label());
        if (pa != null && pa.step().kind() == pb.step().kind() && !matchedA.contains(pa.step().id())) {
          bToA.put(pb.step().id(), pa.step().id());
          matchedA.add(pa.step().id());
        }
      }
      List<Placed> restA = inA.values().stream().filter(p -> !matchedA.contains(p.step().id())).toList();
      List<Placed> restB = inB.values().stream().filter(p -> !bToA.containsKey(p.step().id())).toList();
      record Candidate(Placed pa, Placed pb, double score) {}
      List<Candidate> candidates = new ArrayList<>();
      Map<String, Map<String, String>> leafCache = new HashMap<>();
      for (Placed pa : restA) {
        for (Placed pb : restB) {
          if (pa.step().kind() != pb.step().kind()) {
            continue;
          }
          Map<String, String> la = leafCache.computeIfAbsent("a:" + pa.step().id(), k -> flat(specTree(pa.step())));
          Map<String, String> lb = leafCache.computeIfAbsent("b:" + pb.step().id(), k -> flat(specTree(pb.step())));
          double score = similarity(la, lb);
          if (score >= RENAME_THRESHOLD) {
            candidates.add(new Candidate(pa, pb, score));
          }
        }
      }
      candidates.sort(Comparator.comparingDouble((Candidate c) -> -c.score())
          .thenComparingInt(c -> c.pa().order()).thenComparingInt(c -> c.pb().order()));
      Set<String> takenA = new java.util.HashSet<>();
      for (Candidate c : candidates) {
        String ida = c.pa().step().id();
        String idb = c.pb().step().id();
        if (!takenA.contains(ida) && !bToA.containsKey(idb)) {
          takenA.add(ida);
          bToA.put(idb, ida);
        }
      }
      return bToA;
    }

    private static double similarity(Map<String, String> x, Map<String, String> y) {
      if (x.isEmpty() && y.isEmpty()) {
        return 1.0;
      }
      int same = 0;
      for (Map.Entry<String, String> e : x.entrySet()) {
        String other = y.get(e.getKey());
        if (other != null && sameScalar(e.getValue(), other)) {
          same++;
        }
      }
      return (double) same / Math.max(x.size(), y.size());
    }

    private static Map<String, String> flat(Object tree) {
      Map<String, String> out = new LinkedHashMap<>();
      flatten("", tree, out);
      return out;
    }

    private static void flatten(String path, Object tree, Map<String, String> out) {
      if (tree instanceof Map<?, ?> m) {
        m.forEach((k, v) -> flatten(path.isEmpty() ? String.valueOf(k) : path + "." + k, v, out));
      } else if (tree instanceof List<?> l) {
        for (int i = 0; i < l.size(); i++) {
          flatten(path + "[" + i + "]", l.get(i), out);
        }
      } else {
        out.put(path, String.valueOf(tree));
      }
    }

    // -- edges --------------------------------------------------------------------------------------

    private void edges(Set<String> matched) {
      Set<String> ea = edgeSet(a);
      Set<String> eb = edgeSet(b);
      for (String e : ea) {
        String[] ends = e.split("\u0000");
        if (!eb.contains(e) && matched.contains(ends[0]) && matched.contains(ends[1])) {
          out.add(DiffChange.of(Type.EDGE_REMOVED, ends[1], ends[0], ends[0] + " -> " + ends[1], null));
        }
      }
      for (String e : eb) {
        String[] ends = e.split("\u0000");
        if (!ea.contains(e) && matched.contains(ends[0]) && matched.contains(ends[1])) {
          out.add(DiffChange.of(Type.EDGE_ADDED, ends[1], ends[0], null, ends[0] + " -> " + ends[1]));
        }
      }
    }

    /** "from\0to" for every edge of every step list, after transitive reduction, in document order. */
    private static Set<String> edgeSet(Pipeline p) {
      Set<String> out = new LinkedHashSet<>();
      collectEdges(p.steps(), out);
      return out;
    }

    private static void collectEdges(List<Step> list, Set<String> out) {
      StepGraph g = StepGraph.of(list).transitiveReduction();
      for (int[] e : g.edges()) {
        out.add(g.id(e[0]) + "\u0000" + g.id(e[1]));
      }
      for (Step s : list) {
        StepTree.childLists(s).forEach(child -> collectEdges(child, out));
      }
    }

    private static String describeList(String list) {
      if (list.isEmpty()) {
        return "top level";
      }
      int hash = list.lastIndexOf('#');
      return "list " + list.substring(hash + 1) + " of " + list.substring(0, hash);
    }

    // -- leaf comparison ----------------------------------------------------------------------------

    private Object tree(Object irValue) {
      if (irValue == null) {
        return null;
      }
      if (irValue instanceof Optional<?> o) {
        return o.map(this::tree).orElse(null);
      }
      if (irValue instanceof Duration d) {
        return Durations.format(d);
      }
      if (irValue instanceof Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      }
      if (irValue instanceof Map<?, ?> m && m.isEmpty()) {
        return null;
      }
      if (irValue instanceof List<?> l && l.isEmpty()) {
        return null;
      }
      return writer.tree(irValue);
    }

    private void compare(String step, String field, Object before, Object after, Type type) {
      if (!sameTree(before, after)) {
        out.add(DiffChange.of(type, step, field, before, after));
      }
    }

    /** Leaf-by-leaf differences of two trees; lists of different lengths differ as a whole. */
    private static void leaves(String step, String path, Object x, Object y, Type type, List<DiffChange> into) {
      if (x instanceof Map<?, ?> mx && y instanceof Map<?, ?> my) {
        Set<Object> keys = new LinkedHashSet<>(mx.keySet());
        keys.addAll(my.keySet());
        for (Object k : keys) {
          leaves(step, path.isEmpty() ? String.valueOf(k) : path + "." + k, mx.get(k), my.get(k), type, into);
        }
        return;
      }
      if (x instanceof List<?> lx && y instanceof List<?> ly && lx.size() == ly.size()) {
        for (int i = 0; i < lx.size(); i++) {
          leaves(step, path + "[" + i + "]", lx.get(i), ly.get(i), type, into);
        }
        return;
      }
      if (!sameTree(x, y)) {
        into.add(DiffChange.of(type, step, path, x, y));
      }
    }

    static boolean sameTree(Object x, Object y) {
      if (x == null || y == null) {
        return x == y;
      }
      if (x instanceof Map<?, ?> mx && y instanceof Map<?, ?> my) {
        if (!mx.keySet().equals(my.keySet())) {
          return false;
        }
        return mx.keySet().stream().allMatch(k -> sameTree(mx.get(k), my.get(k)));
      }
      if (x instanceof List<?> lx && y instanceof List<?> ly) {
        if (lx.size() != ly.size()) {
          return false;
        }
        for (int i = 0; i < lx.size(); i++) {
          if (!sameTree(lx.get(i), ly.get(i))) {
            return false;
          }
        }
        return true;
      }
      if (x instanceof Map<?, ?> || y instanceof Map<?, ?> || x instanceof List<?> || y instanceof List<?>) {
        return false;
      }
      return sameScalar(String.valueOf(x), String.valueOf(y));
    }
  }

  /** Equal texts, or two numbers of equal value ({@code 200}, {@code 200.0}). */
  static boolean sameScalar(String x, String y) {
    if (Objects.equals(x, y)) {
      return true;
    }
    try {
      return new BigDecimal(x).compareTo(new BigDecimal(y)) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
