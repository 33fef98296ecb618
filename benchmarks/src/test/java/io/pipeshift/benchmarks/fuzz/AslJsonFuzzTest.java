package io.pipeshift.benchmarks.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pipeshift.from.asl.AslImporter;

/** Amazon States Language JSON through the ASL importer (JSON parse, states, conditions, values, IR validation). */
class AslJsonFuzzTest {

  @FuzzTest
  void importAsl(byte[] data) {
    String text = Hostile.text(data);
    Hostile.run("asl json", data, () -> AslImporter.read("fuzz.asl.json", text));
  }
}
