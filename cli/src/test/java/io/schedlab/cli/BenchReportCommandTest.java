package io.schedlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportCommandTest {
  private static String result(double score, double error) {
    return "[{\"benchmark\":\"io.schedlab.benchmarks.FgdRunBenchmark.run\",\"mode\":\"avgt\","
        + "\"params\":{\"policy\":\"FGD\"},\"primaryMetric\":{\"score\":" + score
        + ",\"scoreError\":" + error + ",\"scoreUnit\":\"ms/op\"}}]";
  }

  @Test
  void flagsARegressionAgainstTheBaseline(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("old.json"), result(266.7, 5.6));
    Files.writeString(dir.resolve("new.json"), result(300.0, 4.0));
    Cli r = Cli.run("bench-report", dir.resolve("new.json").toString(), "--baseline",
        dir.resolve("old.json").toString(), "--out", dir.resolve("out").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("FgdRunBenchmark.run {policy=FGD}").contains("REGRESSION")
        .contains("1 regression(s) beyond the errors");
    assertThat(dir.resolve("out/report.html")).exists();
    assertThat(dir.resolve("out/bench.csv")).exists();
  }

  @Test
  void notJmhJsonIsOneLineAndNoReport(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("x.json"), "{\"a\": 1}");
    Cli r = Cli.run("bench-report", dir.resolve("x.json").toString(), "--out",
        dir.resolve("out").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString().contains("x.json")
        .contains("expected JMH's JSON results");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
