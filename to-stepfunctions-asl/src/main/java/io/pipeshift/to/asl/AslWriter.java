package io.pipeshift.to.asl;

import io.pipeshift.document.JsonText;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.fidelity.Translation;
import io.pipeshift.ir.Pipeline;
import io.pipeshift.spi.EmittedFiles;
import io.pipeshift.spi.TargetOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * IR pipeline -> ASL definition (the main document) and its companions. Decides Standard or Express: a
 * machine is Express only when no step waits for a job, a token, an activity, a Wait state or a poll loop,
 * no Map is DISTRIBUTED, and every Task has a timeout and all of them together (with every retry) fit in
 * Express's 5 minutes.
 */
final class AslWriter {

  /** Standard workflows keep at most this many events in an execution's history. */
  static final long HISTORY_LIMIT = 25_000;
  /** Express workflows run at most five minutes. */
  static final long EXPRESS_SECONDS = 300;

  private AslWriter() {}

  static Translation<EmittedFiles> write(Pipeline pipeline, TargetOptions options) {
    return emit(pipeline).translation();
  }

  /** What tests look at besides the text: the definition as a tree and each IR step's state name. */
  record Output(Translation<EmittedFiles> translation, Map<String, Object> definition, Map<String, String> stepStates) {}

  static Output emit(Pipeline pipeline) {
    List<FidelityNote> notes = new ArrayList<>();
    AslMachine machine = new AslMachine(pipeline, notes);
    AslMachine.Built built = machine.build();
    boolean express = machine.standardReasons.isEmpty() && machine.taskSeconds <= EXPRESS_SECONDS;
    if (express) {
      notes.add(AslNote.WORKFLOW_TYPE.at(null, "Express workflow: every step is a short request-response call ("
          + machine.taskSeconds + " s at most with retries, within Express's " + EXPRESS_SECONDS + " s)"));
    } else {
      List<String> why = new ArrayList<>(machine.standardReasons);
      if (why.isEmpty()) {
        why.add("the steps may run " + machine.taskSeconds + " s, longer than Express's " + EXPRESS_SECONDS + " s");
      }
      notes.add(AslNote.WORKFLOW_TYPE.at(null, "Standard workflow: " + String.join("; ", why.subList(0, Math.min(3, why.size())))
          + (why.size() > 3 ? "; and " + (why.size() - 3) + " more" : "")));
    }
    notes.add(AslNote.HISTORY_ESTIMATE.at(null, "about " + built.events()
        + " history events per execution at worst (every retry taken)"));
    if (!express && built.events() > HISTORY_LIMIT) {
      notes.add(AslNote.HISTORY_LIMIT.at(null, "an execution may record " + built.events() + " events, more than the "
          + HISTORY_LIMIT + " a Standard workflow keeps; split the pipeline or use DISTRIBUTED Maps"));
    }
    java.util.function.Supplier<Map<String, String>> companions = AslInfra.companions(pipeline, machine.machineName,
        express, built.definition(), machine.iam, notes);
    return new Output(new Translation<>(EmittedFiles.streamed(out -> JsonText.write(built.definition(), out), "json", companions),
        inDocumentOrder(pipeline, notes)), built.definition(), built.stepStates());
  }

  /** Step notes in the order the steps appear in the pipeline, then the pipeline's own notes. */
  private static List<FidelityNote> inDocumentOrder(Pipeline pipeline, List<FidelityNote> notes) {
    Map<String, Integer> position = new java.util.HashMap<>();
    List<io.pipeshift.ir.Step> all = pipeline.allSteps();
    for (int i = 0; i < all.size(); i++) {
      position.put(all.get(i).id(), i);
    }
    List<FidelityNote> sorted = new ArrayList<>(notes);
    sorted.sort(java.util.Comparator.comparingInt(n -> n.step().map(id -> position.getOrDefault(id, all.size()))
        .orElse(Integer.MAX_VALUE)));
    return sorted;
  }
}
