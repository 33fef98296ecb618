package io.pipeshift.aws.deploy;

/** What a deployment does (or, in a dry run, would do) to one resource. */
public enum ChangeAction {
  CREATE("create", "created"),
  UPDATE("update", "updated"),
  UNCHANGED("unchanged", "unchanged"),
  DELETE("delete", "deleted");

  private final String planned;
  private final String done;

  ChangeAction(String planned, String done) {
    this.planned = planned;
    this.done = done;
  }

  /** {@code create}: the word in a dry-run plan. */
  public String planned() {
    return planned;
  }

  /** {@code created}: the word after it happened. */
  public String done() {
    return done;
  }
}
