package io.schedlab.plugins.gpushare;

import static io.schedlab.plugins.gpushare.GpuWorld.cpuNode;
import static io.schedlab.plugins.gpushare.GpuWorld.gpuNode;
import static io.schedlab.plugins.gpushare.GpuWorld.gpuPod;
import static io.schedlab.plugins.gpushare.GpuWorld.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.framework.Code;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.StaticHandle;
import io.schedlab.framework.StatusException;
import io.schedlab.testing.TestHandles;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GpuDeviceLedgerTest {

  static Stream<Arguments> devicesInUse() {
    return Stream.of(
        Arguments.of("idle node", gpuNode("n", "8", 2, "V100"), List.of(), new int[] {1000, 1000}),
        Arguments.of("cpu node has no devices", cpuNode("n", "8"),
            List.of(gpuPod("r", "1", 1, 500).nodeName("n").build()), new int[0]),
        Arguments.of("annotated whole GPUs", gpuNode("n", "8", 4, "V100"),
            List.of(running("r", "n", "1", 2, 1000, "1-3").build()),
            new int[] {1000, 0, 1000, 0}),
        Arguments.of("annotated shares on one device", gpuNode("n", "8", 2, "V100"),
            List.of(running("a", "n", "1", 1, 300, "1").build(),
                running("b", "n", "1", 1, 200, "1").build()),
            new int[] {1000, 500}),
        // 300 goes to device 0 (lowest of two equals), 500 to device 0 (tightest with room),
        // 600 to device 1 (device 0 has 200 left).
        Arguments.of("unknown devices placed best-fit in pod order", gpuNode("n", "8", 2, "V100"),
            List.of(gpuPod("a", "1", 1, 300).nodeName("n").build(),
                gpuPod("b", "1", 1, 500).nodeName("n").build(),
                gpuPod("c", "1", 1, 600).nodeName("n").build()),
            new int[] {200, 400}),
        Arguments.of("over-committed device reads as full", gpuNode("n", "8", 1, "V100"),
            List.of(running("a", "n", "1", 1, 700, "0").build(),
                running("b", "n", "1", 1, 700, "0").build()),
            new int[] {0}),
        Arguments.of("unknown pod with no room fills the freest device", gpuNode("n", "8", 2, "V100"),
            List.of(running("a", "n", "1", 1, 900, "0").build(),
                running("b", "n", "1", 1, 800, "1").build(),
                gpuPod("c", "1", 1, 500).nodeName("n").build()),
            new int[] {100, 0}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void devicesInUse(String name, Node node, List<Pod> pods, int[] free) {
    StaticHandle h = TestHandles.of(List.of(node), pods);
    GpuNodeView v = GpuDeviceLedger.of(h).view(h.snapshot().get("n"));
    assertThat(v.state().gpuMilliFree()).containsExactly(free);
  }

  @Test
  void cpuAndMemoryAreAllocatableMinusRequestedAndKindsAreCounted() {
    StaticHandle h = TestHandles.of(List.of(gpuNode("n", "16", 4, "V100")),
        List.of(running("a", "n", "1500m", 1, 300, "0").build(),
            running("b", "n", "2", 1, 200, "0").build(),
            running("c", "n", "3", 2, 1000, "1-2").build(),
            gpuPod("d", "500m", 0, 0).nodeName("n").build()));
    GpuNodeView v = GpuDeviceLedger.of(h).view(h.snapshot().get("n"));
    assertThat(v.state().cpuMilliFree()).isEqualTo(16_000 - 7_000);
    assertThat(v.state().memoryFree()).isEqualTo((64L - 4) << 30);
    assertThat(v.state().gpuModel()).isEqualTo("V100");
    assertThat(v.cpuCapacity()).isEqualTo(16_000);
    assertThat(v.kinds().count(0)).isEqualTo(2);
    assertThat(v.kinds().count(2)).isEqualTo(1);
    assertThat(v.kinds().distinct()).isEqualTo(2);
  }

  @Test
  void aReservationOverridesTheAnnotation() {
    StaticHandle h = TestHandles.of(List.of(gpuNode("n", "8", 2, "V100")),
        List.of(running("a", "n", "1", 1, 300, "0").build()));
    GpuDeviceLedger ledger = GpuDeviceLedger.of(h);
    ledger.record("n", "a", new int[] {1});
    assertThat(ledger.view(h.snapshot().get("n")).state().gpuMilliFree())
        .containsExactly(1000, 700);
    ledger.release("n", "a");
    assertThat(ledger.view(h.snapshot().get("n")).state().gpuMilliFree())
        .containsExactly(700, 1000);
  }

  @Test
  void viewsAreCachedUntilTheNodeOrItsReservationsChange() {
    StaticHandle h = TestHandles.of(List.of(gpuNode("n", "8", 2, "V100")));
    GpuDeviceLedger ledger = GpuDeviceLedger.of(h);
    NodeInfo n = h.snapshot().get("n");
    GpuNodeView first = ledger.view(n);
    assertThat(ledger.view(n)).isSameAs(first);
    n.addPod(h.compile(running("a", "n", "1", 1, 300, "1").build()));
    GpuNodeView afterPod = ledger.view(n);
    assertThat(afterPod).isNotSameAs(first);
    assertThat(afterPod.state().gpuMilliFree()).containsExactly(1000, 700);
    ledger.record("n", "a", new int[] {0});
    assertThat(ledger.view(n)).isNotSameAs(afterPod);
    assertThat(ledger.view(n).state().gpuMilliFree()).containsExactly(700, 1000);
  }

  @Test
  void profilesOfOneSchedulerShareALedgerAndSchedulersDoNot() {
    StaticHandle one = TestHandles.of(List.of());
    StaticHandle sameScheduler = new StaticHandle(one.snapshot(), one.resources(), one.labels());
    StaticHandle other = TestHandles.of(List.of());
    assertThat(GpuDeviceLedger.of(one)).isSameAs(GpuDeviceLedger.of(sameScheduler))
        .isNotSameAs(GpuDeviceLedger.of(other));
  }

  static Stream<Arguments> badIndexAnnotations() {
    return Stream.of(
        Arguments.of("not a number", 1, "x", "expected 1 device id(s) in 0..1 joined by '-', got 'x'"),
        Arguments.of("out of range", 1, "2", "expected 1 device id(s) in 0..1 joined by '-', got '2'"),
        Arguments.of("too many ids", 1, "0-1", "expected 1 device id(s) in 0..1 joined by '-', got '0-1'"),
        Arguments.of("too few ids", 2, "0", "expected 2 device id(s) in 0..1 joined by '-', got '0'"),
        Arguments.of("empty id", 2, "0-", "expected 2 device id(s) in 0..1 joined by '-', got '0-'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void badIndexAnnotations(String name, int count, String index, String expected) {
    StaticHandle h = TestHandles.of(List.of(gpuNode("n", "8", 2, "V100")),
        List.of(running("a", "n", "1", count, count == 1 ? 300 : 1000, index).build()));
    assertThatThrownBy(() -> GpuDeviceLedger.of(h).view(h.snapshot().get("n")))
        .isInstanceOfSatisfying(StatusException.class,
            e -> assertThat(e.status().code()).isEqualTo(Code.ERROR))
        .hasMessageEndingWith("pod default/a: annotation alibabacloud.com/gpu-index: " + expected);
  }

  @Test
  void fgdScoresRememberedByShapeEqualFragmentationsOwn() {
    StaticHandle h = TestHandles.of(List.of(gpuNode("n", "8", 4, "V100")),
        List.of(running("a", "n", "1", 1, 300, "0").build(),
            running("b", "n", "2", 1, 650, "2").build()));
    GpuNodeView v = GpuDeviceLedger.of(h).view(h.snapshot().get("n"));
    TypicalPods shares = TypicalPods.ofClasses(List.of(
        new TypicalPods.PodClass(1000, 500, 1, "", 0.6),
        new TypicalPods.PodClass(2000, 1000, 1, "", 0.4)));
    TypicalPods wholes = TypicalPods.ofClasses(List.of(
        new TypicalPods.PodClass(4000, 1000, 2, "", 1.0)));
    // 60 shapes, each asked twice (the second from the table, which has grown meanwhile), then
    // again under other typical pods, which must not see the first table.
    for (TypicalPods t : List.of(shares, wholes)) {
      for (int round = 0; round < 2; round++) {
        for (int cpu = 0; cpu <= 5000; cpu += 1000) {
          for (int milli = 100; milli <= 1000; milli += 100) {
            GpuDemand d = new GpuDemand(cpu, 0, milli == 1000 ? 2 : 1, milli, "");
            assertThat(v.fgdScore(d, t)).as("cpu %d milli %d", cpu, milli)
                .isEqualTo(Fragmentation.fgd(v.state(), d, t).score());
          }
        }
      }
    }
  }
}
