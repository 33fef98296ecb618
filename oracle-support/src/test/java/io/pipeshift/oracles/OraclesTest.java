package io.pipeshift.oracles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Root discovery, missing-oracle failures and ProcessRun, without running any oracle. */
class OraclesTest {

  @TempDir Path tmp;

  @Test
  void findsRepositoryRootFromTheModule() {
    Path root = Oracles.root();
    assertTrue(Files.isRegularFile(root.resolve(Oracles.MARKER)), root::toString);
    assertEquals(root, Oracles.findRootAbove(root.resolve("oracle-support/src")));
  }

  @Test
  void noRootAboveAnUnrelatedDirectory() {
    assertNull(Oracles.findRootAbove(tmp));
  }

  @Test
  void missingOracleFailsWithInstallHint() throws IOException {
    Files.createDirectories(tmp.resolve("oracles"));
    Files.writeString(tmp.resolve("oracles/install"), "#!/bin/sh\n");
    Oracles.Layout empty = Oracles.at(tmp);

    OracleMissingException e = assertThrows(OracleMissingException.class, empty::airflowPython);
    assertEquals("airflow", e.oracle());
    assertTrue(e.getMessage().contains("oracles/install"), e.getMessage());
    assertTrue(e.getMessage().contains(".oracles/airflow/bin/python"), e.getMessage());
    for (Runnable finder : new Runnable[] {
        empty::sagemakerPython, empty::node, empty::aslValidator, empty::sarifMultitool,
        empty::motoServer, empty::ruff, empty::cfnLint}) {
      assertThrows(OracleMissingException.class, finder::run);
    }
    assertThrows(OracleMissingException.class, () -> empty.script("nope.py"));
  }

  @Test
  void staleOrUnfinishedInstallCountsAsMissing() throws IOException {
    Files.createDirectories(tmp.resolve("oracles"));
    Files.createDirectories(tmp.resolve(".oracles/airflow/bin"));
    Files.writeString(tmp.resolve("oracles/install"), "#!/bin/sh\n");
    Files.writeString(tmp.resolve(".oracles/airflow/bin/python"), "");
    Files.writeString(tmp.resolve("oracles/requirements-airflow.txt"), "apache-airflow==3.3.2\n");
    Files.writeString(tmp.resolve("oracles/lock-airflow.txt"), "# lock\napache-airflow==3.3.2\n");
    Oracles.Layout layout = Oracles.at(tmp);

    // no stamp: the install did not finish
    OracleMissingException e = assertThrows(OracleMissingException.class, layout::airflowPython);
    assertTrue(e.getMessage().contains("incompletely installed"), e.getMessage());

    // stamp from older pins
    Path stamp = tmp.resolve(".oracles/airflow/.pipeshift-stamp");
    Files.writeString(stamp, "x\npins 0000\n");
    e = assertThrows(OracleMissingException.class, layout::airflowPython);
    assertTrue(e.getMessage().contains("out of date"), e.getMessage());

    // stamp written the way oracles/install writes it (sha256sum over the pin files)
    String pins = ProcessRun.of("sh", "-c",
            "cat oracles/requirements-airflow.txt oracles/lock-airflow.txt | sha256sum | cut -d' ' -f1")
        .directory(tmp).run().requireSuccess().stdout().trim();
    Files.writeString(stamp, "x\npins " + pins + "\n");
    assertEquals(tmp.resolve(".oracles/airflow/bin/python"), layout.airflowPython());
  }

  @Test
  void installedOraclesAreFound() {
    // Fails (never skips) when oracles/install has not been run.
    assertTrue(Files.isExecutable(Oracles.airflowPython()));
    assertTrue(Files.isExecutable(Oracles.sagemakerPython()));
    assertTrue(Files.isExecutable(Oracles.node()));
    assertTrue(Files.exists(Oracles.aslValidator()));
    assertTrue(Files.exists(Oracles.sarifMultitool()));
    assertTrue(Files.isExecutable(Oracles.motoServer()));
    assertTrue(Files.isExecutable(Oracles.ruff()));
    assertTrue(Files.isExecutable(Oracles.cfnLint()));
    assertTrue(Files.isRegularFile(Oracles.script("run_asl.mjs")));
  }

  @Test
  void processRunCapturesStreamsAndStdin() {
    ProcessRun.Result r =
        ProcessRun.of("sh", "-c", "cat; echo err >&2; exit 3").stdin("hello").run();
    assertEquals(3, r.exitCode());
    assertEquals("hello", r.stdout());
    assertEquals("err\n", r.stderr());
    assertThrows(AssertionError.class, r::requireSuccess);
  }

  @Test
  void processRunKillsOnTimeout() {
    ProcessRun.Result r =
        ProcessRun.of("sh", "-c", "echo started; sleep 30").timeout(Duration.ofMillis(500)).run();
    assertTrue(r.timedOut());
    assertEquals("started\n", r.stdout());
    assertTrue(r.elapsed().toSeconds() < 20, r::describe);
    AssertionError e = assertThrows(AssertionError.class, r::requireSuccess);
    assertTrue(e.getMessage().contains("timed out"), e.getMessage());
  }
}
