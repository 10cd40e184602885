package io.schedlab.cli;

import io.schedlab.conformance.ConformanceReport;
import io.schedlab.conformance.ConformanceRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code schedlab conformance}: upstream plugin-test expectations run against schedlab's plugins. */
@Command(
    name = "conformance",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description = {
      "Run conformance cases (upstream kube-scheduler plugin-test expectations, one JSON file per"
          + " plugin) through schedlab's plugins.",
      "Prints one line per failed expectation (file, case, node, expected, got) and ends with"
          + " 'N passed, N failed', counting cases. A case that cannot be evaluated counts as failed."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every case passed", "1:some case failed", "2:unreadable input"})
final class ConformanceCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--cases",
      required = true,
      paramLabel = "DIR",
      description = "A folder of *.json case files (searched recursively).")
  private Path cases;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    ConformanceReport report;
    try (PrintStream ps = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      report = ConformanceRunner.run(cases, ps);
    }
    out.print(buffer.toString(StandardCharsets.UTF_8));
    out.flush();
    return report.failed() == 0 ? 0 : 1;
  }
}
