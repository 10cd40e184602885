package io.schedlab.reports.stats;

import static io.schedlab.reports.stats.Fixtures.DELAY;
import static io.schedlab.reports.stats.Fixtures.METRICS;
import static io.schedlab.reports.stats.Fixtures.SCHEDULED;
import static io.schedlab.reports.stats.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedlab.reports.Metric;
import io.schedlab.reports.Metric.Direction;
import io.schedlab.reports.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TidyTablesTest {
  @Test
  void summaryCsvHasOneSortedRowPerProfileSeedAndMetric() {
    assertThat(TidyTables.summaryCsv(Fixtures.runs(), METRICS)).isEqualTo("""
        profile,seed,metric,unit,value
        default,1,pods_scheduled,pods,97
        default,1,queueing_delay_mean_s,s,2.5
        default,2,pods_scheduled,pods,98
        default,2,queueing_delay_mean_s,s,3
        default,3,pods_scheduled,pods,96
        default,3,queueing_delay_mean_s,s,2.75
        most-allocated,1,pods_scheduled,pods,99
        most-allocated,1,queueing_delay_mean_s,s,1.5
        most-allocated,2,pods_scheduled,pods,100
        most-allocated,2,queueing_delay_mean_s,s,1.25
        most-allocated,3,pods_scheduled,pods,101
        most-allocated,3,queueing_delay_mean_s,s,1
        """);
  }

  @Test
  void sameRunsAndMetricsInAnotherOrderWriteByteIdenticalFiles(@TempDir Path tmp) throws Exception {
    List<RunResult> shuffled = new ArrayList<>(Fixtures.runs());
    Collections.reverse(shuffled);
    Collections.swap(shuffled, 1, 4);
    Path first = Files.createDirectory(tmp.resolve("first"));
    Path second = Files.createDirectory(tmp.resolve("second"));
    TidyTables.writeSummary(first, Fixtures.runs(), Aggregation.of(Fixtures.runs(), METRICS));
    TidyTables.writeSummary(second, shuffled,
        Aggregation.of(shuffled, List.of(SCHEDULED, DELAY)));
    TidyTables.writeLatency(first, List.of(latencyRun("a", 1), latencyRun("b", 2)));
    TidyTables.writeLatency(second, List.of(latencyRun("b", 2), latencyRun("a", 1)));
    for (String name : List.of(TidyTables.SUMMARY_CSV, TidyTables.SUMMARY_JSON,
        TidyTables.LATENCY_CSV)) {
      assertThat(Files.readAllBytes(second.resolve(name))).as(name)
          .isEqualTo(Files.readAllBytes(first.resolve(name)));
    }
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "3.0, 3",
      "-0.0, 0",
      "2.75, 2.75",
      "1.0E-5, 0.00001",
      "1.0E7, 10000000",
      "0.30000000000000004, 0.30000000000000004",
      "-12.5, -12.5",
      "123456.789, 123456.789"})
  void numbersAreShortestRoundTripPlainDecimals(double value, String text) {
    assertThat(TidyTables.number(value)).isEqualTo(text);
    assertThat(Double.parseDouble(text)).isEqualTo(value == 0 ? 0.0 : value);
  }

  @Test
  void numbersMustBeFinite() {
    assertThatThrownBy(() -> TidyTables.number(Double.NaN))
        .hasMessage("number: NaN is not finite");
  }

  @Test
  void fieldsWithCommasOrQuotesAreQuotedAndNonFiniteValuesNamed() {
    Metric odd = new Metric("ratio", "a,b", Direction.HIGHER_IS_BETTER, "odd unit");
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("ratio", Double.NaN);
    List<RunResult> runs = List.of(
        run("say \"hi\"", 7, metrics, Map.of()),
        run("inf", 7, Map.of("ratio", Double.NEGATIVE_INFINITY, "undefined", 1.0), Map.of()));
    assertThat(TidyTables.summaryCsv(runs, List.of(odd))).isEqualTo(
        "profile,seed,metric,unit,value\n"
            + "inf,7,ratio,\"a,b\",-Inf\n"
            + "\"say \"\"hi\"\"\",7,ratio,\"a,b\",NaN\n");
  }

  @ParameterizedTest(name = "{0} values: p50 {1}, p90 {2}, p99 {3}")
  @CsvSource({
      "1, 1, 1, 1",
      "2, 1, 2, 2",
      "10, 5, 9, 10",
      "100, 50, 90, 99",
      "101, 51, 91, 100"})
  void latencyPercentilesAreNearestRank(int n, double p50, double p90, double p99) {
    double[] sorted = new double[n];
    for (int i = 0; i < n; i++) {
      sorted[i] = i + 1;
    }
    assertThat(TidyTables.nearestRank(sorted, 50)).isEqualTo(p50);
    assertThat(TidyTables.nearestRank(sorted, 90)).isEqualTo(p90);
    assertThat(TidyTables.nearestRank(sorted, 99)).isEqualTo(p99);
    assertThat(TidyTables.nearestRank(sorted, 100)).isEqualTo(n);
  }

  @Test
  void latencyCsvHasOneRowPerRunAndName() {
    List<RunResult> runs = List.of(latencyRun("b", 2), latencyRun("a", 1),
        run("c", 1, Map.of(), Map.of("Filter/NodeResourcesFit", new double[0])));
    assertThat(TidyTables.latencyCsv(runs)).isEqualTo("""
        profile,seed,name,count,p50,p90,p99,max
        a,1,Filter/NodeResourcesFit,10,5000,9000,10000,10000
        a,1,Score/ImageLocality,2,200,250,250,250
        b,2,Filter/NodeResourcesFit,10,5000,9000,10000,10000
        b,2,Score/ImageLocality,2,200,250,250,250
        c,1,Filter/NodeResourcesFit,0,NaN,NaN,NaN,NaN
        """);
  }

  @Test
  void summaryJsonHoldsTheRowsSummariesTestsAndRankings() throws Exception {
    List<RunResult> runs = new ArrayList<>(Fixtures.runs());
    runs.add(run("single", 1, 9.0, 1.0));
    String text = TidyTables.summaryJson(runs, Aggregation.of(runs, METRICS));
    assertThat(text).endsWith("}\n").doesNotContain("\r");
    JsonNode json = new ObjectMapper().readTree(text);
    assertThat(json.get("test").asText()).isEqualTo("Welch t-test");
    assertThat(json.get("alpha").asDouble()).isEqualTo(0.05);
    assertThat(json.get("rows")).hasSize(14);
    JsonNode row = json.get("rows").get(1);
    assertThat(row.get("profile").asText()).isEqualTo("default");
    assertThat(row.get("seed").asLong()).isEqualTo(1);
    assertThat(row.get("metric").asText()).isEqualTo("queueing_delay_mean_s");
    assertThat(row.get("unit").asText()).isEqualTo("s");
    assertThat(row.get("value").asDouble()).isEqualTo(2.5);

    JsonNode delay = json.get("metrics").get(1); // after pods_scheduled
    assertThat(delay.get("name").asText()).isEqualTo("queueing_delay_mean_s");
    assertThat(delay.get("direction").asText()).isEqualTo("LOWER_IS_BETTER");
    JsonNode summary = delay.get("summaries").get(0);
    assertThat(summary.get("profile").asText()).isEqualTo("default");
    assertThat(summary.get("n").asInt()).isEqualTo(3);
    assertThat(summary.get("mean").asDouble()).isEqualTo(2.75);
    assertThat(summary.get("sd").asDouble()).isEqualTo(0.25);
    JsonNode single = delay.get("summaries").get(2);
    assertThat(single.get("profile").asText()).isEqualTo("single");
    assertThat(single.get("sd").isNull()).as("NaN is null").isTrue();
    assertThat(single.get("ci95_low").isNull()).isTrue();
    assertThat(delay.get("pair_tests")).hasSize(3);
    assertThat(delay.get("pair_tests").get(0).get("significant").asBoolean()).isTrue();
    JsonNode first = delay.get("ranking").get(0);
    assertThat(first.get("profile").asText()).isEqualTo("most-allocated");
    assertThat(first.get("rank").asInt()).isEqualTo(1);
    assertThat(first.get("significantly_better_than_next").asBoolean()).isTrue();
    assertThat(delay.get("ranking").get(2).get("p_to_next").isNull()).isTrue();
    JsonNode overall = json.get("overall_ranking");
    assertThat(overall.get(0).get("profile").asText()).isEqualTo("most-allocated");
    assertThat(overall.get(0).get("mean_rank").asDouble()).isEqualTo(1.0);
    assertThat(overall.get(2).get("profile").asText()).isEqualTo("single");
  }

  @Test
  void throughputCsvCountsTimedAttemptsAndDividesPlacedPodsByCycleTime() {
    Map<String, double[]> lat = new LinkedHashMap<>();
    lat.put("SchedulingAttempt/scheduled", new double[] {1e6, 3e6, 2e6, 2e6});
    lat.put("SchedulingAttempt/unschedulable", new double[] {2e6});
    lat.put("Filter/NodeResourcesFit", new double[] {5e9}); // a plugin call: not an attempt
    RunResult timed = new RunResult("b", 1, Map.of(), Map.of(), Map.of(), lat);
    RunResult untimed = new RunResult("a", 1, Map.of(), Map.of(), Map.of(), Map.of());
    // 4 placed pods over 10 ms of cycles: 400 pods/s.
    assertThat(TidyTables.throughputCsv(List.of(timed, untimed))).isEqualTo("""
        profile,seed,attempts,scheduled,cycle_wall_s,pods_per_s
        b,1,5,4,0.01,400
        """);
  }

  private static RunResult latencyRun(String profile, long seed) {
    double[] fit = new double[10];
    for (int i = 0; i < fit.length; i++) {
      fit[fit.length - 1 - i] = (i + 1) * 1000.0;
    }
    Map<String, double[]> latencies = new LinkedHashMap<>();
    latencies.put("Score/ImageLocality", new double[] {250, 200});
    latencies.put("Filter/NodeResourcesFit", fit);
    return run(profile, seed, Map.of("pods_scheduled", 1.0), latencies);
  }
}
