package io.schedlab.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.schedlab.reports.stats.PairTest.Method;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected p-values were computed independently of commons-math3, in Python 3.11 with mpmath 1.3
 * at 40 digits from the textbook formulas: Welch's t and Welch–Satterthwaite df, p = I_{df/(df +
 * t²)}(df/2, 1/2) (the regularized incomplete beta); Mann–Whitney U from average ranks, σ² =
 * n1·n2/12·((N + 1) − Σ(t³ − t)/(N(N − 1))), z = (|U − n1·n2/2| − 0.5)/σ, p = erfc(z/√2) capped
 * at 1. Each agrees with scipy 1.17 (ttest_ind(equal_var=False), mannwhitneyu(method=
 * "asymptotic")) to better than 1e-14.
 */
class PairTestTest {
  /** 1e-9 relative, as a percentage for AssertJ. */
  private static final double REL = 1e-7;

  static final double[] C = {1, 2, 2, 3, 3, 3, 4};
  static final double[] D = {3, 4, 4, 5, 5, 6};
  static final double[] E = new double[20];
  static final double[] F = new double[15];

  static {
    for (int i = 0; i < E.length; i++) {
      E[i] = i + 1;
    }
    for (int i = 0; i < F.length; i++) {
      F[i] = i + 8.5;
    }
  }

  static Stream<Arguments> independentlyComputed() {
    return Stream.of(
        Arguments.of("Welch, no ties", Method.WELCH_T, SummaryTest.A, SummaryTest.B,
            0.0060621720743869234),
        Arguments.of("Welch, ties", Method.WELCH_T, C, D, 0.0062708451787809737834),
        Arguments.of("Welch, one side constant", Method.WELCH_T, new double[] {5, 5, 5},
            new double[] {4, 6, 7, 8}, 0.2394425986360030438),
        Arguments.of("Welch, two and three values", Method.WELCH_T, new double[] {0.5, 0.7},
            new double[] {0.9, 1.4, 1.1}, 0.056638483770503811831),
        Arguments.of("Mann-Whitney, no ties", Method.MANN_WHITNEY_U, SummaryTest.A,
            SummaryTest.B, 0.018416160576303978331),
        Arguments.of("Mann-Whitney, ties (sum t^3 - t = 96)", Method.MANN_WHITNEY_U, C, D,
            0.012999854364387312504),
        Arguments.of("Mann-Whitney, few ties, not significant", Method.MANN_WHITNEY_U,
            new double[] {1, 2, 3, 4}, new double[] {2, 3, 5}, 0.58915446545005823975),
        Arguments.of("Mann-Whitney, 20 and 15 values", Method.MANN_WHITNEY_U, E, F,
            0.017156651336835287309));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("independentlyComputed")
  void matchesIndependentValues(String name, Method method, double[] a, double[] b, double p) {
    assertThat(PairTest.pValue(method, a, b)).isCloseTo(p, withinPercentage(REL));
    assertThat(PairTest.pValue(method, b, a)).as("symmetric").isCloseTo(p, withinPercentage(REL));
  }

  static Stream<Arguments> degenerate() {
    double[] one = {1};
    double[] none = {};
    double[] twos = {2, 2, 2};
    double[] threes = {3, 3};
    return Stream.of(
        Arguments.of("Welch, one value", Method.WELCH_T, one, SummaryTest.A, Double.NaN),
        Arguments.of("Welch, constant and equal", Method.WELCH_T, twos, new double[] {2, 2}, 1.0),
        Arguments.of("Welch, constant and different", Method.WELCH_T, twos, threes, 0.0),
        Arguments.of("Mann-Whitney, empty side", Method.MANN_WHITNEY_U, none, SummaryTest.A,
            Double.NaN),
        Arguments.of("Mann-Whitney, every value tied", Method.MANN_WHITNEY_U, twos,
            new double[] {2, 2}, 1.0),
        Arguments.of("Mann-Whitney, identical samples (z < 0 caps at 1)", Method.MANN_WHITNEY_U,
            new double[] {1, 2, 3}, new double[] {1, 2, 3}, 1.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("degenerate")
  void degenerateInputsHaveDefinedAnswers(String name, Method method, double[] a, double[] b,
      double p) {
    // Boxed, so that NaN equals NaN.
    assertThat(Double.valueOf(PairTest.pValue(method, a, b))).isEqualTo(Double.valueOf(p));
  }

  @Test
  void significanceIsBelowAlphaAndNeverForNaN() {
    assertThat(PairTest.of(Method.WELCH_T, "a", SummaryTest.A, "b", SummaryTest.B).significant())
        .isTrue();
    assertThat(new PairTest("a", "b", Method.WELCH_T, 0.05).significant()).isFalse();
    assertThat(new PairTest("a", "b", Method.WELCH_T, Double.NaN).significant()).isFalse();
  }

  @Test
  void methodsNameThemselvesForTheReport() {
    assertThat(PairTest.DEFAULT_METHOD).isEqualTo(Method.WELCH_T);
    assertThat(Method.WELCH_T.label()).isEqualTo("Welch t-test");
    assertThat(Method.MANN_WHITNEY_U.label()).isEqualTo("Mann–Whitney U test");
  }

  @Test
  void rejectsNonFiniteValues() {
    assertThatThrownBy(() -> PairTest.mannWhitneyP(new double[] {1, Double.NaN}, D))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pair test: value 1 is NaN; expected a finite number");
  }
}
