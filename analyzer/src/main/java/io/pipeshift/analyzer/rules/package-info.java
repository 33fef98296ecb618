/**
 * Lint rules: one class per rule, each annotated with {@link io.pipeshift.analyzer.rules.Rule} and listed in
 * {@link io.pipeshift.analyzer.rules.Rules}. A rule reads a {@link io.pipeshift.analyzer.rules.RuleContext}
 * and returns located findings; it never scores, prints or changes the pipeline. Rationale and examples
 * live in each rule's sidecar resource {@code docs/<id>.md}, from which docs/rules.md is generated
 * ({@link io.pipeshift.analyzer.rules.RulesDoc}).
 */
package io.pipeshift.analyzer.rules;
