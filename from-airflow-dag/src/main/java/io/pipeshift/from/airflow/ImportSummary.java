package io.pipeshift.from.airflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a bulk import did: counts, the most common unresolved constructs, and one entry per file.
 *
 * @param files Python files found
 * @param clean files whose DAGs imported without a warning
 * @param withWarnings files imported with warnings
 * @param failed files not imported (syntax errors, unreadable files, internal limits)
 * @param withoutDag valid Python files that define no DAG
 * @param dags DAGs imported
 * @param tasks tasks (steps) in them
 * @param written output files written
 * @param topConstructs the most common unresolved constructs with their counts, most common first
 * @param entries per file, in path order
 */
public record ImportSummary(int files, int clean, int withWarnings, int failed, int withoutDag, int dags, int tasks,
    int written, List<Map.Entry<String, Integer>> topConstructs, List<Entry> entries) {

  public ImportSummary {
    topConstructs = List.copyOf(topConstructs);
    entries = List.copyOf(entries);
  }

  /**
   * One file.
   *
   * @param file path relative to the imported folder
   * @param status how it came through
   * @param outputs DAG id -> output file written (relative to the output folder)
   * @param notes rendered notes ({@code warning AFI101 [step x]: file:line:col: ...})
   */
  public record Entry(String file, FileImport.Status status, Map<String, String> outputs, List<String> notes) {
    public Entry {
      outputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
      notes = List.copyOf(notes);
    }
  }

  /** Whether every file imported clean (files without a DAG do not count against it). */
  public boolean allClean() {
    return withWarnings == 0 && failed == 0;
  }

  /** The summary as a tree of maps and lists (for JSON), keys in a fixed order. */
  public Map<String, Object> tree() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("files", files);
    root.put("dags", dags);
    root.put("tasks", tasks);
    root.put("clean", clean);
    root.put("withWarnings", withWarnings);
    root.put("failed", failed);
    root.put("withoutDag", withoutDag);
    root.put("written", written);
    List<Object> top = new ArrayList<>();
    for (Map.Entry<String, Integer> e : topConstructs) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("construct", e.getKey());
      c.put("count", e.getValue());
      top.add(c);
    }
    root.put("unresolved", top);
    List<Object> files = new ArrayList<>();
    for (Entry e : entries) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("file", e.file());
      f.put("status", e.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      f.put("dags", e.outputs());
      f.put("notes", e.notes());
      files.add(f);
    }
    root.put("entries", files);
    return root;
  }
}
