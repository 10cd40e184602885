package io.schedlab.plugins.capacityscheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.ElasticQuota;
import io.schedlab.api.ElasticQuotaSpec;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.Quantity;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Status;
import io.schedlab.framework.StaticHandle;
import io.schedlab.framework.StaticObjectLister;
import io.schedlab.plugins.defaultpreemption.DefaultPreemption.Eligibility;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.PodBuilder;
import io.schedlab.testing.TestHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whether a pod nominated after an earlier preemption may preempt again. */
class QuotaPreemptionTest {
  private static ElasticQuota quota(String ns, String min, String max) {
    return ElasticQuota.of(
        ObjectMeta.named(ns, "quota"),
        new ElasticQuotaSpec(Map.of("cpu", Quantity.parse(min)), Map.of("cpu", Quantity.parse(max))));
  }

  private static Pod onNode(String ns, String name, int priority, String cpu, boolean terminating) {
    PodBuilder b = PodBuilder.pod(name).namespace(ns).priority(priority).req("cpu", cpu).nodeName("node-1");
    if (terminating) {
      b.deletionTimestamp("2024-01-01T00:00:00Z");
    }
    return b.build();
  }

  static Stream<Arguments> cases() {
    String wait = QuotaPreemption.NOT_ELIGIBLE_TERMINATING;
    return Stream.of(
        Arguments.of("a lower-priority pod of its own quota is terminating",
            List.of(onNode("team-a", "old", 0, "1", true)), "team-a", 10, wait),
        Arguments.of("the terminating pod of its own quota is not less important",
            List.of(onNode("team-a", "old", 10, "1", true)), "team-a", 10, null),
        Arguments.of("within min, a pod of a borrowing quota is terminating",
            List.of(onNode("team-b", "borrower", 1000, "3", true)), "team-a", 0, wait),
        Arguments.of("within min, the terminating pod's quota does not borrow",
            List.of(onNode("team-b", "owner", 0, "1", true)), "team-a", 10, null),
        Arguments.of("beyond min, other quotas' terminating pods are not its room",
            List.of(onNode("team-a", "mine", 100, "2", false), onNode("team-b", "borrower", 0, "3", true)),
            "team-a", 10, null),
        Arguments.of("without a quota, a lower-priority pod without one is terminating",
            List.of(onNode("free", "old", 0, "1", true)), "free", 10, wait),
        Arguments.of("without a quota, pods with one do not count",
            List.of(onNode("team-a", "old", 0, "1", true)), "free", 10, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aNominatedPodWaitsForTheRoomAnEarlierPreemptionIsFreeing(
      String name, List<Pod> onNode, String namespace, int priority, String reason) {
    StaticHandle h =
        TestHandles.of(
            List.of(NodeBuilder.node("node-1").capacity("cpu", "8").capacity("pods", "110").build()),
            new ArrayList<>(onNode));
    h.setObjects(new StaticObjectLister(List.of(quota("team-a", "2", "8"), quota("team-b", "2", "8"))));
    CapacityScheduling plugin = new CapacityScheduling(h);
    QuotaPreemption policy = new QuotaPreemption(h, new QuotaVectors(h.resources()));
    Pod preemptor =
        PodBuilder.pod("p").namespace(namespace).priority(priority).req("cpu", "1").nominatedNodeName("node-1").build();
    PodInfo p = h.compile(preemptor);
    CycleState state = new CycleState();
    plugin.preFilter(state, p, h.snapshot().list());

    Eligibility e = policy.podEligibleToPreemptOthers(state, preemptor, Status.unschedulable("Insufficient cpu"));

    assertThat(e.eligible()).isEqualTo(reason == null);
    assertThat(e.reason()).isEqualTo(reason == null ? "" : reason);
  }
}
