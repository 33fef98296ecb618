package io.pipeshift.oracles;

import java.nio.file.Path;

/**
 * An oracle tool that a test needs is not installed (or the repository root cannot be found).
 *
 * <p>Thrown instead of skipping: a missing oracle must fail the build, and the message says how to fix
 * it (run {@code oracles/install}).
 */
public final class OracleMissingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String oracle;

  public OracleMissingException(String oracle, String message) {
    super(message);
    this.oracle = oracle;
  }

  static OracleMissingException notInstalled(String oracle, Path expected, Path root) {
    return new OracleMissingException(
        oracle,
        "Oracle '"
            + oracle
            + "' is not installed: "
            + expected
            + " does not exist. Run `oracles/install` in "
            + root
            + " (it installs every pinned oracle into .oracles/ and node_modules/; see"
            + " oracles/README.md). Tests fail rather than skip when an oracle is missing.");
  }

  /** The oracle that is missing, e.g. {@code "airflow"}. */
  public String oracle() {
    return oracle;
  }
}
