package io.schedlab.traces.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.traces.TraceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceSamplerTest {
  private static List<TraceEvent> manyPods(int n) {
    List<TraceEvent> e = new ArrayList<>();
    e.add(new TraceEvent.NodeAdded(0, Fixtures.node("n0", "64", "8")));
    for (int i = 0; i < n; i++) {
      e.add(new TraceEvent.PodSubmitted(i * Fixtures.S, Fixtures.pod("p" + i, "1", "1"), 5 * Fixtures.S,
          Map.of(), i > 0 ? List.of("ns/p" + (i - 1)) : List.of()));
      if (i >= 5) {
        e.add(new TraceEvent.PodDeleted(i * Fixtures.S, "ns", "p" + (i - 5), TraceEvent.PodDeleted.Reason.FINISHED));
      }
    }
    return e;
  }

  @Test
  void subsampleKeepsAboutTheFractionDeterministicallyWithConsistentDeletes() {
    List<TraceEvent> in = manyPods(2000);
    List<TraceEvent> a = ListSource.drain(TraceSampler.subsample(new ListSource(in), 0.3, 9));
    List<TraceEvent> b = ListSource.drain(TraceSampler.subsample(new ListSource(in), 0.3, 9));
    List<TraceEvent> c = ListSource.drain(TraceSampler.subsample(new ListSource(in), 0.3, 10));
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
    Set<String> kept = new HashSet<>();
    int deletes = 0;
    for (TraceEvent e : a) {
      if (e instanceof TraceEvent.PodSubmitted p) {
        kept.add("ns/" + p.pod().metadata().name());
        assertThat(kept).containsAll(p.dependsOn());
      } else if (e instanceof TraceEvent.PodDeleted d) {
        assertThat(kept).contains("ns/" + d.name());
        deletes++;
      }
    }
    double sd = Math.sqrt(2000 * 0.3 * 0.7);
    assertThat((double) kept.size()).isBetween(600 - 5 * sd, 600 + 5 * sd);
    // Pods p1995..p1999 are never deleted in the fixture.
    long keptUndeleted = kept.stream().filter(k -> k.compareTo("ns/p1995") >= 0 && k.length() == 8).count();
    assertThat(deletes).isEqualTo(kept.size() - (int) keptUndeleted);
    assertThat(a.get(0)).isInstanceOf(TraceEvent.NodeAdded.class);
  }

  @Test
  void subsampleOfOneIsTheTraceAndOfZeroOnlyItsNodes() {
    List<TraceEvent> in = manyPods(50);
    assertThat(ListSource.drain(TraceSampler.subsample(new ListSource(in), 1.0, 1))).isEqualTo(in);
    assertThat(ListSource.drain(TraceSampler.subsample(new ListSource(in), 0.0, 1)))
        .containsExactly(in.get(0));
    assertThatThrownBy(() -> TraceSampler.subsample(new ListSource(in), 1.5, 1))
        .hasMessage("fraction must be in [0, 1], got 1.5");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 233})
  void inflatingOneGpuPodsToTheWholeClusterDoublesThem(long seed) {
    List<TraceEvent> in = Fixtures.oneGpuPods();
    TraceSampler.Inflation inf = TraceSampler.inflate(() -> new ListSource(in), 1.0, Fixtures.GPU, seed);
    assertThat(inf.capacity()).isEqualTo(8);
    assertThat(inf.requestedBefore()).isEqualTo(4);
    assertThat(inf.requestedAfter()).isEqualTo(8);
    assertThat(inf.podsAdded()).isEqualTo(4);
    assertThat(inf.podsAfter()).isEqualTo(8);
    List<TraceEvent> out = ListSource.drain(inf.open());
    checkStream(out, inf);
    Set<String> copies = new HashSet<>();
    for (TraceEvent e : out) {
      if (e instanceof TraceEvent.PodSubmitted p && p.pod().metadata().name().contains("-tuned-")) {
        copies.add(p.pod().metadata().name().replaceAll("^p\\d-", ""));
      }
    }
    assertThat(copies).containsExactlyInAnyOrder("tuned-0", "tuned-1", "tuned-2", "tuned-3");
  }

  @Test
  void inflatingAMixedTraceStopsAtTheFirstDrawThatWouldOvershoot() {
    List<TraceEvent> in = Fixtures.mixed();
    for (long seed = 0; seed < 20; seed++) {
      TraceSampler.Inflation inf = TraceSampler.inflate(() -> new ListSource(in), 1.5, Fixtures.GPU, seed);
      assertThat(inf.target()).isEqualTo(12.0);
      assertThat(inf.requestedAfter()).isBetween(11L, 12L);
      checkStream(ListSource.drain(inf.open()), inf);
      assertThat(ListSource.drain(inf.open())).isEqualTo(ListSource.drain(
          TraceSampler.inflate(() -> new ListSource(in), 1.5, Fixtures.GPU, seed).open()));
    }
  }

  @Test
  void tuningDownRemovesPodsUntilAtTheTarget() {
    List<TraceEvent> in = Fixtures.oneGpuPods();
    TraceSampler.Inflation inf = TraceSampler.inflate(() -> new ListSource(in), 0.25, Fixtures.GPU, 5);
    assertThat(inf.podsRemoved()).isEqualTo(2);
    assertThat(inf.podsAfter()).isEqualTo(2);
    assertThat(inf.requestedAfter()).isEqualTo(2);
    checkStream(ListSource.drain(inf.open()), inf);
  }

  @Test
  void atTheTargetNothingChanges() {
    List<TraceEvent> in = Fixtures.oneGpuPods();
    TraceSampler.Inflation inf = TraceSampler.inflate(() -> new ListSource(in), 0.5, Fixtures.GPU, 5);
    assertThat(ListSource.drain(inf.open())).isEqualTo(in);
  }

  @Test
  void aResourceNobodyHasIsAnError() {
    assertThatThrownBy(() -> TraceSampler.inflate(() -> new ListSource(Fixtures.mixed()), 1, "memory", 1))
        .hasMessage("the trace's nodes have no memory to inflate against");
  }

  /** The stream's pods and GPU total match the plan; each pod's delete follows its submission. */
  private static void checkStream(List<TraceEvent> out, TraceSampler.Inflation inf) {
    Map<String, TraceEvent.PodSubmitted> alive = new HashMap<>();
    Map<String, Long> deletedAt = new HashMap<>();
    long gpu = 0;
    int pods = 0;
    for (TraceEvent e : out) {
      if (e instanceof TraceEvent.PodSubmitted p) {
        pods++;
        var q = p.pod().spec().containers().get(0).resources().requests().get(Fixtures.GPU);
        gpu += q == null ? 0 : q.value();
        assertThat(alive.put(p.pod().metadata().name(), p)).isNull();
      } else if (e instanceof TraceEvent.PodDeleted d) {
        assertThat(alive).containsKey(d.name());
        deletedAt.put(d.name(), d.timeNanos());
      }
    }
    assertThat(pods).isEqualTo(inf.podsAfter());
    assertThat(gpu).isEqualTo(inf.requestedAfter());
    for (String name : alive.keySet()) {
      int t = name.indexOf("-tuned-");
      if (t > 0) {
        assertThat(alive.get(name).timeNanos()).isEqualTo(alive.get(name.substring(0, t)).timeNanos());
        assertThat(deletedAt.get(name)).isEqualTo(deletedAt.get(name.substring(0, t)));
      }
    }
  }
}
