package io.schedlab.cli;

import io.schedlab.reports.bench.BenchComparison;
import io.schedlab.reports.bench.BenchReport;
import io.schedlab.reports.bench.JmhResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code schedlab bench-report RESULTS.json [--baseline OLD.json] --out DIR}. */
@Command(
    name = "bench-report",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description = {
      "Render JMH results (java -jar benchmarks/target/benchmarks.jar -rf json -rff RESULTS.json)"
          + " as bench.csv and a self-contained report.html with error bars; with --baseline,"
          + " flag every change beyond the two results' errors as a regression or improvement."
    })
public final class BenchReportCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "RESULTS.json", description = "JMH's JSON results.")
  private Path results;

  @Option(names = "--baseline", paramLabel = "OLD.json", description = "Results to compare with.")
  private Path baseline;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-report",
      description = "Where the report goes (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    List<JmhResult> current = read(results);
    List<JmhResult> base = baseline == null ? null : read(baseline);
    Path target = OutputDir.check("--out", out);
    OutputDir.write("--out", out, tmp -> BenchReport.write(tmp, current, base));
    int regressions = 0;
    for (BenchComparison.Row r : BenchComparison.compare(current, base == null ? List.of() : base)) {
      JmhResult c = r.result();
      String line = String.format(Locale.ROOT, "%-60s %14.3f ± %-10.3f %s", c.key(), c.score(),
          c.error(), c.unit());
      if (base != null) {
        line += r.baseline() == null ? "  (new)" : String.format(Locale.ROOT, "  %+7.1f %%  %s",
            r.changePercent(), r.verdict());
      }
      if (r.verdict() == BenchComparison.Verdict.REGRESSION) {
        regressions++;
      }
      stdout.println(line);
    }
    if (base != null) {
      stdout.println(regressions + " regression(s) beyond the errors");
    }
    stdout.println("report written to " + target.resolve("report.html"));
    stdout.flush();
    return 0;
  }

  private static List<JmhResult> read(Path file) {
    try {
      return JmhResult.read(file);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }
}
