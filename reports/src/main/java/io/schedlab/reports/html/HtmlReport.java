package io.schedlab.reports.html;

import io.schedlab.reports.Metric;
import io.schedlab.reports.html.ReportModel.Chart;
import io.schedlab.reports.html.ReportModel.Comparison;
import io.schedlab.reports.html.ReportModel.MetricRow;
import io.schedlab.reports.html.ReportModel.MetricTable;
import io.schedlab.reports.html.ReportModel.RankingRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a {@link ReportModel} as one self-contained HTML file: inline style, every chart a
 * {@code data:} URI, nothing fetched (a Content-Security-Policy forbids it), so the file can be
 * mailed or archived alone. Sections: title and description, summary and ranking
 * ({@code table#ranking}), the metric tables, the charts. Same model, same bytes.
 *
 * <p>A small inline script marks {@code <body data-images-loaded="loaded/total">} after load, so
 * a headless browser can prove every image decodes.
 */
public final class HtmlReport {
  private static final String STYLE = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,\
      sans-serif;margin:2rem auto;max-width:1000px;padding:0 1rem;color:#222;line-height:1.45}
      h1{font-size:1.7rem;margin-bottom:.3rem}
      h2{font-size:1.3rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2.2rem}
      h3{font-size:1.05rem;margin:1.6rem 0 .3rem}
      table{border-collapse:collapse;margin:.5rem 0 1rem;font-variant-numeric:tabular-nums}
      th,td{border:1px solid #ccc;padding:.25rem .6rem;text-align:right}
      th{background:#f2f2f2}
      td.name,th.name{text-align:left}
      caption{text-align:left;color:#555;font-size:.92rem;padding:.2rem 0}
      p.metric-note{margin:.2rem 0;color:#555;font-size:.92rem}
      figure{margin:1.5rem 0}
      figure img{max-width:100%;height:auto;border:1px solid #ddd}
      figcaption{color:#444;font-size:.92rem;margin-top:.3rem}
      """;

  private static final String SCRIPT = """
      window.addEventListener('load', function () {
        var images = document.images, loaded = 0;
        for (var i = 0; i < images.length; i++) {
          if (images[i].complete && images[i].naturalWidth > 0) { loaded++; }
        }
        document.body.setAttribute('data-images-loaded', loaded + '/' + images.length);
      });
      """;

  private static final String CSP = "default-src 'none'; img-src data:; "
      + "style-src 'unsafe-inline'; script-src 'unsafe-inline'";

  private HtmlReport() {}

  /** Writes {@code report.html} (or whatever {@code file} names) as UTF-8. */
  public static void write(ReportModel model, Path file) {
    try {
      Files.writeString(file, render(model), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("writing the HTML report to " + file, e);
    }
  }

  /** The whole document. */
  public static String render(ReportModel model) {
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP)
        .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(model.title())).append("</title>\n<style>\n")
        .append(STYLE).append("</style>\n</head>\n<body>\n");
    header(h, model);
    summary(h, model);
    tables(h, model);
    charts(h, model);
    h.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void header(StringBuilder h, ReportModel model) {
    h.append("<header>\n<h1>").append(escape(model.title())).append("</h1>\n");
    for (String paragraph : model.description().strip().split("\\R\\s*\\R")) {
      if (!paragraph.isBlank()) {
        h.append("<p class=\"description\">").append(escape(paragraph.strip())).append("</p>\n");
      }
    }
    h.append("</header>\n");
  }

  private static void summary(StringBuilder h, ReportModel model) {
    h.append("<section id=\"summary\">\n<h2>Summary and ranking</h2>\n");
    if (!model.summary().isEmpty()) {
      h.append("<ul class=\"summary\">\n");
      for (String line : model.summary()) {
        h.append("<li>").append(escape(line)).append("</li>\n");
      }
      h.append("</ul>\n");
    }
    h.append("<table id=\"ranking\">\n<thead><tr><th>rank</th><th class=\"name\">profile</th>")
        .append("<th>score</th>");
    for (String column : model.keyMetrics()) {
      h.append("<th>").append(escape(column)).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (RankingRow row : model.ranking()) {
      h.append("<tr><td>").append(row.rank()).append("</td><td class=\"name\">")
          .append(escape(row.profile())).append("</td><td>").append(Numbers.format(row.score()))
          .append("</td>");
      for (double v : row.keyMetrics()) {
        h.append("<td>").append(Numbers.format(v)).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n</section>\n");
  }

  private static void tables(StringBuilder h, ReportModel model) {
    h.append("<section id=\"tables\">\n<h2>Metrics</h2>\n");
    Set<String> ids = new HashSet<>();
    for (MetricTable table : model.tables()) {
      Metric metric = table.metric();
      String id = uniqueId("metric-" + slug(metric.name()), ids);
      String unit = metric.unit() == null || metric.unit().isEmpty() ? "" : " (" + metric.unit()
          + ")";
      h.append("<h3 id=\"").append(id).append("\">").append(escape(metric.name() + unit))
          .append("</h3>\n");
      StringBuilder note = new StringBuilder();
      if (metric.description() != null && !metric.description().isBlank()) {
        note.append(metric.description().strip()).append(". ");
      }
      if (metric.direction() != null) {
        note.append(metric.direction() == Metric.Direction.HIGHER_IS_BETTER
            ? "Higher is better." : "Lower is better.");
      }
      note.append(" Pairwise test: ").append(table.test()).append('.');
      h.append("<p class=\"metric-note\">").append(escape(note.toString().strip()))
          .append("</p>\n");
      h.append("<table class=\"metric\" data-metric=\"").append(escape(metric.name()))
          .append("\">\n<thead><tr><th class=\"name\">profile</th><th>n</th>")
          .append("<th>mean ± sd</th><th>95 % CI</th></tr></thead>\n<tbody>\n");
      for (MetricRow row : table.rows()) {
        h.append("<tr><td class=\"name\">").append(escape(row.profile())).append("</td><td>")
            .append(row.n()).append("</td><td>").append(Numbers.format(row.mean()))
            .append(" ± ").append(Numbers.format(row.sd())).append("</td><td>[")
            .append(Numbers.format(row.ciLow())).append(", ").append(Numbers.format(row.ciHigh()))
            .append("]</td></tr>\n");
      }
      h.append("</tbody>\n</table>\n");
      if (!table.comparisons().isEmpty()) {
        h.append("<table class=\"comparisons\" data-metric=\"").append(escape(metric.name()))
            .append("\">\n<caption>Pairwise: ").append(escape(table.test()))
            .append("</caption>\n<thead><tr><th class=\"name\">profile A</th>")
            .append("<th class=\"name\">profile B</th><th>p</th><th>significant</th></tr>")
            .append("</thead>\n<tbody>\n");
        for (Comparison c : table.comparisons()) {
          h.append("<tr><td class=\"name\">").append(escape(c.profileA()))
              .append("</td><td class=\"name\">").append(escape(c.profileB())).append("</td><td>")
              .append(escape(Numbers.pValue(c.pValue()))).append("</td><td>")
              .append(c.significant() ? "yes" : "no").append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
      }
    }
    h.append("</section>\n");
  }

  private static void charts(StringBuilder h, ReportModel model) {
    h.append("<section id=\"charts\">\n<h2>Charts</h2>\n");
    Base64.Encoder base64 = Base64.getEncoder();
    for (Chart chart : model.charts()) {
      String caption = escape(chart.caption());
      h.append("<figure>\n<img src=\"data:image/png;base64,")
          .append(base64.encodeToString(chart.png())).append("\" alt=\"").append(caption)
          .append("\" width=\"").append(chart.width()).append("\" height=\"")
          .append(chart.height()).append("\">\n<figcaption>").append(caption)
          .append("</figcaption>\n</figure>\n");
    }
    h.append("</section>\n");
  }

  /**
   * Text safe in element content and in quoted attributes. Control characters that are not
   * whitespace, which HTML does not allow, become U+FFFD.
   */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if ((c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') || c == 0x7F) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** An HTML id from a metric name: lower-case letters, digits, '-' and '_'. */
  static String slug(String name) {
    StringBuilder s = new StringBuilder(name.length());
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      s.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ? c : '-');
    }
    return s.toString();
  }

  private static String uniqueId(String id, Set<String> taken) {
    String candidate = id;
    for (int i = 2; !taken.add(candidate); i++) {
      candidate = id + "-" + i;
    }
    return candidate;
  }
}
