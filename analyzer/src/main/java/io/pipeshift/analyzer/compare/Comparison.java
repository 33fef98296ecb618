package io.pipeshift.analyzer.compare;

import io.pipeshift.analyzer.Analysis;
import io.pipeshift.analyzer.Analyzer;
import io.pipeshift.analyzer.Orchestrator;
import io.pipeshift.analyzer.config.AnalyzerConfig;
import io.pipeshift.analyzer.config.CostAssumptions;
import io.pipeshift.analyzer.features.Features;
import io.pipeshift.analyzer.score.LimitHit;
import io.pipeshift.analyzer.score.Score;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.spi.EmittedFiles;
import io.pipeshift.spi.PipelineTarget;
import io.pipeshift.spi.TargetOptions;
import io.pipeshift.yaml.LoadedPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One workflow side by side on the three orchestrators: score, the limits it would hit, the orchestration
 * cost per 1,000 runs (with the assumptions stated), and the fidelity notes each conversion would produce.
 * Emitters are passed in ({@link PipelineTarget}s the CLI finds with ServiceLoader), so this module
 * depends on no spoke; an orchestrator without an emitter gets no notes, and says so.
 *
 * @param analysis the full analysis (scores, features, findings)
 * @param columns one per orchestrator, in {@link Orchestrator} order
 * @param runsPerMonth the run rate the costs use
 * @param assumptions every assumption behind the costs, in words
 */
public record Comparison(Analysis analysis, List<Column> columns, double runsPerMonth, List<String> assumptions) {

  public Comparison {
    columns = List.copyOf(columns);
    assumptions = List.copyOf(assumptions);
  }

  /** One orchestrator's side. */
  public record Column(Orchestrator orchestrator, int score, List<LimitHit> limits, CostEstimate cost, TargetNotes fidelity) {
    public Column {
      limits = List.copyOf(limits);
    }
  }

  public static Comparison compare(LoadedPipeline loaded, List<PipelineTarget> targets) {
    return compare(loaded, targets, AnalyzerConfig.DEFAULTS);
  }

  public static Comparison compare(LoadedPipeline loaded, List<PipelineTarget> targets, AnalyzerConfig config) {
    Analysis analysis = Analyzer.analyze(loaded, config);
    Features f = analysis.features();
    CostAssumptions c = config.cost();
    boolean scheduled = f.runsPerMonth().isPresent() && f.runsPerMonth().get() > 0;
    double runs = scheduled ? f.runsPerMonth().get() : c.assumedRunsPerMonth();
    List<String> assumptions = new ArrayList<>();
    assumptions.add("Runs per month: " + fmt(runs) + (scheduled
        ? " (from the cron/rate triggers" + (f.triggers().contains("event") || f.triggers().contains("manual")
            ? "; event and manual runs come on top" : "") + ")"
        : " (assumed: no cron or rate trigger says how often; set cost.assumedRunsPerMonth)"));
    assumptions.add("Only the orchestrator's own charges: jobs, functions, workers' compute and data transfer cost"
        + " the same wherever they are started from, and are left out.");
    assumptions.add("Step Functions Standard: $" + fmt(c.stepFunctionsPer1000Transitions()) + " per 1,000 state"
        + " transitions, ~" + f.run().stateTransitions() + " transitions per run (no retries; see docs/analyzer.md"
        + " for the estimate); free tier ignored.");
    assumptions.add("MWAA: environment at $" + fmt(c.mwaaEnvironmentHourly()) + "/hour x " + fmt(c.hoursPerMonth())
        + " hours/month x share " + fmt(c.mwaaShare()) + ", spread over the month's runs; workers beyond the"
        + " environment's minimum and the metadata database's storage are extra.");
    assumptions.add("SageMaker Pipelines: orchestration is free ($" + fmt(c.sagemakerPipelinesPerRun())
        + " per run); its processing, training and other jobs are billed separately.");
    List<Column> columns = new ArrayList<>();
    for (Orchestrator o : Orchestrator.values()) {
      Score s = analysis.scorecard().of(o);
      columns.add(new Column(o, s.score(), s.limits(), cost(o, f, c, runs), notes(o, loaded, targets)));
    }
    return new Comparison(analysis, columns, runs, assumptions);
  }

  static CostEstimate cost(Orchestrator o, Features f, CostAssumptions c, double runsPerMonth) {
    return switch (o) {
      case SAGEMAKER_PIPELINES -> new CostEstimate(c.sagemakerPipelinesPerRun() * 1000,
          c.sagemakerPipelinesPerRun() * runsPerMonth, "no orchestration charge");
      case STEP_FUNCTIONS -> {
        double perRun = f.run().stateTransitions() / 1000.0 * c.stepFunctionsPer1000Transitions();
        yield new CostEstimate(perRun * 1000, perRun * runsPerMonth,
            f.run().stateTransitions() + " transitions per run x $" + fmt(c.stepFunctionsPer1000Transitions())
                + " per 1,000");
      }
      case AIRFLOW -> {
        double monthly = c.mwaaEnvironmentHourly() * c.hoursPerMonth() * c.mwaaShare();
        double per1000 = runsPerMonth <= 0 ? monthly * 1000 : monthly / runsPerMonth * 1000;
        yield new CostEstimate(per1000, monthly, "environment $" + fmt(monthly) + "/month over " + fmt(runsPerMonth)
            + " runs");
      }
    };
  }

  static TargetNotes notes(Orchestrator o, LoadedPipeline loaded, List<PipelineTarget> targets) {
    for (PipelineTarget t : targets) {
      if (Orchestrator.forTarget(t.id()).orElse(null) != o) {
        continue;
      }
      try {
        Translation<EmittedFiles> out = t.emit(loaded.pipeline(),
            new TargetOptions(java.util.Map.of("source", loaded.sourceMap().file())));
        return new TargetNotes(Optional.of(t.id()), out.notes(), Optional.empty());
      } catch (RuntimeException e) {
        return new TargetNotes(Optional.of(t.id()), List.of(),
            Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
      }
    }
    return TargetNotes.unavailable();
  }

  /** Money and counts for people: at most two decimals, no trailing zeros, thousands separated. */
  public static String fmt(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) d);
    }
    String s = String.format(Locale.ROOT, Math.abs(d) < 1 ? "%,.4f" : "%,.2f", d);
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }
}
