/**
 * {@code pipeshift compare}: one workflow on the three orchestrators side by side (scores, limits,
 * orchestration cost with stated assumptions, fidelity notes from the emitters handed in).
 */
package io.pipeshift.analyzer.compare;
