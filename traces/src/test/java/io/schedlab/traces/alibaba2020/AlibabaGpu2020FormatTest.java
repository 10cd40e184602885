package io.schedlab.traces.alibaba2020;

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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlibabaGpu2020FormatTest {
  static final Path FOLDER = Path.of("src/test/resources/alibaba-cluster-trace-gpu-v2020");
  static final AlibabaGpu2020Format FORMAT = new AlibabaGpu2020Format();
  static final BigDecimal GIB = BigDecimal.valueOf(1L << 30);

  @Test
  void theShippedMachineTableGivesItsPublishedFigures() throws IOException {
    long cpu = 0, memory = 0, gpus = 0;
    List<String> lines = Files.readAllLines(FOLDER.resolve(AlibabaGpu2020Format.MACHINE_SPEC));
    for (String line : lines) {
      String[] f = line.split(",");
      cpu += Long.parseLong(f[2]);
      memory += Long.parseLong(f[3]);
      gpus += Long.parseLong(f[4]);
    }
    long nodes = 0, gpusRead = 0, milli = 0;
    BigDecimal cpuRead = BigDecimal.ZERO, memoryRead = BigDecimal.ZERO;
    Map<String, Integer> types = new TreeMap<>();
    try (TraceSource s = FORMAT.open(List.of(FOLDER.resolve(AlibabaGpu2020Format.MACHINE_SPEC)), TraceOptions.DEFAULTS)) {
      TraceEvent e;
      while ((e = s.next()) != null) {
        TraceEvent.NodeAdded a = (TraceEvent.NodeAdded) e;
        nodes++;
        Map<String, Quantity> cap = a.node().status().capacity();
        cpuRead = cpuRead.add(cap.get("cpu").toBigDecimal());
        memoryRead = memoryRead.add(cap.get("memory").toBigDecimal());
        if (cap.containsKey("nvidia.com/gpu")) {
          gpusRead += cap.get("nvidia.com/gpu").toBigDecimal().longValueExact();
          milli += cap.get(AlibabaGpu2020Format.GPU_MILLI).toBigDecimal().longValueExact();
        }
        types.merge(a.node().metadata().labels().get(AlibabaGpu2020Format.GPU_TYPE_LABEL), 1, Integer::sum);
      }
    }
    assertThat(nodes).isEqualTo(1897).isEqualTo(lines.size());
    assertThat(gpusRead).isEqualTo(6742).isEqualTo(gpus);
    assertThat(milli).isEqualTo(6_742_000);
    assertThat(cpuRead).isEqualByComparingTo(BigDecimal.valueOf(cpu)).isEqualByComparingTo("156576");
    assertThat(memoryRead).isEqualByComparingTo(BigDecimal.valueOf(memory).multiply(GIB))
        .isEqualByComparingTo(BigDecimal.valueOf(948_224).multiply(GIB));
    assertThat(types).isEqualTo(Map.of("CPU", 83, "MISC", 280, "P100", 798, "T4", 497, "V100", 104, "V100M32", 135));
  }

  @Test
  void mapsTheTaskTableFixtureExactly() {
    try (TraceSource s = FORMAT.open(List.of(FOLDER.resolve("tasks")), TraceOptions.DEFAULTS)) {
      assertThat(EventText.readAll(s)).containsExactly(
          "0 submit pai/job_a-worker-0 req={alibabacloud.com/gpu-milli=500, cpu=6, memory=30000Mi}"
              + " labels={alibabacloud.com/job-name=job_a, alibabacloud.com/status=Terminated, alibabacloud.com/task-name=worker}"
              + " ann={alibabacloud.com/inst-id=inst1, alibabacloud.com/user=user9} owner=Job/job_a nodeAffinity=[alibabacloud.com/gpu-type In [V100]; ] duration=600000000000",
          "0 submit pai/job_a-worker-1 req={alibabacloud.com/gpu-milli=500, cpu=6, memory=30000Mi}"
              + " labels={alibabacloud.com/job-name=job_a, alibabacloud.com/status=Terminated, alibabacloud.com/task-name=worker}"
              + " ann={alibabacloud.com/inst-id=inst1, alibabacloud.com/user=user9} owner=Job/job_a nodeAffinity=[alibabacloud.com/gpu-type In [V100]; ] duration=600000000000",
          "100000000000 submit pai/job_b-ps-0 req={cpu=2, memory=4Gi}"
              + " labels={alibabacloud.com/job-name=job_b, alibabacloud.com/status=Failed, alibabacloud.com/task-name=ps}"
              + " ann={alibabacloud.com/inst-id=inst2} owner=Job/job_b duration=50000000000",
          "150000000000 delete pai/job_b-ps-0 FAILED",
          "200000000000 submit pai/job_c-tensorflow-0 req={alibabacloud.com/gpu-milli=1k, cpu=1, memory=2Gi}"
              + " labels={alibabacloud.com/job-name=job_c, alibabacloud.com/status=Running, alibabacloud.com/task-name=tensorflow}"
              + " owner=Job/job_c",
          "600000000000 delete pai/job_a-worker-0 FINISHED",
          "600000000000 delete pai/job_a-worker-1 FINISHED");
      assertThat(s.header().attributes()).containsEntry("unstartedRows", "1");
    }
  }

  @Test
  void anExplicitTimeOriginShiftsTheTasks() {
    TraceOptions options = new TraceOptions(false, Map.of("timeOrigin", "900"));
    try (TraceSource s = FORMAT.open(List.of(FOLDER.resolve("tasks")), options)) {
      assertThat(s.next().timeNanos()).isEqualTo(100_000_000_000L);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "status|job_x,w,1,Done,5.0,6.0,100,1,,|status: expected Running, Terminated, Failed or Waiting, got \"Done\"",
      "inst_num|job_x,w,-1,Running,5.0,,100,1,,|inst_num: expected a non-negative integer, got \"-1\"",
      "plan_cpu|job_x,w,1,Running,5.0,,lots,1,,|plan_cpu: expected a non-negative number, got \"lots\"",
      "end before start|job_x,w,1,Terminated,5.0,4.0,100,1,,|end_time: expected a time not before start_time 5.0, got \"4.0\"",
      "fields|job_x,w,1|expected 10 fields, got 3"})
  void badTaskRows(String name, String row, String message, @TempDir Path dir) throws IOException {
    Path file = dir.resolve(AlibabaGpu2020Format.TASK_TABLE);
    Files.writeString(file, AlibabaGpu2020Format.TASK_HEADER + "\njob_a,w,1,Running,1.0,,100,1,,\n" + row + "\n");
    assertThatThrownBy(() -> FORMAT.open(List.of(file), TraceOptions.DEFAULTS))
        .isInstanceOf(TraceFormatException.class)
        .hasMessage("pai_task_table.csv:3: " + message);
    try (TraceSource s = FORMAT.open(List.of(file), new TraceOptions(true, Map.of()))) {
      assertThat(EventText.readAll(s)).hasSize(1);
      assertThat(s.badRows()).isEqualTo(1);
    }
  }

  @Test
  void badJobRow(@TempDir Path dir) throws IOException {
    Path file = dir.resolve(AlibabaGpu2020Format.JOB_TABLE);
    Files.writeString(file, "job_a,i,u,Terminated,1.0,2.0\njob_b,i,u,Terminated,soon,2.0\n");
    assertThatThrownBy(() -> FORMAT.open(List.of(file), TraceOptions.DEFAULTS))
        .isInstanceOf(TraceFormatException.class)
        .hasMessage("pai_job_table.csv:2: start_time: expected a non-negative number, got \"soon\"");
  }

  @Test
  void badMachineRow(@TempDir Path dir) throws IOException {
    Path file = dir.resolve(AlibabaGpu2020Format.MACHINE_SPEC);
    Files.writeString(file, "m1,T4,96,512,2\nm2,T4,96,512,two\n");
    assertThatThrownBy(() -> FORMAT.open(List.of(file), TraceOptions.DEFAULTS))
        .isInstanceOf(TraceFormatException.class)
        .hasMessage("pai_machine_spec.csv:2: cap_gpu: expected a non-negative integer, got \"two\"");
  }
}
