package io.pipeshift.to.airflow;

/** A Python identifier handed out by {@link PyNames}: the only kind of name {@link PyCode} writes. */
public record PyName(String identifier) {
  @Override
  public String toString() {
    return identifier;
  }
}
