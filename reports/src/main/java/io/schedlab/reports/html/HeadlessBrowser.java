package io.schedlab.reports.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a report in headless Chromium and reads the DOM back after load, to check what a reader
 * would see: the images decoded ({@code data-images-loaded} that the report's script sets) and
 * the ranking table present. The flags keep Chromium off the network this machine does not have.
 */
public final class HeadlessBrowser {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Pattern LOADED = Pattern.compile("data-images-loaded=\"(\\d+)/(\\d+)\"");

  /** What the browser showed. {@code loaded} and {@code total} are -1 when the script did not run. */
  public record Check(int loaded, int total, boolean rankingTable) {
    public boolean allImagesLoaded() {
      return total >= 0 && loaded == total;
    }
  }

  private HeadlessBrowser() {}

  public static boolean available() {
    return Files.isExecutable(CHROMIUM);
  }

  public static Check check(Path report, Path scratch) throws IOException, InterruptedException {
    String dom = dumpDom(report, scratch);
    Matcher m = LOADED.matcher(dom);
    int loaded = -1;
    int total = -1;
    if (m.find()) {
      loaded = Integer.parseInt(m.group(1));
      total = Integer.parseInt(m.group(2));
    }
    return new Check(loaded, total, dom.contains("<table id=\"ranking\">"));
  }

  /** The DOM after load; {@code scratch} is an empty folder for Chromium's profile. */
  public static String dumpDom(Path report, Path scratch) throws IOException,
      InterruptedException {
    Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + scratch, "--virtual-time-budget=5000", "--dump-dom",
        report.toUri().toString()))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(chromium
        .getInputStream()));
    if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
      chromium.destroyForcibly();
      throw new IOException("chromium did not finish within 90 s");
    }
    if (chromium.exitValue() != 0) {
      throw new IOException("chromium exited with status " + chromium.exitValue());
    }
    return out.join();
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
