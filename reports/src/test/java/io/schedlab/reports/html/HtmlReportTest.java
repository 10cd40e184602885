package io.schedlab.reports.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.reports.Metric;
import io.schedlab.reports.Metric.Direction;
import io.schedlab.reports.html.ReportModel.Chart;
import io.schedlab.reports.html.ReportModel.MetricRow;
import io.schedlab.reports.html.ReportModel.MetricTable;
import io.schedlab.reports.html.ReportModel.RankingRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HtmlReportTest {
  private static final ReportModel DEMO = DemoReport.model();

  @Test
  void sectionsComeInOrderTitleSummaryRankingTablesCharts() {
    String html = HtmlReport.render(DEMO);
    int title = html.indexOf("<h1>");
    int description = html.indexOf("<p class=\"description\">Two profiles");
    int summary = html.indexOf("binpack ranks first on 2 of 2 metrics.");
    int ranking = html.indexOf("<table id=\"ranking\">");
    int tables = html.indexOf("<section id=\"tables\">");
    int charts = html.indexOf("<section id=\"charts\">");
    assertThat(List.of(title, description, summary, ranking, tables, charts))
        .doesNotContain(-1).isSorted();
  }

  @Test
  void theRankingHasRankProfileScoreAndTheKeyMetrics() {
    String html = HtmlReport.render(DEMO);
    assertThat(html).contains("<thead><tr><th>rank</th><th class=\"name\">profile</th>"
        + "<th>score</th><th>queueing_delay_p50_s (s)</th><th>cpu_allocation_mean (%)</th>"
        + "</tr></thead>");
    assertThat(html).contains("<tr><td>1</td><td class=\"name\">binpack</td><td>0.8125</td>"
        + "<td>1.02</td><td>81.4</td></tr>");
    assertThat(html).contains("<tr><td>2</td><td class=\"name\">spread</td><td>0.1875</td>"
        + "<td>1.41</td><td>73.25</td></tr>");
  }

  @Test
  void eachMetricTableShowsNMeanSdCiAndStatesItsTest() {
    String html = HtmlReport.render(DEMO);
    assertThat(html).contains("<h3 id=\"metric-queueing_delay_p50_s\">queueing_delay_p50_s (s)</h3>");
    assertThat(html).contains("Median time from creation to binding. Lower is better. "
        + "Pairwise test: Welch t-test, two-sided, α = 0.05.");
    assertThat(html).contains("<tr><td class=\"name\">binpack</td><td>5</td>"
        + "<td>1.02 ± 0.1104</td><td>[0.8829, 1.157]</td></tr>");
    assertThat(html).contains("<tr><td class=\"name\">binpack</td><td class=\"name\">spread"
        + "</td><td>0.004</td><td>yes</td></tr>");
    assertThat(html).contains("<td>&lt; 0.001</td>");
  }

  @Test
  void everyImageIsEmbeddedAsTheChartsOwnPngAndNothingIsFetched() {
    String html = HtmlReport.render(DEMO);
    Matcher src = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\" alt=\""
        + "([^\"]*)\" width=\"960\" height=\"540\">").matcher(html);
    List<byte[]> embedded = new ArrayList<>();
    while (src.find()) {
      embedded.add(Base64.getDecoder().decode(src.group(1)));
    }
    assertThat(embedded).hasSize(2);
    assertThat(embedded.get(0)).isEqualTo(DEMO.charts().get(0).png());
    assertThat(embedded.get(1)).isEqualTo(DEMO.charts().get(1).png());
    assertThat(html).contains("<figcaption>CDF of queueing delay, all pods of all seeds"
        + "</figcaption>");
    assertThat(html).doesNotContain("http:").doesNotContain("https:").doesNotContain("<link")
        .doesNotContain("url(").doesNotContain("@import");
    assertThat(html).contains("default-src 'none'; img-src data:");
  }

  @Test
  void theScriptCountsLoadedImagesOnTheBody() {
    String html = HtmlReport.render(DEMO);
    assertThat(html).contains("document.body.setAttribute('data-images-loaded', loaded + '/' + "
        + "images.length)");
    assertThat(html).contains("images[i].complete && images[i].naturalWidth > 0");
  }

  @Test
  void sameModelSameBytes(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a.html");
    Path b = dir.resolve("b.html");
    HtmlReport.write(DemoReport.model(), a);
    HtmlReport.write(DemoReport.model(), b);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    assertThat(Files.readString(a, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>");
  }

  static Stream<Arguments> escapes() {
    return Stream.of(
        Arguments.of("markup", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        Arguments.of("ampersand first", "a &amp; b", "a &amp;amp; b"),
        Arguments.of("quotes for attributes", "say \"hi\" 'there'",
            "say &quot;hi&quot; &#39;there&#39;"),
        Arguments.of("control characters", "a\u0000b\u0007c\td\ne", "a\uFFFDb\uFFFDc\td\ne"),
        Arguments.of("unicode passes", "α ≤ µs ± 1", "α ≤ µs ± 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("escapes")
  void escape(String name, String text, String expected) {
    assertThat(HtmlReport.escape(text)).isEqualTo(expected);
  }

  @Test
  void everyTextOfTheModelIsEscaped() {
    String evil = "<b onclick=\"x()\">&'";
    String escaped = "&lt;b onclick=&quot;x()&quot;&gt;&amp;&#39;";
    byte[] png = DEMO.charts().get(0).png();
    ReportModel model = new ReportModel(evil, evil, List.of(evil), List.of(evil),
        List.of(new RankingRow(1, evil, 1, List.of(2.0))),
        List.of(new MetricTable(new Metric(evil, evil, Direction.LOWER_IS_BETTER, evil), evil,
            List.of(new MetricRow(evil, 3, 1, 0.5, 0.2, 1.8)),
            List.of(new ReportModel.Comparison(evil, evil, 0.5, false)))),
        List.of(new Chart(evil, png)));
    String html = HtmlReport.render(model);
    assertThat(html).doesNotContain("<b ").doesNotContain(evil);
    // <title>, h1, description, summary, key metric header, ranking profile, h3 name and unit,
    // note description and test, data-metric (2), metric row profile, comparison caption, both
    // comparison profiles, alt, figcaption
    assertThat(count(html, escaped)).isEqualTo(18);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void metricIdsAreSlugsAndUnique() {
    assertThat(HtmlReport.slug("Queueing Delay/p99 (s)")).isEqualTo("queueing-delay-p99--s-");
    Metric m = new Metric("a b", "", Direction.LOWER_IS_BETTER, "");
    Metric n = new Metric("a-b", "", Direction.LOWER_IS_BETTER, "");
    ReportModel model = new ReportModel("t", "", List.of(), List.of(), List.of(),
        List.of(new MetricTable(m, "Welch t-test", List.of(), List.of()),
            new MetricTable(n, "Welch t-test", List.of(), List.of())),
        List.of());
    String html = HtmlReport.render(model);
    assertThat(html).contains("<h3 id=\"metric-a-b\">a b</h3>")
        .contains("<h3 id=\"metric-a-b-2\">a-b</h3>");
  }

  static Stream<Arguments> numbers() {
    return Stream.of(
        Arguments.of("zero", 0.0, "0"),
        Arguments.of("negative zero", -0.0, "0"),
        Arguments.of("integer digits are kept", 123456.7, "123457"),
        Arguments.of("four significant digits", 3.14159, "3.142"),
        Arguments.of("trailing zeros dropped", 2.5, "2.5"),
        Arguments.of("small", 0.0012345, "0.001234"),
        Arguments.of("negative", -12.3456, "-12.35"),
        Arguments.of("tiny goes scientific", 0.00001234, "1.234e-05"),
        Arguments.of("huge goes scientific", 1.5e16, "1.500e+16"),
        Arguments.of("not a number", Double.NaN, "n/a"),
        Arguments.of("infinity", Double.POSITIVE_INFINITY, "∞"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("numbers")
  void numbersAreWrittenTheSameEverywhere(String name, double x, String expected) {
    assertThat(Numbers.format(x)).isEqualTo(expected);
  }

  static Stream<Arguments> badModels() {
    byte[] png = DEMO.charts().get(0).png();
    return Stream.of(
        Arguments.of("not a png",
            (Runnable) () -> new Chart("Pending", "GIF89a-not-really-a-png-file".getBytes(
                StandardCharsets.US_ASCII)),
            "chart 'Pending': the image is not a PNG"),
        Arguments.of("key metric count differs from the columns",
            (Runnable) () -> new ReportModel("t", "d", List.of(), List.of("delay"),
                List.of(new RankingRow(1, "spread", 1, List.of())), List.of(),
                List.of(new Chart("c", png))),
            "ranking row of profile 'spread': 0 key metric values but 1 key metric columns"),
        Arguments.of("missing title",
            (Runnable) () -> new ReportModel(null, "d", List.of(), List.of(), List.of(),
                List.of(), List.of()),
            "report: title is missing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badModels")
  void badModelsAreRejected(String name, Runnable build, String message) {
    assertThatThrownBy(build::run).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
