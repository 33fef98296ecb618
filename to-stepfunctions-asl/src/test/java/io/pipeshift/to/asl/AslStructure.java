package io.pipeshift.to.asl;

import io.pipeshift.ir.ErrorClass;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.RetryPolicy;
import io.pipeshift.ir.Step;
import io.pipeshift.time.Durations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What asl-validator does not check (it accepts unknown Retrier keys, a bad JitterStrategy and any Resource
 * ARN): state names, Retrier and Catcher fields, States.ALL placement, the integration ARNs this target
 * may emit, and that every IR retry and catch arrived exactly.
 */
final class AslStructure {

  /** Every Resource this target may write: the integrations it knows, and ${...} substitutions. */
  static final Pattern RESOURCE = Pattern.compile("arn:aws:states:::("
      + "sagemaker:(createProcessingJob|createTrainingJob|createHyperParameterTuningJob|createTransformJob)\\.sync"
      + "|sagemaker:(createModel|createEndpointConfig|createEndpoint|updateEndpoint)"
      + "|aws-sdk:sagemaker:(createModelPackage|startPipelineExecution|describePipelineExecution|describeEndpoint)"
      + "|aws-sdk:s3:getObject"
      + "|glue:startJobRun\\.sync|batch:submitJob\\.sync|ecs:runTask\\.sync|athena:startQueryExecution\\.sync"
      + "|elasticmapreduce:(addStep|createCluster|terminateCluster)\\.sync"
      + "|lambda:invoke|sns:publish(\\.waitForTaskToken)?|sqs:sendMessage(\\.waitForTaskToken)?|events:putEvents"
      + "|states:startExecution(\\.sync:2)?|http:invoke)"
      + "|\\$\\{ActivityArn_[A-Za-z0-9_]+}");
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
  static final Set<String> RETRIER_KEYS =
      Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy");
  static final Set<String> CATCHER_KEYS = Set.of("ErrorEquals", "Next", "ResultPath");

  private AslStructure() {}

  /** Problems in the definition's own structure; empty when there are none. */
  static List<String> check(Map<String, Object> machine) {
    return check(machine, Set.of());
  }

  /** The same, also allowing the given Resources (external steps kept verbatim). */
  static List<String> check(Map<String, Object> machine, Set<String> verbatim) {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String n : AslStates.names(machine)) {
      if (!seen.add(n)) {
        problems.add("state name used twice: " + n);
      }
      if (!NAME.matcher(n).matches()) {
        problems.add("bad state name: '" + n + "'");
      }
    }
    AslStates.forEach(machine, (name, state) -> {
      String type = String.valueOf(state.get("Type"));
      String resource = String.valueOf(state.get("Resource"));
      if ("Task".equals(type) && !RESOURCE.matcher(resource).matches() && !verbatim.contains(resource)) {
        problems.add(name + ": unknown integration " + state.get("Resource"));
      }
      boolean handles = Set.of("Task", "Parallel", "Map").contains(type);
      if (!handles && (state.containsKey("Retry") || state.containsKey("Catch"))) {
        problems.add(name + ": a " + type + " state has Retry or Catch");
      }
      if (state.get("Retry") instanceof List<?> retriers) {
        for (int i = 0; i < retriers.size(); i++) {
          Map<?, ?> r = (Map<?, ?>) retriers.get(i);
          retrier(name, r, i == retriers.size() - 1, problems);
        }
      }
      if (state.get("Catch") instanceof List<?> catchers) {
        for (int i = 0; i < catchers.size(); i++) {
          Map<?, ?> c = (Map<?, ?>) catchers.get(i);
          if (!CATCHER_KEYS.containsAll(c.keySet()) || !c.keySet().containsAll(CATCHER_KEYS)) {
            problems.add(name + ": catcher fields " + c.keySet());
          }
          if (!"$.error".equals(c.get("ResultPath"))) {
            problems.add(name + ": catcher ResultPath " + c.get("ResultPath") + " does not keep the input");
          }
          errors(name, c.get("ErrorEquals"), i == catchers.size() - 1, problems);
        }
      }
    });
    return problems;
  }

  private static void retrier(String name, Map<?, ?> r, boolean last, List<String> problems) {
    if (!RETRIER_KEYS.containsAll(r.keySet())) {
      problems.add(name + ": unknown retrier fields " + r.keySet());
    }
    errors(name, r.get("ErrorEquals"), last, problems);
    if (!(r.get("IntervalSeconds") instanceof Integer i) || i < 1 || i > 99_999_999) {
      problems.add(name + ": IntervalSeconds " + r.get("IntervalSeconds"));
    }
    if (!(r.get("MaxAttempts") instanceof Integer m) || m < 0 || m > 99_999_999) {
      problems.add(name + ": MaxAttempts " + r.get("MaxAttempts"));
    }
    if (!(r.get("BackoffRate") instanceof Number b) || b.doubleValue() < 1.0) {
      problems.add(name + ": BackoffRate " + r.get("BackoffRate"));
    }
    if (r.containsKey("MaxDelaySeconds")
        && (!(r.get("MaxDelaySeconds") instanceof Number d) || d.longValue() < 1 || d.longValue() > 31_622_400L)) {
      problems.add(name + ": MaxDelaySeconds " + r.get("MaxDelaySeconds"));
    }
    if (r.containsKey("JitterStrategy") && !Set.of("FULL", "NONE").contains(r.get("JitterStrategy"))) {
      problems.add(name + ": JitterStrategy " + r.get("JitterStrategy"));
    }
  }

  private static void errors(String name, Object errorEquals, boolean last, List<String> problems) {
    if (!(errorEquals instanceof List<?> list) || list.isEmpty()) {
      problems.add(name + ": empty ErrorEquals");
      return;
    }
    if (list.contains("States.ALL") && (list.size() != 1 || !last)) {
      problems.add(name + ": States.ALL must be alone and last, found " + list);
    }
    if (new HashSet<>(list).size() != list.size()) {
      problems.add(name + ": repeated error names " + list);
    }
  }

  /** Every IR retry as a Retrier with exactly its numbers, on the step's own state. */
  static List<String> retriesKept(Pipeline pipeline, Map<String, Object> machine, Map<String, String> stepStates) {
    List<String> problems = new ArrayList<>();
    Map<String, Map<String, Object>> states = AslStates.all(machine);
    for (Step s : pipeline.allSteps()) {
      Optional<RetryPolicy> retry = pipeline.retryOf(s);
      Map<String, Object> state = states.get(stepStates.get(s.id()));
      if (retry.isEmpty() || retry.get().retries() == 0 || state == null
          || !Set.of("Task", "Parallel", "Map").contains(String.valueOf(state.get("Type")))) {
        continue;
      }
      RetryPolicy p = retry.get();
      if (!(state.get("Retry") instanceof List<?> list) || list.size() != 1) {
        problems.add(s.id() + ": expected one Retrier, found " + state.get("Retry"));
        continue;
      }
      Map<?, ?> r = (Map<?, ?>) list.get(0);
      expect(problems, s.id(), "MaxAttempts", p.retries(), r.get("MaxAttempts"));
      expect(problems, s.id(), "IntervalSeconds", (int) Durations.ceilSeconds(p.interval()), r.get("IntervalSeconds"));
      expect(problems, s.id(), "BackoffRate", p.backoffRate(), r.get("BackoffRate"));
      expect(problems, s.id(), "MaxDelaySeconds",
          p.maxInterval().map(d -> (Object) (int) Durations.ceilSeconds(d)).orElse(null), r.get("MaxDelaySeconds"));
      expect(problems, s.id(), "JitterStrategy", p.jitter() == RetryPolicy.Jitter.FULL ? "FULL" : null,
          r.get("JitterStrategy"));
      List<?> names = (List<?>) r.get("ErrorEquals");
      if (p.errors().equals(List.of(ErrorClass.ALL)) && !names.equals(List.of("States.ALL"))) {
        problems.add(s.id() + ": retry of all errors became " + names);
      }
      for (ErrorClass e : p.errors()) {
        if (e.isCustom() && !names.contains(e.name())) {
          problems.add(s.id() + ": custom error " + e.name() + " missing from " + names);
        }
      }
    }
    return problems;
  }

  private static void expect(List<String> problems, String step, String field, Object want, Object got) {
    boolean same = want == null ? got == null
        : want instanceof Number w && got instanceof Number g ? w.doubleValue() == g.doubleValue() : want.equals(got);
    if (!same) {
      problems.add(step + ": " + field + " " + got + ", the IR says " + want);
    }
  }

  /**
   * Every IR catch leads to its handler: directly, or through a raise Fail state whose error an enclosing
   * Parallel state catches.
   */
  @SuppressWarnings("unchecked")
  static List<String> catchesKept(Pipeline pipeline, Map<String, Object> machine, Map<String, String> stepStates) {
    List<String> problems = new ArrayList<>();
    Map<String, Map<String, Object>> states = AslStates.all(machine);
    Map<String, String> caughtBy = new java.util.HashMap<>();
    states.forEach((name, state) -> {
      if (state.get("Catch") instanceof List<?> cs) {
        for (Object c : cs) {
          Map<String, Object> m = (Map<String, Object>) c;
          for (Object e : (List<?>) m.get("ErrorEquals")) {
            if (String.valueOf(e).startsWith(AslMachine.CAUGHT)) {
              caughtBy.put(String.valueOf(e), String.valueOf(m.get("Next")));
            }
          }
        }
      }
    });
    for (Step s : pipeline.allSteps()) {
      Map<String, Object> state = states.get(stepStates.get(s.id()));
      if (s.catches().isEmpty() || state == null || !Set.of("Task", "Parallel", "Map").contains(String.valueOf(state.get("Type")))) {
        continue;
      }
      List<Map<String, Object>> catchers = (List<Map<String, Object>>) state.getOrDefault("Catch", List.of());
      for (int i = 0; i < s.catches().size() && i < catchers.size(); i++) {
        String next = String.valueOf(catchers.get(i).get("Next"));
        Map<String, Object> target = states.get(next);
        if (target != null && "Fail".equals(target.get("Type"))
            && String.valueOf(target.get("Error")).startsWith(AslMachine.CAUGHT)) {
          next = caughtBy.get(String.valueOf(target.get("Error")));
        }
        String handler = stepStates.get(s.catches().get(i).handler());
        if (!leadsTo(states, next, handler)) {
          problems.add(s.id() + ": catch " + i + " goes to " + next + ", not to handler " + handler);
        }
      }
      if (catchers.size() < s.catches().size() && catchers.stream().noneMatch(c -> ((List<?>) c.get("ErrorEquals")).contains("States.ALL"))) {
        problems.add(s.id() + ": " + s.catches().size() + " catches in the IR, " + catchers.size() + " catchers");
      }
    }
    return problems;
  }

  /** The state is the handler, or helper states (property reads, evaluations) lead straight to it. */
  private static boolean leadsTo(Map<String, Map<String, Object>> states, String from, String handler) {
    String at = from;
    for (int hops = 0; hops < 8 && at != null; hops++) {
      if (at.equals(handler)) {
        return true;
      }
      Map<String, Object> s = states.get(at);
      at = s == null ? null : (String) s.get("Next");
    }
    return false;
  }
}
