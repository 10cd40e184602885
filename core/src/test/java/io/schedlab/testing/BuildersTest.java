package io.schedlab.testing;

import static io.schedlab.testing.NodeBuilder.node;
import static io.schedlab.testing.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.Container;
import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.api.Quantity;
import io.schedlab.api.codec.KubeCodec;
import io.schedlab.api.match.NodeSelectors;
import io.schedlab.api.match.Tolerations;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.StaticHandle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildersTest {

  @Test
  void podDefaults() {
    Pod p = pod("p").build();
    assertThat(p.key()).isEqualTo("default/p");
    assertThat(p.metadata().uid()).isEqualTo("p");
    assertThat(p.spec().containers()).isEmpty();
    assertThat(p.spec().affinity()).isNull();
    assertThat(p.spec().resources()).isNull();
  }

  @Test
  void resourcesGoToTheCurrentContainer() {
    Pod p = pod("p").namespace("ns").uid("u").label("app", "web")
        .req("cpu", "100m").req("memory", "1Gi").limit("cpu", "1")
        .container("second", "cpu", "200m")
        .initContainer("init", false).req("cpu", "2")
        .initContainer("sidecar", true).req("memory", "64Mi")
        .overhead("cpu", "10m")
        .podReq("cpu", "500m")
        .build();
    assertThat(p.key()).isEqualTo("ns/p");
    assertThat(p.metadata().uid()).isEqualTo("u");
    assertThat(p.spec().containers()).extracting(Container::name).containsExactly("c0", "second");
    Container first = p.spec().containers().get(0);
    assertThat(first.resources().requests())
        .containsExactly(Map.entry("cpu", Quantity.parse("100m")),
            Map.entry("memory", Quantity.parse("1Gi")));
    assertThat(first.resources().limits()).containsEntry("cpu", Quantity.parse("1"));
    assertThat(p.spec().containers().get(1).resources().requests().get("cpu").milliValue())
        .isEqualTo(200);
    assertThat(p.spec().initContainers()).extracting(Container::restartPolicy)
        .containsExactly(null, "Always");
    assertThat(p.spec().overhead().get("cpu").milliValue()).isEqualTo(10);
    assertThat(p.spec().resources().requests().get("cpu").milliValue()).isEqualTo(500);
  }

  @Test
  void schedulingFields() {
    Pod p = pod("p").nodeName("n1").priority(10).schedulerName("my-scheduler")
        .toleration("dedicated", "Equal", "gpu", "NoSchedule")
        .nodeSelector("disk", "ssd")
        .nodeAffinityRequired("zone", "In", "a", "b")
        .nodeAffinityRequired("arch", "NotIn", "arm64")
        .hostPort(8080, null)
        .schedulingGate("g")
        .podAntiAffinityRequired(PodBuilder.term("kubernetes.io/hostname", "app", "web"))
        .spreadConstraint(1, "zone", "DoNotSchedule", PodBuilder.selector("app", "web"))
        .phase("Running")
        .build();
    assertThat(p.spec().nodeName()).isEqualTo("n1");
    assertThat(p.spec().priority()).isEqualTo(10);
    assertThat(p.spec().schedulerName()).isEqualTo("my-scheduler");
    assertThat(p.spec().schedulingGates()).hasSize(1);
    assertThat(p.spec().containers().get(0).ports().get(0).protocol()).isEqualTo("TCP");
    assertThat(p.spec().affinity().nodeAffinity().requiredDuringSchedulingIgnoredDuringExecution()
        .nodeSelectorTerms()).hasSize(1);
    assertThat(p.spec().affinity().podAntiAffinity()
        .requiredDuringSchedulingIgnoredDuringExecution().get(0).labelSelector().matchLabels())
        .containsEntry("app", "web");
    assertThat(p.status().phase()).isEqualTo("Running");

    Node matching = node("n1").label("disk", "ssd").label("zone", "b").label("arch", "amd64")
        .taint("dedicated", "gpu", "NoSchedule").build();
    Node wrongZone = node("n2").label("disk", "ssd").label("zone", "c").build();
    assertThat(NodeSelectors.podMatchesNode(p, matching)).isTrue();
    assertThat(NodeSelectors.podMatchesNode(p, wrongZone)).isFalse();
    assertThat(Tolerations.findUntoleratedTaint(matching.spec().taints(), p.spec().tolerations(),
        Tolerations.NO_SCHEDULE_OR_NO_EXECUTE)).isNull();
  }

  @Test
  void nodeAllocatableDefaultsToCapacity() {
    Node n = node("n").capacity("cpu", "4").capacity("memory", "8Gi").build();
    assertThat(n.status().allocatable()).isEqualTo(n.status().capacity());
    assertThat(n.status().allocatable().get("pods").value()).isEqualTo(110);
    assertThat(n.key()).isEqualTo("n");
  }

  @Test
  void nodeWithExplicitAllocatable() {
    Node n = node("n").capacity("cpu", "4", "memory", "8Gi", "pods", "10")
        .allocatable("cpu", "3500m").allocatable("memory", "7Gi")
        .unschedulable().image("nginx:1.25", 50_000_000L).build();
    assertThat(n.status().allocatable().get("cpu").milliValue()).isEqualTo(3500);
    assertThat(n.status().allocatable().get("pods").value()).isEqualTo(10);
    assertThat(n.status().capacity().get("cpu").value()).isEqualTo(4);
    assertThat(n.spec().unschedulable()).isTrue();
    assertThat(n.status().images().get(0).names()).containsExactly("nginx:1.25");
  }

  @Test
  void builtObjectsRoundTrip() {
    Pod p = pod("p").req("cpu", "1").toleration("k", "Exists", null, null)
        .nodeAffinityPreferred(5, "zone", "In", "a").build();
    assertThat(KubeCodec.read(KubeCodec.toYaml(p), Pod.class)).isEqualTo(p);
    Node n = node("n").capacity("cpu", "4").taint("k", "v", "NoExecute").build();
    assertThat(KubeCodec.read(KubeCodec.toJson(n), Node.class)).isEqualTo(n);
  }

  @Test
  void testHandlesPlaceEachPodOnItsNodeBeforeTheSnapshotIsTaken() {
    StaticHandle h = TestHandles.of(
        List.of(node("a").label("zone", "z1").build(), node("b").build()),
        List.of(pod("web").nodeName("b").build(),
            pod("guard").nodeName("b").podAntiAffinityRequired(PodBuilder.term("zone", "app", "x")).build()));
    assertThat(h.snapshot().list()).extracting(NodeInfo::name).containsExactly("a", "b");
    assertThat(h.snapshot().get("a").pods()).isEmpty();
    assertThat(h.snapshot().get("b").pods()).extracting(PodInfo::name).containsExactly("web", "guard");
    assertThat(h.snapshot().havePodsWithRequiredAntiAffinity()).extracting(NodeInfo::name).containsExactly("b");
    assertThat(h.snapshot().get("a").labels().get(h.labels().find("zone"))).isEqualTo(h.labels().find("z1"));
  }

  @Test
  void testHandlesRejectAPodOnAnUnlistedNodeAndDuplicateNodes() {
    assertThatThrownBy(() -> TestHandles.of(List.of(node("a").build()), List.of(pod("p").nodeName("z").build())))
        .hasMessage("pod default/p is bound to z, which is not a listed node");
    assertThatThrownBy(() -> TestHandles.of(List.of(node("a").build(), node("a").build())))
        .hasMessage("two nodes are named a");
  }
}
