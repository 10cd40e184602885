package io.schedlab.reports.stats;

import static io.schedlab.reports.stats.Fixtures.DELAY;
import static io.schedlab.reports.stats.Fixtures.METRICS;
import static io.schedlab.reports.stats.Fixtures.SCHEDULED;
import static io.schedlab.reports.stats.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.schedlab.reports.RunResult;
import io.schedlab.reports.stats.PairTest.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregationTest {
  @Test
  void summarisesEachProfileAndMetricInSeedOrder() {
    Aggregation agg = Aggregation.of(Fixtures.runs(), METRICS);
    assertThat(agg.method()).isEqualTo(Method.WELCH_T);
    assertThat(agg.profiles()).containsExactly("default", "most-allocated");
    assertThat(agg.byMetric().keySet()).as("the given order")
        .containsExactly(DELAY.name(), SCHEDULED.name());
    Aggregation.MetricStats delay = agg.stats(DELAY.name());
    assertThat(delay.values().get("default")).containsExactly(2.5, 3.0, 2.75);
    Summary s = delay.summaries().get("default");
    assertThat(s.n()).isEqualTo(3);
    assertThat(s.mean()).isEqualTo(2.75);
    assertThat(s.sd()).isEqualTo(0.25);
    assertThat(s.median()).isEqualTo(2.75);
    assertThat(agg.stats(SCHEDULED.name()).summaries().get("most-allocated").mean())
        .isEqualTo(100);
    assertThat(agg.stats("unknown")).isNull();
  }

  @Test
  void testsEachPairOnceAndRanksEachMetric() {
    List<RunResult> runs = new ArrayList<>(Fixtures.runs());
    runs.add(run("tied", 1, 2.5, 97));
    runs.add(run("tied", 2, 3.0, 98));
    runs.add(run("tied", 3, 2.75, 96));
    Aggregation agg = Aggregation.of(runs, METRICS, Method.MANN_WHITNEY_U);
    Aggregation.MetricStats delay = agg.stats(DELAY.name());
    assertThat(delay.pairTests()).extracting(PairTest::first, PairTest::second, PairTest::method)
        .containsExactly(tuple("default", "most-allocated", Method.MANN_WHITNEY_U),
            tuple("default", "tied", Method.MANN_WHITNEY_U),
            tuple("most-allocated", "tied", Method.MANN_WHITNEY_U));
    assertThat(delay.pairTest("tied", "default").pValue()).isEqualTo(1.0);
    assertThat(delay.pairTest("tied", "nobody")).isNull();
    assertThat(delay.ranking().entries()).extracting(Ranking.Entry::rank, Ranking.Entry::profile)
        .containsExactly(tuple(1, "most-allocated"), tuple(2, "default"), tuple(2, "tied"));
    assertThat(agg.overall()).extracting(Ranking.OverallEntry::rank,
            Ranking.OverallEntry::profile, Ranking.OverallEntry::meanRank)
        .containsExactly(tuple(1, "most-allocated", 1.0), tuple(2, "default", 2.0),
            tuple(2, "tied", 2.0));
  }

  @Test
  void missingAndNonFiniteValuesDoNotCount() {
    List<RunResult> runs = new ArrayList<>(Fixtures.runs());
    runs.add(run("sparse", 1, Map.of(DELAY.name(), Double.NaN), Map.of()));
    runs.add(run("sparse", 2, Map.of(DELAY.name(), 4.0), Map.of()));
    Aggregation agg = Aggregation.of(runs, METRICS);
    assertThat(agg.stats(DELAY.name()).summaries().get("sparse").n()).isEqualTo(1);
    assertThat(agg.stats(SCHEDULED.name()).summaries().get("sparse").n()).isZero();
    assertThat(agg.stats(SCHEDULED.name()).ranking().entries())
        .extracting(Ranking.Entry::profile).last().isEqualTo("sparse");
  }

  @Test
  void theRunOrderDoesNotMatter() {
    List<RunResult> reversed = new ArrayList<>(Fixtures.runs());
    java.util.Collections.reverse(reversed);
    Aggregation a = Aggregation.of(Fixtures.runs(), METRICS);
    Aggregation b = Aggregation.of(reversed, METRICS);
    assertThat(TidyTables.summaryJson(reversed, b))
        .isEqualTo(TidyTables.summaryJson(Fixtures.runs(), a));
  }

  @Test
  void badInputFailsWithOneLine() {
    assertThatThrownBy(() -> Aggregation.of(List.of(), METRICS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("aggregation: no runs to aggregate");
    List<RunResult> twice = new ArrayList<>(Fixtures.runs());
    twice.add(run("default", 2, 1, 1));
    assertThatThrownBy(() -> Aggregation.of(twice, METRICS))
        .hasMessage("aggregation: profile default seed 2 appears twice; expected one run per"
            + " profile and seed");
    assertThatThrownBy(() -> Aggregation.of(Fixtures.runs(), List.of(DELAY, SCHEDULED, DELAY)))
        .hasMessage("aggregation: metric queueing_delay_mean_s is defined twice");
  }
}
