package io.schedlab.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.schedlab.reports.Metric;
import io.schedlab.reports.Metric.Direction;
import io.schedlab.reports.stats.PairTest.Method;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RankingTest {
  private static final Metric DELAY =
      new Metric("queueing_delay_mean_s", "s", Direction.LOWER_IS_BETTER, "mean queueing delay");
  private static final Metric SCHEDULED =
      new Metric("pods_scheduled", "pods", Direction.HIGHER_IS_BETTER, "pods scheduled");

  private static Map<String, double[]> values(Object... profileThenValues) {
    Map<String, double[]> out = new TreeMap<>();
    for (int i = 0; i < profileThenValues.length; i += 2) {
      out.put((String) profileThenValues[i], (double[]) profileThenValues[i + 1]);
    }
    return out;
  }

  @Test
  void lowerIsBetterPutsTheSmallestMeanFirst() {
    Ranking r = Ranking.of(DELAY, values(
        "a", new double[] {3, 4, 5},
        "b", new double[] {1, 2, 3},
        "c", new double[] {10, 11, 12}), Method.WELCH_T);
    assertThat(r.entries()).extracting(Ranking.Entry::rank, Ranking.Entry::profile,
        Ranking.Entry::mean).containsExactly(tuple(1, "b", 2.0), tuple(2, "a", 4.0),
        tuple(3, "c", 11.0));
    assertThat(r.metric()).isEqualTo("queueing_delay_mean_s");
    assertThat(r.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
  }

  @Test
  void higherIsBetterPutsTheLargestMeanFirst() {
    Ranking r = Ranking.of(SCHEDULED, values(
        "a", new double[] {3, 4, 5},
        "b", new double[] {1, 2, 3},
        "c", new double[] {10, 11, 12}), Method.WELCH_T);
    assertThat(r.entries()).extracting(Ranking.Entry::profile).containsExactly("c", "a", "b");
  }

  @Test
  void equalMeansShareARankListedByName() {
    // Means 2, 2 (in another order: summation must not split them), 5, 5, 9.
    Ranking r = Ranking.of(DELAY, values(
        "zeta", new double[] {1, 2, 3},
        "alpha", new double[] {3, 2, 1},
        "mid-b", new double[] {5, 5},
        "mid-a", new double[] {4, 6},
        "last", new double[] {9}), Method.WELCH_T);
    assertThat(r.entries()).extracting(Ranking.Entry::rank, Ranking.Entry::profile)
        .containsExactly(tuple(1, "alpha"), tuple(1, "zeta"), tuple(3, "mid-a"),
            tuple(3, "mid-b"), tuple(5, "last"));
    assertThat(r.entries().get(0).significantlyBetterThanNext()).as("tied with next").isFalse();
  }

  @Test
  void tieToleranceIgnoresRoundingNoise() {
    Ranking r = Ranking.of(DELAY, values(
        "a", new double[] {0.1 + 0.2},
        "b", new double[] {0.3}), Method.WELCH_T);
    assertThat(r.entries()).extracting(Ranking.Entry::rank).containsExactly(1, 1);
  }

  @Test
  void significantlyBetterOnlyWhenThePairTestSaysSo() {
    Ranking r = Ranking.of(DELAY, values(
        "a", SummaryTest.A, // mean 12.31, Welch p = 0.00606 against b
        "b", SummaryTest.B, // mean 14.07
        "c", new double[] {14.0, 14.5, 13.6, 14.4}), Method.WELCH_T);
    assertThat(r.entries()).extracting(Ranking.Entry::profile, Ranking.Entry::rank,
            Ranking.Entry::significantlyBetterThanNext)
        .containsExactly(tuple("a", 1, true), tuple("b", 2, false), tuple("c", 3, false));
    assertThat(r.entry("a").pToNext()).isCloseTo(0.0060621720743869234,
        withinPercentage(1e-7));
    assertThat(r.entry("b").pToNext()).isGreaterThan(0.05);
    assertThat(r.entry("c").pToNext()).as("last").isNaN();
    assertThat(r.entry("nobody")).isNull();
  }

  @Test
  void theMethodDecidesTheTest() {
    Map<String, double[]> v = values("a", SummaryTest.A, "b", SummaryTest.B);
    assertThat(Ranking.of(DELAY, v, Method.MANN_WHITNEY_U).entry("a").pToNext())
        .isCloseTo(0.018416160576303978331, withinPercentage(1e-7));
  }

  @Test
  void profilesWithoutValuesComeLastSharingARank() {
    Ranking r = Ranking.of(SCHEDULED, values(
        "none-b", new double[0],
        "some", new double[] {1},
        "none-a", new double[0]), Method.WELCH_T);
    assertThat(r.entries()).extracting(Ranking.Entry::rank, Ranking.Entry::profile)
        .containsExactly(tuple(1, "some"), tuple(2, "none-a"), tuple(2, "none-b"));
    assertThat(r.entry("some").significantlyBetterThanNext()).isFalse();
  }

  @Test
  void overallRanksByMeanRankTiesShareARankListedByName() {
    Ranking delay = Ranking.of(DELAY, values(
        "a", new double[] {1}, "b", new double[] {2}, "c", new double[] {3}), Method.WELCH_T);
    Ranking scheduled = Ranking.of(SCHEDULED, values(
        "a", new double[] {1}, "b", new double[] {3}, "c", new double[] {2}), Method.WELCH_T);
    // Ranks: a 1 and 3 → 2; b 2 and 1 → 1.5; c 3 and 2 → 2.5.
    assertThat(Ranking.overall(List.of(delay, scheduled)))
        .extracting(Ranking.OverallEntry::rank, Ranking.OverallEntry::profile,
            Ranking.OverallEntry::meanRank, Ranking.OverallEntry::metrics)
        .containsExactly(tuple(1, "b", 1.5, 2), tuple(2, "a", 2.0, 2), tuple(3, "c", 2.5, 2));

    Ranking reversed = Ranking.of(DELAY, values(
        "a", new double[] {3}, "b", new double[] {2}, "c", new double[] {1}), Method.WELCH_T);
    // With scheduled: c 2 and 1, b 1 and 2 → both 1.5, listed by name; a 3 and 3 → 3.
    assertThat(Ranking.overall(List.of(scheduled, reversed)))
        .extracting(Ranking.OverallEntry::rank, Ranking.OverallEntry::profile,
            Ranking.OverallEntry::meanRank)
        .containsExactly(tuple(1, "b", 1.5), tuple(1, "c", 1.5), tuple(3, "a", 3.0));
  }
}
