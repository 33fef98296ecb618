package io.pipeshift.analyzer.score;

/**
 * Why a score moved: the signal (a {@link io.pipeshift.analyzer.config.Weights} component name, or
 * {@code hardLimit}), by how many points, and the finding in words.
 */
public record Reason(String signal, int points, String text) {

  /** {@code +30  100% of work steps are SageMaker-native (4 of 4)} */
  public String render() {
    return (points > 0 ? "+" : "") + points + "  " + text;
  }
}
