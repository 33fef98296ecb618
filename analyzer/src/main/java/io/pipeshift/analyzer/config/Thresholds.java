package io.pipeshift.analyzer.config;

import io.pipeshift.ir.Doc;
import java.time.Duration;

/** Numbers that decide when a signal counts, the hard limits of each service, and how clear a choice is. */
public record Thresholds(
    @Doc("SageMaker share at which SageMaker Pipelines is the natural home (the guides say about 80%)")
        double sagemakerShare,
    @Doc("A step that may run longer than this counts as long-running") Duration longRunning,
    @Doc("Lambda's hard timeout") Duration lambdaMax,
    @Doc("Step Functions Express workflows' hard duration limit") Duration expressMax,
    @Doc("Step Functions Standard's hard limit of history events per execution") int historyEventLimit,
    @Doc("A fan-out with more items than this is large") int largeFanOut,
    @Doc("Items assumed for a fan-out whose list is only known at run time (estimates only)")
        int assumedDynamicItems,
    @Doc("A linear AWS-only pipeline with at most this many work steps is trivial") int trivialSteps,
    @Doc("Score margin over the runner-up for a 'clear' recommendation") int clearMargin,
    @Doc("Score margin over the runner-up for a 'moderate' recommendation (below it: a close call)")
        int moderateMargin,
    @Doc("Highest score an orchestrator can keep when the pipeline hits one of its hard limits") int hardLimitCap,
    @Doc("Longest SageMaker Pipelines step name") int sagemakerStepNameMax,
    @Doc("Longest Step Functions state name") int aslStateNameMax) {

  public static final Thresholds DEFAULTS =
      new Thresholds(
          0.8,
          Duration.ofMinutes(15),
          Duration.ofMinutes(15),
          Duration.ofMinutes(5),
          25_000,
          20,
          100,
          5,
          20,
          8,
          25,
          64,
          80);
}
