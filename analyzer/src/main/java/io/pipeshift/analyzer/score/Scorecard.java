package io.pipeshift.analyzer.score;

import io.pipeshift.analyzer.Orchestrator;
import java.util.List;

/**
 * The three scores (in {@link Orchestrator} order), the recommendation (highest score; ties go to the
 * earlier orchestrator), the runner-up and how clear the choice is.
 */
public record Scorecard(List<Score> scores, Orchestrator recommendation, Orchestrator runnerUp, int margin,
    Clarity clarity) {

  public Scorecard {
    scores = List.copyOf(scores);
  }

  public Score of(Orchestrator o) {
    return scores.stream().filter(s -> s.orchestrator() == o).findFirst().orElseThrow();
  }
}
