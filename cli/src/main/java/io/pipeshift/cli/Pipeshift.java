package io.pipeshift.cli;

import io.pipeshift.diag.InvalidInputException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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

  /**
   * The subcommands, in the order help lists them. They are added by {@link #commandLine(String...)}
   * rather than named in the annotation, so a run builds the model of the one command it runs: picocli
   * introspects every registered command at start-up, a measurable part of a cold {@code convert}.
   */
  private static final List<Map.Entry<String, Supplier<Object>>> SUBCOMMANDS = List.of(
      Map.entry("validate", ValidateCommand::new),
      Map.entry("graph", GraphCommand::new),
      Map.entry("convert", ConvertCommand::new),
      Map.entry("diff", DiffCommand::new),
      Map.entry("analyze", AnalyzeCommand::new),
      Map.entry("compare", CompareCommand::new),
      Map.entry("import", ImportCommand::new),
      Map.entry("deploy", DeployCommand::new),
      Map.entry("package", PackageCommand::new),
      Map.entry("help", CommandLine.HelpCommand::new));

  /** A configured command line with every subcommand: used by in-process tests. */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * A configured command line for {@code args}: with only the subcommand they name when they name one
   * (the first argument that is not an option; the root's options take no values), else with all of them
   * (help, usage errors and suggestions for a mistyped command see the whole list).
   */
  public static CommandLine commandLine(String... args) {
    String named = java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
    boolean one = named != null && !named.equals("help") && SUBCOMMANDS.stream().anyMatch(e -> e.getKey().equals(named));
    CommandLine cl = new CommandLine(new Pipeshift());
    for (Map.Entry<String, Supplier<Object>> e : SUBCOMMANDS) {
      if (!one || e.getKey().equals(named)) {
        cl.addSubcommand(e.getKey(), e.getValue().get());
      }
    }
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
