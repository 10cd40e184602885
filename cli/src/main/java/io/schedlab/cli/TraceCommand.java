package io.schedlab.cli;

import io.schedlab.traces.TraceFormat;
import io.schedlab.traces.TraceFormats;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code schedlab trace}: the trace tools. Each tool is one subcommand class listed here. */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description = "Read, summarise, convert, generate, sample and fit traces.",
    subcommands = {
        TraceStatsCommand.class,
        TraceConvertCommand.class,
        TraceGenerateCommand.class,
        TraceSampleCommand.class,
        TraceFitCommand.class,
        HelpCommand.class})
public final class TraceCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing trace command");
  }

  /** The registered format called {@code name}; an unknown one is bad input naming the known. */
  static TraceFormat format(String option, String name) {
    TraceFormat f = TraceFormats.find(name);
    if (f == null) {
      throw new BadInputException(option + ": unknown trace format '" + name + "'; expected one of "
          + String.join(", ", TraceFormats.names()));
    }
    return f;
  }

  /** The registered format names, for {@code --help}. */
  static final class FormatNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return TraceFormats.names().iterator();
    }
  }
}
