package io.pipeshift.analyzer.score;

import io.pipeshift.analyzer.Orchestrator;
import java.util.List;

/** One orchestrator's score 0-100, the reasons that moved it from the base score, and the limits hit. */
public record Score(Orchestrator orchestrator, int score, List<Reason> reasons, List<LimitHit> limits) {
  public Score {
    reasons = List.copyOf(reasons);
    limits = List.copyOf(limits);
  }
}
