package io.schedlab.cli;

import io.schedlab.traces.TraceSink;
import io.schedlab.traces.TraceSource;
import io.schedlab.traces.generate.GeneratorSpecException;
import io.schedlab.traces.generate.TraceGenerator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code schedlab trace generate SPEC.yaml [--out FILE]}. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description = {
      "Generate a synthetic trace from a generator spec (nodes, workloads with Poisson, MMPP or"
          + " diurnal arrivals, lognormal, Weibull or Pareto durations, fixed, empirical or fitted"
          + " requests, scheduler_perf pod templates) and write it in the native JSON Lines format.",
      "The spec's seed fixes every draw: the same spec gives the same trace.",
      "Spec format: traces/samples/generators/README.md."
    })
public final class TraceGenerateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "The generator spec.")
  private Path specFile;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write (default: standard output).")
  private Path out;

  @Override
  public Integer call() {
    TraceGenerator generator = load(specFile);
    TraceSource source = generator.open();
    long n = TraceOutput.write(out, source.header(), spec.commandLine().getOut(),
        sink -> TraceSampleCommand.copy(source, sink));
    if (out != null) {
      spec.commandLine().getOut().println("wrote " + n + " events to " + out);
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  /** Reads and checks a spec; a bad one is bad input naming the file and field. */
  static TraceGenerator load(Path specFile) {
    try {
      return TraceGenerator.fromFile(specFile);
    } catch (GeneratorSpecException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }

  /** Streams the generated trace into {@code sink}; returns the number of events. */
  static long write(TraceGenerator generator, TraceSink sink) {
    return TraceSampleCommand.copy(generator.open(), sink);
  }
}
