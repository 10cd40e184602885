package io.schedlab.plugins.capacityscheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.ElasticQuota;
import io.schedlab.api.ElasticQuotaSpec;
import io.schedlab.api.KubeObject;
import io.schedlab.api.Node;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.Quantity;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.config.SchedulerConfigLoader;
import io.schedlab.framework.Registry;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.scheduler.BatchRun;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.PodBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CapacityScheduling through the whole scheduler, with the sample profile. */
class CapacitySchedulingEndToEndTest {
  private static final Registry REGISTRY = InTreeRegistry.create();

  static SchedulerConfig profile() throws IOException {
    Path file = Path.of("..", "traces", "samples", "profiles", "capacity-scheduling.yaml");
    return SchedulerConfigLoader.parse(Files.readString(file), file.toString(), REGISTRY);
  }

  static ElasticQuota quota(String namespace, String minCpu, String maxCpu) {
    return ElasticQuota.of(
        ObjectMeta.named(namespace, "quota"),
        new ElasticQuotaSpec(
            Map.of("cpu", Quantity.parse(minCpu), "memory", Quantity.parse("1Gi")),
            Map.of("cpu", Quantity.parse(maxCpu), "memory", Quantity.parse("64Gi"))));
  }

  private static Node node(String name, String cpu) {
    return NodeBuilder.node(name).capacity("cpu", cpu).capacity("memory", "16Gi").capacity("pods", "110").build();
  }

  private static Pod pod(String namespace, String name, String cpu) {
    return PodBuilder.pod(name).namespace(namespace).req("cpu", cpu).req("memory", "100Mi").build();
  }

  @Test
  void quotaMaxKeepsAPodPendingWhileAnotherNamespaceSchedules() throws IOException {
    List<KubeObject> objects = List.of(quota("team-a", "1", "2"), quota("team-b", "2", "4"));
    List<Pod> pods = new ArrayList<>();
    pods.add(pod("team-a", "a-0", "1"));
    pods.add(pod("team-a", "a-1", "1"));
    pods.add(pod("team-a", "a-2", "1"));
    pods.add(pod("team-b", "b-0", "1"));

    BatchRun.Result r =
        BatchRun.run(profile(), REGISTRY, objects, List.of(node("node-1", "4"), node("node-2", "4")), pods, 3);

    assertThat(r.outcomes().get(0).scheduled()).isTrue();
    assertThat(r.outcomes().get(1).scheduled()).isTrue();
    BatchRun.Outcome blocked = r.outcomes().get(2);
    assertThat(blocked.key()).isEqualTo("team-a/a-2");
    assertThat(blocked.scheduled()).isFalse();
    assertThat(blocked.message())
        .isEqualTo(
            "0/2 nodes are available: Pod team-a/a-2 is rejected in PreFilter because ElasticQuota"
                + " team-a is more than Max. 0/2 nodes are available: 1 No victims found on node node-1"
                + " for preemptor pod a-2, 1 No victims found on node node-2 for preemptor pod a-2.");
    BatchRun.Outcome other = r.outcomes().get(3);
    assertThat(other.key()).isEqualTo("team-b/b-0");
    assertThat(other.scheduled()).isTrue();
    assertThat(r.deleted()).isEmpty();
  }

  @Test
  void aPodWithinItsMinReclaimsWhatAnotherNamespaceBorrowedByPreemption() throws IOException {
    List<KubeObject> objects = List.of(quota("team-a", "2", "4"), quota("team-b", "2", "4"));
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      pods.add(pod("team-a", "a-" + i, "1"));
    }
    pods.add(pod("team-b", "b-0", "1"));

    BatchRun.Result r = BatchRun.run(profile(), REGISTRY, objects, List.of(node("node-1", "4")), pods, 3);

    // team-a borrowed 2 cpu beyond its min while team-b was idle; one pod gives back what b-0 needs.
    assertThat(r.deleted()).hasSize(1);
    assertThat(r.deleted().get(0)).startsWith("team-a/");
    BatchRun.Outcome b = r.outcomes().get(4);
    assertThat(b.key()).isEqualTo("team-b/b-0");
    assertThat(b.nominatedNodeName()).isEqualTo("node-1");
    assertThat(b.nodeName()).isEqualTo("node-1");
    assertThat(b.attempts()).isEqualTo(2);
  }

  @Test
  void borrowingStopsAtTheSumOfMins() throws IOException {
    // Plenty of nodes, but team-a may not use more than the quotas guarantee altogether (2 + 1).
    List<KubeObject> objects = List.of(quota("team-a", "2", "8"), quota("team-b", "1", "8"));
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      pods.add(pod("team-a", "a-" + i, "1"));
    }

    BatchRun.Result r = BatchRun.run(profile(), REGISTRY, objects, List.of(node("node-1", "8")), pods, 3);

    assertThat(r.scheduled()).isEqualTo(3);
    assertThat(r.outcomes().get(3).message())
        .contains("Pod team-a/a-3 is rejected in PreFilter because total ElasticQuota used is more than min");
  }

  private static Pod bound(String namespace, String name, int priority, String cpu) {
    return PodBuilder.pod(name).namespace(namespace).priority(priority).req("cpu", cpu).req("memory", "100Mi")
        .nodeName("node-1").build();
  }

  private static Pod pending(String namespace, String name, int priority, String cpu) {
    return PodBuilder.pod(name).namespace(namespace).priority(priority).req("cpu", cpu).req("memory", "100Mi").build();
  }

  @Test
  void beyondItsMinAPodPreemptsOnlyLowerPriorityPodsOfItsOwnQuota() throws IOException {
    List<KubeObject> objects = List.of(quota("team-a", "1", "4"), quota("team-b", "3", "4"));
    List<Pod> pods =
        List.of(bound("team-a", "a-low", 0, "2"), bound("team-b", "b-low", 0, "2"), pending("team-a", "a-high", 100, "2"));

    BatchRun.Result r = BatchRun.run(profile(), REGISTRY, objects, List.of(node("node-1", "4")), pods, 3);

    assertThat(r.deleted()).containsExactly("team-a/a-low");
    assertThat(r.outcomes().get(0).key()).isEqualTo("team-a/a-high");
    assertThat(r.outcomes().get(0).nodeName()).isEqualTo("node-1");
  }

  @Test
  void beyondItsMinAPodLeavesOtherQuotasAloneWhateverTheirPriority() throws IOException {
    // team-b borrows (2 above its min of 1) with low priority, but team-a's pod would itself go
    // beyond team-a's min, so it may only preempt within team-a, where nothing is less important.
    List<KubeObject> objects = List.of(quota("team-a", "3", "4"), quota("team-b", "1", "4"));
    List<Pod> pods =
        List.of(bound("team-a", "a-vip", 200, "2"), bound("team-b", "b-low", 0, "2"), pending("team-a", "a-high", 100, "2"));

    BatchRun.Result r = BatchRun.run(profile(), REGISTRY, objects, List.of(node("node-1", "4")), pods, 3);

    assertThat(r.deleted()).isEmpty();
    assertThat(r.outcomes().get(0).scheduled()).isFalse();
    assertThat(r.outcomes().get(0).message())
        .isEqualTo(
            "0/1 nodes are available: Pod team-a/a-high is rejected in PreFilter because total"
                + " ElasticQuota used is more than min. 0/1 nodes are available: 1 No victims found on"
                + " node node-1 for preemptor pod a-high.");
  }

  @Test
  void withinItsMinAPodReclaimsFromABorrowingQuotaOfAnyPriority() throws IOException {
    List<KubeObject> objects = List.of(quota("team-a", "3", "4"), quota("team-b", "1", "4"));
    List<Pod> pods =
        List.of(bound("team-a", "a-vip", 200, "1"), bound("team-b", "b-vip", 1000, "2"), pending("team-a", "a-low", 0, "2"));

    BatchRun.Result r = BatchRun.run(profile(), REGISTRY, objects, List.of(node("node-1", "4")), pods, 3);

    assertThat(r.deleted()).containsExactly("team-b/b-vip");
    assertThat(r.outcomes().get(0).nodeName()).isEqualTo("node-1");
  }

  @Test
  void aPodWithoutAQuotaPreemptsOnlyLowerPriorityPodsWithoutOne() throws IOException {
    List<KubeObject> objects = List.of(quota("team-a", "1", "4"));
    List<Pod> pods =
        List.of(
            bound("team-a", "a-low", 0, "2"),
            bound("free", "f-low", 0, "2"),
            pending("free", "f-high", 100, "2"));

    BatchRun.Result r = BatchRun.run(profile(), REGISTRY, objects, List.of(node("node-1", "4")), pods, 3);

    assertThat(r.deleted()).containsExactly("free/f-low");
    assertThat(r.outcomes().get(0).nodeName()).isEqualTo("node-1");
  }
}
