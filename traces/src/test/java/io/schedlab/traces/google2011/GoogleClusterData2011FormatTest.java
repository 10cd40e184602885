package io.schedlab.traces.google2011;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.traces.EventText;
import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GoogleClusterData2011FormatTest {
  static final Path TRACE = Path.of("src/test/resources/google-clusterdata-2011/trace");
  static final GoogleClusterData2011Format FORMAT = new GoogleClusterData2011Format();

  static final String M1 = "{cpu=16, memory=16Gi, pods=110} ";
  static final String M1_LABELS = "google.com/machine-id=1, google.com/platform=HASHP1, kubernetes.io/hostname=m-1}";
  static final String M2_LABELS = "google.com/machine-id=2, google.com/platform=HASHP2, kubernetes.io/hostname=m-2}";
  static final String JOB100 = " prio=9 req={cpu=4, memory=4Gi} labels={google.com/job-id=100, google.com/priority=9,"
      + " google.com/scheduling-class=2, google.com/task-index=";
  static final String JOB100_ANN = "google.com/job-name=JOBNAME, google.com/logical-job-name=LOGICAL, google.com/user=USERA}"
      + " owner=Job/job-100 antiAffinity=kubernetes.io/hostname {google.com/job-id=100}";
  static final String TASK200 = " submit google/200-0 prio=0 req={cpu=16, memory=16Gi} labels={google.com/job-id=200,"
      + " google.com/priority=0, google.com/task-index=0} ann={google.com/job-name=JN2, google.com/logical-job-name=LN2,"
      + " google.com/user=USERB} owner=Job/job-200";
  static final String CONSTRAINTS = " nodeAffinity=[google.com/attr-ATTR_A In [5]; google.com/attr-ATTR_B Exists; "
      + "google.com/attr-ATTR_C Lt [10]; google.com/attr-ATTR_D Gt [2]; ]";

  @Test
  void mapsEveryTableOfTheFixtureInTimeOrder() {
    try (TraceSource s = FORMAT.open(List.of(TRACE), TraceOptions.DEFAULTS)) {
      assertThat(EventText.readAll(s)).containsExactly(
          "0 add m-1 " + M1 + "{" + M1_LABELS,
          "0 add m-2 {cpu=32, memory=64Gi, pods=110} {" + M2_LABELS,
          "0 add m-3 {cpu=8, pods=110} {google.com/machine-id=3, google.com/platform=HASHP1, kubernetes.io/hostname=m-3}",
          "0 update m-1 " + M1 + "{google.com/attr-ATTR_A=5, " + M1_LABELS,
          "0 update m-2 {cpu=32, memory=64Gi, pods=110} {google.com/attr-ATTR_A=7, " + M2_LABELS,
          "0 submit google/100-0" + JOB100 + "0} ann={google.com/disk-request=0.001, " + JOB100_ANN,
          "0 submit google/100-1" + JOB100 + "1} ann={" + JOB100_ANN,
          "600000000000" + TASK200 + CONSTRAINTS,
          "610000000000 delete google/200-0 EVICTED",
          "620000000000" + TASK200 + CONSTRAINTS,
          "640000000000 delete google/200-0 FAILED",
          "650000000000 update m-1 " + M1 + "{google.com/attr-ATTR_A=5, google.com/attr-ATTR_B=x, " + M1_LABELS,
          "650000000000 delete google/100-0 FINISHED",
          "660000000000 delete google/200-0 KILLED",
          "670000000000 delete google/200-1 LOST",
          "680000000000" + TASK200,
          "700000000000 update m-2 {cpu=16, memory=64Gi, pods=110} {google.com/attr-ATTR_A=7, " + M2_LABELS,
          "750000000000 update m-1 " + M1 + "{google.com/attr-ATTR_B=x, " + M1_LABELS,
          "800000000000 remove m-3");
      assertThat(s.badRows()).isZero();
      assertThat(((GoogleTraceSource) s).afterWindowRows()).isEqualTo(1);
      assertThat(s.header().format()).isEqualTo("google-2011");
      assertThat(s.header().attributes()).containsEntry("machineCpu", "32").containsEntry("machineMemoryGiB", "64");
    }
  }

  @Test
  void scalesToTheChosenMachineSize() {
    TraceOptions options = new TraceOptions(false, Map.of("machineCpu", "64", "machineMemoryGiB", "0.5", "maxPods", "8"));
    try (TraceSource s = FORMAT.open(List.of(TRACE.resolve("machine_events")), options)) {
      // 0.25 × 0.5 GiB = 128 MiB; 0.5 × 64 cores = 32
      assertThat(EventText.of(s.next())).isEqualTo("0 add m-1 {cpu=32, memory=128Mi, pods=8} {" + M1_LABELS);
    }
  }

  @Test
  void readsOneExplicitGzipPart() {
    try (TraceSource s = FORMAT.open(List.of(TRACE.resolve("task_events/part-00000-of-00002.csv.gz")), TraceOptions.DEFAULTS)) {
      List<String> events = EventText.readAll(s);
      // no job_events read, so no job-name annotations
      assertThat(events).containsExactly(
          "0 submit google/100-0" + JOB100 + "0} ann={google.com/disk-request=0.001, google.com/user=USERA}"
              + " owner=Job/job-100 antiAffinity=kubernetes.io/hostname {google.com/job-id=100}",
          "0 submit google/100-1" + JOB100 + "1} ann={google.com/user=USERA}"
              + " owner=Job/job-100 antiAffinity=kubernetes.io/hostname {google.com/job-id=100}",
          "650000000000 delete google/100-0 FINISHED");
    }
  }

  @Test
  void rejectsAFolderWithoutTables(@TempDir Path dir) {
    assertThatThrownBy(() -> FORMAT.open(List.of(dir), TraceOptions.DEFAULTS))
        .isInstanceOf(TraceFormatException.class)
        .hasMessage(dir + ": expected subfolders named machine_events, machine_attributes, job_events,"
            + " task_constraints, task_events, found none");
  }

  @Test
  void rejectsABadMachineSize() {
    assertThatThrownBy(() -> FORMAT.open(List.of(TRACE), new TraceOptions(false, Map.of("machineCpu", "0"))))
        .isInstanceOf(TraceFormatException.class)
        .hasMessage("param machineCpu: machineCpu: expected a positive number, got \"0\"");
  }

  record BadRow(String name, String table, String rows, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final String GOOD_TASK = "0,,1,0,,0,U,,0,0.5,0.5,,\n";

  static List<BadRow> badRows() {
    return List.of(
        new BadRow("field count", "task_events", GOOD_TASK + "5,,1,1\n", "expected 13 fields, got 4"),
        new BadRow("time not a number", "task_events", GOOD_TASK + "x,,1,1,,0,U,,0,,,,\n",
            "time: expected a non-negative integer, got \"x\""),
        new BadRow("time goes back", "task_events", "9,,1,0,,0,U,,0,,,,\n5,,1,1,,0,U,,0,,,,\n",
            "time: expected at least 9 (part files are in time order), got \"5\""),
        new BadRow("event type", "task_events", GOOD_TASK + "5,,1,1,,9,U,,0,,,,\n",
            "event type: expected an integer in 0..8, got \"9\""),
        new BadRow("priority", "task_events", GOOD_TASK + "5,,1,1,,0,U,,12,,,,\n",
            "priority: expected an integer in 0..11, got \"12\""),
        new BadRow("cpu request", "task_events", GOOD_TASK + "5,,1,1,,0,U,,1,-0.5,,,\n",
            "CPU request: expected a non-negative number, got \"-0.5\""),
        new BadRow("restriction", "task_events", GOOD_TASK + "5,,1,1,,0,U,,1,,,,2\n",
            "different machines restriction: expected an integer in 0..1, got \"2\""),
        new BadRow("machine cpus", "machine_events", "0,1,0,P,1,1\n0,2,0,P,x,1\n",
            "CPUs: expected a non-negative number, got \"x\""),
        new BadRow("machine event type", "machine_events", "0,1,0,P,1,1\n0,2,3,P,1,1\n",
            "event type: expected an integer in 0..2, got \"3\""),
        new BadRow("constraint operator", "task_constraints", "0,1,0,0,A,1\n0,1,0,4,A,1\n",
            "comparison operator: expected an integer in 0..3, got \"4\""),
        new BadRow("less than a hash", "task_constraints", "0,1,0,0,A,1\n0,1,0,2,A,abc\n",
            "attribute value: expected an integer for LESS_THAN, got \"abc\""),
        new BadRow("attribute deleted", "machine_attributes", "0,1,A,1,0\n0,1,A,1,yes\n",
            "attribute deleted: expected an integer in 0..1, got \"yes\""),
        new BadRow("job id", "job_events", "0,,1,0,U,0,J,L\n0,,-4,0,U,0,J,L\n",
            "job ID: expected a non-negative integer, got \"-4\""));
  }

  @ParameterizedTest
  @MethodSource("badRows")
  void malformedRowNamesFileLineAndColumn(BadRow c, @TempDir Path dir) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(c.table()));
    write(folder.resolve("part-00000-of-00001.csv.gz"), c.rows());
    try (TraceSource s = FORMAT.open(List.of(dir), TraceOptions.DEFAULTS)) {
      assertThatThrownBy(() -> EventText.readAll(s))
          .isInstanceOf(TraceFormatException.class)
          .hasMessage("part-00000-of-00001.csv.gz:2: " + c.message());
    } catch (TraceFormatException e) {
      // a bad first row of a part is found when the part is opened
      assertThat(e).hasMessage("part-00000-of-00001.csv.gz:2: " + c.message());
    }
  }

  @ParameterizedTest
  @MethodSource("badRows")
  void skippedRowIsCountedAndTheRestIsRead(BadRow c, @TempDir Path dir) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(c.table()));
    write(folder.resolve("part-00000-of-00001.csv.gz"), c.rows());
    try (TraceSource s = FORMAT.open(List.of(dir), new TraceOptions(true, Map.of()))) {
      List<String> events = EventText.readAll(s);
      assertThat(s.badRows()).isEqualTo(1);
      int expected = switch (c.table()) {
        case "task_events", "machine_events" -> 1;
        default -> 0;
      };
      assertThat(events).hasSize(expected);
    }
  }

  private static void write(Path file, String text) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
