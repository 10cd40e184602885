package io.schedlab.cli;

import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import io.schedlab.traces.generate.FitDocument;
import io.schedlab.traces.generate.GeneratorSpecException;
import io.schedlab.traces.generate.SpecFiles;
import io.schedlab.traces.generate.TraceFit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code schedlab trace fit --from FORMAT INPUT... --out fit.yaml}. */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description = {
      "Fit a recorded trace's pod submissions: per resource the empirical distribution of"
          + " requests (values and counts), a lognormal of durations, and the mean arrival rate.",
      "A generator spec uses the result with 'fitted: fit.yaml'. Writes JSON when FILE ends in .json."
    })
public final class TraceFitCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--from", required = true, paramLabel = "FORMAT", description = "The input's trace format.")
  private String from;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Input files or folders, as the format takes them.")
  private List<Path> inputs;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the fit.")
  private Path out;

  @Option(names = "--skip-bad-rows", description = "Count and skip malformed input rows instead of failing.")
  private boolean skipBadRows;

  @Override
  public Integer call() {
    TraceSource source = TraceCommand.format("--from", from).open(inputs, new TraceOptions(skipBadRows, Map.of()));
    FitDocument fit = fit(source, from + " " + inputs, out);
    spec.commandLine().getOut().println("fitted " + fit.pods() + " pods; wrote " + out);
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** Fits {@code source} (closing it) and writes the document to {@code out}. */
  static FitDocument fit(TraceSource source, String name, Path out) {
    FitDocument fit;
    try (source) {
      fit = TraceFit.fit(source, name);
    } catch (TraceFormatException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    try {
      SpecFiles.writeFit(fit, out);
    } catch (GeneratorSpecException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    return fit;
  }
}
