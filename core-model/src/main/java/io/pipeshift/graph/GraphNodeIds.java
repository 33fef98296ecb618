package io.pipeshift.graph;

import io.pipeshift.ir.Step;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Diagram node ids: deterministic, safe in Mermaid and DOT (letters, digits, '_'), distinct per step id,
 * and never a Mermaid keyword ({@code end}, {@code graph}, ...).
 */
final class GraphNodeIds {

  private final Map<String, String> byStep = new HashMap<>();
  private final Set<String> used = new HashSet<>();

  String of(String stepId) {
    return byStep.computeIfAbsent(stepId, id -> {
      String base = "s_" + id.replaceAll("[^A-Za-z0-9_]", "_");
      String candidate = base;
      int n = 2;
      while (!used.add(candidate)) {
        candidate = base + "_" + n++;
      }
      return candidate;
    });
  }

  /** "Display name (kind)" or "id (kind)". */
  static String label(Step s) {
    return s.label() + " (" + s.kind().yamlName() + ")";
  }
}
