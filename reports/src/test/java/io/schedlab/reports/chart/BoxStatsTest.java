package io.schedlab.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BoxStatsTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        // R: quantile(c(1,2,3,4), type = 7) -> 1.75 2.5 3.25
        Arguments.of("four values interpolate", new double[] {4, 1, 3, 2},
            new BoxStats(2.5, 1.75, 2.5, 3.25, 1, 4, new double[0])),
        Arguments.of("one value is every statistic", new double[] {7},
            new BoxStats(7, 7, 7, 7, 7, 7, new double[0])),
        // q1 = 2, q3 = 4, IQR 2: fences -1 and 7; 100 and -50 lie outside.
        Arguments.of("outliers beyond 1.5 IQR on both sides",
            new double[] {1, 2, 3, 4, 5, 100, 2, 3, 4, -50, 3},
            new BoxStats(77.0 / 11, 2, 3, 4, 1, 5, new double[] {-50, 100})));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void boxStatistics(String name, double[] values, BoxStats expected) {
    assertThat(BoxStats.of(values)).isEqualTo(expected);
  }
}
