package io.schedlab.cli;

import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceFormat;
import io.schedlab.traces.TraceHeader;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import io.schedlab.traces.jsonl.JsonlFormat;
import io.schedlab.traces.jsonl.JsonlTraceWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code schedlab trace convert}: any registered format to the native one, streamed. The output
 * file appears only when the whole input converted: it is written next to its target under a
 * temporary name and moved into place at the end.
 */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    sortOptions = false,
    description = "Convert a trace to schedlab's native format (JSON Lines, traces/FORMAT.md), "
        + "streamed: any size converts in a small heap.")
public final class TraceConvertCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Trace files or folders.")
  private List<Path> inputs;

  @Option(names = "--from", required = true, paramLabel = "FORMAT",
      description = "Input format, one of: ${COMPLETION-CANDIDATES}.",
      completionCandidates = TraceCommand.FormatNames.class)
  private String from;

  @Option(names = "--to", paramLabel = "FORMAT", defaultValue = JsonlFormat.NAME,
      description = "Output format; only ${DEFAULT-VALUE} (default: ${DEFAULT-VALUE}).")
  private String to;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Output file (.gz: gzip'd); default: standard output.")
  private Path out;

  @Option(names = "--skip-bad-rows",
      description = "Count and skip malformed rows instead of stopping at the first.")
  private boolean skipBadRows;

  @Option(names = "--progress", paramLabel = "N", defaultValue = "1000000",
      description = "Report progress on stderr every N events; 0: never (default: ${DEFAULT-VALUE}).")
  private long progress;

  @Override
  public Integer call() {
    if (!JsonlFormat.NAME.equals(to)) {
      throw new BadInputException("--to: unsupported output format '" + to + "'; expected "
          + JsonlFormat.NAME);
    }
    if (progress < 0) {
      throw new BadInputException("--progress: expected a non-negative number of events, got "
          + progress);
    }
    TraceFormat format = TraceCommand.format("--from", from);
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    long[] counts;
    try (TraceSource source = format.open(inputs, new TraceOptions(skipBadRows, Map.of()))) {
      TraceHeader header = outputHeader(source.header());
      counts = out == null ? toStdout(source, header, err) : toFile(source, header, err);
    }
    double wall = (System.nanoTime() - start) / 1e9;
    err.printf("converted %d events in %.1fs%s%n", counts[0], wall,
        skipBadRows ? ", " + counts[1] + " bad rows skipped" : "");
    err.flush();
    return 0;
  }

  private TraceHeader outputHeader(TraceHeader in) {
    List<String> names = new ArrayList<>(inputs.size());
    for (Path p : inputs) {
      names.add(p.toString());
    }
    String source = in.source() != null && JsonlFormat.NAME.equals(from)
        ? in.source()
        : String.join(",", names);
    String format = in.format() != null && JsonlFormat.NAME.equals(from) ? in.format() : from;
    return new TraceHeader(TraceHeader.CURRENT_VERSION, format, source, in.attributes());
  }

  private long[] toStdout(TraceSource source, TraceHeader header, PrintWriter err) {
    PrintWriter stdout = spec.commandLine().getOut();
    JsonlTraceWriter writer = new JsonlTraceWriter(new NonClosingWriter(stdout), header);
    long[] counts = copy(source, writer, err);
    writer.close();
    stdout.flush();
    return counts;
  }

  private long[] toFile(TraceSource source, TraceHeader header, PrintWriter err) {
    Path target = out.toAbsolutePath();
    Path dir = target.getParent();
    // A sibling, so the final move is a rename; not createTempFile, whose 0600 mode would stick
    // to the output.
    Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".part");
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(out + ": no such directory: " + dir);
    }
    boolean done = false;
    try {
      long[] counts;
      // The temporary name ends in .part; gzip follows the target's name.
      boolean gzip = target.getFileName().toString().endsWith(".gz");
      try (JsonlTraceWriter writer = JsonlTraceWriter.open(tmp, header, gzip)) {
        counts = copy(source, writer, err);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      done = true;
      return counts;
    } catch (IOException e) {
      throw new UncheckedIOException(out + ": cannot write: " + e.getMessage(), e);
    } finally {
      if (!done) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // The run already failed; its message matters more than a leftover .part file.
        }
      }
    }
  }

  private long[] copy(TraceSource source, JsonlTraceWriter writer, PrintWriter err) {
    long n = 0;
    long start = System.nanoTime();
    TraceEvent e;
    while ((e = source.next()) != null) {
      writer.write(e);
      n++;
      if (progress > 0 && n % progress == 0) {
        double s = (System.nanoTime() - start) / 1e9;
        err.printf("converting: %d events (trace time %.0fs, %.0f events/s)%n",
            n, e.timeNanos() / 1e9, n / s);
        err.flush();
      }
    }
    return new long[] {n, source.badRows()};
  }

  /** Standard output stays open for the exit code's sake; the writer's close only flushes it. */
  private static final class NonClosingWriter extends java.io.FilterWriter {
    NonClosingWriter(java.io.Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
