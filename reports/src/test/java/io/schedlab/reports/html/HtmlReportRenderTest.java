package io.schedlab.reports.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a demo report in headless Chromium and reads back the DOM after load: proves the
 * embedded images decode in a real browser and nothing blocks the page. CI installs Chromium;
 * without it (a user's clone) the test is skipped.
 */
class HtmlReportRenderTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @Test
  void chromiumLoadsEveryImageAndShowsTheRanking(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + " here; CI installs it");
    ReportModel model = DemoReport.model();
    assertThat(model.charts()).hasSize(2);
    Path report = dir.resolve("report.html");
    HtmlReport.write(model, report);
    Path profile = Files.createDirectory(dir.resolve("chromium-profile"));

    String dom = dumpDom(report, profile);

    assertThat(dom).contains("data-images-loaded=\"2/2\"");
    assertThat(dom).contains("<table id=\"ranking\">");
    assertThat(dom).contains("<td class=\"name\">binpack</td>");
  }

  private static String dumpDom(Path report, Path profile) throws IOException,
      InterruptedException {
    Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--virtual-time-budget=5000", "--dump-dom",
        report.toUri().toString()))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(chromium
        .getInputStream()));
    if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
      chromium.destroyForcibly();
      throw new AssertionError("chromium did not finish within 90 s");
    }
    assertThat(chromium.exitValue()).as("chromium exit status").isZero();
    return out.join();
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
