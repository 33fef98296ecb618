package io.pipeshift.cli;

/** Entry point of the shaded jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Pipeshift.commandLine(args).execute(args));
  }
}
