package io.pipeshift.analyzer.config;

import io.pipeshift.ir.Doc;
import io.pipeshift.ir.Immutables;
import io.pipeshift.ir.StepKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every number the analyzer decides with, in one place: the decision-matrix weights, thresholds and hard
 * limits, caps, cost assumptions, typical step durations and per-rule levels. {@link #DEFAULTS} holds the
 * documented defaults (docs/analyzer.md is generated from the {@link Doc} texts); a {@code .pipeshift.yaml}
 * file overrides any part of it (see {@link AnalyzerConfigReader}).
 */
public record AnalyzerConfig(
    @Doc("Points each signal moves each orchestrator's score") Weights weights,
    @Doc("When signals count, hard limits, and how clear a recommendation is") Thresholds thresholds,
    @Doc("Most steps a per-step signal counts") Caps caps,
    @Doc("Prices and run counts for the orchestration cost estimate") CostAssumptions cost,
    @Doc("Typical duration of one step of each kind, for the duration estimate (a step's timeout or"
            + " maxRuntime caps it)") Map<String, Duration> typicalDurations,
    @Doc("Per rule id: off, info, warning or error (replaces the rule's own severity)")
        Map<String, RuleLevel> rules) {

  public AnalyzerConfig {
    typicalDurations = Immutables.map(typicalDurations);
    rules = Immutables.map(rules);
  }

  /** Base score every orchestrator starts from before signals move it. */
  public static final int BASE_SCORE = 50;

  public static final Map<String, Duration> DEFAULT_TYPICAL_DURATIONS = defaultDurations();

  public static final AnalyzerConfig DEFAULTS =
      new AnalyzerConfig(
          Weights.DEFAULTS, Thresholds.DEFAULTS, Caps.DEFAULTS, CostAssumptions.DEFAULTS,
          DEFAULT_TYPICAL_DURATIONS, Map.of());

  /** The typical duration of a kind (zero for kinds that take no time, such as condition). */
  public Duration typicalDuration(StepKind kind) {
    return typicalDurations.getOrDefault(kind.yamlName(), Duration.ZERO);
  }

  private static Map<String, Duration> defaultDurations() {
    Map<StepKind, Duration> d = new EnumMap<>(StepKind.class);
    d.put(StepKind.PROCESSING, Duration.ofMinutes(20));
    d.put(StepKind.TRAINING, Duration.ofHours(1));
    d.put(StepKind.TUNING, Duration.ofHours(4));
    d.put(StepKind.TRANSFORM, Duration.ofMinutes(30));
    d.put(StepKind.CREATE_MODEL, Duration.ofMinutes(1));
    d.put(StepKind.REGISTER_MODEL, Duration.ofMinutes(1));
    d.put(StepKind.QUALITY_CHECK, Duration.ofMinutes(20));
    d.put(StepKind.CLARIFY_CHECK, Duration.ofMinutes(20));
    d.put(StepKind.EMR, Duration.ofMinutes(30));
    d.put(StepKind.NOTEBOOK_JOB, Duration.ofMinutes(30));
    d.put(StepKind.MODEL_DEPLOY, Duration.ofMinutes(10));
    d.put(StepKind.CONDITION, Duration.ZERO);
    d.put(StepKind.FAIL, Duration.ZERO);
    d.put(StepKind.WAIT, Duration.ZERO);
    d.put(StepKind.FOR_EACH, Duration.ZERO);
    d.put(StepKind.APPROVAL, Duration.ofDays(1));
    d.put(StepKind.CALLBACK, Duration.ofHours(1));
    d.put(StepKind.LAMBDA, Duration.ofMinutes(1));
    d.put(StepKind.GLUE, Duration.ofMinutes(15));
    d.put(StepKind.BATCH, Duration.ofMinutes(30));
    d.put(StepKind.ECS, Duration.ofMinutes(15));
    d.put(StepKind.SNS, Duration.ofSeconds(5));
    d.put(StepKind.SQS, Duration.ofSeconds(5));
    d.put(StepKind.EVENTBRIDGE_PUT, Duration.ofSeconds(5));
    d.put(StepKind.ATHENA, Duration.ofMinutes(5));
    d.put(StepKind.START_STEP_FUNCTIONS, Duration.ofMinutes(30));
    d.put(StepKind.START_SAGEMAKER_PIPELINE, Duration.ofHours(1));
    d.put(StepKind.HTTP, Duration.ofSeconds(30));
    d.put(StepKind.PYTHON, Duration.ofMinutes(5));
    d.put(StepKind.BASH, Duration.ofMinutes(5));
    d.put(StepKind.CONTAINER, Duration.ofMinutes(30));
    d.put(StepKind.SQL, Duration.ofMinutes(5));
    d.put(StepKind.EXTERNAL, Duration.ofMinutes(15));
    Map<String, Duration> out = new LinkedHashMap<>();
    for (StepKind k : StepKind.values()) {
      out.put(k.yamlName(), d.getOrDefault(k, Duration.ZERO));
    }
    return Immutables.map(out);
  }
}
