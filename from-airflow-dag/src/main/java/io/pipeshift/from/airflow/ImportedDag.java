package io.pipeshift.from.airflow;

import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.yaml.SourceMap;
import java.util.List;

/**
 * One DAG of a file, imported.
 *
 * @param dagId the DAG's id
 * @param pipeline the IR pipeline (valid)
 * @param sourceMap where the DAG and each task are written in the file
 * @param notes what was approximated, kept in extensions or unknown (with file:line:col)
 * @param constructs the unresolved constructs met, one entry per occurrence
 */
public record ImportedDag(String dagId, Pipeline pipeline, SourceMap sourceMap, List<FidelityNote> notes,
    List<String> constructs) {

  public ImportedDag {
    notes = List.copyOf(notes);
    constructs = List.copyOf(constructs);
  }

  public int tasks() {
    return pipeline.allSteps().size();
  }
}
