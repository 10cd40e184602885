package io.schedlab.plugins.gpushare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The artifact's protocol around a run: shuffle, tuning, tie ranks, binning, the run itself. */
class FgdProtocolTest {
  private static GpuPod pod(String name, long cpu, int gpus, int milli) {
    return new GpuPod(name, cpu, 1 << 20, new GpuDemand(cpu, 1 << 20, gpus, milli, ""));
  }

  private static List<String> names(List<GpuPod> pods) {
    return pods.stream().map(GpuPod::name).toList();
  }

  @Test
  void shuffleDependsOnTheSeedNotOnInputOrder() {
    List<GpuPod> pods = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      pods.add(pod(String.format("p%02d", i), 1000, 0, 0));
    }
    List<GpuPod> reversed = new ArrayList<>(pods);
    java.util.Collections.reverse(reversed);
    List<String> a = names(FgdProtocol.workload(pods, 1000, 0, new SplittableRandom(42)));
    List<String> b = names(FgdProtocol.workload(reversed, 1000, 0, new SplittableRandom(42)));
    List<String> c = names(FgdProtocol.workload(pods, 1000, 0, new SplittableRandom(43)));
    assertThat(a).isEqualTo(b).isNotEqualTo(c).containsExactlyInAnyOrderElementsOf(names(pods));
  }

  @Test
  void tuningUpAddsCopiesWhileThePerGpuMilliFits() {
    // One 4-GPU pod (4000 milli) on 7000 milli: the copy is checked as 4000 + 1000 <= 7000 and
    // added whole, so the workload overshoots to 8000, as the artifact's does.
    List<GpuPod> out = FgdProtocol.workload(List.of(pod("big", 1000, 4, 1000)), 7000, 1.0,
        new SplittableRandom(1));
    assertThat(names(out)).containsExactly("big", "big-tuned-0");
  }

  @Test
  void tuningUpStopsAtTheFirstCopyThatWouldPassTheTarget() {
    List<GpuPod> pods = List.of(pod("a", 1000, 1, 1000), pod("b", 1000, 1, 500));
    for (long seed = 0; seed < 20; seed++) {
      List<GpuPod> out = FgdProtocol.workload(pods, 3000, 1.0, new SplittableRandom(seed));
      long total = out.stream().mapToLong(p -> p.demand().totalGpuMilli()).sum();
      assertThat(total).isBetween(1500L, 3000L);
      assertThat(out.subList(2, out.size())).extracting(GpuPod::name)
          .allMatch(n -> n.matches("[ab]-tuned-\\d+"));
    }
  }

  @Test
  void tuningDownRemovesRandomPodsUntilAtTarget() {
    List<GpuPod> pods = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      pods.add(pod("p" + i, 1000, 1, 1000));
    }
    List<GpuPod> out = FgdProtocol.workload(pods, 10_000, 1.0, new SplittableRandom(7));
    assertThat(out).hasSize(10);
  }

  @Test
  void permutationIsOne() {
    int[] p = FgdProtocol.permutation(100, new SplittableRandom(3));
    int[] sorted = p.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < 100; i++) {
      assertThat(sorted[i]).isEqualTo(i);
    }
    assertThat(p).isNotEqualTo(sorted);
  }

  @Test
  void tiesGoToTheLowestRankAndFailuresAreCounted() {
    List<GpuNode> nodes = List.of(new GpuNode("a", 8000, 1 << 30, 110, "T4", 2),
        new GpuNode("b", 8000, 1 << 30, 110, "T4", 2));
    TypicalPods typical = TypicalPods.of(List.of(new GpuDemand(1000, 0, 1, 500, "")));
    List<GpuPod> pods = List.of(pod("p1", 1000, 1, 500), pod("huge", 1000, 4, 1000),
        pod("p2", 1000, 1, 500));
    EventSeries s = GpuShareSimulation.run(nodes, pods, typical, GpuPolicy.BEST_FIT,
        new SplittableRandom(1), new int[] {1, 0});
    // Both nodes score alike for p1: node b ranks first. p2 then prefers the fuller b.
    assertThat(s.node(0)).isEqualTo(1);
    assertThat(s.node(1)).isEqualTo(-1);
    assertThat(s.node(2)).isEqualTo(1);
    assertThat(s.failed(2)).isEqualTo(1);
    assertThat(s.arrivedMilli(2)).isEqualTo(500 + 4000 + 500);
    assertThat(s.usedMilli(2)).isEqualTo(1000);
    assertThat(s.allocationPercent(2)).isEqualTo(25.0);
  }

  @Test
  void runsRepeatExactly() {
    List<GpuNode> nodes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      nodes.add(new GpuNode("n" + i, 32000 + 1000L * (i % 3), 1L << 36, 110, i % 2 == 0 ? "T4" : "P100", 1 + i % 8));
    }
    List<GpuPod> pods = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 150; i++) {
      boolean shareGpu = r.nextBoolean();
      pods.add(new GpuPod("p" + i, 1000 + r.nextInt(8000), 1 << 20, new GpuDemand(
          1000 + r.nextInt(8000), 1 << 20, shareGpu ? 1 : r.nextInt(3), shareGpu ? 100
              + r.nextInt(800) : 1000, r.nextInt(5) == 0 ? "T4" : "")));
    }
    TypicalPods typical = FgdProtocol.typicalPods(pods);
    for (GpuPolicy p : GpuPolicy.ALL) {
      EventSeries a = FgdProtocol.run(nodes, pods, typical, p, 1.3, 9).series();
      EventSeries b = FgdProtocol.run(nodes, pods, typical, p, 1.3, 9).series();
      assertThat(a.size()).isEqualTo(b.size()).isPositive();
      for (int i = 0; i < a.size(); i++) {
        assertThat(a.node(i)).as(p.id() + " event " + i).isEqualTo(b.node(i));
      }
      assertThat(DiscreteSeries.fragAmount(a)).isEqualTo(DiscreteSeries.fragAmount(b));
    }
  }

  @Test
  void binsByRoundedArrivedPercentWithNeighbourFallback() {
    EventSeries s = new EventSeries(4, 10_000);
    // arrived 0 %, 0.5 % (half to even: bin 0), 1.5 % and 2.5 % (both bin 2)
    s.add(0, 0, 0, 1000, 10_000);
    s.add(0, 50, 50, 1000, 10_000);
    s.add(0, 150, 100, 2000, 10_000);
    s.add(-1, 250, 100, 3000, 10_000);
    double[] alloc = DiscreteSeries.allocation(s);
    assertThat(alloc[0]).isEqualTo(0.25);
    assertThat(alloc[2]).isEqualTo(1.0);
    // bin 1 is empty: the mean of bins 0..2
    assertThat(alloc[1]).isEqualTo(0.62);
    // bin 4 is empty and so are 3 and 5
    assertThat(alloc[4]).isNaN();
    assertThat(alloc[3]).isEqualTo(1.0);
    double[] frag = DiscreteSeries.fragAmount(s);
    assertThat(frag[0]).isEqualTo(10.0);
    assertThat(frag[2]).isEqualTo(25.0);
    assertThat(s.failed(3)).isEqualTo(1);
  }

  @Test
  void roundsAsPythonDoes() {
    assertThat(DiscreteSeries.round2(0.125)).isEqualTo(0.12);
    assertThat(DiscreteSeries.round2(0.375)).isEqualTo(0.38);
    assertThat(DiscreteSeries.round2(2.675)).isEqualTo(2.67);
    assertThat(DiscreteSeries.round2(Double.NaN)).isNaN();
  }
}
