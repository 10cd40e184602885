package io.schedlab.traces.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Quantity;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

class DurationDistributionTest {
  private static final int N = 20_000;

  private static double[] draw(DurationDistribution d) {
    double[] s = new double[N];
    for (int i = 0; i < N; i++) {
      s[i] = d.sampleSeconds();
    }
    return s;
  }

  @Test
  void sameSeedSameDraws() {
    DurationDistribution a = DurationDistribution.weibull(0.7, 100, Seeds.generator(4));
    DurationDistribution b = DurationDistribution.weibull(0.7, 100, Seeds.generator(4));
    for (int i = 0; i < 100; i++) {
      assertThat(a.sampleNanos()).isEqualTo(b.sampleNanos());
    }
  }

  @Test
  void lognormalLogsHaveMeanMuAndSdSigma() {
    double mu = 3;
    double sigma = 1.5;
    double[] s = draw(DurationDistribution.lognormal(mu, sigma, Seeds.generator(1)));
    double sum = 0;
    double sq = 0;
    for (double x : s) {
      double l = Math.log(x);
      sum += l;
      sq += l * l;
    }
    double mean = sum / N;
    double sd = Math.sqrt(sq / N - mean * mean);
    assertThat(mean).isBetween(mu - 5 * sigma / Math.sqrt(N), mu + 5 * sigma / Math.sqrt(N));
    // The sample sd of a normal has sd about sigma / sqrt(2N).
    assertThat(sd).isBetween(sigma - 5 * sigma / Math.sqrt(2.0 * N), sigma + 5 * sigma / Math.sqrt(2.0 * N));
  }

  @Test
  void weibullMeanIsScaleTimesGamma() {
    double k = 1.5;
    double lambda = 60;
    double[] s = draw(DurationDistribution.weibull(k, lambda, Seeds.generator(2)));
    double mean = Arrays.stream(s).average().orElseThrow();
    double expected = lambda * Math.exp(Gamma.logGamma(1 + 1 / k));
    double variance = lambda * lambda * Math.exp(Gamma.logGamma(1 + 2 / k)) - expected * expected;
    double sd = Math.sqrt(variance / N);
    assertThat(mean).isBetween(expected - 5 * sd, expected + 5 * sd);
  }

  @Test
  void paretoStartsAtScaleAndHasMedianScaleTimesTwoToOneOverShape() {
    double scale = 30;
    double shape = 1.2;
    double[] s = draw(DurationDistribution.pareto(scale, shape, Seeds.generator(3)));
    Arrays.sort(s);
    assertThat(s[0]).isGreaterThanOrEqualTo(scale);
    double median = scale * Math.pow(2, 1 / shape);
    // The sample median's rank is binomial(N, 1/2): 5 sd of ranks around N/2.
    int spread = (int) (5 * Math.sqrt(N) / 2);
    assertThat(median).isBetween(s[N / 2 - spread], s[N / 2 + spread]);
  }

  @Test
  void capAndConstant() {
    DurationDistribution capped = DurationDistribution.pareto(10, 0.5, Seeds.generator(5)).cappedAt(20);
    for (int i = 0; i < 1000; i++) {
      assertThat(capped.sampleSeconds()).isBetween(10.0, 20.0);
    }
    assertThat(DurationDistribution.constant(1.5).sampleNanos()).isEqualTo(1_500_000_000L);
  }

  @Test
  void empiricalFrequenciesMatchCounts() {
    EmpiricalQuantities e = new EmpiricalQuantities(
        List.of(Quantity.parse("1"), Quantity.parse("2"), Quantity.parse("4")), List.of(6L, 3L, 1L));
    assertThat(e.probability(0)).isEqualTo(0.6);
    assertThat(e.probability(2)).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
    var r = Seeds.generator(8);
    int[] seen = new int[3];
    for (int i = 0; i < N; i++) {
      long v = e.sample(r).value();
      seen[v == 1 ? 0 : v == 2 ? 1 : 2]++;
    }
    double[] p = {0.6, 0.3, 0.1};
    for (int i = 0; i < 3; i++) {
      double expected = N * p[i];
      double sd = Math.sqrt(N * p[i] * (1 - p[i]));
      assertThat((double) seen[i]).as("value %d", i).isBetween(expected - 5 * sd, expected + 5 * sd);
    }
  }
}
