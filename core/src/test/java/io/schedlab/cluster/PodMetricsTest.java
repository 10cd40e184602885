package io.schedlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** PodMetrics on hand-built event sequences. */
class PodMetricsTest {
  private static final long S = 1_000_000_000L;

  private static SimEvent ev(long seconds, String type, String pod) {
    return SimEvent.of(seconds * S, type, null, pod);
  }

  private static PodMetrics play(SimEvent... events) {
    PodMetrics m = new PodMetrics();
    for (SimEvent e : events) {
      m.record(e);
    }
    return m;
  }

  @Test
  void aPodThatRetriesThenRunsToCompletion() {
    PodMetrics m = play(
        ev(1, SimEvent.Types.POD_CREATED, "d/a"),
        ev(2, SimEvent.Types.POD_UNSCHEDULABLE, "d/a"),
        ev(4, SimEvent.Types.POD_UNSCHEDULABLE, "d/a"),
        ev(7, SimEvent.Types.POD_SCHEDULED, "d/a"),
        ev(8, SimEvent.Types.POD_BOUND, "d/a"),
        ev(9, SimEvent.Types.POD_STARTED, "d/a"),
        ev(31, SimEvent.Types.POD_COMPLETED, "d/a"));
    PodMetrics.PodTimes a = m.pods().get(0);
    assertThat(a.queueingDelayNanos()).isEqualTo(6 * S);
    assertThat(a.timeToBindNanos()).isEqualTo(7 * S);
    assertThat(a.completionNanos()).isEqualTo(30 * S);
    assertThat(a.attempts()).isEqualTo(3);
    assertThat(m.scheduled()).isEqualTo(1);
    assertThat(m.unschedulableAtEnd()).isZero();
  }

  @Test
  void aPodNeverPlacedCountsAsUnschedulableUnlessDeleted() {
    PodMetrics m = play(
        ev(0, SimEvent.Types.POD_CREATED, "d/a"),
        ev(0, SimEvent.Types.POD_CREATED, "d/b"),
        ev(0, SimEvent.Types.POD_CREATED, "d/c"),
        ev(1, SimEvent.Types.POD_UNSCHEDULABLE, "d/a"),
        ev(1, SimEvent.Types.POD_UNSCHEDULABLE, "d/b"),
        ev(5, SimEvent.Types.POD_DELETED, "d/b"));
    assertThat(m.unschedulableAtEnd()).isEqualTo(1); // c never tried, b deleted
    PodMetrics.PodTimes a = m.pods().get(0);
    assertThat(a.scheduled()).isFalse();
    assertThat(a.attempts()).isEqualTo(1);
    assertThat(a.queueingDelayNanos()).isEqualTo(-1);
    assertThat(a.completionNanos()).isEqualTo(-1);
  }

  @Test
  void evictionsAndPreemptionsAreCountedApart() {
    PodMetrics m = play(
        ev(0, SimEvent.Types.POD_CREATED, "d/low"),
        ev(1, SimEvent.Types.POD_SCHEDULED, "d/low"),
        ev(2, SimEvent.Types.POD_CREATED, "d/x"),
        ev(3, SimEvent.Types.POD_EVICTED, "d/x"),
        ev(4, SimEvent.Types.POD_DELETED, "d/x"),
        ev(5, SimEvent.Types.POD_DELETED, "d/low")
            .with("reason", PodMetrics.PREEMPTION_REASON));
    assertThat(m.evictions()).isEqualTo(1);
    assertThat(m.preemptions()).isEqualTo(1);
    assertThat(m.pods()).extracting(PodMetrics.PodTimes::preempted).containsExactly(true, false);
  }

  @Test
  void aRecreatedNameIsANewIncarnationAndPreboundPodsAreMarked() {
    PodMetrics m = play(
        ev(0, SimEvent.Types.POD_CREATED, "d/s-0"),
        ev(1, SimEvent.Types.POD_SCHEDULED, "d/s-0"),
        ev(10, SimEvent.Types.POD_DELETED, "d/s-0"),
        ev(12, SimEvent.Types.POD_CREATED, "d/s-0"),
        ev(15, SimEvent.Types.POD_SCHEDULED, "d/s-0"),
        SimEvent.of(20 * S, SimEvent.Types.POD_CREATED, "n1", "kube-system/mirror"));
    List<PodMetrics.PodTimes> pods = m.pods();
    assertThat(pods).extracting(PodMetrics.PodTimes::queueingDelayNanos)
        .containsExactly(1 * S, 3 * S, -1L);
    assertThat(pods).extracting(PodMetrics.PodTimes::prebound).containsExactly(false, false, true);
    assertThat(m.scheduled()).isEqualTo(2);
  }

  @Test
  void eventsOfUnknownPodsAndOtherTypesAreIgnored() {
    PodMetrics m = play(
        ev(1, SimEvent.Types.POD_SCHEDULED, "d/ghost"),
        SimEvent.of(2 * S, SimEvent.Types.NODE_ADDED, "n1", null));
    assertThat(m.pods()).isEmpty();
    assertThat(m.scheduled()).isZero();
  }
}
