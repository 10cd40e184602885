package io.schedlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.reports.html.HeadlessBrowser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command, as a new user runs it: a comparison of three profiles on the bundled
 * openb trace. Its report is then opened in headless Chromium (which CI installs): every image
 * must load and the ranking table must be there.
 */
class ReadmeDemoTest {
  private static final String OPENB = "traces/samples/alibaba-gpu-v2023/";

  @Test
  void theMainCommandWritesAReportABrowserShows(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("compare-report");
    Cli r = Cli.run("compare", "--trace", Cli.repoPath(OPENB + "openb_node_list_gpu_node.csv"),
        Cli.repoPath(OPENB + "openb_pod_list_default.csv"), "--from", "alibaba-gpu-2023",
        "--fill", "100ms", "--profiles", "default",
        Cli.repoPath("traces/samples/profiles/most-allocated.yaml"),
        Cli.repoPath("traces/samples/profiles/fgd-openb.yaml"), "--seeds", "1-3", "--out",
        out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("fgd-openb").contains("most-allocated").contains("default");
    List<String> rows = Files.readAllLines(out.resolve("summary.csv"));
    assertThat(rows).anyMatch(l -> l.startsWith(
        "fgd-openb,3,alibabacloud_com_gpu_milli_allocation_mean_pct,%,"));
    if (HeadlessBrowser.available()) {
      HeadlessBrowser.Check c = HeadlessBrowser.check(out.resolve("report.html"),
          Files.createDirectory(dir.resolve("chromium")));
      assertThat(c.rankingTable()).isTrue();
      assertThat(c.allImagesLoaded()).as(c.toString()).isTrue();
      assertThat(c.total()).isGreaterThanOrEqualTo(5);
    }
  }
}
