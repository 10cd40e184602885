package io.schedlab.traces.alibaba2018;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Alibaba2018BadRowsTest {
  private static final String TASKS = "M1,1,j_1,1,Terminated,100,200,100,1\n";
  private static final String SORT = "; sort the file by start_time first (sort -t, -k6,6n -s)";

  @TempDir Path dir;

  private List<Path> write(Map<String, String> files) throws IOException {
    List<Path> out = new ArrayList<>();
    for (var e : files.entrySet()) {
      out.add(Files.writeString(dir.resolve(e.getKey()), e.getValue()));
    }
    return out;
  }

  private static Map<String, String> files(String... nameThenContent) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < nameThenContent.length; i += 2) {
      m.put(nameThenContent[i], nameThenContent[i + 1]);
    }
    return m;
  }

  /** name, files, the error, events read when the bad row is skipped. */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("machine_meta: too few fields",
            files("machine_meta.csv", "m_1,0,1,1,96,100,USING\nm_2,0,3\n"),
            "machine_meta.csv:2: expected 7 comma-separated fields, got 3", 1),
        Arguments.of("machine_meta: time not an integer",
            files("machine_meta.csv", "m_1,x,1,1,96,100,USING\n"),
            "machine_meta.csv:1: time_stamp: expected a non-negative integer, got \"x\"", 0),
        Arguments.of("machine_meta: memory out of range and not a sentinel",
            files("machine_meta.csv", "m_1,0,1,1,96,150,USING\n"),
            "machine_meta.csv:1: mem_size: expected a number in [0, 100] (or -1/101 for invalid), got \"150\"", 0),
        Arguments.of("machine_meta: failure_domain_1 not an integer",
            files("machine_meta.csv", "m_1,0,a,1,96,100,USING\n"),
            "machine_meta.csv:1: failure_domain_1: expected an integer, got \"a\"", 0),
        Arguments.of("container_meta: cpu_request not a number",
            files("container_meta.csv", "c_1,m_1,0,app_1,started,abc,400,1\nc_2,m_1,0,app_1,started,100,400,1\n"),
            "container_meta.csv:1: cpu_request: expected a number, got \"abc\"", 1),
        Arguments.of("container_meta: empty container id",
            files("container_meta.csv", ",m_1,0,app_1,started,100,400,1\n"),
            "container_meta.csv:1: container_id: expected a non-empty value, got \"\"", 0),
        Arguments.of("batch_task: unknown status",
            files("batch_task.csv", TASKS + "M2_1,1,j_1,1,Done,100,200,100,1\n"),
            "batch_task.csv:2: status: expected one of Terminated, Failed, Cancelled, Interrupted, Running, Waiting, Ready, got \"Done\"", 2),
        Arguments.of("batch_task: rows out of start_time order",
            files("batch_task.csv", TASKS + "M2_1,1,j_1,1,Terminated,50,60,100,1\n"),
            "batch_task.csv:2: start_time: expected rows in non-decreasing start_time order (previous row 100), got \"50\"" + SORT, 2),
        Arguments.of("batch_task: end before start",
            files("batch_task.csv", "M1,1,j_1,1,Terminated,100,90,100,1\n"),
            "batch_task.csv:1: end_time: expected 0 or at least start_time 100, got \"90\"", 0),
        Arguments.of("batch_task: negative instance_num",
            files("batch_task.csv", "M1,-1,j_1,1,Terminated,100,200,100,1\n"),
            "batch_task.csv:1: instance_num: expected a non-negative integer, got \"-1\"", 0),
        Arguments.of("batch_instance: its task is not in batch_task",
            files("batch_task.csv", TASKS, "batch_instance.csv",
                "i_1,M9,j_1,1,Terminated,100,150,m_1,1,1,,,,\ni_2,M1,j_1,1,Terminated,110,150,m_1,1,1,,,,\n"),
            "batch_instance.csv:1: task_name: expected a batch_task row for job j_1 task M9 that has not ended before start_time 100, found none", 2),
        Arguments.of("batch_instance: starts after its task ended",
            files("batch_task.csv", TASKS, "batch_instance.csv", "i_1,M1,j_1,1,Terminated,250,260,m_1,1,1,,,,\n"),
            "batch_instance.csv:1: task_name: expected a batch_task row for job j_1 task M1 that has not ended before start_time 250, found none", 0),
        Arguments.of("batch_instance: rows out of start_time order",
            files("batch_task.csv", TASKS, "batch_instance.csv",
                "i_1,M1,j_1,1,Terminated,150,160,m_1,1,1,,,,\ni_2,M1,j_1,1,Terminated,120,160,m_1,1,1,,,,\n"),
            "batch_instance.csv:2: start_time: expected rows in non-decreasing start_time order (previous row 150), got \"120\"" + SORT, 2),
        Arguments.of("batch_instance: cpu_avg not a number",
            files("batch_task.csv", TASKS, "batch_instance.csv", "i_1,M1,j_1,1,Terminated,150,160,m_1,1,1,x,,,\n"),
            "batch_instance.csv:1: cpu_avg: expected a number, got \"x\"", 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void failsNamingFileLineAndColumn(String name, Map<String, String> files, String message, int eventsWhenSkipped)
      throws IOException {
    List<Path> inputs = write(files);
    assertThatThrownBy(() -> {
      try (TraceSource source = new Alibaba2018Format().open(inputs, TraceOptions.DEFAULTS)) {
        EventText.all(source);
      }
    }).isInstanceOf(TraceFormatException.class).hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void skipsAndCountsTheBadRow(String name, Map<String, String> files, String message, int eventsWhenSkipped)
      throws IOException {
    List<Path> inputs = write(files);
    try (TraceSource source = new Alibaba2018Format().open(inputs, new TraceOptions(true, Map.of()))) {
      assertThat(EventText.all(source)).hasSize(eventsWhenSkipped);
      assertThat(source.badRows()).isEqualTo(1);
    }
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        Arguments.of("a file that is not a v2018 table", files("machine_usage.csv", "m_1,0,1,1,1,1,1,1,1\n"), Map.of(),
            "machine_usage.csv: expected a table named machine_meta, container_meta, batch_task or batch_instance (.csv or .csv.gz)"),
        Arguments.of("instances without tasks", files("batch_instance.csv", ""), Map.of(),
            "batch_instance.csv: batch_instance needs batch_task too (instances take their requests from their task)"),
        Arguments.of("memoryGiB not a number", files("machine_meta.csv", ""), Map.of("memoryGiB", "lots"),
            "alibaba-2018: parameter memoryGiB: expected a positive number, got \"lots\""),
        Arguments.of("maxPods zero", files("machine_meta.csv", ""), Map.of("maxPods", "0"),
            "alibaba-2018: parameter maxPods: expected a positive number, got \"0\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void rejectsInputsItCannotRead(String name, Map<String, String> files, Map<String, String> params, String message)
      throws IOException {
    List<Path> inputs = write(files);
    assertThatThrownBy(() -> new Alibaba2018Format().open(inputs, new TraceOptions(false, params)).close())
        .isInstanceOf(TraceFormatException.class).hasMessage(message);
  }

  @Test
  void readsGzipTables() throws IOException {
    Path gz = dir.resolve("machine_meta.csv.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("m_1,0,1,1,96,100,USING\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    try (TraceSource source = new Alibaba2018Format().open(List.of(gz), TraceOptions.DEFAULTS)) {
      assertThat(EventText.all(source)).hasSize(1);
    }
  }
}
