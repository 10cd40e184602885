package io.schedlab.plugins.capacityscheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.ElasticQuota;
import io.schedlab.api.ElasticQuotaSpec;
import io.schedlab.api.Node;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.Quantity;
import io.schedlab.framework.Code;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreFilterResult;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.framework.StaticHandle;
import io.schedlab.framework.StaticObjectLister;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.PodBuilder;
import io.schedlab.testing.TestHandles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class CapacitySchedulingTest {
  private static Node node(String name) {
    return NodeBuilder.node(name).capacity("cpu", "16").capacity("memory", "64Gi").capacity("pods", "110").build();
  }

  private static Map<String, Quantity> list(String... kv) {
    if (kv.length == 1 && kv[0] == null) {
      return null;
    }
    Map<String, Quantity> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], Quantity.parse(kv[i + 1]));
    }
    return m;
  }

  private static ElasticQuota quota(String ns, Map<String, Quantity> min, Map<String, Quantity> max) {
    return ElasticQuota.of(ObjectMeta.named(ns, "quota"), new ElasticQuotaSpec(min, max));
  }

  private static Pod pod(String ns, String name, String... requests) {
    PodBuilder b = PodBuilder.pod(name).namespace(ns);
    for (int i = 0; i < requests.length; i += 2) {
      b.req(requests[i], requests[i + 1]);
    }
    return b.build();
  }

  private record World(StaticHandle handle, CapacityScheduling plugin) {
    PodInfo compile(Pod p) {
      return handle.compile(p);
    }

    NodeInfo node(String name) {
      return handle.snapshot().get(name);
    }

    PreFilterResult preFilter(CycleState state, PodInfo p) {
      return plugin.preFilter(state, p, handle.snapshot().list());
    }

    long cpu(String ns) {
      return ResourceRegistry.get(plugin.used(ns), ResourceRegistry.CPU);
    }
  }

  private static World world(List<ElasticQuota> quotas, List<Pod> bound) {
    StaticHandle h = TestHandles.of(List.of(node("node-1"), node("node-2")), bound);
    h.setObjects(new StaticObjectLister(quotas));
    return new World(h, new CapacityScheduling(h));
  }

  private static final List<ElasticQuota> TWO_QUOTAS =
      List.of(quota("team-a", list("cpu", "2", "memory", "4Gi"), list("cpu", "4", "memory", "8Gi")),
          quota("team-b", list("cpu", "2", "memory", "4Gi"), list("cpu", "4", "memory", "8Gi")));

  // ---- Reserve / Unreserve and following the snapshot ----

  @Test
  void reserveCountsAPodOnceAndUnreserveReleasesItOnce() {
    World w = world(TWO_QUOTAS, List.of());
    PodInfo p = w.compile(pod("team-a", "p", "cpu", "1500m"));
    w.plugin().reserve(new CycleState(), p, "node-1");
    w.plugin().reserve(new CycleState(), p, "node-1");
    assertThat(w.cpu("team-a")).isEqualTo(1500);
    assertThat(w.plugin().counts(p)).isTrue();
    w.plugin().unreserve(new CycleState(), p, "node-1");
    assertThat(w.cpu("team-a")).isZero();
    w.plugin().unreserve(new CycleState(), p, "node-1");
    assertThat(w.cpu("team-a")).isZero();
    assertThat(w.plugin().counts(p)).isFalse();
  }

  @Test
  void podsBoundAtStartAreCountedAtTheFirstPreFilterAndDeletedOnesStopCounting() {
    Pod bound = PodBuilder.pod("running").namespace("team-a").req("cpu", "1").nodeName("node-1").build();
    World w = world(TWO_QUOTAS, List.of(bound));
    assertThat(w.cpu("team-a")).isZero();
    w.preFilter(new CycleState(), w.compile(pod("team-b", "x", "cpu", "1")));
    assertThat(w.cpu("team-a")).isEqualTo(1000);

    NodeInfo n1 = w.node("node-1");
    n1.removePod(n1.pods().get(0));
    w.preFilter(new CycleState(), w.compile(pod("team-b", "x", "cpu", "1")));
    assertThat(w.cpu("team-a")).isZero();
  }

  @Test
  void aReservedPodDeletedBeforeTheNextPreFilterStopsCounting() {
    World w = world(TWO_QUOTAS, List.of());
    w.preFilter(new CycleState(), w.compile(pod("team-b", "x", "cpu", "1")));
    PodInfo p = w.compile(pod("team-a", "p", "cpu", "1"));
    w.plugin().reserve(new CycleState(), p, "node-2");
    // Assumed and then deleted, both between two cycles: the next snapshot never shows it.
    PodInfo assumed = p.withNodeName("node-2");
    w.node("node-2").addPod(assumed);
    w.node("node-2").removePod(assumed);
    w.preFilter(new CycleState(), w.compile(pod("team-b", "x", "cpu", "1")));
    assertThat(w.cpu("team-a")).isZero();
  }

  @Test
  void aReservedPodThatIsAssumedStaysCountedOnce() {
    World w = world(TWO_QUOTAS, List.of());
    PodInfo p = w.compile(pod("team-a", "p", "cpu", "1"));
    w.plugin().reserve(new CycleState(), p, "node-2");
    w.node("node-2").addPod(p.withNodeName("node-2"));
    w.preFilter(new CycleState(), w.compile(pod("team-b", "x", "cpu", "1")));
    w.preFilter(new CycleState(), w.compile(pod("team-b", "x", "cpu", "1")));
    assertThat(w.cpu("team-a")).isEqualTo(1000);
  }

  // ---- PreFilter ----

  static Stream<Arguments> preFilterCases() {
    String overMax = "Pod team-a/p is rejected in PreFilter because ElasticQuota team-a is more than Max";
    String overMin = "Pod team-a/p is rejected in PreFilter because total ElasticQuota used is more than min";
    ElasticQuota b = quota("team-b", list("cpu", "2", "memory", "4Gi"), list("cpu", "4", "memory", "8Gi"));
    return Stream.of(
        Arguments.of("a namespace without a quota is not limited",
            List.of(b), List.of(), new String[] {"cpu", "100"}, null),
        Arguments.of("within max and within the sum of mins",
            TWO_QUOTAS, List.of("team-a:2"), new String[] {"cpu", "2"}, null),
        Arguments.of("used + request above max",
            TWO_QUOTAS, List.of("team-a:3"), new String[] {"cpu", "2"}, overMax),
        Arguments.of("borrowing beyond the sum of mins",
            TWO_QUOTAS, List.of("team-a:2", "team-b:2"), new String[] {"cpu", "1"}, overMin),
        Arguments.of("borrowing what another quota leaves idle",
            TWO_QUOTAS, List.of("team-a:3"), new String[] {"cpu", "1"}, null),
        Arguments.of("a max that leaves out memory allows none",
            List.of(quota("team-a", list("cpu", "2"), list("cpu", "4")), b), List.of(),
            new String[] {"cpu", "1", "memory", "1Mi"}, overMax),
        Arguments.of("no max at all is unlimited (the sum of mins still applies)",
            List.of(quota("team-a", list("cpu", "8"), null), b), List.of(),
            new String[] {"cpu", "9", "memory", "1Gi"}, null),
        Arguments.of("a scalar resource the max leaves out is unlimited",
            List.of(quota("team-a", list("cpu", "2", "example.com/gpu", "8"), list("cpu", "4")), b), List.of(),
            new String[] {"cpu", "1", "example.com/gpu", "8"}, null),
        Arguments.of("a scalar resource no min names cannot be borrowed",
            TWO_QUOTAS, List.of(), new String[] {"cpu", "1", "example.com/gpu", "1"}, overMin));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("preFilterCases")
  void preFilterChecksMaxAndTheSumOfMins(
      String name, List<ElasticQuota> quotas, List<String> usedCpu, String[] request, String rejection) {
    World w = world(quotas, List.of());
    int i = 0;
    for (String u : usedCpu) {
      String[] nsCpu = u.split(":");
      PodInfo used = w.compile(pod(nsCpu[0], "used-" + i++, "cpu", nsCpu[1]));
      // As the scheduler does: assumed on the node, then reserved.
      w.node("node-1").addPod(used.withNodeName("node-1"));
      w.plugin().reserve(new CycleState(), used, "node-1");
    }
    PreFilterResult r = w.preFilter(new CycleState(), w.compile(pod("team-a", "p", request)));
    if (rejection == null) {
      assertThat(r.status().isSuccess()).as(r.status().toString()).isTrue();
    } else {
      assertThat(r.status().code()).isEqualTo(Code.UNSCHEDULABLE);
      assertThat(r.status().message()).isEqualTo(rejection);
    }
  }

  @Test
  void nominatedPodsOfTheSameQuotaAtLeastAsImportantCountTowardsMax() {
    World w = world(TWO_QUOTAS, List.of());
    PodInfo nominated =
        w.compile(PodBuilder.pod("first").namespace("team-a").priority(10).req("cpu", "3").build());
    w.handle().addNominatedPod(nominated, "node-2");
    PodInfo lower = w.compile(PodBuilder.pod("p").namespace("team-a").priority(5).req("cpu", "2").build());
    PodInfo higher = w.compile(PodBuilder.pod("q").namespace("team-a").priority(20).req("cpu", "2").build());
    assertThat(w.preFilter(new CycleState(), lower).status().code()).isEqualTo(Code.UNSCHEDULABLE);
    assertThat(w.preFilter(new CycleState(), higher).status().isSuccess()).isTrue();
  }

  // ---- PreFilter extensions ----

  @Test
  void addAndRemovePodChangeOnlyTheCyclesCopyAndCountAPodOnce() {
    Pod bound = PodBuilder.pod("running").namespace("team-a").req("cpu", "3").nodeName("node-1").build();
    World w = world(TWO_QUOTAS, List.of(bound));
    CycleState state = new CycleState();
    PodInfo p = w.compile(pod("team-a", "p", "cpu", "2"));
    assertThat(w.preFilter(state, p).status().code()).isEqualTo(Code.UNSCHEDULABLE);
    PodInfo running = w.node("node-1").pods().get(0);

    CycleState copy = state.copy();
    w.plugin().removePod(copy, p, running, w.node("node-1"));
    w.plugin().removePod(copy, p, running, w.node("node-1"));
    ElasticQuotaInfo a = copy.read(CapacityScheduling.SNAPSHOT_KEY).get("team-a");
    assertThat(ResourceRegistry.get(a.used(), ResourceRegistry.CPU)).isZero();
    w.plugin().addPod(copy, p, running, w.node("node-1"));
    w.plugin().addPod(copy, p, running, w.node("node-1"));
    assertThat(ResourceRegistry.get(a.used(), ResourceRegistry.CPU)).isEqualTo(3000);

    ElasticQuotaInfo original = state.read(CapacityScheduling.SNAPSHOT_KEY).get("team-a");
    w.plugin().removePod(copy, p, running, w.node("node-1"));
    assertThat(ResourceRegistry.get(original.used(), ResourceRegistry.CPU)).isEqualTo(3000);
    assertThat(w.cpu("team-a")).isEqualTo(3000);
  }

  @Test
  void extensionsWithoutPreFilterStateAreAnError() {
    World w = world(TWO_QUOTAS, List.of());
    PodInfo p = w.compile(pod("team-a", "p", "cpu", "1"));
    assertThat(w.plugin().addPod(new CycleState(), p, p, w.node("node-1")).code()).isEqualTo(Code.ERROR);
    assertThat(w.plugin().removePod(new CycleState(), p, p, w.node("node-1")).code()).isEqualTo(Code.ERROR);
  }
}
