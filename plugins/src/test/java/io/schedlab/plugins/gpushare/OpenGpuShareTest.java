package io.schedlab.plugins.gpushare;

import static io.schedlab.plugins.gpushare.GpuWorld.cpuNode;
import static io.schedlab.plugins.gpushare.GpuWorld.gpuNode;
import static io.schedlab.plugins.gpushare.GpuWorld.gpuPod;
import static io.schedlab.plugins.gpushare.GpuWorld.plugin;
import static io.schedlab.plugins.gpushare.GpuWorld.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.framework.Code;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.PluginArgsException;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreFilterResult;
import io.schedlab.framework.StaticHandle;
import io.schedlab.framework.Status;
import io.schedlab.testing.TestHandles;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OpenGpuShareTest {

  // ---- Filter ----

  static Stream<Arguments> filter() {
    Node v100 = gpuNode("n", "8", 2, "V100");
    return Stream.of(
        Arguments.of("cpu pod on a cpu node", cpuNode("n", "8"), List.of(),
            gpuPod("p", "1", 0, 0).build(), Code.SUCCESS, null),
        Arguments.of("gpu pod on a cpu node", cpuNode("n", "8"), List.of(),
            gpuPod("p", "1", 1, 500).build(), Code.UNSCHEDULABLE, "node(s) had no GPU"),
        Arguments.of("gpu count 0 on the node", gpuNode("n", "8", 0, "V100"), List.of(),
            gpuPod("p", "1", 1, 500).build(), Code.UNSCHEDULABLE, "node(s) had no GPU"),
        Arguments.of("model not accepted", v100, List.of(),
            gpuPod("p", "1", 1, 500).annotation(GpuDemand.GPU_MODEL_KEY, "T4").build(),
            Code.UNSCHEDULABLE, "node(s) had no GPU of model T4"),
        Arguments.of("one of the listed models", v100, List.of(),
            gpuPod("p", "1", 1, 500).annotation(GpuDemand.GPU_MODEL_KEY, "T4|V100").build(),
            Code.SUCCESS, null),
        Arguments.of("model from the node selector", v100, List.of(),
            gpuPod("p", "1", 1, 500).nodeSelector(GpuDemand.GPU_MODEL_KEY, "A100").build(),
            Code.UNSCHEDULABLE, "node(s) had no GPU of model A100"),
        Arguments.of("share fits a partly used device", v100,
            List.of(running("r", "n", "1", 1, 600, "0").build()),
            gpuPod("p", "1", 1, 400).build(), Code.SUCCESS, null),
        Arguments.of("share larger than every device's rest", v100,
            List.of(running("r0", "n", "1", 1, 500, "0").build(),
                running("r1", "n", "1", 1, 500, "1").build()),
            gpuPod("p", "1", 1, 600).build(), Code.UNSCHEDULABLE, "node(s) had insufficient GPU"),
        Arguments.of("two whole GPUs, one partly used", v100,
            List.of(running("r", "n", "1", 1, 100, "1").build()),
            gpuPod("p", "1", 2, 1000).build(), Code.UNSCHEDULABLE, "node(s) had insufficient GPU"),
        Arguments.of("one whole GPU beside a share", v100,
            List.of(running("r", "n", "1", 1, 100, "1").build()),
            gpuPod("p", "1", 1, 1000).build(), Code.SUCCESS, null),
        Arguments.of("devices known only by best-fit placement", v100,
            List.of(gpuPod("r0", "1", 1, 700).nodeName("n").build(),
                gpuPod("r1", "1", 1, 700).nodeName("n").build()),
            gpuPod("p", "1", 1, 400).build(), Code.UNSCHEDULABLE, "node(s) had insufficient GPU"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void filter(String name, Node node, List<Pod> running, Pod pod, Code code, String reason) {
    StaticHandle h = TestHandles.of(List.of(node), running);
    OpenGpuShare p = plugin(OpenGpuShare.NAME, null, h);
    PodInfo info = h.compile(pod);
    CycleState state = new CycleState();
    p.preFilter(state, info, h.snapshot().list());
    Status s = p.filter(state, info, h.snapshot().get("n"));
    assertThat(s.code()).isEqualTo(code);
    assertThat(s.reasons()).isEqualTo(reason == null ? List.of() : List.of(reason));
    // Without PreFilter (the plugin enabled at filter only) the verdict is the same.
    assertThat(p.filter(new CycleState(), info, h.snapshot().get("n")).code()).isEqualTo(code);
  }

  @Test
  void preFilterSkipsFilterForPodsWithoutGpu() {
    StaticHandle h = TestHandles.of(List.of(cpuNode("n", "8")));
    OpenGpuShare p = plugin(OpenGpuShare.NAME, null, h);
    assertThat(p.preFilter(new CycleState(), h.compile(gpuPod("cpu", "1", 0, 0).build()),
        List.of())).isEqualTo(PreFilterResult.SKIP);
    assertThat(p.preFilter(new CycleState(), h.compile(gpuPod("gpu", "1", 1, 10).build()),
        List.of()))
        .isEqualTo(PreFilterResult.SUCCESS);
  }

  // ---- Reserve: device choice ----

  /** Three V100s with 800, 600 and 1000 milli free; 16 cores, 2 of them taken. */
  private static StaticHandle threeDevices() {
    return TestHandles.of(List.of(gpuNode("n", "16", 3, "V100")),
        List.of(running("r0", "n", "1", 1, 200, "0").build(),
            running("r1", "n", "1", 1, 400, "1").build()));
  }

  private static final String FIVE_HUNDRED_SHARES =
      "{\"typicalPods\":[{\"cpuMilli\":1000,\"gpuMilli\":500,\"gpuCount\":1,\"popularity\":1}]}";

  static Stream<Arguments> deviceChoice() {
    return Stream.of(
        Arguments.of("best: the tightest device", "best", 1, 300, new int[] {1}),
        Arguments.of("worst: the loosest device", "worst", 1, 300, new int[] {2}),
        // Typical 500-milli shares: 800 -> 500 and 1000 -> 700 leave no fragment (score 50),
        // 600 -> 300 leaves 300 that no typical pod fits (score 42); ties go to the lowest index.
        Arguments.of("FGDScore: least fragmentation", "FGDScore", 1, 300, new int[] {0}),
        Arguments.of("DotProductScore (share): the smallest leftover", "DotProductScore", 1, 300,
            new int[] {1}),
        Arguments.of("whole GPU: the fully free device", "worst", 1, 1000, new int[] {2}),
        Arguments.of("whole GPU under FGD", "FGDScore", 1, 1000, new int[] {2}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void deviceChoice(String name, String method, int count, int milli, int[] devices) {
    StaticHandle h = threeDevices();
    plugin(FgdScore.NAME, FIVE_HUNDRED_SHARES, h);
    OpenGpuShare p = plugin(OpenGpuShare.NAME, "{\"gpuSelMethod\":\"" + method + "\"}", h);
    PodInfo pod = h.compile(gpuPod("p", "2", count, milli).build());
    assertThat(p.reserve(new CycleState(), pod, "n")).isEqualTo(Status.SUCCESS);
    assertThat(GpuDeviceLedger.of(h).devicesOf("n", pod.uid())).containsExactly(devices);
  }

  @Test
  void randomChoosesAmongDevicesWithRoomWithTheSchedulersRandom() {
    Set<Integer> chosen = new HashSet<>();
    for (long seed = 0; seed < 40; seed++) {
      StaticHandle h = threeDevices().setSeed(seed);
      OpenGpuShare p = plugin(OpenGpuShare.NAME, "{\"gpuSelMethod\":\"random\"}", h);
      PodInfo pod = h.compile(gpuPod("p", "2", 1, 700).build());
      assertThat(p.reserve(new CycleState(), pod, "n").isSuccess()).isTrue();
      chosen.add(GpuDeviceLedger.of(h).devicesOf("n", pod.uid())[0]);
    }
    // 700 milli: device 1 (600 free) never has room.
    assertThat(chosen).containsExactlyInAnyOrder(0, 2);
  }

  // ---- Reserve / Unreserve bookkeeping ----

  @Test
  void reserveRecordsAndUnreserveReleasesIdempotently() {
    StaticHandle h = threeDevices();
    OpenGpuShare p = plugin(OpenGpuShare.NAME, null, h);
    GpuDeviceLedger ledger = GpuDeviceLedger.of(h);
    PodInfo pod = h.compile(gpuPod("p", "2", 1, 300).build());
    assertThat(p.reserve(new CycleState(), pod, "n")).isEqualTo(Status.SUCCESS);
    assertThat(ledger.devicesOf("n", pod.uid())).containsExactly(1);

    // Once the pod is on the node, the view charges device 1 (600 - 300).
    h.snapshot().get("n").addPod(h.compile(gpuPod("p", "2", 1, 300).nodeName("n").build()));
    assertThat(ledger.view(h.snapshot().get("n")).state().gpuMilliFree())
        .containsExactly(800, 300, 1000);

    p.unreserve(new CycleState(), pod, "n");
    assertThat(ledger.devicesOf("n", pod.uid())).isNull();
    p.unreserve(new CycleState(), pod, "n");
    assertThat(ledger.reservationCount("n")).isZero();
  }

  @Test
  void reserveIgnoresPodsWithoutGpu() {
    StaticHandle h = threeDevices();
    OpenGpuShare p = plugin(OpenGpuShare.NAME, null, h);
    PodInfo pod = h.compile(gpuPod("p", "2", 0, 0).build());
    assertThat(p.reserve(new CycleState(), pod, "n")).isEqualTo(Status.SUCCESS);
    assertThat(GpuDeviceLedger.of(h).reservationCount("n")).isZero();
  }

  @Test
  void reserveKeepsDevicesThePodAlreadyNames() {
    StaticHandle h = threeDevices();
    OpenGpuShare p = plugin(OpenGpuShare.NAME, null, h);
    PodInfo pod = h.compile(gpuPod("p", "2", 1, 300)
        .annotation(GpuDeviceLedger.GPU_INDEX_ANNOTATION, "2").build());
    assertThat(p.reserve(new CycleState(), pod, "n")).isEqualTo(Status.SUCCESS);
    assertThat(GpuDeviceLedger.of(h).devicesOf("n", pod.uid())).containsExactly(2);
  }

  static Stream<Arguments> reserveFailures() {
    return Stream.of(
        Arguments.of("two whole GPUs, one fully free", gpuPod("p", "2", 2, 1000)),
        Arguments.of("named device without room",
            gpuPod("p", "2", 1, 700).annotation(GpuDeviceLedger.GPU_INDEX_ANNOTATION, "1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void reserveFailures(String name, io.schedlab.testing.PodBuilder pod) {
    StaticHandle h = threeDevices();
    OpenGpuShare p = plugin(OpenGpuShare.NAME, null, h);
    PodInfo info = h.compile(pod.build());
    Status s = p.reserve(new CycleState(), info, "n");
    assertThat(s.code()).isEqualTo(Code.ERROR);
    assertThat(s.message()).isEqualTo("failed to allocate GPU to pod(default/p) on node(n)");
    assertThat(GpuDeviceLedger.of(h).reservationCount("n")).isZero();
  }

  @Test
  void malformedDeviceAnnotationsFailReserveWithAnError() {
    StaticHandle h = TestHandles.of(List.of(gpuNode("n", "16", 3, "V100")),
        List.of(running("r0", "n", "1", 1, 200, "7").build()));
    OpenGpuShare p = plugin(OpenGpuShare.NAME, null, h);
    Status onNode = p.reserve(new CycleState(), h.compile(gpuPod("p", "2", 1, 300).build()), "n");
    assertThat(onNode.code()).isEqualTo(Code.ERROR);
    assertThat(onNode.message()).isEqualTo("pod default/r0: annotation alibabacloud.com/gpu-index:"
        + " expected 1 device id(s) in 0..2 joined by '-', got '7'");
    Status own = p.reserve(new CycleState(), h.compile(gpuPod("q", "2", 1, 300)
        .annotation(GpuDemand.GPU_MILLI_ANNOTATION, "lots").build()), "n");
    assertThat(own.code()).isEqualTo(Code.ERROR);
    assertThat(own.message()).isEqualTo("pod default/q: annotation alibabacloud.com/gpu-milli:"
        + " expected an integer, got 'lots'");
  }

  @Test
  void reserveDropsReservationsOfPodsGoneFromTheNode() {
    StaticHandle h = threeDevices();
    OpenGpuShare p = plugin(OpenGpuShare.NAME, null, h);
    GpuDeviceLedger ledger = GpuDeviceLedger.of(h);
    PodInfo gone = h.compile(gpuPod("gone", "1", 1, 100).build());
    PodInfo stays = h.compile(gpuPod("stays", "1", 1, 100).build());
    p.reserve(new CycleState(), gone, "n");
    p.reserve(new CycleState(), stays, "n");
    assertThat(ledger.reservationCount("n")).isEqualTo(2);
    // The node changes afterwards and holds only "stays": "gone" was deleted or forgotten.
    h.snapshot().get("n").addPod(h.compile(gpuPod("stays", "1", 1, 100).nodeName("n").build()));
    PodInfo next = h.compile(gpuPod("next", "1", 1, 100).build());
    p.reserve(new CycleState(), next, "n");
    assertThat(ledger.devicesOf("n", gone.uid())).isNull();
    assertThat(ledger.devicesOf("n", stays.uid())).isNotNull();
    assertThat(ledger.devicesOf("n", next.uid())).isNotNull();
  }

  // ---- Args ----

  static Stream<Arguments> selectionNames() {
    return Stream.of(
        Arguments.of(null, GpuSelection.BEST),
        Arguments.of("{\"gpuSelMethod\":\"best\"}", GpuSelection.BEST),
        Arguments.of("{\"gpuSelMethod\":\"worst\"}", GpuSelection.WORST),
        Arguments.of("{\"gpuSelMethod\":\"random\"}", GpuSelection.RANDOM),
        Arguments.of("{\"gpuSelMethod\":\"FGDScore\"}", GpuSelection.FGD),
        Arguments.of("{\"gpuSelMethod\":\"DotProductScore\"}", GpuSelection.DOT_PRODUCT),
        Arguments.of("{\"gpuSelMethod\":null}", GpuSelection.BEST));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void selectionNames(String json, GpuSelection expected) {
    OpenGpuShare p = plugin(OpenGpuShare.NAME, json, threeDevices());
    assertThat(p.selection()).isEqualTo(expected);
  }

  static Stream<Arguments> invalidArgs() {
    return Stream.of(
        Arguments.of("{\"gpuSelMethod\":\"tightest\"}", "gpuSelMethod",
            "plugin Open-Gpu-Share args: gpuSelMethod: expected best, worst, random, FGDScore or"
                + " DotProductScore, got 'tightest'"),
        Arguments.of("{\"dimExtMethod\":\"cube\"}", "dimExtMethod",
            "plugin Open-Gpu-Share args: dimExtMethod: expected merge, share, divide or extend,"
                + " got 'cube'"),
        Arguments.of("{\"normMethod\":\"l2\"}", "normMethod",
            "plugin Open-Gpu-Share args: normMethod: expected node, pod or max, got 'l2'"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource
  void invalidArgs(String json, String field, String message) {
    StaticHandle h = threeDevices();
    assertThatThrownBy(() -> plugin(OpenGpuShare.NAME, json, h))
        .isInstanceOfSatisfying(PluginArgsException.class,
            e -> assertThat(e.field()).isEqualTo(field))
        .hasMessage(message);
  }

  @Test
  void unknownArgIsNamed() {
    StaticHandle h = threeDevices();
    assertThatThrownBy(() -> plugin(OpenGpuShare.NAME, "{\"gpuSelection\":\"best\"}", h))
        .isInstanceOfSatisfying(PluginArgsException.class,
            e -> assertThat(e.field()).isEqualTo("gpuSelection"));
  }
}
