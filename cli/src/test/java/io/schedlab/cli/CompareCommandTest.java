package io.schedlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.reports.html.HeadlessBrowser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code schedlab compare}: the report it writes, byte-identical summaries on reruns, the
 * report as headless Chromium shows it, and bad input caught before any run.
 */
class CompareCommandTest {
  private static final String NODE_FAILURE =
      Cli.repoPath("traces/samples/scenarios/node-failure.yaml");
  private static final String MOST_ALLOCATED = """
      apiVersion: kubescheduler.config.k8s.io/v1
      kind: KubeSchedulerConfiguration
      profiles:
      - schedulerName: default-scheduler
        pluginConfig:
        - name: NodeResourcesFit
          args: {scoringStrategy: {type: MostAllocated}}
      """;

  private static Cli compare(Path dir, String out) throws IOException {
    Path most = dir.resolve("most-allocated.yaml");
    Files.writeString(most, MOST_ALLOCATED);
    return Cli.run("compare", "--scenario", NODE_FAILURE, "--profiles", "default",
        most.toString(), "--seeds", "1-2", "--out", dir.resolve(out).toString());
  }

  @Test
  void writesTheReportAndTheSameSummaryEveryTime(@TempDir Path dir) throws Exception {
    Cli a = compare(dir, "a");
    assertThat(a.exitCode()).as(a.err()).isZero();
    assertThat(a.out()).contains("ranking (Welch t-test").contains("default")
        .contains("most-allocated").contains("report written to");
    assertThat(a.errLines()).last().asString().startsWith("[##############################] 4/4 runs");
    Cli b = compare(dir, "b");
    assertThat(b.exitCode()).as(b.err()).isZero();
    Path ra = dir.resolve("a");
    for (String f : List.of("summary.csv", "summary.json", "series/default-1.csv")) {
      assertThat(Files.readString(ra.resolve(f))).as(f)
          .isEqualTo(Files.readString(dir.resolve("b").resolve(f)));
    }
    List<String> rows = Files.readAllLines(ra.resolve("summary.csv"));
    assertThat(rows.get(0)).isEqualTo("profile,seed,metric,unit,value");
    assertThat(rows).anyMatch(r -> r.startsWith("most-allocated,2,pods_scheduled,pods,"));
    assertThat(ra.resolve("latency.csv")).exists();
    assertThat(ra.resolve("report.html")).exists();

    if (HeadlessBrowser.available()) {
      HeadlessBrowser.Check c = HeadlessBrowser.check(ra.resolve("report.html"),
          Files.createDirectory(dir.resolve("chromium")));
      assertThat(c.rankingTable()).isTrue();
      assertThat(c.allImagesLoaded()).as(c.toString()).isTrue();
      assertThat(c.total()).isPositive();
    }
  }

  @Test
  void fillsTheClusterFromATrace(@TempDir Path dir) throws IOException {
    Path nodes = dir.resolve("nodes.csv");
    Path pods = dir.resolve("pods.csv");
    Files.writeString(nodes, "sn,cpu_milli,memory_mib,gpu,model\n"
        + "n1,8000,16384,0,\nn2,8000,16384,0,\n");
    StringBuilder p = new StringBuilder("name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,"
        + "qos,pod_phase,creation_time,deletion_time,scheduled_time\n");
    for (int i = 0; i < 6; i++) {
      // Recorded months apart and short-lived; filled, they arrive 1 s apart and stay.
      p.append("p").append(i).append(",3000,1024,0,0,,LS,Succeeded,").append(i * 1_000_000)
          .append(',').append(i * 1_000_000 + 10).append(',').append(i * 1_000_000).append('\n');
    }
    Files.writeString(pods, p.toString());
    Path most = dir.resolve("most-allocated.yaml");
    Files.writeString(most, MOST_ALLOCATED);
    Cli r = Cli.run("compare", "--trace", nodes.toString(), pods.toString(), "--from",
        "alibaba-gpu-2023", "--fill", "1s", "--until", "1m", "--profiles", "default",
        most.toString(), "--seeds", "1", "--out", dir.resolve("out").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> rows = Files.readAllLines(dir.resolve("out/summary.csv"));
    // 8 CPUs a node, 3 a pod: two fit on each node, the last two never do.
    assertThat(rows).contains("default,1,pods_scheduled,pods,4",
        "default,1,pods_unschedulable,pods,2");
  }

  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of("one profile", List.of("--profiles", "default", "--scenario", NODE_FAILURE),
            "'--profiles'"),
        Arguments.of("missing profile file", List.of("--profiles", "default", "nope.yaml",
            "--scenario", NODE_FAILURE), "nope.yaml: no such file"),
        Arguments.of("the same profile twice", List.of("--profiles", "default", "default", "--scenario",
            NODE_FAILURE), "a second profile named 'default'"),
        Arguments.of("missing scenario", List.of("--profiles", "default", "x", "--scenario",
            "no/such.yaml"), "no such file"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInput")
  void badInputFailsBeforeAnyRunAndLeavesNoReport(String name, List<String> args,
      String message, @TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("x"), MOST_ALLOCATED);
    List<String> all = new ArrayList<>(List.of("compare", "--out", dir.resolve("out").toString()));
    for (String a : args) {
      all.add(a.equals("x") ? dir.resolve("x").toString() : a);
    }
    Cli r = Cli.run(all.toArray(String[]::new));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains(message);
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void runsMetricsServerForLoadAwareProfiles(@TempDir Path dir) {
    Cli r = Cli.run("compare", "--scenario", Cli.repoPath("traces/samples/scenarios/load-aware.yaml"),
        "--metrics-server", "--profiles", "default",
        Cli.repoPath("traces/samples/profiles/target-load-packing.yaml"), "--seeds", "1",
        "--out", dir.resolve("out").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("target-load-packing").contains("report written to");
    assertThat(Cli.run("compare", "--help").out()).contains("--metrics-server");
  }

  @Test
  void aBadProfileIsNamedWithItsField(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, MOST_ALLOCATED.replace("MostAllocated", "Cheapest"));
    Cli r = Cli.run("compare", "--scenario", NODE_FAILURE, "--profiles", "default",
        bad.toString(), "--out", dir.resolve("out").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString().contains(bad.toString())
        .contains("scoringStrategy.type");
    assertThat(r.out()).isEmpty();
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
