package io.pipeshift.analyzer.rules;

import io.pipeshift.analyzer.Finding;
import io.pipeshift.analyzer.config.AnalyzerConfig;
import io.pipeshift.analyzer.features.Features;
import io.pipeshift.analyzer.features.FlowGraph;
import io.pipeshift.diag.Location;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Step;
import io.pipeshift.yaml.SourceMap;
import java.util.Optional;

/**
 * What a rule reads (the pipeline, where it was written, its flow graph, features and config) and how it
 * reports: findings located at a step, a step's field, or any source-map path.
 */
public final class RuleContext {

  private final Pipeline pipeline;
  private final SourceMap sourceMap;
  private final FlowGraph flow;
  private final Features features;
  private final AnalyzerConfig config;
  private final Rule rule;

  public RuleContext(Pipeline pipeline, SourceMap sourceMap, FlowGraph flow, Features features, AnalyzerConfig config,
      Rule rule) {
    this.pipeline = pipeline;
    this.sourceMap = sourceMap;
    this.flow = flow;
    this.features = features;
    this.config = config;
    this.rule = rule;
  }

  public Pipeline pipeline() {
    return pipeline;
  }

  public SourceMap sourceMap() {
    return sourceMap;
  }

  public FlowGraph flow() {
    return flow;
  }

  public Features features() {
    return features;
  }

  public AnalyzerConfig config() {
    return config;
  }

  /** A finding located at the step (its {@code - id:} line). */
  public Finding finding(Step step, String message) {
    return new Finding(rule.id(), rule.severity(), message, Optional.of(step.id()), sourceMap.ofStep(step.id()));
  }

  /** A finding located at one of the step's fields (falls back to the step when the field was not written). */
  public Finding finding(Step step, String field, String message) {
    return new Finding(rule.id(), rule.severity(), message, Optional.of(step.id()),
        sourceMap.ofStepField(step.id(), field));
  }

  /** A finding located at a source-map path such as {@code defaults.caching} or {@code parameters[1]}. */
  public Finding findingAt(String path, String message) {
    return new Finding(rule.id(), rule.severity(), message, Optional.empty(), sourceMap.of(path));
  }

  /** A finding at an exact location (for values, located with {@link SourceMap#ofValue}). */
  public Finding findingAt(Location location, Optional<String> step, String message) {
    return new Finding(rule.id(), rule.severity(), message, step, location);
  }
}
