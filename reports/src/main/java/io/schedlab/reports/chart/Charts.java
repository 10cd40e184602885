package io.schedlab.reports.chart;

import io.schedlab.reports.Series;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report's charts, each rendered headless to the bytes of a {@link #WIDTH}×{@link #HEIGHT}
 * PNG.
 *
 * <p>Implementation note: same input, same bytes. Profiles are drawn in name order and keep their
 * palette colour by that order; fonts are the JDK's logical {@code SansSerif}; the image is drawn
 * by Java2D's software pipeline into an opaque RGB buffer (its anti-aliasing is deterministic)
 * and encoded without metadata, so nothing time- or machine-dependent enters the file beyond the
 * glyphs the font configuration resolves {@code SansSerif} to.
 */
public final class Charts {
  public static final int WIDTH = 960;
  public static final int HEIGHT = 540;

  /** Above this many points a CDF is drawn through evenly spaced quantiles: same shape, less ink. */
  static final int CDF_MAX_POINTS = 1000;

  // Okabe–Ito: distinguishable with the common colour-vision deficiencies.
  static final Color[] PALETTE = {
      new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
      new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)};

  private static final String FONT = Font.SANS_SERIF;

  static {
    // Charts are drawn on servers and in CI: never try to reach a display.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private Charts() {}

  /**
   * Lines over virtual time: per profile a thick line of the mean over its seeds and, when it has
   * more than one seed, a thin line per seed in the same colour.
   *
   * @param byProfile each profile's series, one per seed (non-empty)
   */
  public static byte[] timeSeries(String title, String yLabel, Map<String, List<Series>> byProfile) {
    return lines(title, "time (s)", yLabel, byProfile);
  }

  /**
   * As {@link #timeSeries}, over whatever the series' {@code t} measures, named by {@code xLabel}
   * (e.g. the arrived workload of the FGD experiment).
   */
  public static byte[] lines(String title, String xLabel, String yLabel,
      Map<String, List<Series>> byProfile) {
    XYSeriesCollection data = new XYSeriesCollection();
    List<Color> paints = new ArrayList<>();
    List<Boolean> means = new ArrayList<>();
    int profileIndex = 0;
    for (Map.Entry<String, List<Series>> e : sorted(byProfile, "time series chart", title)) {
      List<Series> seeds = e.getValue();
      if (seeds == null || seeds.isEmpty()) {
        throw new IllegalArgumentException("time series chart '" + title + "': profile '"
            + e.getKey() + "' has no series");
      }
      Color color = color(profileIndex++);
      data.addSeries(xy(e.getKey(), meanOf(seeds)));
      paints.add(color);
      means.add(true);
      if (seeds.size() > 1) {
        for (int i = 0; i < seeds.size(); i++) {
          data.addSeries(xy(e.getKey() + " #" + (i + 1), seeds.get(i)));
          paints.add(faded(color));
          means.add(false);
        }
      }
    }
    JFreeChart chart = themed(ChartFactory.createXYLineChart(title, xLabel, yLabel, data,
        PlotOrientation.VERTICAL, true, false, false));
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < paints.size(); i++) {
      boolean mean = means.get(i);
      renderer.setSeriesPaint(i, paints.get(i));
      renderer.setSeriesStroke(i, new BasicStroke(mean ? 2.5f : 1f));
      renderer.setSeriesVisibleInLegend(i, mean);
    }
    XYPlot plot = chart.getXYPlot();
    plot.setRenderer(renderer);
    // Seeds first, means on top of them.
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.REVERSE);
    return png(chart);
  }

  /** Empirical cumulative distribution functions, one step line per profile. */
  public static byte[] cdf(String title, String xLabel, Map<String, double[]> samples) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Map.Entry<String, double[]> e : sorted(samples, "cdf chart", title)) {
      double[] values = finite(e.getValue(), "cdf chart", title, e.getKey());
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      double[][] points = cdfPoints(sorted);
      XYSeries s = new XYSeries(e.getKey(), false, true);
      for (int i = 0; i < points[0].length; i++) {
        s.add(points[0][i], points[1][i]);
      }
      data.addSeries(s);
    }
    JFreeChart chart = themed(ChartFactory.createXYLineChart(title, xLabel, "fraction ≤ x", data,
        PlotOrientation.VERTICAL, true, false, false));
    XYStepRenderer renderer = new XYStepRenderer();
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesPaint(i, color(i));
      renderer.setSeriesStroke(i, new BasicStroke(2f));
    }
    XYPlot plot = chart.getXYPlot();
    plot.setRenderer(renderer);
    NumberAxis y = (NumberAxis) plot.getRangeAxis();
    y.setRange(0, 1.0);
    return png(chart);
  }

  /** Box plots (Tukey whiskers at 1.5 IQR, outliers as points), per profile. */
  public static byte[] boxPlot(String title, String yLabel, Map<String, double[]> samples) {
    DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
    double lowest = Double.POSITIVE_INFINITY;
    double highest = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, double[]> e : sorted(samples, "box plot", title)) {
      BoxStats b = BoxStats.of(finite(e.getValue(), "box plot", title, e.getKey()));
      List<Double> outliers = new ArrayList<>(b.outliers().length);
      for (double o : b.outliers()) {
        outliers.add(o);
      }
      double min = outliers.isEmpty() ? b.lowWhisker() : Math.min(b.lowWhisker(), outliers.get(0));
      double max = outliers.isEmpty() ? b.highWhisker()
          : Math.max(b.highWhisker(), outliers.get(outliers.size() - 1));
      // JFreeChart's "outlier" bounds set the axis range and clip what lies beyond to an arrow:
      // the extremes keep every outlier visible as a point.
      data.add(new BoxAndWhiskerItem(b.mean(), b.median(), b.q1(), b.q3(), b.lowWhisker(),
          b.highWhisker(), min, max, outliers), "samples", e.getKey());
      lowest = Math.min(lowest, min);
      highest = Math.max(highest, max);
    }
    JFreeChart chart =
        themed(ChartFactory.createBoxAndWhiskerChart(title, null, yLabel, data, false));
    BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
    renderer.setSeriesPaint(0, faded(color(0)));
    renderer.setSeriesOutlinePaint(0, color(0));
    renderer.setArtifactPaint(Color.BLACK);
    renderer.setMaximumBarWidth(0.12);
    renderer.setFillBox(true);
    renderer.setUseOutlinePaintForWhiskers(true);
    // JFreeChart sizes the mean's dot by the box width: at report sizes it hides the median.
    renderer.setMeanVisible(false);
    chart.getCategoryPlot().setRenderer(renderer);
    // The dataset's own bounds stop at the whiskers; the axis must reach the outliers too.
    if (highest > lowest) {
      double margin = (highest - lowest) * 0.05;
      chart.getCategoryPlot().getRangeAxis().setRange(lowest - margin, highest + margin);
    }
    return png(chart);
  }

  /** Horizontal bars, largest first, e.g. the mean latency of each plugin. */
  public static byte[] bars(String title, Map<String, Double> values) {
    return bars(title, null, values);
  }

  /** Horizontal bars, largest first, with a label on the value axis (e.g. "mean latency (µs)"). */
  public static byte[] bars(String title, String valueLabel, Map<String, Double> values) {
    List<Map.Entry<String, Double>> entries = new ArrayList<>(sorted(values, "bar chart", title));
    for (Map.Entry<String, Double> e : entries) {
      Double v = e.getValue();
      if (v == null || !Double.isFinite(v)) {
        throw new IllegalArgumentException("bar chart '" + title + "': '" + e.getKey()
            + "' has value " + v + ", expected a finite number");
      }
    }
    entries.sort((a, b) -> {
      int byValue = Double.compare(b.getValue(), a.getValue());
      return byValue != 0 ? byValue : a.getKey().compareTo(b.getKey());
    });
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Map.Entry<String, Double> e : entries) {
      data.addValue(e.getValue(), "value", e.getKey());
    }
    JFreeChart chart = themed(ChartFactory.createBarChart(title, null, valueLabel, data,
        PlotOrientation.HORIZONTAL, false, false, false));
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, color(0));
    renderer.setMaximumBarWidth(0.08);
    plot.setRenderer(renderer);
    // Horizontal bars put the value axis on top by default; readers look for it below.
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    return png(chart);
  }

  /**
   * Grouped horizontal bars with error bars: for each name (a benchmark) one bar per group (e.g.
   * baseline, current), each {@code {value, error}}; a NaN error draws no bar end.
   */
  public static byte[] barsWithErrors(String title, String valueLabel,
      Map<String, Map<String, double[]>> byGroup) {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("error-bar chart: expected a title");
    }
    org.jfree.data.statistics.DefaultStatisticalCategoryDataset data =
        new org.jfree.data.statistics.DefaultStatisticalCategoryDataset();
    int group = 0;
    for (Map.Entry<String, Map<String, double[]>> g : new TreeMap<>(byGroup).entrySet()) {
      for (Map.Entry<String, double[]> e : new TreeMap<>(g.getValue()).entrySet()) {
        double[] ve = e.getValue();
        if (ve.length != 2 || !Double.isFinite(ve[0])) {
          throw new IllegalArgumentException("error-bar chart '" + title + "': '" + e.getKey()
              + "' needs a finite value and an error");
        }
        data.add(ve[0], Double.isFinite(ve[1]) ? ve[1] : 0, g.getKey(), e.getKey());
      }
      group++;
    }
    if (group == 0) {
      throw new IllegalArgumentException("error-bar chart '" + title + "': no values");
    }
    JFreeChart chart = themed(ChartFactory.createBarChart(title, null, valueLabel, data,
        PlotOrientation.HORIZONTAL, group > 1, false, false));
    CategoryPlot plot = chart.getCategoryPlot();
    org.jfree.chart.renderer.category.StatisticalBarRenderer renderer =
        new org.jfree.chart.renderer.category.StatisticalBarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setErrorIndicatorPaint(java.awt.Color.DARK_GRAY);
    for (int i = 0; i < group; i++) {
      renderer.setSeriesPaint(i, color(i));
    }
    plot.setRenderer(renderer);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    return png(chart);
  }

  /**
   * The mean of a profile's seed series over the union of their times. A series holds its last
   * value until its next sample (the metrics are gauges sampled on change) and counts only from
   * its first sample on. Series with the same times average pointwise.
   */
  static Series meanOf(List<Series> seeds) {
    Series first = seeds.get(0);
    if (seeds.size() == 1) {
      return first;
    }
    TreeMap<Double, Boolean> union = new TreeMap<>();
    for (Series s : seeds) {
      for (double t : s.t()) {
        union.put(t, Boolean.TRUE);
      }
    }
    double[] times = new double[union.size()];
    int n = 0;
    for (double t : union.keySet()) {
      times[n++] = t;
    }
    double[] means = new double[n];
    int[] next = new int[seeds.size()];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      int count = 0;
      for (int k = 0; k < seeds.size(); k++) {
        Series s = seeds.get(k);
        // Advance past every sample at or before times[i]; equal times keep the last value.
        while (next[k] < s.size() && s.t()[next[k]] <= times[i]) {
          next[k]++;
        }
        if (next[k] > 0) {
          sum += s.v()[next[k] - 1];
          count++;
        }
      }
      means[i] = sum / count;
    }
    return new Series(first.name(), first.unit(), times, means);
  }

  /**
   * Points of the step CDF of ascending {@code sorted}: {@code [x[], fraction[]]}, starting at
   * fraction 0 at the minimum. Past {@link #CDF_MAX_POINTS} samples, evenly spaced order
   * statistics (always including the minimum and maximum).
   */
  static double[][] cdfPoints(double[] sorted) {
    int n = sorted.length;
    int steps = Math.min(n, CDF_MAX_POINTS);
    double[] x = new double[steps + 1];
    double[] f = new double[steps + 1];
    x[0] = sorted[0];
    f[0] = 0;
    for (int j = 1; j <= steps; j++) {
      int index = n == steps ? j - 1 : (int) Math.round((double) (j - 1) * (n - 1) / (steps - 1));
      x[j] = sorted[index];
      f[j] = (index + 1) / (double) n;
    }
    return new double[][] {x, f};
  }

  static Color color(int index) {
    return PALETTE[index % PALETTE.length];
  }

  private static Color faded(Color c) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), 90);
  }

  private static XYSeries xy(String key, Series s) {
    XYSeries xy = new XYSeries(key, false, true);
    for (int i = 0; i < s.size(); i++) {
      xy.add(s.t()[i], s.v()[i]);
    }
    return xy;
  }

  private static <V> List<Map.Entry<String, V>> sorted(Map<String, V> byName, String what,
      String title) {
    if (title == null) {
      throw new IllegalArgumentException(what + ": title is missing");
    }
    if (byName == null) {
      throw new IllegalArgumentException(what + " '" + title + "': no data map given");
    }
    return new ArrayList<>(new TreeMap<>(byName).entrySet());
  }

  private static double[] finite(double[] values, String what, String title, String profile) {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException(what + " '" + title + "': profile '" + profile
          + "' has no values");
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(what + " '" + title + "': profile '" + profile
            + "' has " + values[i] + " at index " + i + ", expected finite numbers");
      }
    }
    return values;
  }

  private static StandardChartTheme theme() {
    StandardChartTheme t = new StandardChartTheme("schedlab", false);
    t.setExtraLargeFont(new Font(FONT, Font.BOLD, 18));
    t.setLargeFont(new Font(FONT, Font.BOLD, 14));
    t.setRegularFont(new Font(FONT, Font.PLAIN, 12));
    t.setSmallFont(new Font(FONT, Font.PLAIN, 10));
    t.setChartBackgroundPaint(Color.WHITE);
    t.setPlotBackgroundPaint(Color.WHITE);
    t.setDomainGridlinePaint(new Color(0xDDDDDD));
    t.setRangeGridlinePaint(new Color(0xDDDDDD));
    t.setBarPainter(new StandardBarPainter());
    t.setXYBarPainter(new StandardXYBarPainter());
    t.setShadowVisible(false);
    return t;
  }

  /** Applies the theme; before the renderers get their colours, as applying resets them. */
  private static JFreeChart themed(JFreeChart chart) {
    theme().apply(chart);
    return chart;
  }

  private static byte[] png(JFreeChart chart) {
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS,
          RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
    } finally {
      g.dispose();
    }
    return encode(image);
  }

  private static byte[] encode(BufferedImage image) {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
    if (!writers.hasNext()) {
      throw new IllegalStateException("this JDK has no PNG encoder");
    }
    ImageWriter writer = writers.next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    // In memory: ImageIO's default file cache would touch the temp directory.
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), writer.getDefaultWriteParam());
    } catch (IOException e) {
      throw new UncheckedIOException("encoding a chart as PNG", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
