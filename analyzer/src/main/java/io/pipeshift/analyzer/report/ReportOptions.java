package io.pipeshift.analyzer.report;

/**
 * How to render.
 *
 * @param colour ANSI colours in the text format (the CLI asks for them only on a terminal)
 */
public record ReportOptions(boolean colour) {
  public static final ReportOptions PLAIN = new ReportOptions(false);
  public static final ReportOptions COLOUR = new ReportOptions(true);
}
