package io.pipeshift.analyzer.score;

/** How clear a recommendation is, from the margin over the runner-up ({@code thresholds.*Margin}). */
public enum Clarity {
  CLEAR,
  MODERATE,
  CLOSE_CALL;

  public String label() {
    return switch (this) {
      case CLEAR -> "clear";
      case MODERATE -> "moderate";
      case CLOSE_CALL -> "close call";
    };
  }
}
