package io.schedlab.cli;

import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code schedlab trace stats}: what a trace holds, read in one streamed pass. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    sortOptions = false,
    description = {
        "Summarise a trace: events per type, time span, node capacity and pod request totals, "
            + "and histograms of pod requests (cpu, memory, each extended resource).",
        "Reads any registered format; the native one by default."})
public final class TraceStatsCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Trace files or folders.")
  private List<Path> inputs;

  @Option(names = "--format", paramLabel = "NAME", defaultValue = "jsonl",
      description = "Input format, one of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      completionCandidates = TraceCommand.FormatNames.class)
  private String format;

  @Option(names = "--skip-bad-rows",
      description = "Count and skip malformed rows instead of stopping at the first.")
  private boolean skipBadRows;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    TraceStats stats = new TraceStats();
    long bad;
    try (TraceSource source = TraceCommand.format("--format", format)
        .open(inputs, new TraceOptions(skipBadRows, Map.of()))) {
      TraceEvent e;
      while ((e = source.next()) != null) {
        stats.add(e);
      }
      bad = source.badRows();
    }
    stats.print(out, bad, skipBadRows);
    out.flush();
    return 0;
  }
}
