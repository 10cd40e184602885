package io.schedlab.reports.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchComparisonTest {
  private static final String RESULT = """
      [{"benchmark":"io.schedlab.benchmarks.FgdRunBenchmark.run","mode":"avgt",
        "params":{"policy":"FGD"},
        "primaryMetric":{"score":266.7,"scoreError":5.6,"scoreUnit":"ms/op"}},
       {"benchmark":"io.schedlab.benchmarks.JsonlReaderBenchmark.read","mode":"thrpt",
        "primaryMetric":{"score":1100000.0,"scoreError":20000.0,"scoreUnit":"ops/s"}}]
      """;

  @Test
  void readsJmhJson(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("r.json");
    Files.writeString(f, RESULT);
    List<JmhResult> r = JmhResult.read(f);
    assertThat(r).hasSize(2);
    assertThat(r.get(0).key()).isEqualTo("FgdRunBenchmark.run {policy=FGD}");
    assertThat(r.get(0).higherIsBetter()).isFalse();
    assertThat(r.get(1).higherIsBetter()).isTrue();
    assertThat(r.get(1).score()).isEqualTo(1_100_000.0);
  }

  @Test
  void flagsOnlyChangesBeyondTheErrors() {
    JmhResult timeBase = new JmhResult("a.B.run", Map.of(), "avgt", 100, 5, "ms/op");
    JmhResult slower = new JmhResult("a.B.run", Map.of(), "avgt", 111, 5, "ms/op");
    JmhResult noise = new JmhResult("a.B.run", Map.of(), "avgt", 109, 5, "ms/op");
    JmhResult thrBase = new JmhResult("a.C.run", Map.of(), "thrpt", 1000, 10, "ops/s");
    JmhResult faster = new JmhResult("a.C.run", Map.of(), "thrpt", 1100, 10, "ops/s");
    JmhResult fresh = new JmhResult("a.D.run", Map.of(), "thrpt", 1, 0, "ops/s");
    List<BenchComparison.Row> rows = BenchComparison.compare(List.of(slower, faster, fresh),
        List.of(timeBase, thrBase));
    assertThat(rows).extracting(BenchComparison.Row::verdict).containsExactly(
        BenchComparison.Verdict.REGRESSION, BenchComparison.Verdict.IMPROVEMENT,
        BenchComparison.Verdict.NEW);
    assertThat(rows.get(0).changePercent()).isEqualTo(11.0);
    assertThat(BenchComparison.compare(List.of(noise), List.of(timeBase)).get(0).verdict())
        .isEqualTo(BenchComparison.Verdict.WITHIN_ERROR);
    JmhResult noError = new JmhResult("a.B.run", Map.of(), "avgt", 150, Double.NaN, "ms/op");
    assertThat(BenchComparison.compare(List.of(noError), List.of(timeBase)).get(0).verdict())
        .isEqualTo(BenchComparison.Verdict.NO_ERROR);
  }

  @Test
  void badFilesSayWhatWasExpected(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("x.json");
    Files.writeString(f, "{\"not\": \"jmh\"}");
    assertThatThrownBy(() -> JmhResult.read(f)).hasMessageContaining("x.json")
        .hasMessageContaining("expected JMH's JSON results");
    Files.writeString(f, "[{\"benchmark\": \"x\"}]");
    assertThatThrownBy(() -> JmhResult.read(f)).hasMessageContaining("x.json: [0]: expected");
  }

  @Test
  void writesCsvAndReport(@TempDir Path dir) throws IOException {
    JmhResult base = new JmhResult("a.B.run", Map.of("n", "1"), "avgt", 100, 5, "ms/op");
    JmhResult now = new JmhResult("a.B.run", Map.of("n", "1"), "avgt", 120, 5, "ms/op");
    JmhResult thr = new JmhResult("a.C.read", Map.of(), "thrpt", 1e6, 1e4, "ops/s");
    BenchReport.write(dir, List.of(now, thr), List.of(base));
    assertThat(Files.readAllLines(dir.resolve(BenchReport.CSV))).containsExactly(
        "benchmark,mode,score,error,unit,baseline_score,baseline_error,change_pct,verdict",
        "B.run {n=1},avgt,120,5,ms/op,100,5,20,REGRESSION",
        "C.read,thrpt,1000000,10000,ops/s,,,,NEW");
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).contains("Regressions beyond the errors: B.run {n=1} (+20.0 %)")
        .contains("data:image/png;base64,");
  }
}
