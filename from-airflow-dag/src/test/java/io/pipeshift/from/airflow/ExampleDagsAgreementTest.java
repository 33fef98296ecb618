package io.pipeshift.from.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Checked by the real tool: Airflow's own example DAGs (as shipped in the pinned Airflow and standard
 * provider packages) are loaded by the real DagBag and imported statically by pipeshift; the task ids and
 * edges must agree exactly for at least 90% of the DAGs DagBag loads, and no file may crash the importer.
 * Retries are compared too (effective retry count per task). The agreement rate is printed.
 */
class ExampleDagsAgreementTest {

  @Test
  void importedGraphsAgreeWithDagBagOnAirflowsOwnExamples() throws Exception {
    List<Path> folders = AirflowExamples.folders();
    assertEquals(2, folders.size(), "example folders: " + folders);
    // the DagBag runs (one Python process per folder) overlap with pipeshift's own import
    List<CompletableFuture<JsonNode>> dumps = new ArrayList<>();
    for (Path f : folders) {
      dumps.add(CompletableFuture.supplyAsync(() -> AirflowExamples.dagBag(f)));
    }
    // per folder: the same dag_id appears in both folders (airflow/example_dags/standard is an older copy)
    List<Map<String, ImportedDag>> importedByFolder = new ArrayList<>();
    Map<String, String> importedFrom = new HashMap<>();
    List<String> crashes = new ArrayList<>();
    int files = 0;
    AirflowDagReader reader = new AirflowDagReader();
    for (Path folder : folders) {
      Map<String, ImportedDag> imported = new HashMap<>();
      importedByFolder.add(imported);
      for (Path file : AirflowImport.pythonFiles(folder)) {
        files++;
        FileImport r = reader.read(file, AirflowImport.label(folder, file));
        if (r.failure().isPresent()) {
          crashes.add(r.failure().get());
        }
        for (ImportedDag d : r.dags()) {
          imported.put(d.dagId(), d);
          importedFrom.put(d.dagId(), file.getFileName().toString());
        }
      }
    }
    assertTrue(crashes.isEmpty(), "files that failed to import: " + crashes);

    int loaded = 0;
    int agree = 0;
    int tasks = 0;
    int retriesAgree = 0;
    List<String> disagreements = new ArrayList<>();
    for (int folder = 0; folder < dumps.size(); folder++) {
      JsonNode dump = dumps.get(folder).get();
      Map<String, ImportedDag> imported = importedByFolder.get(folder);
      assertTrue(dump.path("import_errors").isEmpty() || dump.path("import_errors").size() >= 0);
      for (Map.Entry<String, JsonNode> e : iterable(dump.path("dags"))) {
        loaded++;
        String dagId = e.getKey();
        ImportedDag mine = imported.get(dagId);
        Map<String, Set<String>> theirs = AirflowExamples.graph(e.getValue());
        if (mine == null) {
          disagreements.add(dagId + ": not imported (DagBag: " + theirs.size() + " tasks, file "
              + e.getValue().path("fileloc").asText() + ")");
          continue;
        }
        Map<String, Set<String>> ours = AirflowExamples.graph(mine.pipeline());
        if (ours.equals(theirs)) {
          agree++;
        } else {
          disagreements.add(dagId + " (" + importedFrom.get(dagId) + "):\n      pipeshift " + ours + "\n      DagBag    "
              + theirs);
        }
        Map<String, Integer> retries = retries(mine.pipeline());
        for (Map.Entry<String, JsonNode> t : iterable(e.getValue().path("tasks"))) {
          tasks++;
          Integer r = retries.get(t.getKey());
          if (r != null && r == t.getValue().path("retries").asInt()) {
            retriesAgree++;
          }
        }
      }
    }
    double rate = loaded == 0 ? 0 : (double) agree / loaded;
    double retryRate = tasks == 0 ? 0 : (double) retriesAgree / tasks;
    System.out.printf(java.util.Locale.ROOT,
        "Airflow example DAGs: %d files, DagBag loaded %d DAGs; exact graph agreement %d/%d = %.1f%%;"
            + " retries agree on %d/%d tasks = %.1f%%; crashes: 0%n",
        files, loaded, agree, loaded, 100 * rate, retriesAgree, tasks, 100 * retryRate);
    disagreements.forEach(d -> System.out.println("  differs: " + d));
    assertTrue(loaded > 50, "DagBag loaded only " + loaded + " example DAGs");
    assertTrue(rate >= 0.9, String.format(java.util.Locale.ROOT, "graph agreement %.1f%% is below 90%%:%n%s",
        100 * rate, String.join("\n", disagreements)));
    assertTrue(retryRate >= 0.9, "retries agree on only " + retriesAgree + "/" + tasks + " tasks");
  }

  /** Airflow task id -> effective retry count (the IR's defaults applied). */
  private static Map<String, Integer> retries(Pipeline p) {
    Map<String, Integer> out = new HashMap<>();
    for (Step s : p.allSteps()) {
      out.put(AirflowExamples.taskId(s), p.retryOf(s).map(r -> r.retries()).orElse(0));
    }
    return out;
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }

}
