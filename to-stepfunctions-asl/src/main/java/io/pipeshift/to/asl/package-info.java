/**
 * IR -> Amazon States Language (AWS Step Functions). Entry point: {@link io.pipeshift.to.asl.AslTarget}
 * ({@code --to asl}).
 *
 * <p><b>Keeps</b>: the dependency order (nested into sequences and Parallel states by the core
 * series-parallel pass; a graph that does not nest gets the fewest synchronisation edges the pass finds,
 * each reported); retries exactly (IntervalSeconds, MaxAttempts = retries, BackoffRate, MaxDelaySeconds,
 * JitterStrategy) with error classes mapped to States.* and service error names; catches with the original
 * input kept under {@code $.error}; timeouts on Tasks; conditions as n-ary Choice states that rejoin;
 * for-each as Map (DISTRIBUTED for large fan-outs); parameters as execution input over the IR defaults;
 * triggers and a least-privilege role policy as companions.
 *
 * <p><b>Drops or approximates</b> (each with a fidelity note, see docs/targets/step-functions.md): caching,
 * timeouts of Parallel/Map/Choice states, allowed parameter values, dependencies that cross into error
 * paths; kinds without an integration become activities; a caught failure inside a Parallel state stops
 * the sibling branches.
 */
package io.pipeshift.to.asl;
