package io.pipeshift.integration;

import io.pipeshift.cli.Pipeshift;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code pipeshift} in-process, as the launcher would. */
record Cli(int exit, String out, String err) {

  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cl = Pipeshift.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Cli(exit, out.toString(), err.toString());
  }

  Cli expect(int code) {
    if (exit != code) {
      throw new AssertionError("exit " + exit + " (expected " + code + ")\nstdout:\n" + out + "\nstderr:\n" + err);
    }
    return this;
  }
}
