package io.pipeshift.analyzer.rules;

import io.pipeshift.analyzer.Finding;
import io.pipeshift.diag.Severity;
import io.pipeshift.ir.Caching;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A pipeline counts as production/retraining when a schedule or event starts it, or when its name,
 * description or tags say retrain/prod/production. One finding for enabled default caching, one per step
 * that enables caching itself.
 */
@Rule(
    id = "PS102",
    name = "caching-in-retraining",
    summary = "step caching is enabled in a production or retraining pipeline",
    severity = Severity.WARNING,
    tags = {"sagemaker", "ml-quality"})
public final class CachingInRetraining implements LintRule {

  static final Pattern PRODUCTION = Pattern.compile("(?i)(retrain|\\bprod\\b|production)");

  @Override
  public List<Finding> check(RuleContext ctx) {
    Pipeline p = ctx.pipeline();
    Optional<String> why = whyProduction(p);
    List<Finding> out = new ArrayList<>();
    if (why.isEmpty()) {
      return out;
    }
    String advice = ": a cached step reuses an earlier run's result whenever its arguments are unchanged, even"
        + " when the data behind them changed. Disable caching, or make the data version a parameter";
    if (p.defaults().caching().map(Caching::enabled).orElse(false)) {
      out.add(ctx.findingAt("defaults.caching", "caching is enabled for every step, and " + why.get() + advice));
    }
    for (Step s : p.allSteps()) {
      if (s.kind().isWork() && s.caching().map(Caching::enabled).orElse(false)) {
        out.add(ctx.finding(s, "caching", "step '" + s.id() + "' enables caching, and " + why.get() + advice));
      }
    }
    return out;
  }

  static Optional<String> whyProduction(Pipeline p) {
    for (Trigger t : p.triggers()) {
      if (t instanceof Trigger.Cron || t instanceof Trigger.Rate) {
        return Optional.of("the pipeline runs on a schedule");
      }
      if (t instanceof Trigger.Event) {
        return Optional.of("events start the pipeline");
      }
    }
    StringBuilder text = new StringBuilder(p.name()).append(' ').append(p.description().orElse(""));
    p.tags().forEach((k, v) -> text.append(' ').append(k).append(' ').append(v));
    if (PRODUCTION.matcher(text).find()) {
      return Optional.of("the pipeline is a production/retraining pipeline (by its name, description or tags)");
    }
    return Optional.empty();
  }
}
