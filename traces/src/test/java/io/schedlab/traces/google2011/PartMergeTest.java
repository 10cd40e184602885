package io.schedlab.traces.google2011;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many interleaved gzip parts merge into one time-ordered stream. */
class PartMergeTest {
  static final int PARTS = 4;
  static final int ROWS_PER_PART = 50_000;

  @Test
  void interleavedPartsComeOutInTimeOrder(@TempDir Path dir) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("task_events"));
    for (int p = 0; p < PARTS; p++) {
      Path part = folder.resolve(String.format("part-%05d-of-%05d.csv.gz", p, PARTS));
      try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(part)), StandardCharsets.UTF_8)) {
        for (int i = 0; i < ROWS_PER_PART; i++) {
          long time = 600_000_000L + (long) i * PARTS + (PARTS - 1 - p); // parts interleave, last part first
          int type = i % 2 == 0 ? 0 : 4;
          w.write(time + ",," + p + "," + (i / 2) + ",,"+ type + ",U,1,5,0.01,0.02,,0\n");
        }
      }
    }
    long start = System.nanoTime();
    long events = 0, submits = 0, last = Long.MIN_VALUE;
    boolean ordered = true;
    try (TraceSource s = new GoogleClusterData2011Format().open(List.of(dir), TraceOptions.DEFAULTS)) {
      TraceEvent e;
      while ((e = s.next()) != null) {
        ordered &= e.timeNanos() > last;
        last = e.timeNanos();
        events++;
        submits += e instanceof TraceEvent.PodSubmitted ? 1 : 0;
      }
    }
    long nanos = System.nanoTime() - start;
    System.out.printf("google-2011: %d events from %d gzip parts in %d ms (%.0f events/s)%n",
        events, PARTS, nanos / 1_000_000, events * 1e9 / nanos);
    assertThat(ordered).isTrue();
    assertThat(events).isEqualTo((long) PARTS * ROWS_PER_PART);
    assertThat(submits).isEqualTo(events / 2);
    assertThat(last).isEqualTo((600_000_000L + (long) (ROWS_PER_PART - 1) * PARTS + PARTS - 1) * 1000);
  }
}
