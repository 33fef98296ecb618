package io.pipeshift.analyzer.report;

/** The tool's name and version as reports state them (the version comes from the jar manifest). */
public final class ToolInfo {

  public static final String NAME = "pipeshift";

  private ToolInfo() {}

  /** The analyzer jar's Implementation-Version, or {@code 0.0.0-dev} when run from classes (tests). */
  public static String version() {
    String v = ToolInfo.class.getPackage().getImplementationVersion();
    return v == null ? "0.0.0-dev" : v;
  }
}
