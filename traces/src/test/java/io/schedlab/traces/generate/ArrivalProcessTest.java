package io.schedlab.traces.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArrivalProcessTest {
  private static final int N = 20_000;

  static Stream<Arguments> processes() {
    LongFunction<ArrivalProcess> poisson = seed -> new PoissonArrivals(2.0, 0, Seeds.generator(seed));
    LongFunction<ArrivalProcess> mmpp = seed -> new MmppArrivals(
        new double[] {5, 0.5}, new double[][] {{0, 0.1}, {0.4, 0}}, 0, 0, Seeds.generator(seed));
    LongFunction<ArrivalProcess> diurnal = seed -> new DiurnalArrivals(1.0, 0.9, 100, 0, 0, Seeds.generator(seed));
    return Stream.of(
        Arguments.of("poisson", poisson),
        Arguments.of("mmpp", mmpp),
        Arguments.of("diurnal", diurnal));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void sameSeedSameTimesAndNonDecreasing(String name, LongFunction<ArrivalProcess> make) {
    ArrivalProcess a = make.apply(11);
    ArrivalProcess b = make.apply(11);
    ArrivalProcess other = make.apply(12);
    long prev = 0;
    boolean differs = false;
    for (int i = 0; i < 1000; i++) {
      long t = a.nextNanos();
      assertThat(b.nextNanos()).isEqualTo(t);
      differs |= other.nextNanos() != t;
      assertThat(t).isGreaterThanOrEqualTo(prev);
      prev = t;
    }
    assertThat(differs).as("another seed gives other times").isTrue();
  }

  @Test
  void poissonFirstGapIsTheInverseOfTheFirstUniform() {
    // One uniform per gap, by inversion: the first gap is -ln(1-u)/rate for the seed's first u.
    double u = Seeds.generator(5).nextDouble();
    long first = new PoissonArrivals(4.0, 10, Seeds.generator(5)).nextNanos();
    assertThat(first).isEqualTo(ArrivalProcess.toNanos(10 + -StrictMath.log(1 - u) / 4.0));
  }

  @Test
  void poissonMeanGapIsOneOverRate() {
    double rate = 2.0;
    ArrivalProcess p = new PoissonArrivals(rate, 0, Seeds.generator(1));
    long last = 0;
    for (int i = 0; i < N; i++) {
      last = p.nextNanos();
    }
    double meanGap = last / 1e9 / N;
    // The gap is exponential: sd = mean, so the mean of N gaps has sd mean/sqrt(N); allow 5 sd.
    double sd = (1 / rate) / Math.sqrt(N);
    assertThat(meanGap).isBetween(1 / rate - 5 * sd, 1 / rate + 5 * sd);
  }

  @Test
  void mmppLongRunRateIsTheStationaryMixture() {
    double[] rates = {5, 0.5};
    double s01 = 0.1;
    double s10 = 0.4;
    // Stationary distribution of the two-state chain: pi0 = s10 / (s01 + s10).
    double pi0 = s10 / (s01 + s10);
    double expected = pi0 * rates[0] + (1 - pi0) * rates[1];
    ArrivalProcess p = new MmppArrivals(rates, new double[][] {{0, s01}, {s10, 0}}, 0, 0, Seeds.generator(3));
    int n = 200_000;
    long last = 0;
    for (int i = 0; i < n; i++) {
      last = p.nextNanos();
    }
    double observed = n / (last / 1e9);
    // Modulation makes counts overdispersed; 5% is well outside the fluctuation of 200k arrivals
    // over ~50k seconds (about 100 state cycles each way) yet catches a wrong mixture.
    assertThat(observed).isBetween(expected * 0.95, expected * 1.05);
  }

  @Test
  void mmppWithOneStateIsPoisson() {
    ArrivalProcess m = new MmppArrivals(new double[] {3}, new double[][] {{0}}, 0, 0, Seeds.generator(9));
    int n = N;
    long last = 0;
    for (int i = 0; i < n; i++) {
      last = m.nextNanos();
    }
    double sd = (1 / 3.0) / Math.sqrt(n);
    assertThat(last / 1e9 / n).isBetween(1 / 3.0 - 5 * sd, 1 / 3.0 + 5 * sd);
  }

  @Test
  void diurnalCountsFollowTheSine() {
    double base = 1.0;
    double amplitude = 0.9;
    double period = 100;
    DiurnalArrivals d = new DiurnalArrivals(base, amplitude, period, 0, 0, Seeds.generator(21));
    int cycles = 200;
    double horizon = cycles * period;
    long rising = 0;
    long falling = 0;
    while (true) {
      double t = d.nextNanos() / 1e9;
      if (t >= horizon) {
        break;
      }
      if ((t % period) < period / 2) {
        rising++;
      } else {
        falling++;
      }
    }
    // Integral of the rate over each half cycle: base*P/2 ± amplitude*P/pi.
    double expectedRising = cycles * (base * period / 2 + amplitude * period / Math.PI);
    double expectedFalling = cycles * (base * period / 2 - amplitude * period / Math.PI);
    assertThat((double) rising).isBetween(expectedRising - 5 * Math.sqrt(expectedRising),
        expectedRising + 5 * Math.sqrt(expectedRising));
    assertThat((double) falling).isBetween(expectedFalling - 5 * Math.sqrt(expectedFalling),
        expectedFalling + 5 * Math.sqrt(expectedFalling));
  }

  @Test
  void badParametersAreRejected() {
    assertThatThrownBy(() -> new PoissonArrivals(0, 0, Seeds.generator(1)))
        .hasMessage("rate must be a positive number, got 0.0");
    assertThatThrownBy(() -> new DiurnalArrivals(1, 2, 10, 0, 0, Seeds.generator(1)))
        .hasMessage("amplitude must be in [0, base=1.0], got 2.0");
    assertThatThrownBy(() -> new MmppArrivals(new double[] {0, 1}, new double[][] {{0, 0}, {1, 0}}, 0, 0,
        Seeds.generator(1)))
        .hasMessage("state 0 has no arrivals and is never left");
  }
}
