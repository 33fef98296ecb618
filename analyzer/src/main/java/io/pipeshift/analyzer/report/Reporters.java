package io.pipeshift.analyzer.report;

import io.pipeshift.analyzer.Analysis;
import io.pipeshift.analyzer.compare.Comparison;
import java.util.List;

/** Renders analyses in any {@link Format}. Every format renders the same {@link io.pipeshift.analyzer.Finding}s. */
public final class Reporters {

  private Reporters() {}

  public static String render(List<Analysis> analyses, Format format) {
    return render(analyses, format, ReportOptions.PLAIN);
  }

  /** The report text, ending with a newline. Deterministic: the same analyses give the same bytes. */
  public static String render(List<Analysis> analyses, Format format, ReportOptions options) {
    return switch (format) {
      case TEXT -> TextReport.render(analyses, options);
      case MARKDOWN -> MarkdownReport.render(analyses);
      case JSON -> JsonReport.render(analyses);
      case SARIF -> SarifReport.render(analyses);
      case HTML -> HtmlReport.render(analyses);
    };
  }

  /**
   * A comparison in text, Markdown or JSON.
   *
   * @throws IllegalArgumentException for SARIF and HTML, which have no comparison form
   */
  public static String renderComparison(Comparison comparison, Format format) {
    return ComparisonReport.render(comparison, format);
  }
}
