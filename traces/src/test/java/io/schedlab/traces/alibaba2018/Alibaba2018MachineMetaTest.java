package io.schedlab.traces.alibaba2018;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Node;
import io.schedlab.api.Quantity;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped machine_meta.csv of cluster-trace-v2018. Expected figures were counted from the file
 * with awk (distinct ids; per machine, rows in time order whose columns 3–7 differ from the
 * previous row), not with this reader.
 */
class Alibaba2018MachineMetaTest {
  private static final Path FILE = Path.of("src/test/resources/alibaba-cluster-trace-v2018/machine_meta.csv");
  private static List<TraceEvent> events;
  private static long badRows;

  @BeforeAll
  static void read() {
    try (TraceSource source = new Alibaba2018Format().open(List.of(FILE), TraceOptions.DEFAULTS)) {
      events = EventText.events(source);
      badRows = source.badRows();
    }
  }

  private static long count(Class<?> type) {
    return events.stream().filter(type::isInstance).count();
  }

  @Test
  void everyDistinctMachineIsAddedOnce() {
    assertThat(count(TraceEvent.NodeAdded.class)).isEqualTo(4034);
    assertThat(events.stream().filter(e -> e instanceof TraceEvent.NodeAdded)
        .map(e -> ((TraceEvent.NodeAdded) e).node().metadata().name()).distinct().count()).isEqualTo(4034);
  }

  @Test
  void rowsThatChangeAMachineAreUpdatesAndNothingIsRemoved() {
    assertThat(count(TraceEvent.NodeUpdated.class)).isEqualTo(68);
    assertThat(count(TraceEvent.NodeRemoved.class)).isZero();
    assertThat(events).hasSize(4034 + 68);
    assertThat(badRows).isZero();
  }

  @Test
  void machinesPresentAtTheStartAndTheLastChange() {
    assertThat(events.stream().filter(e -> e instanceof TraceEvent.NodeAdded && e.timeNanos() == 0).count())
        .isEqualTo(3887);
    assertThat(events.get(events.size() - 1).timeNanos()).isEqualTo(570_157L * 1_000_000_000L);
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).timeNanos()).isGreaterThanOrEqualTo(events.get(i - 1).timeNanos());
    }
  }

  @Test
  void updatesThatLoseTheSecondFailureDomain() {
    assertThat(events.stream().filter(e -> e instanceof TraceEvent.NodeUpdated u
        && !u.node().metadata().labels().containsKey(MachineMetaTable.LABEL_FD2)).count()).isEqualTo(34);
  }

  @Test
  void finalClusterCapacity() {
    Map<String, Node> last = new HashMap<>();
    for (TraceEvent e : events) {
      if (e instanceof TraceEvent.NodeAdded a) {
        last.put(a.node().metadata().name(), a.node());
      } else if (e instanceof TraceEvent.NodeUpdated u) {
        last.put(u.node().metadata().name(), u.node());
      }
    }
    Quantity cpu = Quantity.ZERO;
    Quantity memory = Quantity.ZERO;
    List<String> unschedulable = new ArrayList<>();
    for (Node n : last.values()) {
      cpu = cpu.add(n.status().allocatable().get("cpu"));
      memory = memory.add(n.status().allocatable().get("memory"));
      assertThat(n.metadata().labels()).containsKey(MachineMetaTable.LABEL_FD2);
      if (Boolean.TRUE.equals(n.spec().unschedulable())) {
        unschedulable.add(n.metadata().name());
      }
    }
    assertThat(cpu.value()).isEqualTo(4034L * 96);
    assertThat(memory.value()).isEqualTo(4034L * 512 * (1L << 30));
    assertThat(unschedulable).containsExactly("m_2739");
    assertThat(last.get("m_2739").metadata().annotations())
        .containsEntry(MachineMetaTable.ANNOTATION_STATUS, "IMPORT_INSTALLING");
  }

  @Test
  void memoryFollowsTheMemoryGiBParameter() {
    try (TraceSource source = new Alibaba2018Format().open(List.of(FILE),
        new TraceOptions(false, Map.of("memoryGiB", "256", "maxPods", "500")))) {
      Node first = ((TraceEvent.NodeAdded) source.next()).node();
      assertThat(first.status().allocatable().get("memory").toString()).isEqualTo("256Gi");
      assertThat(first.status().allocatable().get("pods").value()).isEqualTo(500);
      assertThat(first.status().allocatable().get("cpu").toBigDecimal()).isEqualByComparingTo(BigDecimal.valueOf(96));
    }
  }
}
