package io.schedlab.traces.philly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.traces.EventText;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Philly2017FormatTest {
  static final Path FOLDER = Path.of("src/test/resources/microsoft-philly-2017");
  static final Philly2017Format FORMAT = new Philly2017Format();

  @Test
  void theShippedFilesGiveTheirFigures() throws IOException {
    List<String> runtimes = Files.readAllLines(FOLDER.resolve(Philly2017Format.RUNTIMES));
    BigDecimal totalSeconds = BigDecimal.ZERO;
    for (String r : runtimes.subList(1, runtimes.size())) {
      totalSeconds = totalSeconds.add(new BigDecimal(r));
    }
    long nodes = 0, gpus = 0, small = 0, pods = 0, totalNanos = 0, maxNanos = 0;
    try (TraceSource s = FORMAT.open(List.of(FOLDER), TraceOptions.DEFAULTS)) {
      TraceEvent e;
      while ((e = s.next()) != null) {
        assertThat(e.timeNanos()).isZero();
        if (e instanceof TraceEvent.NodeAdded a) {
          assertThat(pods).isZero();
          nodes++;
          long g = a.node().status().capacity().get("nvidia.com/gpu").toBigDecimal().longValueExact();
          gpus += g;
          if (g == 2 && a.node().metadata().labels().get("philly/gpu-memory").equals("12GB")) {
            small++;
          }
        } else if (e instanceof TraceEvent.PodSubmitted p) {
          pods++;
          totalNanos += p.durationNanos();
          maxNanos = Math.max(maxNanos, p.durationNanos());
        }
      }
    }
    assertThat(nodes).isEqualTo(552);
    assertThat(small).isEqualTo(321);
    assertThat(gpus).isEqualTo(2490);
    assertThat(pods).isEqualTo(83_154).isEqualTo(runtimes.size() - 1);
    assertThat(BigDecimal.valueOf(totalNanos, 9)).isEqualByComparingTo(totalSeconds).isEqualByComparingTo("1215156667");
    assertThat(maxNanos).isEqualTo(4_628_239_000_000_000L);
  }

  @Test
  void mapsRowsExactly(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(Philly2017Format.MACHINE_LIST), "machineId, number of GPUs, single GPU mem\nm7,8, 24GB\n");
    Files.writeString(dir.resolve(Philly2017Format.RUNTIMES), "runtime\n1186.0\n");
    try (TraceSource s = FORMAT.open(List.of(dir), TraceOptions.DEFAULTS)) {
      assertThat(EventText.readAll(s)).containsExactly(
          "0 add m7 {nvidia.com/gpu=8, pods=110} {kubernetes.io/hostname=m7, philly/gpu-memory=24GB}",
          "0 submit philly/job-0 duration=1186000000000");
    }
  }

  @Test
  void badRowsNameFileAndLine(@TempDir Path dir) throws IOException {
    Path list = dir.resolve(Philly2017Format.MACHINE_LIST);
    Files.writeString(list, "machineId, number of GPUs, single GPU mem\nm7,8, 24GB\nm8,two, 24GB\nm9,2, 12 GB\n");
    assertThatThrownBy(() -> EventText.readAll(FORMAT.open(List.of(list), TraceOptions.DEFAULTS)))
        .isInstanceOf(TraceFormatException.class)
        .hasMessage("cluster_machine_list:3: number of GPUs: expected a non-negative integer, got \"two\"");
    try (TraceSource s = FORMAT.open(List.of(list), new TraceOptions(true, Map.of()))) {
      assertThat(EventText.readAll(s)).hasSize(1);
      assertThat(s.badRows()).isEqualTo(2);
    }
    Path runtimes = dir.resolve(Philly2017Format.RUNTIMES);
    Files.writeString(runtimes, "seconds\n1.0\n");
    assertThatThrownBy(() -> EventText.readAll(FORMAT.open(List.of(runtimes), TraceOptions.DEFAULTS)))
        .isInstanceOf(TraceFormatException.class)
        .hasMessage("philly_runtime.csv:1: header: expected \"runtime\", got \"seconds\"");
  }
}
