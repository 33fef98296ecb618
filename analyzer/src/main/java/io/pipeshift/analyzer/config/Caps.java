package io.pipeshift.analyzer.config;

import io.pipeshift.ir.Doc;

/** How many steps per-step signals count at most, so one large pipeline cannot swamp every other signal. */
public record Caps(
    @Doc("Most non-SageMaker AWS steps counted by weights.awsServiceStep") int awsServiceSteps,
    @Doc("Most non-AWS steps counted by weights.nonAwsStep") int nonAwsSteps) {

  public static final Caps DEFAULTS = new Caps(5, 5);
}
