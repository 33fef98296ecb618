package io.pipeshift.analyzer.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.analyzer.TestFiles;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** docs/analyzer.md names every setting and states every default weight. */
class ConfigDocsTest {

  @Test
  void everySettingIsDocumented() throws Exception {
    String doc = Files.readString(TestFiles.repo().resolve("docs/analyzer.md"));
    for (Class<?> type : new Class<?>[] {Weights.class, Thresholds.class, Caps.class, CostAssumptions.class}) {
      for (RecordComponent c : type.getRecordComponents()) {
        assertTrue(doc.contains(c.getName()), type.getSimpleName() + "." + c.getName() + " is not in docs/analyzer.md");
      }
    }
    for (RecordComponent c : Weights.class.getRecordComponents()) {
      Points p = (Points) c.getAccessor().invoke(Weights.DEFAULTS);
      String row = "| `" + c.getName() + "` |";
      int at = doc.indexOf(row);
      assertTrue(at >= 0, "no weights row for " + c.getName());
      String line = doc.substring(at, doc.indexOf('\n', at));
      String expected = "| " + signed(p.sagemakerPipelines()) + " | " + signed(p.stepFunctions()) + " | "
          + signed(p.airflow()) + " |";
      assertTrue(line.endsWith(expected), "docs/analyzer.md row for " + c.getName() + " should end with " + expected
          + ": " + line);
    }
  }

  private static String signed(int n) {
    return n > 0 ? "+" + n : Integer.toString(n);
  }
}
