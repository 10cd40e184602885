package io.schedlab.controller.workload;

import static io.schedlab.controller.workload.Harness.S;
import static io.schedlab.testing.NodeBuilder.node;
import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.DaemonSet;
import io.schedlab.api.DaemonSetSpec;
import io.schedlab.api.DaemonSetStatus;
import io.schedlab.api.Node;
import io.schedlab.api.NodeSelectorRequirement;
import io.schedlab.api.NodeSelectorTerm;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.PodTemplateSpec;
import io.schedlab.api.Taint;
import io.schedlab.api.Toleration;
import io.schedlab.cluster.SimEvent;
import io.schedlab.testing.NodeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DaemonSetControllerTest {
  private static final Map<String, String> APP = Map.of("app", "agent");

  private static DaemonSet ds(PodTemplateSpec template) {
    return DaemonSet.of(Harness.meta("agent", 1),
        new DaemonSetSpec(Harness.selector(APP), template, null), null);
  }

  private static PodTemplateSpec plain() {
    return Harness.template(APP);
  }

  private static PodTemplateSpec withSpec(java.util.function.UnaryOperator<PodSpec> f) {
    PodTemplateSpec t = plain();
    return new PodTemplateSpec(t.metadata(), f.apply(t.spec()));
  }

  private static Map<String, String> podNodes(Harness h) {
    Map<String, String> out = new java.util.TreeMap<>();
    for (Pod p : h.pods()) {
      out.put(DaemonSetController.targetNode(p), p.metadata().name());
    }
    return out;
  }

  static Stream<Arguments> eligibility() {
    return Stream.of(
        Arguments.of("plain node", node("n").build(), plain(), true, true),
        Arguments.of("not-ready NoExecute tolerated by default",
            node("n").taint("node.kubernetes.io/not-ready", "", "NoExecute").build(), plain(),
            true, true),
        Arguments.of("unreachable NoExecute tolerated by default",
            node("n").taint("node.kubernetes.io/unreachable", "", "NoExecute").build(), plain(),
            true, true),
        Arguments.of("memory-pressure tolerated by default",
            node("n").taint("node.kubernetes.io/memory-pressure", "", "NoSchedule").build(),
            plain(), true, true),
        Arguments.of("disk-pressure tolerated by default",
            node("n").taint("node.kubernetes.io/disk-pressure", "", "NoSchedule").build(),
            plain(), true, true),
        Arguments.of("pid-pressure tolerated by default",
            node("n").taint("node.kubernetes.io/pid-pressure", "", "NoSchedule").build(),
            plain(), true, true),
        Arguments.of("unschedulable tolerated by default",
            node("n").unschedulable().taint("node.kubernetes.io/unschedulable", "", "NoSchedule")
                .build(), plain(), true, true),
        Arguments.of("network-unavailable not tolerated without hostNetwork",
            node("n").taint("node.kubernetes.io/network-unavailable", "", "NoSchedule").build(),
            plain(), false, true),
        Arguments.of("other NoSchedule taint: no new pod, existing keeps running",
            node("n").taint("dedicated", "gpu", "NoSchedule").build(), plain(), false, true),
        Arguments.of("other NoExecute taint: evicted",
            node("n").taint("dedicated", "gpu", "NoExecute").build(), plain(), false, false),
        Arguments.of("tolerated NoExecute taint",
            node("n").taint("dedicated", "gpu", "NoExecute").build(),
            withSpec(s -> s.withTolerations(List.of(
                new Toleration("dedicated", "Equal", "gpu", "NoExecute", null)))), true, true),
        Arguments.of("PreferNoSchedule ignored",
            node("n").taint("dedicated", "gpu", "PreferNoSchedule").build(), plain(), true,
            true),
        Arguments.of("nodeSelector mismatch", node("n").label("disk", "hdd").build(),
            withSpec(s -> s.withNodeSelector(Map.of("disk", "ssd"))), false, false),
        Arguments.of("nodeSelector match", node("n").label("disk", "ssd").build(),
            withSpec(s -> s.withNodeSelector(Map.of("disk", "ssd"))), true, true),
        Arguments.of("required node affinity mismatch", node("n").label("zone", "a").build(),
            withSpec(s -> s.withAffinity(new io.schedlab.api.Affinity(
                new io.schedlab.api.NodeAffinity(new io.schedlab.api.NodeSelector(List.of(
                    new NodeSelectorTerm(List.of(new NodeSelectorRequirement("zone", "In",
                        List.of("b"))), null))), null), null, null))), false, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eligibility")
  void nodeShouldRunDaemonPod(String name, Node node, PodTemplateSpec template, boolean run,
      boolean keep) {
    boolean[] got = DaemonSetController.shouldRun(DaemonSetController.newPod(ds(template), null),
        node);
    assertThat(got).containsExactly(run, keep);
  }

  @Test
  void onePodPerNodePlacedThroughTheSchedulerByNodeAffinity() {
    Harness h = new Harness(new DaemonSetController());
    h.store.create(node("n1").build());
    h.store.create(node("n2").build());
    h.store.create(ds(plain()));
    h.settle();
    assertThat(podNodes(h)).containsOnlyKeys("n1", "n2");
    assertThat(h.actions("create_pod")).extracting(SimEvent::node)
        .containsExactlyInAnyOrder("n1", "n2");
    Pod p = h.pods().get(0);
    assertThat(p.spec().nodeName()).isNull();
    NodeSelectorRequirement field = p.spec().affinity().nodeAffinity()
        .requiredDuringSchedulingIgnoredDuringExecution().nodeSelectorTerms().get(0)
        .matchFields().get(0);
    assertThat(field.key()).isEqualTo("metadata.name");
    assertThat(field.operator()).isEqualTo("In");
    List<String> keys = new ArrayList<>();
    for (Toleration t : p.spec().tolerations()) {
      keys.add(t.key() + ":" + t.effect());
    }
    assertThat(keys).containsExactly("node.kubernetes.io/not-ready:NoExecute",
        "node.kubernetes.io/unreachable:NoExecute", "node.kubernetes.io/disk-pressure:NoSchedule",
        "node.kubernetes.io/memory-pressure:NoSchedule",
        "node.kubernetes.io/pid-pressure:NoSchedule",
        "node.kubernetes.io/unschedulable:NoSchedule");
    assertThat(h.store.get(DaemonSet.class, "default", "agent").status())
        .isEqualTo(new DaemonSetStatus(2, 0, 2, 0, 1L));
  }

  @Test
  void newNodeGetsAPodRemovedOrTaintedNodeLosesIt() {
    Harness h = new Harness(new DaemonSetController());
    h.store.create(node("n1").build());
    h.store.create(ds(plain()));
    h.settle();
    h.runFor(4 * S);
    h.store.create(node("n2").build());
    h.settle();
    assertThat(podNodes(h)).containsOnlyKeys("n1", "n2");
    assertThat(h.actions("create_pod").get(1).seconds()).isEqualTo(4.0);
    h.runFor(1 * S);
    h.store.delete(Node.class, null, "n1");
    h.settle();
    assertThat(podNodes(h)).containsOnlyKeys("n2");
    h.store.update(Node.class, null, "n2",
        n -> n.withSpec(
            NodeBuilder.node("n2").taint("evict", "", Taint.NO_EXECUTE).build().spec()));
    h.settle();
    assertThat(h.pods()).isEmpty();
    assertThat(h.actions("delete_pod")).hasSize(2);
  }

  @Test
  void failedPodsAreRecreatedWithPerNodeBackoff() {
    Harness h = new Harness(new DaemonSetController());
    h.store.create(node("n1").build());
    h.store.create(ds(plain()));
    h.settle();
    // First failure: deleted and recreated at once (back-off now 1 s).
    h.runFor(10 * S);
    h.setPhase(h.pods().get(0), "Failed");
    h.settle();
    assertThat(h.actions("create_pod")).hasSize(2);
    // Second failure within 1 s: waits out the back-off.
    h.setPhase(h.pods().get(0), "Failed");
    h.settle();
    assertThat(h.actions("create_pod")).hasSize(2);
    h.runFor(1 * S);
    assertThat(h.actions("create_pod")).hasSize(3);
    assertThat(h.actions("create_pod").get(2).seconds()).isEqualTo(11.0);
  }
}
