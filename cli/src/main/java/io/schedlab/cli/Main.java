package io.schedlab.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code schedlab} command line. Exit codes: 0 success, 2 bad input (a manifest, a
 * configuration, an option), 1 internal error. A failure is one line on stderr, {@code schedlab:
 * <what>}; {@code --debug} adds the stack trace.
 */
@Command(
    name = "schedlab",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description = "Kubernetes scheduling in simulated time, with kube-scheduler's semantics.",
    subcommands = {
        ScheduleCommand.class, ConformanceCommand.class, PluginsCommand.class, TraceCommand.class,
        ExperimentCommand.class, SimulateCommand.class, CompareCommand.class,
        BenchCommand.class, BenchReportCommand.class,
        VersionCommand.class,
        HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:internal error", "2:bad input (manifest, configuration, trace, option)"})
public final class Main implements Callable<Integer> {
  static final String DEBUG = "--debug";

  @Spec private CommandSpec spec;

  @Option(
      names = DEBUG,
      scope = ScopeType.INHERIT,
      description = "On failure, print the stack trace after the one-line message.")
  private boolean debug;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing command");
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
    int code = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line with the given streams and returns its exit code; never throws. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    int code = commandLine(out, err).execute(args);
    out.flush();
    err.flush();
    return code;
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(Main::onParameterError);
    cl.setExecutionExceptionHandler(Main::onExecutionError);
    return cl;
  }

  private static int onParameterError(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    String help = cl.getCommandSpec().qualifiedName() + " --help";
    err.println("schedlab: " + Failures.firstLine(e.getMessage()) + " (see '" + help + "')");
    if (debugRequested(cl.getParseResult())) {
      e.printStackTrace(err);
    }
    err.flush();
    return Failures.BAD_INPUT;
  }

  private static int onExecutionError(Exception e, CommandLine cl, ParseResult parsed) {
    PrintWriter err = cl.getErr();
    err.println("schedlab: " + Failures.message(e));
    if (debugRequested(parsed)) {
      e.printStackTrace(err);
    }
    err.flush();
    return Failures.exitCode(e);
  }

  private static boolean debugRequested(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption(DEBUG)) {
        return true;
      }
    }
    return false;
  }
}
