package io.pipeshift.analyzer.report;

import java.util.Locale;
import java.util.Optional;

/** Report formats ({@code --format}). */
public enum Format {
  TEXT,
  MARKDOWN,
  JSON,
  SARIF,
  HTML;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Format> byId(String id) {
    for (Format f : values()) {
      if (f.id().equals(id.toLowerCase(Locale.ROOT))) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** Usual file extension of a report in this format. */
  public String extension() {
    return switch (this) {
      case TEXT -> "txt";
      case MARKDOWN -> "md";
      case JSON -> "json";
      case SARIF -> "sarif";
      case HTML -> "html";
    };
  }
}
