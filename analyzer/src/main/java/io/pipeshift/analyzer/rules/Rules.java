package io.pipeshift.analyzer.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The registry: every lint rule, in id order. A new rule is added here (RuleMetadataTest checks it). */
public final class Rules {

  public static final List<LintRule> ALL =
      List.of(
          new RegisterModelWithoutGate(),
          new CachingInRetraining(),
          new ApprovalBeforeTraining(),
          new DeployRightAfterRegister(),
          new PollingInsteadOfEvents(),
          new UnpinnedImage(),
          new LambdaLongWork(),
          new ExpressIncompatible(),
          new ThrottleWithoutRetry(),
          new MwaaForTrivialPipeline(),
          new FailWithoutMessage(),
          new UnusedParameter(),
          new UndeclaredParameter(),
          new SageMakerNameLimit(),
          new AslStateNameLimit(),
          new HistoryEventLimit());

  private static final Map<String, LintRule> BY_ID = byId();

  private Rules() {}

  private static Map<String, LintRule> byId() {
    Map<String, LintRule> m = new LinkedHashMap<>();
    for (LintRule r : ALL) {
      m.put(r.metadata().id(), r);
    }
    return m;
  }

  public static Optional<LintRule> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  public static Set<String> ids() {
    return BY_ID.keySet();
  }

  /** Metadata of every rule, in id order (docs and SARIF). */
  public static List<Rule> metadata() {
    return ALL.stream().map(LintRule::metadata).toList();
  }
}
