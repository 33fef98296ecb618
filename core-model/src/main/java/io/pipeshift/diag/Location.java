package io.pipeshift.diag;

/** A place in a source file: 1-based line and column. {@link #UNKNOWN} when a value was not read from a file. */
public record Location(String file, int line, int column) {

  public static final Location UNKNOWN = new Location("<unknown>", 0, 0);

  public static Location start(String file) {
    return new Location(file, 1, 1);
  }

  public boolean isKnown() {
    return line > 0;
  }

  @Override
  public String toString() {
    return isKnown() ? file + ":" + line + ":" + column : file;
  }
}
