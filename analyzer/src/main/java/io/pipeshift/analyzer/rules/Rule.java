package io.pipeshift.analyzer.rules;

import io.pipeshift.diag.Severity;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A lint rule's metadata, on its class. docs/rules.md and SARIF's rule list are generated from it (plus the
 * rule's sidecar {@code docs/<id>.md} resource with the rationale and a bad and a good example);
 * {@code RuleMetadataTest} checks it mechanically.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Rule {

  /** Stable id, {@code PS} and three digits. Never reused, never renamed. */
  String id();

  /** Stable kebab-case name, e.g. {@code register-model-without-gate}. */
  String name();

  /** One line, no trailing period: what is wrong. */
  String summary();

  /** Default severity; {@code .pipeshift.yaml} may override it per rule. */
  Severity severity();

  /** Topics, e.g. {@code sagemaker}, {@code cost}, {@code reliability}. */
  String[] tags() default {};
}
