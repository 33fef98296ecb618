package io.pipeshift.analyzer.rules;

import io.pipeshift.analyzer.Finding;
import java.util.List;

/** One lint check. Implementations carry {@link Rule} and are listed in {@link Rules#ALL}. */
public interface LintRule {

  /** The findings for one pipeline, built with the context's {@code finding*} methods. */
  List<Finding> check(RuleContext context);

  /** This rule's metadata. */
  default Rule metadata() {
    Rule r = getClass().getAnnotation(Rule.class);
    if (r == null) {
      throw new IllegalStateException(getClass().getName() + " has no @Rule annotation");
    }
    return r;
  }
}
