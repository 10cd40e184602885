package io.schedlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schedule --metrics-out} on the open-simulator demo: 17 pods, 13 of them placed. */
class ScheduleCommandMetricsTest {
  private static final String DEMO_NODES =
      Cli.repoPath("traces/samples/open-simulator/cluster/demo_1");
  private static final String SIMPLE_APP =
      Cli.repoPath("traces/samples/open-simulator/application/simple");
  private static final Pattern SUMMARY = Pattern.compile("^scheduled (\\d+)/\\d+ pods", Pattern.MULTILINE);

  @TempDir Path dir;

  @Test
  void summaryCountsWhatTheReportPlaced() throws IOException {
    Path m = dir.resolve("metrics");
    Cli r = Cli.run("schedule", "--nodes", DEMO_NODES, "--pods", SIMPLE_APP,
        "--metrics-out", m.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    Matcher placed = SUMMARY.matcher(r.out());
    assertThat(placed.find()).as(r.out()).isTrue();
    List<String> summary = Files.readAllLines(m.resolve("summary.csv"));
    assertThat(summary).contains("default,0,pods_scheduled,pods," + placed.group(1),
        "default,0,pods_unschedulable,pods,4");
    assertThat(summary).anyMatch(l -> l.startsWith("default,0,queueing_delay_mean_s,s,"))
        .anyMatch(l -> l.startsWith("default,0,queueing_delay_p95_s,s,"));
    assertThat(m.resolve("latency.csv")).exists();
    assertThat(r.out()).contains("pods_scheduled").endsWith("metrics written to " + m
        + System.lineSeparator());
  }

  @Test
  void allocationSeriesEndsAboveZero() throws IOException {
    Path m = dir.resolve("metrics");
    Cli r = Cli.run("schedule", "--nodes", DEMO_NODES, "--pods", SIMPLE_APP,
        "--metrics-out", m.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> cpu = Files.readAllLines(m.resolve("series.csv")).stream()
        .filter(l -> l.startsWith("allocation_cpu,")).toList();
    // 17 pods 1 ms apart: a sample every millisecond, then one at the end.
    assertThat(cpu).hasSizeGreaterThan(10);
    double first = Double.parseDouble(cpu.get(0).split(",")[2]);
    double last = Double.parseDouble(cpu.get(cpu.size() - 1).split(",")[2]);
    assertThat(last).isPositive().isGreaterThan(first);
  }

  @Test
  void profileIsTheConfigFilesBaseName() throws IOException {
    Path m = dir.resolve("metrics");
    Cli r = Cli.run("schedule", "--nodes", DEMO_NODES, "--pods", SIMPLE_APP,
        "--config", Cli.fixture("most-allocated-config.yaml"), "--seed", "5",
        "--metrics-out", m.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readAllLines(m.resolve("summary.csv")))
        .anyMatch(l -> l.startsWith("most-allocated-config,5,pods_scheduled,pods,"));
  }

  @Test
  void jsonOutputStaysOneDocumentAndTheHeadlineGoesToStderr() throws IOException {
    Path m = dir.resolve("metrics");
    Cli r = Cli.run("schedule", "--nodes", DEMO_NODES, "--pods", SIMPLE_APP,
        "--output", "json", "--metrics-out", m.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("summary").path("scheduled").asInt()).isEqualTo(13);
    assertThat(r.err()).contains("metrics written to " + m);
    assertThat(m.resolve("summary.csv")).exists();
  }

  @Test
  void aMetricsPathInAMissingFolderIsOneLineAndNothingRuns() {
    Path m = dir.resolve("no/such/metrics");
    Cli r = Cli.run("schedule", "--nodes", DEMO_NODES, "--pods", SIMPLE_APP,
        "--metrics-out", m.toString());
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("schedlab: --metrics-out " + m + ": no such directory");
    assertThat(dir.resolve("no")).doesNotExist();
  }

  @Test
  void aMetricsPathThatIsAFileIsOneLine() throws IOException {
    Path f = Files.writeString(dir.resolve("taken"), "x");
    Cli r = Cli.run("schedule", "--nodes", DEMO_NODES, "--pods", SIMPLE_APP,
        "--metrics-out", f.toString());
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.errLines()).singleElement().asString()
        .isEqualTo("schedlab: --metrics-out " + f + ": exists and is not a directory");
    assertThat(Files.readString(f)).isEqualTo("x");
  }
}
