package io.pipeshift.analyzer.features;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the decision matrix reads from a pipeline, each with its value. Work steps are all steps but
 * control ones (condition, fail, wait, for-each, approval, callback); a for-each body counts once.
 *
 * @param workSteps work steps, nested ones included
 * @param sagemakerSteps SageMaker-native work steps (processing, training, ... model-deploy)
 * @param awsServiceSteps work steps on AWS services other than SageMaker, by kind
 * @param nonAwsSteps work steps outside AWS, by kind
 * @param sagemakerShare sagemakerSteps / workSteps (0 when there are no work steps)
 * @param externalSteps steps kept verbatim from a source orchestrator (custom operators)
 * @param airflowOrigin the pipeline or one of its steps carries an {@code airflow} extension
 * @param retriedSteps work steps with at least one retry in force
 * @param customRetrySteps steps whose retry names specific errors (not just {@code all}/service faults)
 * @param catchClauses catch clauses
 * @param compensationSteps distinct handler steps (compensation paths)
 * @param forEachSteps for-each steps
 * @param largestFanOut largest number of items of one fan-out, nested fan-outs multiplied; empty when
 *     there is no fan-out
 * @param runtimeSizedFanOut some fan-out's items are only known at run time
 * @param longRunningSteps ids of steps that may run longer than {@code thresholds.longRunning}
 * @param approvalSteps approval steps
 * @param callbackSteps callback steps
 * @param registerModelSteps register-model steps
 * @param checkSteps quality-check and clarify-check steps
 * @param cachedSteps work steps with caching enabled
 * @param linear every step list is a chain (no parallel branches, no condition, no for-each)
 * @param run the run estimate: durations, history events, state transitions
 * @param triggers trigger kinds in order: cron, rate, event, manual
 * @param runsPerMonth runs in a 30-day month from cron and rate triggers, if any
 * @param parameters declared parameters
 */
public record Features(
    int workSteps,
    int sagemakerSteps,
    Map<String, Integer> awsServiceSteps,
    Map<String, Integer> nonAwsSteps,
    double sagemakerShare,
    int externalSteps,
    boolean airflowOrigin,
    int retriedSteps,
    int customRetrySteps,
    int catchClauses,
    int compensationSteps,
    int forEachSteps,
    Optional<Long> largestFanOut,
    boolean runtimeSizedFanOut,
    List<String> longRunningSteps,
    int approvalSteps,
    int callbackSteps,
    int registerModelSteps,
    int checkSteps,
    int cachedSteps,
    boolean linear,
    RunEstimate run,
    List<String> triggers,
    Optional<Double> runsPerMonth,
    int parameters) {

  public Features {
    awsServiceSteps = io.pipeshift.ir.Immutables.map(awsServiceSteps);
    nonAwsSteps = io.pipeshift.ir.Immutables.map(nonAwsSteps);
    longRunningSteps = List.copyOf(longRunningSteps);
    triggers = List.copyOf(triggers);
  }

  public int awsServiceStepCount() {
    return awsServiceSteps.values().stream().mapToInt(Integer::intValue).sum();
  }

  public int nonAwsStepCount() {
    return nonAwsSteps.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The features in report order, each with its value and a sentence-ready text. */
  public List<FeatureValue> table() {
    return List.of(
        new FeatureValue("sagemakerShare", "SageMaker share", round(sagemakerShare),
            percent(sagemakerShare) + " (" + sagemakerSteps + " of " + workSteps + " work steps)"),
        new FeatureValue("awsServiceSteps", "AWS non-SageMaker steps", awsServiceStepCount(), counts(awsServiceSteps)),
        new FeatureValue("nonAwsSteps", "Non-AWS steps", nonAwsStepCount(), counts(nonAwsSteps)),
        new FeatureValue("externalSteps", "Custom operators (external)", externalSteps, Integer.toString(externalSteps)),
        new FeatureValue("airflowOrigin", "Existing Airflow", airflowOrigin, airflowOrigin ? "yes" : "no"),
        new FeatureValue("retriedSteps", "Steps with retries", retriedSteps,
            retriedSteps + (customRetrySteps > 0 ? " (" + customRetrySteps + " also retrying task failures or custom errors)" : "")),
        new FeatureValue("catchClauses", "Catches / compensation steps", catchClauses,
            catchClauses + " catch" + (catchClauses == 1 ? "" : "es") + ", " + compensationSteps + " compensation step"
                + (compensationSteps == 1 ? "" : "s")),
        new FeatureValue("fanOut", "Dynamic fan-out", largestFanOut.orElse(0L),
            forEachSteps == 0 ? "none"
                : forEachSteps + " for-each, largest " + (runtimeSizedFanOut ? "sized at run time" : largestFanOut.orElse(0L) + " items")),
        new FeatureValue("longRunningSteps", "Long-running steps", longRunningSteps,
            longRunningSteps.isEmpty() ? "none" : longRunningSteps.size() + ": " + String.join(", ", longRunningSteps)),
        new FeatureValue("humanApproval", "Human approval / callbacks", approvalSteps + callbackSteps,
            approvalSteps + " approval, " + callbackSteps + " callback"),
        new FeatureValue("mlLineage", "ML lineage (register-model, checks)", registerModelSteps + checkSteps,
            registerModelSteps + " register-model, " + checkSteps + " quality/clarify check"),
        new FeatureValue("cachedSteps", "Cached steps", cachedSteps, Integer.toString(cachedSteps)),
        new FeatureValue("expectedDuration", "Expected duration", run.expectedDuration().toSeconds(),
            human(run.expectedDuration()) + " (at most " + human(run.upperBoundDuration()) + " by timeouts)"),
        new FeatureValue("historyEvents", "Step Functions history events", run.historyEvents(),
            "~" + run.historyEvents() + " per execution (worst case " + run.historyEventsWorstCase() + ")"),
        new FeatureValue("triggers", "Triggers", triggers,
            (triggers.isEmpty() ? "none" : String.join(", ", triggers))
                + runsPerMonth.map(r -> " (~" + format(r) + " scheduled runs/month)").orElse("")),
        new FeatureValue("linear", "Linear", linear, linear ? "yes" : "no"));
  }

  static double round(double d) {
    return Math.round(d * 1000.0) / 1000.0;
  }

  static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  static String counts(Map<String, Integer> byKind) {
    if (byKind.isEmpty()) {
      return "0";
    }
    StringBuilder sb = new StringBuilder();
    int total = 0;
    for (Map.Entry<String, Integer> e : byKind.entrySet()) {
      total += e.getValue();
      sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append(" ").append(e.getValue());
    }
    return total + " (" + sb + ")";
  }

  /** {@code 1h 30m}, {@code 45s}, {@code 2d 3h}: durations the way people say them. */
  public static String human(Duration d) {
    long s = d.toSeconds();
    if (s == 0) {
      return "0s";
    }
    long days = s / 86400;
    long hours = (s % 86400) / 3600;
    long minutes = (s % 3600) / 60;
    long seconds = s % 60;
    StringBuilder sb = new StringBuilder();
    if (days > 0) {
      sb.append(days).append("d ");
    }
    if (hours > 0) {
      sb.append(hours).append("h ");
    }
    if (minutes > 0) {
      sb.append(minutes).append("m ");
    }
    if (seconds > 0 && days == 0) {
      sb.append(seconds).append("s ");
    }
    return sb.toString().trim();
  }

  public static String format(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return String.format(java.util.Locale.ROOT, "%.1f", d);
  }
}
