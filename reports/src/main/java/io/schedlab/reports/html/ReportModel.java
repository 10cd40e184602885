package io.schedlab.reports.html;

import io.schedlab.reports.Metric;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link HtmlReport} renders, free of how it was computed: the compare command maps its
 * statistics into it.
 *
 * @param description free text; blank lines separate paragraphs
 * @param summary short sentences shown above the ranking (may be empty)
 * @param keyMetrics column headers of the ranking's key metrics, e.g. {@code "delay p50 (s)"}
 * @param ranking best first
 */
public record ReportModel(String title, String description, List<String> summary,
    List<String> keyMetrics, List<RankingRow> ranking, List<MetricTable> tables,
    List<Chart> charts) {
  public ReportModel {
    require(title, "title");
    require(description, "description");
    summary = List.copyOf(summary);
    keyMetrics = List.copyOf(keyMetrics);
    ranking = List.copyOf(ranking);
    tables = List.copyOf(tables);
    charts = List.copyOf(charts);
    for (RankingRow row : ranking) {
      if (row.keyMetrics().size() != keyMetrics.size()) {
        throw new IllegalArgumentException("ranking row of profile '" + row.profile() + "': "
            + row.keyMetrics().size() + " key metric values but " + keyMetrics.size()
            + " key metric columns");
      }
    }
  }

  /**
   * One profile's place.
   *
   * @param keyMetrics values in the order of {@link ReportModel#keyMetrics()}; NaN when unknown
   */
  public record RankingRow(int rank, String profile, double score, List<Double> keyMetrics) {
    public RankingRow {
      require(profile, "ranking row profile");
      keyMetrics = List.copyOf(keyMetrics);
    }
  }

  /**
   * One metric over the profiles.
   *
   * @param test the pairwise test, stated as the reader should see it, e.g. {@code "Welch
   *     t-test, two-sided, α = 0.05"}
   * @param comparisons the pairwise results (may be empty)
   */
  public record MetricTable(Metric metric, String test, List<MetricRow> rows,
      List<Comparison> comparisons) {
    public MetricTable {
      if (metric == null) {
        throw new IllegalArgumentException("metric table: metric is missing");
      }
      require(test, "metric table '" + metric.name() + "' test");
      rows = List.copyOf(rows);
      comparisons = List.copyOf(comparisons);
    }
  }

  /** A profile's sample of one metric over seeds: size, mean, standard deviation, 95 % CI. */
  public record MetricRow(String profile, int n, double mean, double sd, double ciLow,
      double ciHigh) {
    public MetricRow {
      require(profile, "metric row profile");
    }
  }

  /** The pairwise test between two profiles on one metric. */
  public record Comparison(String profileA, String profileB, double pValue,
      boolean significant) {
    public Comparison {
      require(profileA, "comparison profileA");
      require(profileB, "comparison profileB");
    }
  }

  /** A chart image: PNG bytes and the caption shown under it (also its alt text). */
  public record Chart(String caption, byte[] png) {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A,
        '\n'};

    public Chart {
      require(caption, "chart caption");
      if (png == null || png.length < 24
          || !Arrays.equals(png, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
        throw new IllegalArgumentException("chart '" + caption + "': the image is not a PNG");
      }
      png = png.clone();
    }

    @Override
    public byte[] png() {
      return png.clone();
    }

    /** Width in pixels, from the PNG header. */
    public int width() {
      return headerInt(16);
    }

    /** Height in pixels, from the PNG header. */
    public int height() {
      return headerInt(20);
    }

    private int headerInt(int at) {
      return (png[at] & 0xFF) << 24 | (png[at + 1] & 0xFF) << 16 | (png[at + 2] & 0xFF) << 8
          | png[at + 3] & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Chart c && c.caption.equals(caption) && Arrays.equals(c.png, png);
    }

    @Override
    public int hashCode() {
      return caption.hashCode() * 31 + Arrays.hashCode(png);
    }

    @Override
    public String toString() {
      return "Chart[caption=" + caption + ", png=" + png.length + " bytes]";
    }
  }

  private static void require(String value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("report: " + field + " is missing");
    }
  }
}
