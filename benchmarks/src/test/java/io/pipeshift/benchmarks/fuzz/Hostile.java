package io.pipeshift.benchmarks.fuzz;

import io.pipeshift.diag.InvalidInputException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The crash rule every fuzz target applies: the parser may refuse the input only with the project's
 * diagnostics ({@link InvalidInputException}, or the {@code IllegalArgumentException} a cron parser
 * documents); any other throwable propagates (Jazzer reports it), and one input may use at most
 * {@link #CPU_BUDGET_NANOS} of CPU time (thread CPU, so a loaded machine does not cause false hangs).
 */
final class Hostile {

  /** One second of CPU per input: more is reported as a hang. */
  static final long CPU_BUDGET_NANOS = 1_000_000_000L;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private Hostile() {}

  /** Lenient UTF-8 (malformed bytes become U+FFFD), as a file read with replacement would give. */
  static String text(byte[] data) {
    return new String(data, StandardCharsets.UTF_8);
  }

  /**
   * Runs {@code parse}; returns its result, or null when it refused the input with diagnostics. An input
   * over the CPU budget is run once more (the first run of a code path pays for class loading, Jazzer's
   * instrumentation and the JIT) and is a hang only when the second run is over the budget too.
   */
  static <T> T run(String what, byte[] input, Supplier<T> parse) {
    long start = THREADS.getCurrentThreadCpuTime();
    T result = once(what, parse);
    long used = THREADS.getCurrentThreadCpuTime() - start;
    if (used > CPU_BUDGET_NANOS) {
      start = THREADS.getCurrentThreadCpuTime();
      result = once(what, parse);
      used = THREADS.getCurrentThreadCpuTime() - start;
      if (used > CPU_BUDGET_NANOS) {
        throw new AssertionError(what + ": hang, " + used / 1_000_000 + " ms CPU (warm) for an input of "
            + input.length + " bytes");
      }
    }
    return result;
  }

  private static <T> T once(String what, Supplier<T> parse) {
    T result;
    try {
      result = parse.get();
    } catch (InvalidInputException expected) {
      if (expected.diagnostics().isEmpty()) {
        throw new AssertionError(what + ": InvalidInputException without a diagnostic", expected);
      }
      result = null;
    }
    return result;
  }
}
