package io.pipeshift.analyzer;

import io.pipeshift.analyzer.config.AnalyzerConfig;
import io.pipeshift.analyzer.config.RuleLevel;
import io.pipeshift.analyzer.features.FeatureExtractor;
import io.pipeshift.analyzer.features.Features;
import io.pipeshift.analyzer.features.FlowGraph;
import io.pipeshift.analyzer.rules.LintRule;
import io.pipeshift.analyzer.rules.Rule;
import io.pipeshift.analyzer.rules.RuleContext;
import io.pipeshift.analyzer.rules.Rules;
import io.pipeshift.analyzer.score.DecisionMatrix;
import io.pipeshift.analyzer.score.Scorecard;
import io.pipeshift.diag.Severity;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.yaml.LoadedPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The analyzer's entry point: features, scores and findings for one loaded pipeline. Pure and
 * deterministic: no clock, no I/O, no printing.
 *
 * <pre>{@code
 * LoadedPipeline loaded = new PipelineLoader().load(path);
 * Analysis a = Analyzer.analyze(loaded, AnalyzerConfig.DEFAULTS);
 * String sarif = Reporters.render(List.of(a), Format.SARIF);
 * }</pre>
 */
public final class Analyzer {

  private Analyzer() {}

  public static Analysis analyze(LoadedPipeline loaded) {
    return analyze(loaded, AnalyzerConfig.DEFAULTS);
  }

  public static Analysis analyze(LoadedPipeline loaded, AnalyzerConfig config) {
    Pipeline pipeline = loaded.pipeline();
    Features features = FeatureExtractor.extract(pipeline, config);
    Scorecard scorecard = DecisionMatrix.score(pipeline, features, config);
    FlowGraph flow = FlowGraph.of(pipeline);
    List<Finding> findings = new ArrayList<>();
    for (LintRule rule : Rules.ALL) {
      Rule meta = rule.metadata();
      RuleLevel level = config.rules().get(meta.id());
      Optional<Severity> severity = level == null ? Optional.of(meta.severity()) : level.severity();
      if (severity.isEmpty()) {
        continue;
      }
      RuleContext ctx = new RuleContext(pipeline, loaded.sourceMap(), flow, features, config, meta);
      for (Finding f : rule.check(ctx)) {
        findings.add(new Finding(f.ruleId(), severity.get(), f.message(), f.step(), f.location()));
      }
    }
    return new Analysis(loaded.sourceMap().file(), pipeline, features, scorecard, findings);
  }
}
