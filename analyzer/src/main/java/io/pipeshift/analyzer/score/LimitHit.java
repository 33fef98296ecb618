package io.pipeshift.analyzer.score;

import io.pipeshift.analyzer.Orchestrator;

/**
 * A service limit the pipeline would hit on one orchestrator.
 *
 * @param orchestrator where the limit applies
 * @param limit the limit, e.g. {@code 25,000 history events per execution}
 * @param detail what in the pipeline hits it and what to do
 * @param blocking the pipeline cannot run there as it is (the score is capped)
 */
public record LimitHit(Orchestrator orchestrator, String limit, String detail, boolean blocking) {}
