package io.pipeshift.ir;

/**
 * A YAML/JSON null inside a raw tree (extensions, event patterns). Immutable collections cannot hold
 * Java null, so raw trees use this marker; writers turn it back into null.
 */
public enum RawNull {
  INSTANCE;

  @Override
  public String toString() {
    return "null";
  }
}
