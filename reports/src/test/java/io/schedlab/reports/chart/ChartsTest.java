package io.schedlab.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.reports.Series;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChartsTest {
  static Series series(String name, double[] t, double[] v) {
    return new Series(name, "pods", t, v);
  }

  static Map<String, List<Series>> pending() {
    Map<String, List<Series>> m = new LinkedHashMap<>();
    m.put("spread", List.of(
        series("pending", new double[] {0, 10, 20, 30}, new double[] {5, 3, 2, 0}),
        series("pending", new double[] {0, 15, 30}, new double[] {6, 2, 1})));
    m.put("binpack", List.of(
        series("pending", new double[] {0, 10, 20, 30}, new double[] {5, 4, 4, 3})));
    return m;
  }

  static Map<String, double[]> delays() {
    double[] a = new double[2000];
    double[] b = new double[50];
    for (int i = 0; i < a.length; i++) {
      a[i] = (i * 7919 % 2000) / 100.0;
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = 3 + i * 0.2;
    }
    b[49] = 60;
    Map<String, double[]> m = new LinkedHashMap<>();
    m.put("spread", a);
    m.put("binpack", b);
    return m;
  }

  static Map<String, Double> latencies() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("NodeResourcesFit", 12.5);
    m.put("PodTopologySpread", 40.0);
    m.put("TaintToleration", 2.25);
    return m;
  }

  static Stream<Arguments> charts() {
    return Stream.of(
        Arguments.of("time series",
            (Supplier<byte[]>) () -> Charts.timeSeries("Pending pods", "pods", pending())),
        Arguments.of("lines over arrived workload",
            (Supplier<byte[]>) () -> Charts.lines("Pending pods", "arrived workload (%)", "pods",
                pending())),
        Arguments.of("cdf",
            (Supplier<byte[]>) () -> Charts.cdf("Queueing delay", "delay (s)", delays())),
        Arguments.of("box plot",
            (Supplier<byte[]>) () -> Charts.boxPlot("Queueing delay", "delay (s)", delays())),
        Arguments.of("bars",
            (Supplier<byte[]>) () -> Charts.bars("Plugin latency", "µs", latencies())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("charts")
  void decodesAsAPngOfTheFixedSizeAndIsByteIdenticalWhenRedrawn(String name,
      Supplier<byte[]> chart) throws IOException {
    byte[] png = chart.get();
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as(name).isNotNull();
    assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
    assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
    assertThat(chart.get()).as("same input, same bytes").isEqualTo(png);
  }

  @Test
  void linesOverAnotherAxisDifferOnlyByTheAxisLabel() {
    byte[] overTime = Charts.timeSeries("Pending pods", "pods", pending());
    assertThat(Charts.lines("Pending pods", "time (s)", "pods", pending()))
        .as("the time-series chart is the line chart over time").isEqualTo(overTime);
    assertThat(Charts.lines("Pending pods", "arrived workload (%)", "pods", pending()))
        .as("another x label is drawn").isNotEqualTo(overTime);
  }

  @Test
  void eachProfileIsDrawnInItsPaletteColourInNameOrder() throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(
        Charts.timeSeries("Pending pods", "pods", pending())));
    // binpack sorts first: the first palette colour; spread the second.
    assertThat(countPixels(image, Charts.color(0).getRGB())).isGreaterThan(50);
    assertThat(countPixels(image, Charts.color(1).getRGB())).isGreaterThan(50);
    assertThat(countPixels(image, Charts.color(2).getRGB())).isZero();
  }

  private static int countPixels(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == (rgb & 0xFFFFFF)) {
          n++;
        }
      }
    }
    return n;
  }

  static Stream<Arguments> means() {
    return Stream.of(
        Arguments.of("one seed is itself",
            List.of(series("a", new double[] {0, 1}, new double[] {4, 2})),
            new double[] {0, 1}, new double[] {4, 2}),
        Arguments.of("same times average pointwise",
            List.of(series("a", new double[] {0, 1}, new double[] {4, 2}),
                series("a", new double[] {0, 1}, new double[] {2, 6})),
            new double[] {0, 1}, new double[] {3, 4}),
        Arguments.of("a value holds until the next sample",
            List.of(series("a", new double[] {0, 10}, new double[] {4, 0}),
                series("a", new double[] {0, 5}, new double[] {2, 8})),
            new double[] {0, 5, 10}, new double[] {3, 6, 4}),
        Arguments.of("a series counts from its first sample on",
            List.of(series("a", new double[] {0, 10}, new double[] {4, 0}),
                series("a", new double[] {5}, new double[] {8})),
            new double[] {0, 5, 10}, new double[] {4, 6, 4}),
        Arguments.of("repeated times keep the last value",
            List.of(series("a", new double[] {0, 0, 1}, new double[] {9, 1, 1}),
                series("a", new double[] {0, 1}, new double[] {3, 3})),
            new double[] {0, 1}, new double[] {2, 2}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("means")
  void meanOverSeeds(String name, List<Series> seeds, double[] t, double[] v) {
    Series mean = Charts.meanOf(seeds);
    assertThat(mean.t()).isEqualTo(t);
    assertThat(mean.v()).isEqualTo(v);
  }

  @Test
  void cdfStepsFromZeroToOneThroughEverySample() {
    double[][] p = Charts.cdfPoints(new double[] {1, 2, 2, 5});
    assertThat(p[0]).containsExactly(1, 1, 2, 2, 5);
    assertThat(p[1]).containsExactly(0, 0.25, 0.5, 0.75, 1);
  }

  @Test
  void cdfOfManySamplesKeepsTheExtremesAndAtMostTheCap() {
    double[] sorted = new double[10_001];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = i;
    }
    double[][] p = Charts.cdfPoints(sorted);
    assertThat(p[0]).hasSize(Charts.CDF_MAX_POINTS + 1);
    assertThat(p[0][1]).isEqualTo(0);
    assertThat(p[0][Charts.CDF_MAX_POINTS]).isEqualTo(10_000);
    assertThat(p[1][Charts.CDF_MAX_POINTS]).isEqualTo(1);
    for (int i = 1; i < p[0].length; i++) {
      assertThat(p[0][i]).isGreaterThanOrEqualTo(p[0][i - 1]);
    }
  }

  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of("NaN sample",
            (Runnable) () -> Charts.cdf("Delay", "s", Map.of("spread", new double[] {1, Double.NaN})),
            "cdf chart 'Delay': profile 'spread' has NaN at index 1, expected finite numbers"),
        Arguments.of("empty samples",
            (Runnable) () -> Charts.boxPlot("Delay", "s", Map.of("spread", new double[0])),
            "box plot 'Delay': profile 'spread' has no values"),
        Arguments.of("profile without series",
            (Runnable) () -> Charts.timeSeries("Pending", "pods", Map.of("spread", List.of())),
            "time series chart 'Pending': profile 'spread' has no series"),
        Arguments.of("infinite bar",
            (Runnable) () -> Charts.bars("Latency",
                Map.of("Fit", Double.POSITIVE_INFINITY)),
            "bar chart 'Latency': 'Fit' has value Infinity, expected a finite number"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInput")
  void badInputIsRejectedWithAOneLineMessage(String name, Runnable call, String message) {
    assertThatThrownBy(call::run).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
