package io.schedlab.reports.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a demo report in headless Chromium and reads back the DOM after load: proves the
 * embedded images decode in a real browser and nothing blocks the page. CI installs Chromium;
 * without it (a user's clone) the test is skipped.
 */
class HtmlReportRenderTest {
  @Test
  void chromiumLoadsEveryImageAndShowsTheRanking(@TempDir Path dir) throws Exception {
    assumeTrue(HeadlessBrowser.available(), "no " + HeadlessBrowser.CHROMIUM + " here; CI installs it");
    ReportModel model = DemoReport.model();
    assertThat(model.charts()).hasSize(2);
    Path report = dir.resolve("report.html");
    HtmlReport.write(model, report);
    Path profile = Files.createDirectory(dir.resolve("chromium-profile"));

    String dom = HeadlessBrowser.dumpDom(report, profile);

    assertThat(dom).contains("data-images-loaded=\"2/2\"");
    assertThat(dom).contains("<table id=\"ranking\">");
    assertThat(dom).contains("<td class=\"name\">binpack</td>");
  }
}
