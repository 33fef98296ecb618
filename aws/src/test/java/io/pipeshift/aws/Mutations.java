package io.pipeshift.aws;

import io.pipeshift.ir.Pipeline;
import io.pipeshift.ir.RetryPolicy;
import io.pipeshift.ir.Step;
import io.pipeshift.ir.StepKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small edits of a pipeline for update tests. */
public final class Mutations {

  private Mutations() {}

  /**
   * One more retry on the first top-level step of {@code category} that has a retry policy (its own or the
   * default); that step gets its own policy, the others keep theirs.
   */
  public static Pipeline oneMoreRetry(Pipeline p, StepKind.Category category) {
    List<Step> steps = new ArrayList<>(p.steps());
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      Optional<RetryPolicy> retry = p.retryOf(s);
      if (s.kind().isWork() && s.kind().category() == category && retry.isPresent()) {
        RetryPolicy r = retry.get();
        steps.set(i, s.withRetry(Optional.of(new RetryPolicy(r.retries() + 1, r.interval(), r.backoffRate(),
            r.maxInterval(), r.jitter(), r.errors()))));
        return p.withSteps(steps);
      }
    }
    throw new IllegalArgumentException(p.name() + " has no " + category + " step with a retry policy");
  }
}
