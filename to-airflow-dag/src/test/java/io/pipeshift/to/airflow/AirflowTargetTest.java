package io.pipeshift.to.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pipeshift.ir.Pipeline;
import io.pipeshift.spi.PipelineTarget;
import io.pipeshift.spi.TargetOptions;
import io.pipeshift.testing.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class AirflowTargetTest {

  @Test
  void theTargetIsFoundByServiceLoaderAsAirflow() {
    List<String> ids = ServiceLoader.load(PipelineTarget.class).stream().map(p -> p.get().id()).toList();
    assertTrue(ids.contains("airflow"), ids.toString());
  }

  @Test
  void airflowVersionOptionSelectsTheImports() {
    Pipeline p = Pipeline.of("p", List.of());
    String v3 = new AirflowTarget().emit(p, TargetOptions.NONE).artifact().main();
    String v2 = new AirflowTarget().emit(p, new TargetOptions(Map.of("airflow.version", "2"))).artifact().main();
    assertTrue(v3.contains("from airflow.sdk import dag"), v3);
    assertTrue(v2.contains("from airflow.decorators import dag"), v2);
    assertTrue(v3.endsWith("\n") && v2.endsWith("\n"));
    assertThrows(IllegalArgumentException.class,
        () -> new AirflowTarget().emit(p, new TargetOptions(Map.of("airflow.version", "1"))));
  }

  @Test
  void everyNoteCodeIsDocumented() throws IOException {
    String doc = Files.readString(Examples.root().resolve("docs/targets/airflow.md"));
    for (AirflowNote n : AirflowNote.values()) {
      assertTrue(doc.contains("| " + n.code() + " | " + n.severity().label() + " |"), n.code() + " is not documented");
    }
    assertEquals(AirflowNote.values().length,
        java.util.Arrays.stream(AirflowNote.values()).map(AirflowNote::code).distinct().count(), "codes are unique");
  }

  @Test
  void sourceFileNameInTheHeaderCannotBreakOutOfTheComment() {
    String dag = new AirflowTarget().emit(Pipeline.of("p\nimport os", List.of()),
        new TargetOptions(Map.of("source", "evil\nimport os; os.system('x')#.yaml"))).artifact().main();
    assertTrue(dag.lines().noneMatch(l -> l.startsWith("import os")), dag);
    assertTrue(dag.lines().limit(3).allMatch(l -> l.startsWith("#")), dag);
  }

  static Path example(String name) {
    return Examples.file(name);
  }
}
