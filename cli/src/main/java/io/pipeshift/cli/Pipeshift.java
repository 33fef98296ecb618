package io.pipeshift.cli;

import io.pipeshift.diag.InvalidInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command. Exit-code policy lives here, outside the subcommands' logic. */
@Command(
    name = "pipeshift",
    mixinStandardHelpOptions = true,
    versionProvider = Pipeshift.Version.class,
    description = "Translate, compare and analyse ML/data pipeline definitions across orchestrators.",
    subcommands = {
      ValidateCommand.class,
      GraphCommand.class,
      ConvertCommand.class,
      DiffCommand.class,
      AnalyzeCommand.class,
      CompareCommand.class,
      ImportCommand.class,
      DeployCommand.class,
      PackageCommand.class,
      CommandLine.HelpCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:findings at or above --fail-on, differences (diff), or notes blocked by --strict",
      "2:bad input or usage (the message names file:line:col)",
      "3:internal error (a bug: run again with --verbose and report it)"
    })
public final class Pipeshift {

  public static final int OK = 0;
  public static final int FINDINGS = 1;
  public static final int BAD_INPUT = 2;
  public static final int INTERNAL_ERROR = 3;

  @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces of internal errors.")
  boolean verbose;

  /** A configured command line: used by Main and by in-process tests. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Pipeshift());
    cl.setExecutionExceptionHandler(Pipeshift::handle);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setUsageHelpAutoWidth(true);
    return cl;
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof InvalidInputException bad) {
      bad.diagnostics().forEach(d -> err.println(d.render()));
      err.flush();
      return BAD_INPUT;
    }
    if (e instanceof UserError u) {
      err.println("error: " + u.getMessage());
      err.flush();
      return BAD_INPUT;
    }
    boolean verbose = root(cl).verbose;
    err.println("internal error: " + e + (verbose ? "" : " (run with --verbose for the stack trace, and please report it)"));
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return INTERNAL_ERROR;
  }

  private static Pipeshift root(CommandLine cl) {
    CommandLine c = cl;
    while (c.getParent() != null) {
      c = c.getParent();
    }
    return (Pipeshift) c.getCommand();
  }

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Pipeshift.class.getPackage().getImplementationVersion();
      return new String[] {"pipeshift " + (v == null ? "development build" : v)};
    }
  }
}
