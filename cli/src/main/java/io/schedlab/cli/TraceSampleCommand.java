package io.schedlab.cli;

import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceFormat;
import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSink;
import io.schedlab.traces.TraceSource;
import io.schedlab.traces.generate.TraceSampler;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code schedlab trace sample --from FORMAT INPUT... (--fraction F | --inflate-to RATIO
 * [--resource NAME]) --seed N --out FILE}.
 */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description = {
      "Subsample a trace, or inflate it to a share of cluster capacity as the FGD artifact's"
          + " workload tuning does, and write the result in the native JSON Lines format.",
      "--fraction keeps each pod with probability F (decided per pod name and seed; one pass).",
      "--inflate-to adds copies of pods drawn at random until the pods' total request of"
          + " --resource would exceed RATIO x the nodes' total allocatable (or removes random pods"
          + " while above it); copies are named <pod>-tuned-<i> and share their original's times."
          + " Reads the input twice."
    })
public final class TraceSampleCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--from", required = true, paramLabel = "FORMAT", description = "The input's trace format.")
  private String from;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Input files or folders, as the format takes them.")
  private List<Path> inputs;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Mode mode;

  static final class Mode {
    @Option(names = "--fraction", paramLabel = "F", description = "Keep this fraction of the pods, in [0, 1].")
    Double fraction;

    @Option(names = "--inflate-to", paramLabel = "RATIO",
        description = "Target total request as a multiple of cluster capacity (e.g. 1.3).")
    Double inflateTo;
  }

  @Option(names = "--resource", paramLabel = "NAME", defaultValue = "nvidia.com/gpu",
      description = "The resource --inflate-to measures (default: ${DEFAULT-VALUE}).")
  private String resource;

  @Option(names = "--seed", required = true, paramLabel = "N", description = "The seed of every random choice.")
  private long seed;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write.")
  private Path out;

  @Option(names = "--skip-bad-rows", description = "Count and skip malformed input rows instead of failing.")
  private boolean skipBadRows;

  @Override
  public Integer call() {
    TraceOptions options = new TraceOptions(skipBadRows, Map.of());
    TraceFormat format = TraceCommand.format("--from", from);
    Supplier<TraceSource> open = () -> format.open(inputs, options);
    PrintWriter report = spec.commandLine().getOut();
    try {
      TraceSource result;
      if (mode.fraction != null) {
        result = subsample(open.get(), mode.fraction, seed);
      } else {
        TraceSampler.Inflation plan = inflate(open, mode.inflateTo, resource, seed);
        report.println(describe(plan, mode.inflateTo));
        result = plan.open();
      }
      long n = TraceOutput.write(out, result.header(), report, sink -> copy(result, sink));
      report.println("wrote " + n + " events to " + out);
    } catch (TraceFormatException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    report.flush();
    return 0;
  }

  static TraceSource subsample(TraceSource source, double fraction, long seed) {
    try {
      return TraceSampler.subsample(source, fraction, seed);
    } catch (IllegalArgumentException e) {
      source.close();
      throw new BadInputException("--fraction: " + e.getMessage(), e);
    }
  }

  static TraceSampler.Inflation inflate(Supplier<TraceSource> open, double ratio, String resource, long seed) {
    try {
      return TraceSampler.inflate(open, ratio, resource, seed);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--inflate-to: " + e.getMessage(), e);
    }
  }

  /** One line of the inflation's figures, e.g. for the log of an experiment. */
  static String describe(TraceSampler.Inflation p, double ratio) {
    return String.format(Locale.ROOT,
        "%s: capacity %d, requested %d -> %d (target %.2f = %s x capacity); pods %d -> %d (+%d, -%d)",
        p.resource(), p.capacity(), p.requestedBefore(), p.requestedAfter(), p.target(), ratio,
        p.podsBefore(), p.podsAfter(), p.podsAdded(), p.podsRemoved());
  }

  /** Streams every event of {@code source} into {@code sink} and closes the source. */
  static long copy(TraceSource source, TraceSink sink) {
    long n = 0;
    try (source) {
      TraceEvent e;
      while ((e = source.next()) != null) {
        sink.write(e);
        n++;
      }
    }
    return n;
  }
}
