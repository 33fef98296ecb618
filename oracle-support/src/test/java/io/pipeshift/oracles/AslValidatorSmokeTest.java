package io.pipeshift.oracles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** asl-validator accepts a tiny machine and rejects one whose Next points nowhere. */
class AslValidatorSmokeTest {

  @TempDir Path tmp;

  @Test
  void acceptsValidMachine() throws IOException {
    Path ok = Files.writeString(
        tmp.resolve("ok.asl.json"),
        """
        {"StartAt": "A", "States": {
          "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "B"},
          "B": {"Type": "Succeed"}}}
        """);
    ProcessRun.Result r = OracleCalls.aslValidate(ok);
    assertEquals(0, r.exitCode(), r::describe);
  }

  @Test
  void rejectsBrokenMachine() throws IOException {
    Path bad = Files.writeString(
        tmp.resolve("bad.asl.json"),
        """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nowhere"}}}
        """);
    ProcessRun.Result r = OracleCalls.aslValidate(bad);
    assertEquals(1, r.exitCode(), r::describe);
  }
}
