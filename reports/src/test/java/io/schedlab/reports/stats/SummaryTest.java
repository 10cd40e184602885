package io.schedlab.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected figures were computed independently of commons-math3: in Python 3.11 with mpmath 1.3
 * at 40 significant digits from the textbook formulas (sample sd with n − 1; the t quantile found
 * by root-finding the t CDF written as a regularized incomplete beta), and cross-checked against
 * Python's statistics module and scipy.stats.t.ppf.
 */
class SummaryTest {
  /** 1e-9 relative, as a percentage for AssertJ. */
  private static final double REL = 1e-7;

  static final double[] A = {12.1, 11.4, 13.7, 12.9, 10.8, 12.2, 13.1};
  static final double[] B = {14.3, 13.9, 15.2, 12.8, 14.7, 13.5};

  static Stream<Arguments> independentlyComputed() {
    return Stream.of(
        Arguments.of("seven values, odd median", A, 7, 12.314285714285714286,
            1.0056980518170309295, 0.93011556731471817794, 10.8, 12.2, 13.7),
        Arguments.of("six values, even median", B, 6, 14.066666666666666667,
            0.85945719303911039329, 0.90194500934020567562, 12.8, 14.1, 15.2),
        // By hand: mean 40/8 = 5, sd = sqrt(32/7), half-width = t(0.975, 7) * sd / sqrt(8) with
        // t(0.975, 7) = 2.3646242515927853 (mpmath, as above).
        Arguments.of("textbook 2 4 4 4 5 5 7 9", new double[] {2, 4, 4, 4, 5, 5, 7, 9}, 8, 5.0,
            Math.sqrt(32.0 / 7), 2.3646242515927853417 * Math.sqrt(32.0 / 7) / Math.sqrt(8), 2.0,
            4.5, 9.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("independentlyComputed")
  void matchesIndependentValues(String name, double[] values, int n, double mean, double sd,
      double half, double min, double median, double max) {
    Summary s = Summary.of(values);
    assertThat(s.n()).isEqualTo(n);
    assertThat(s.mean()).isCloseTo(mean, withinPercentage(REL));
    assertThat(s.sd()).isCloseTo(sd, withinPercentage(REL));
    assertThat(s.ciHalfWidth()).isCloseTo(half, withinPercentage(REL));
    assertThat(s.ciLow()).isCloseTo(mean - half, withinPercentage(REL));
    assertThat(s.ciHigh()).isCloseTo(mean + half, withinPercentage(REL));
    assertThat(s.min()).isEqualTo(min);
    assertThat(s.median()).isCloseTo(median, withinPercentage(REL));
    assertThat(s.max()).isEqualTo(max);
  }

  static Stream<Arguments> tQuantiles() {
    // Two-sided 95 % quantiles, mpmath at 40 digits (root of the t CDF at 0.975).
    return Stream.of(
        Arguments.of(1, 12.706204736174704646),
        Arguments.of(6, 2.4469118511449699711),
        Arguments.of(5, 2.5705818356363155147),
        Arguments.of(9, 2.2621571627982055426));
  }

  @ParameterizedTest(name = "df {0}")
  @MethodSource("tQuantiles")
  void tQuantileMatchesIndependentValues(int df, double expected) {
    assertThat(Summary.tQuantile(df)).isCloseTo(expected, withinPercentage(REL));
  }

  @Test
  void oneValueHasNoSpread() {
    Summary s = Summary.of(new double[] {3.5});
    assertThat(s.n()).isEqualTo(1);
    assertThat(s.mean()).isEqualTo(3.5);
    assertThat(s.median()).isEqualTo(3.5);
    assertThat(s.sd()).isNaN();
    assertThat(s.ciHalfWidth()).isNaN();
    assertThat(s.ciLow()).isNaN();
  }

  @Test
  void identicalValuesHaveZeroSpread() {
    Summary s = Summary.of(new double[] {4, 4, 4});
    assertThat(s.sd()).isZero();
    assertThat(s.ciHalfWidth()).isZero();
    assertThat(s.ciLow()).isEqualTo(4);
  }

  @Test
  void noValuesGiveNaNs() {
    Summary s = Summary.of(new double[0]);
    assertThat(s.n()).isZero();
    assertThat(s.mean()).isNaN();
    assertThat(s.max()).isNaN();
  }

  @Test
  void orderDoesNotMatter() {
    double[] reversed = new double[A.length];
    for (int i = 0; i < A.length; i++) {
      reversed[i] = A[A.length - 1 - i];
    }
    assertThat(Summary.of(reversed).median()).isEqualTo(Summary.of(A).median());
    assertThat(Summary.of(reversed).sd()).isCloseTo(Summary.of(A).sd(), withinPercentage(REL));
  }

  @Test
  void rejectsNonFiniteValues() {
    assertThatThrownBy(() -> Summary.of(new double[] {1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("summary: value 1 is NaN; expected a finite number");
    assertThatThrownBy(() -> Summary.of(new double[] {Double.POSITIVE_INFINITY}))
        .hasMessage("summary: value 0 is Infinity; expected a finite number");
  }
}
