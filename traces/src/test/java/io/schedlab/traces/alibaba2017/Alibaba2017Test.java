package io.schedlab.traces.alibaba2017;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.Node;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.TraceFormats;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import io.schedlab.traces.alibaba2018.EventText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped server_event.csv of cluster-trace-v2017 (figures counted with awk: 1313 distinct
 * machines, 1313 add rows at time 0, 39 softerror rows on 7 machines, 64 cpus each, 5 machines of
 * normalised memory 1) and fixtures for batch_task.
 */
class Alibaba2017Test {
  private static final Path REAL = Path.of("src/test/resources/alibaba-cluster-trace-v2017/server_event.csv");
  private static final Path FIXTURE = Path.of("src/test/resources/alibaba2017-fixture");

  @TempDir Path dir;

  private static List<TraceEvent> read(List<Path> inputs, TraceOptions options) {
    try (TraceSource source = new Alibaba2017Format().open(inputs, options)) {
      return EventText.events(source);
    }
  }

  @Test
  void serverEventFigures() {
    List<TraceEvent> events;
    long bad;
    try (TraceSource source = new Alibaba2017Format().open(List.of(REAL), TraceOptions.DEFAULTS)) {
      events = EventText.events(source);
      bad = source.badRows();
    }
    assertThat(bad).isZero();
    assertThat(events).hasSize(1352);
    assertThat(events.stream().filter(e -> e instanceof TraceEvent.NodeAdded && e.timeNanos() == 0).count())
        .isEqualTo(1313);
    assertThat(events.stream().filter(e -> e instanceof TraceEvent.NodeUpdated).count()).isEqualTo(39);
    assertThat(events.stream().filter(e -> e instanceof TraceEvent.NodeRemoved).count()).isZero();
    assertThat(events.get(events.size() - 1).timeNanos()).isEqualTo(82_706L * 1_000_000_000L);
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).timeNanos()).isGreaterThanOrEqualTo(events.get(i - 1).timeNanos());
    }
    Map<String, Node> last = new HashMap<>();
    Map<String, Integer> details = new TreeMap<>();
    for (TraceEvent e : events) {
      if (e instanceof TraceEvent.NodeAdded a) {
        last.put(a.node().metadata().name(), a.node());
      } else if (e instanceof TraceEvent.NodeUpdated u) {
        last.put(u.node().metadata().name(), u.node());
        details.merge(u.node().metadata().annotations().get(ServerEventTable.ANNOTATION_DETAIL), 1, Integer::sum);
      }
    }
    assertThat(last).hasSize(1313);
    assertThat(details).isEqualTo(Map.of("agent_check", 19, "machine_fail", 15, "daemon_check", 3,
        "disk_full", 1, "nc_diskless", 1));
    assertThat(last.values().stream().filter(n -> Boolean.TRUE.equals(n.spec().unschedulable())).count()).isEqualTo(7);
    assertThat(last.values().stream().mapToLong(n -> n.status().allocatable().get("cpu").value()).sum())
        .isEqualTo(84_032);
    assertThat(last.values().stream().filter(n -> n.status().allocatable().get("memory").toString().equals("512Gi"))
        .count()).isEqualTo(5);
  }

  @Test
  void fixtureEventByEvent() {
    try (TraceSource source = new Alibaba2017Format().open(List.of(FIXTURE), TraceOptions.DEFAULTS)) {
      assertThat(EventText.all(source)).containsExactly(
          "0 add 2 {cpu=64, memory=256Gi, pods=110} {kubernetes.io/hostname=2} {alibaba.com/machine-event=add, alibaba.com/normalized-disk=1.0}",
          "0 add 1 {cpu=64, memory=512Gi, pods=110} {kubernetes.io/hostname=1} {alibaba.com/machine-event=add, alibaba.com/normalized-disk=0.966}",
          "0 submit batch/job-7-task-70-0 req={cpu=1, memory=128Gi} lim={} dur=40 usage={} deps=[] owner=Job:job-7 {alibaba.com/job=7} {alibaba.com/status=Terminated, alibaba.com/task=70}",
          "0 submit batch/job-7-task-70-1 req={cpu=1, memory=128Gi} lim={} dur=40 usage={} deps=[] owner=Job:job-7 {alibaba.com/job=7} {alibaba.com/status=Terminated, alibaba.com/task=70}",
          "0 submit batch/job-7-task-71-0 req={cpu=500m, memory=4288095348} lim={} dur=? usage={} deps=[] owner=Job:job-7 {alibaba.com/job=7} {alibaba.com/status=Running, alibaba.com/task=71}",
          "10 add 3 {cpu=64, memory=256Gi, pods=110} {kubernetes.io/hostname=3} {alibaba.com/machine-event=add, alibaba.com/normalized-disk=1.0}",
          "30 submit batch/job-8-task-80-0 req={cpu=2} lim={} dur=15 usage={} deps=[] owner=Job:job-8 {alibaba.com/job=8} {alibaba.com/status=Failed, alibaba.com/task=80}",
          "30 submit batch/job-9-task-90-0 req={memory=256Gi} lim={} dur=0 usage={} deps=[] owner=Job:job-9 {alibaba.com/job=9} {alibaba.com/status=Cancelled, alibaba.com/task=90}",
          "30 delete batch/job-9-task-90-0 KILLED",
          "35 update 1 {cpu=64, memory=512Gi, pods=110} unschedulable {kubernetes.io/hostname=1} {alibaba.com/machine-event=softerror, alibaba.com/machine-event-detail=machine_fail, alibaba.com/normalized-disk=0.966}",
          "40 delete batch/job-7-task-70-0 FINISHED",
          "40 delete batch/job-7-task-70-1 FINISHED",
          "45 delete batch/job-8-task-80-0 FAILED",
          "50 remove 3");
      assertThat(source.header().format()).isEqualTo("alibaba-2017");
    }
  }

  /** name, file, content, the error, events when the bad row is skipped. */
  static Stream<Arguments> badRows() {
    return Stream.of(
        Arguments.of("server_event: unknown event type", "server_event.csv", "0,1,add,,64,0.5,1\n5,1,reboot,,,,\n",
            "server_event.csv:2: event type: expected one of add, remove, softerror, harderror, got \"reboot\"", 1),
        Arguments.of("server_event: memory above 1", "server_event.csv", "0,1,add,,64,1.5,1\n",
            "server_event.csv:1: normalized memory: expected a number in [0, 1], got \"1.5\"", 0),
        Arguments.of("server_event: too many fields", "server_event.csv", "0,1,add,,64,0.5,1,9\n",
            "server_event.csv:1: expected 7 comma-separated fields, got 8", 0),
        Arguments.of("batch_task: unknown status", "batch_task.csv", "0,10,1,1,1,Done,1,0.1\n",
            "batch_task.csv:1: status: expected one of Terminated, Failed, Cancelled, Interrupted, Running, Waiting, Ready, got \"Done\"", 0),
        Arguments.of("batch_task: out of create-time order", "batch_task.csv",
            "20,30,1,1,1,Running,1,0.1\n10,30,1,2,1,Running,1,0.1\n",
            "batch_task.csv:2: task create time: expected rows in non-decreasing create-time order (previous row 20), got \"10\"; sort the file by create time first (sort -t, -k1,1n -s)", 1),
        Arguments.of("batch_task: finished before it was created", "batch_task.csv", "20,10,1,1,1,Terminated,1,0.1\n",
            "batch_task.csv:1: task end time: expected at least the create time 20 for a finished task, got \"10\"", 0),
        Arguments.of("batch_task: job id not an integer", "batch_task.csv", "0,10,j1,1,1,Running,1,0.1\n",
            "batch_task.csv:1: job id: expected an integer, got \"j1\"", 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRows")
  void badRowFailsOrIsSkipped(String name, String file, String content, String message, int eventsWhenSkipped)
      throws IOException {
    Path p = Files.writeString(dir.resolve(file), content);
    assertThatThrownBy(() -> read(List.of(p), TraceOptions.DEFAULTS))
        .isInstanceOf(TraceFormatException.class).hasMessage(message);
    try (TraceSource source = new Alibaba2017Format().open(List.of(p), new TraceOptions(true, Map.of()))) {
      assertThat(EventText.all(source)).hasSize(eventsWhenSkipped);
      assertThat(source.badRows()).isEqualTo(1);
    }
  }

  @Test
  void aFileThatIsNotAV2017TableIsRejected() throws IOException {
    Path p = Files.writeString(dir.resolve("container_event.csv"), "");
    assertThatThrownBy(() -> read(List.of(p), TraceOptions.DEFAULTS)).isInstanceOf(TraceFormatException.class)
        .hasMessage("container_event.csv: expected a table named server_event or batch_task (.csv or .csv.gz)");
  }

  @Test
  void bothFormatsAreRegistered() {
    assertThat(TraceFormats.names()).contains("alibaba-2018", "alibaba-2017");
    assertThat(TraceFormats.get("alibaba-2017")).isInstanceOf(Alibaba2017Format.class);
  }
}
