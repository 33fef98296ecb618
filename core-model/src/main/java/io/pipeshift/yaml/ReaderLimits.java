package io.pipeshift.yaml;

/**
 * Hard limits that keep hostile YAML (alias bombs, deep nesting, huge files) from exhausting memory or
 * time. Documented in docs/limits.md; exceeding one is a located diagnostic, never a crash.
 *
 * @param maxBytes largest file read, in bytes
 * @param maxAliases most aliases to collections in one document
 * @param maxDepth deepest nesting of collections
 * @param maxNodes most nodes visited while binding (counts alias expansion)
 */
public record ReaderLimits(long maxBytes, int maxAliases, int maxDepth, int maxNodes) {
  public static final ReaderLimits DEFAULT = new ReaderLimits(16L * 1024 * 1024, 50, 64, 2_000_000);
}
