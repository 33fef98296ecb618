package io.pipeshift.oracles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the oracle tools installed by {@code oracles/install} in the repository.
 *
 * <p>The repository root is the system property {@code pipeshift.root} (surefire sets it in the parent
 * pom) or, when that does not hold {@code oracles/install}, the nearest directory above it or above
 * {@code user.dir} that does. Every finder returns an existing path or throws {@link
 * OracleMissingException} naming the oracle and telling to run {@code oracles/install}; nothing skips.
 * An oracle also counts as missing when its install did not finish (no stamp file) or when its pin files
 * changed since it was installed (the stamp's {@code pins} hash differs).
 *
 * <p>The static methods use the repository found from the environment; {@link #at(Path)} gives the same
 * finders for an explicit root.
 */
public final class Oracles {
  private Oracles() {}

  /** File whose presence marks the repository root. */
  public static final String MARKER = "oracles/install";

  private static volatile Layout layout;

  /** The finders for the repository this JVM runs in (found once, then cached). */
  public static Layout layout() {
    Layout l = layout;
    if (l == null) {
      synchronized (Oracles.class) {
        if (layout == null) {
          layout = new Layout(findRoot());
        }
        l = layout;
      }
    }
    return l;
  }

  /** The finders for an explicit repository root. */
  public static Layout at(Path root) {
    return new Layout(root.toAbsolutePath().normalize());
  }

  public static Path root() {
    return layout().root();
  }

  /** Python of the Airflow venv ({@code .oracles/airflow}): apache-airflow 3, providers, ruff. */
  public static Path airflowPython() {
    return layout().airflowPython();
  }

  /** Python of the SageMaker venv ({@code .oracles/sagemaker}): sagemaker SDK 2, botocore, moto. */
  public static Path sagemakerPython() {
    return layout().sagemakerPython();
  }

  /** {@code node_modules/.bin/node}: Node 22, which aws-local-stepfunctions needs. */
  public static Path node() {
    return layout().node();
  }

  /** The asl-validator CLI script; run it as {@code [node(), aslValidator(), args...]}. */
  public static Path aslValidator() {
    return layout().aslValidator();
  }

  /** The sarif-multitool launcher; run it as {@code [node(), sarifMultitool(), args...]}. */
  public static Path sarifMultitool() {
    return layout().sarifMultitool();
  }

  /** {@code moto_server} of the SageMaker venv (see {@link MotoServer}). */
  public static Path motoServer() {
    return layout().motoServer();
  }

  /** {@code ruff} of the Airflow venv (lints generated DAG files). */
  public static Path ruff() {
    return layout().ruff();
  }

  /** {@code cfn-lint} of the SageMaker venv (checks CloudFormation templates). */
  public static Path cfnLint() {
    return layout().cfnLint();
  }

  /** A driver script under {@code oracles/scripts/}, e.g. {@code script("dagbag_dump.py")}. */
  public static Path script(String name) {
    return layout().script(name);
  }

  /** Oracle locations below one repository root. */
  public record Layout(Path root) {

    public Path airflowPython() {
      return require("airflow", ".oracles/airflow/bin/python", Part.AIRFLOW);
    }

    public Path sagemakerPython() {
      return require("sagemaker-sdk", ".oracles/sagemaker/bin/python", Part.SAGEMAKER);
    }

    public Path node() {
      return require("node 22", "node_modules/.bin/node", Part.NPM);
    }

    public Path aslValidator() {
      return require("asl-validator", "node_modules/.bin/asl-validator", Part.NPM);
    }

    public Path sarifMultitool() {
      return require("sarif-multitool", "node_modules/.bin/sarif-multitool", Part.NPM);
    }

    public Path motoServer() {
      return require("moto", ".oracles/sagemaker/bin/moto_server", Part.SAGEMAKER);
    }

    public Path ruff() {
      return require("ruff", ".oracles/airflow/bin/ruff", Part.AIRFLOW);
    }

    public Path cfnLint() {
      return require("cfn-lint", ".oracles/sagemaker/bin/cfn-lint", Part.SAGEMAKER);
    }

    /** The aws-local-stepfunctions package directory (run it through {@code run_asl.mjs}). */
    public Path localStepFunctions() {
      return require(
              "aws-local-stepfunctions",
              "node_modules/aws-local-stepfunctions/package.json",
              Part.NPM)
          .getParent();
    }

    public Path script(String name) {
      Path p = root.resolve("oracles/scripts").resolve(name).normalize();
      if (!Files.isRegularFile(p)) {
        throw new OracleMissingException(
            "script " + name,
            "Oracle driver script "
                + p
                + " does not exist: it is part of the repository (oracles/scripts/), not of the"
                + " installed tools. Check the name or the checkout.");
      }
      return p;
    }

    private Path require(String oracle, String relative, Part part) {
      Path p = root.resolve(relative);
      // Files.exists follows symlinks: a dangling node_modules/.bin link counts as missing.
      if (!Files.exists(p)) {
        throw OracleMissingException.notInstalled(oracle, p, root);
      }
      checkStamp(oracle, part);
      return p;
    }

    /**
     * oracles/install writes {@code <part>/.pipeshift-stamp} last; its second line is {@code pins <sha256
     * of the pin files' bytes, concatenated>}. No stamp: the install did not finish. Other hash: the pins
     * changed since. Checked once per part and root.
     */
    private void checkStamp(String oracle, Part part) {
      Path stamp = root.resolve(part.stamp);
      if (CHECKED_STAMPS.containsKey(stamp)) {
        return;
      }
      if (!Files.isRegularFile(stamp)) {
        throw new OracleMissingException(
            oracle,
            "Oracle '" + oracle + "' is incompletely installed (" + stamp + " is missing: the last"
                + " oracles/install did not finish). Run `oracles/install` in " + root + ".");
      }
      try {
        List<String> lines = Files.readAllLines(stamp, StandardCharsets.UTF_8);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String pin : part.pins) {
          sha.update(Files.readAllBytes(root.resolve(pin)));
        }
        String want = "pins " + HexFormat.of().formatHex(sha.digest());
        if (lines.size() < 2 || !lines.get(1).equals(want)) {
          throw new OracleMissingException(
              oracle,
              "Oracle '" + oracle + "' is out of date: " + String.join(", ", part.pins)
                  + " changed since it was installed. Run `oracles/install` in " + root + ".");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot check " + stamp, e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      CHECKED_STAMPS.put(stamp, Boolean.TRUE);
    }
  }

  private static final Map<Path, Boolean> CHECKED_STAMPS = new ConcurrentHashMap<>();

  /** The three independently installed parts, with their stamp and the pin files it hashes. */
  private enum Part {
    AIRFLOW(".oracles/airflow/.pipeshift-stamp",
        "oracles/requirements-airflow.txt", "oracles/lock-airflow.txt"),
    SAGEMAKER(".oracles/sagemaker/.pipeshift-stamp",
        "oracles/requirements-sagemaker.txt", "oracles/lock-sagemaker.txt"),
    NPM("node_modules/.pipeshift-stamp", "package.json", "package-lock.json");

    final String stamp;
    final List<String> pins;

    Part(String stamp, String... pins) {
      this.stamp = stamp;
      this.pins = List.of(pins);
    }
  }

  static Path findRoot() {
    List<String> starts = new ArrayList<>();
    String prop = System.getProperty("pipeshift.root");
    if (prop != null && !prop.isBlank()) {
      starts.add(prop);
    }
    starts.add(System.getProperty("user.dir"));
    for (String start : starts) {
      Path found = findRootAbove(Path.of(start));
      if (found != null) {
        return found;
      }
    }
    throw new OracleMissingException(
        "repository root",
        "Cannot find the pipeshift repository root (a directory containing "
            + MARKER
            + ") above "
            + starts
            + ". Run the tests from inside the repository or set -Dpipeshift.root=<repo>.");
  }

  /** The nearest directory at or above {@code start} that contains {@link #MARKER}, or null. */
  static Path findRootAbove(Path start) {
    for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve(MARKER))) {
        return p;
      }
    }
    return null;
  }
}
