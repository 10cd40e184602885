package io.schedlab.traces.alibaba2025;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.Quantity;
import io.schedlab.traces.EventText;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlibabaGpu2025FormatTest {
  static final Path FOLDER = Path.of("src/test/resources/alibaba-cluster-trace-gpu-v2025");
  static final AlibabaGpu2025Format FORMAT = new AlibabaGpu2025Format();
  static final BigDecimal GIB = BigDecimal.valueOf(1L << 30);

  @Test
  void theShippedFileGivesItsPublishedFigures() throws IOException {
    // Independent totals straight from the CSV text.
    List<String> lines = Files.readAllLines(FOLDER.resolve(AlibabaGpu2025Format.FILE));
    BigDecimal cpu = BigDecimal.ZERO;
    BigDecimal memory = BigDecimal.ZERO;
    BigDecimal diskLimit = BigDecimal.ZERO;
    long deletions = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      cpu = cpu.add(new BigDecimal(f[3]));
      memory = memory.add(new BigDecimal(f[9]));
      diskLimit = diskLimit.add(new BigDecimal(f[12]));
      deletions += f[16].isEmpty() ? 0 : 1;
    }

    long pods = 0, cn = 0, hn = 0, gpus = 0, rdma = 0, perNode = 0, durations = 0, deleted = 0;
    BigDecimal cpuRead = BigDecimal.ZERO, memoryRead = BigDecimal.ZERO, diskRead = BigDecimal.ZERO;
    Set<String> apps = new HashSet<>();
    long last = Long.MIN_VALUE;
    try (TraceSource s = FORMAT.open(List.of(FOLDER), TraceOptions.DEFAULTS)) {
      TraceEvent e;
      while ((e = s.next()) != null) {
        assertThat(e.timeNanos()).isGreaterThanOrEqualTo(last);
        last = e.timeNanos();
        if (e instanceof TraceEvent.PodSubmitted p) {
          pods++;
          var labels = p.pod().metadata().labels();
          apps.add(labels.get("app"));
          if (labels.get("alibabacloud.com/role").equals("CN")) {
            cn++;
          } else {
            hn++;
          }
          Map<String, Quantity> req = p.pod().spec().containers().get(0).resources().requests();
          Map<String, Quantity> lim = p.pod().spec().containers().get(0).resources().limits();
          cpuRead = cpuRead.add(req.get("cpu").toBigDecimal());
          memoryRead = memoryRead.add(req.get("memory").toBigDecimal());
          diskRead = diskRead.add(lim.get("ephemeral-storage").toBigDecimal());
          gpus += req.containsKey("nvidia.com/gpu") ? req.get("nvidia.com/gpu").toBigDecimal().longValueExact() : 0;
          rdma += req.get("alibabacloud.com/rdma").toBigDecimal().longValueExact();
          perNode += p.pod().metadata().annotations().containsKey("alibabacloud.com/max-instance-per-node") ? 1 : 0;
          durations += p.durationNanos() == TraceEvent.PodSubmitted.UNKNOWN_DURATION ? 0 : 1;
        } else if (e instanceof TraceEvent.PodDeleted) {
          deleted++;
        }
      }
    }
    assertThat(pods).isEqualTo(23_871).isEqualTo(lines.size() - 1);
    assertThat(cn).isEqualTo(16_485);
    assertThat(hn).isEqualTo(7_386);
    assertThat(apps).hasSize(156);
    assertThat(gpus).isEqualTo(7_386);
    assertThat(rdma).isEqualTo(496_680);
    assertThat(cpuRead).isEqualByComparingTo(cpu).isEqualByComparingTo("1252594");
    assertThat(memoryRead).isEqualByComparingTo(memory.multiply(GIB)).isEqualByComparingTo(new BigDecimal("6345408.5").multiply(GIB));
    assertThat(diskRead).isEqualByComparingTo(diskLimit.multiply(GIB));
    assertThat(deleted).isEqualTo(deletions).isEqualTo(23_871 - 8_878);
    assertThat(perNode).isEqualTo(23_871 - 12_248);
    assertThat(durations).isEqualTo(12_390);
  }

  @Test
  void mapsARowExactly(@TempDir Path dir) throws IOException {
    Path file = dir.resolve(AlibabaGpu2025Format.FILE);
    Files.writeString(file, AlibabaGpu2025Format.HEADER + "\n"
        + "instance_7281,CN,app_88,64,64,0,0,1,1,320.0,320.0,255.0,300.0,-1,610.0,683.0,91730.0\n"
        + "instance_0,HN,app_0,12,12,1,1,25,25,120.0,120.0,640.0,800.0,8,,,\n");
    try (TraceSource s = FORMAT.open(List.of(file), TraceOptions.DEFAULTS)) {
      assertThat(EventText.readAll(s)).containsExactly(
          "0 submit alibaba-2025/instance_0 req={alibabacloud.com/rdma=25, cpu=12, ephemeral-storage=640Gi,"
              + " memory=120Gi, nvidia.com/gpu=1} lim={alibabacloud.com/rdma=25, cpu=12, ephemeral-storage=800Gi,"
              + " memory=120Gi, nvidia.com/gpu=1} labels={alibabacloud.com/role=HN, app=app_0}"
              + " ann={alibabacloud.com/max-instance-per-node=8}",
          "610000000000 submit alibaba-2025/instance_7281 req={alibabacloud.com/rdma=1, cpu=64,"
              + " ephemeral-storage=255Gi, memory=320Gi} lim={alibabacloud.com/rdma=1, cpu=64,"
              + " ephemeral-storage=300Gi, memory=320Gi} labels={alibabacloud.com/role=CN, app=app_88}"
              + " duration=91047000000000",
          "91730000000000 delete alibaba-2025/instance_7281 DELETED");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "role|instance_1,XN,app_0,12,12,1,1,25,25,120.0,120.0,640.0,800.0,8,,,|role: expected CN or HN, got \"XN\"",
      "cpu|instance_1,HN,app_0,x,12,1,1,25,25,120.0,120.0,640.0,800.0,8,,,|cpu_request: expected a non-negative number, got \"x\"",
      "fields|instance_1,HN,app_0|expected 17 fields, got 3",
      "per node|instance_1,HN,app_0,12,12,1,1,25,25,120.0,120.0,640.0,800.0,0,,,|max_instance_per_node: expected -1 or a positive integer, got \"0\"",
      "deleted early|instance_1,HN,app_0,12,12,1,1,25,25,120.0,120.0,640.0,800.0,8,5.0,6.0,5.5|deletion_time: expected a time not before scheduled_time 6.0, got \"5.5\""})
  void badRows(String name, String row, String message, @TempDir Path dir) throws IOException {
    Path file = dir.resolve(AlibabaGpu2025Format.FILE);
    Files.writeString(file, AlibabaGpu2025Format.HEADER + "\n"
        + "instance_0,HN,app_0,12,12,1,1,25,25,120.0,120.0,640.0,800.0,8,,,\n" + row + "\n");
    assertThatThrownBy(() -> FORMAT.open(List.of(file), TraceOptions.DEFAULTS))
        .isInstanceOf(TraceFormatException.class)
        .hasMessage(AlibabaGpu2025Format.FILE + ":3: " + message);
    try (TraceSource s = FORMAT.open(List.of(file), new TraceOptions(true, Map.of()))) {
      assertThat(EventText.readAll(s)).hasSize(1);
      assertThat(s.badRows()).isEqualTo(1);
    }
  }
}
