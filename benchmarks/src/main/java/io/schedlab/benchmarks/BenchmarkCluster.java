package io.schedlab.benchmarks;

import io.schedlab.api.Affinity;
import io.schedlab.api.Container;
import io.schedlab.api.ContainerImage;
import io.schedlab.api.ContainerPort;
import io.schedlab.api.LabelSelector;
import io.schedlab.api.Node;
import io.schedlab.api.NodeAffinity;
import io.schedlab.api.NodeSelector;
import io.schedlab.api.NodeSelectorRequirement;
import io.schedlab.api.NodeSelectorTerm;
import io.schedlab.api.NodeSpec;
import io.schedlab.api.NodeStatus;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodAffinityTerm;
import io.schedlab.api.PodAntiAffinity;
import io.schedlab.api.PodSpec;
import io.schedlab.api.PodStatus;
import io.schedlab.api.PreferredSchedulingTerm;
import io.schedlab.api.Quantity;
import io.schedlab.api.ResourceRequirements;
import io.schedlab.api.Taint;
import io.schedlab.api.Toleration;
import io.schedlab.api.TopologySpreadConstraint;
import io.schedlab.api.WeightedPodAffinityTerm;
import io.schedlab.framework.LabelInterner;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.framework.StaticHandle;
import io.schedlab.scheduler.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic cluster for per-plugin benchmarks: nodes in three zones with hostname labels, some
 * tainted, with images, each running pods of ten apps; and one representative pod that exercises
 * every in-tree plugin (requests, a host port, tolerations, required and preferred node affinity,
 * required and preferred pod anti-affinity and two spread constraints). Seeded, so every run sees the same cluster.
 */
final class BenchmarkCluster {
  static final String ZONE = "topology.kubernetes.io/zone";
  static final String HOSTNAME = "kubernetes.io/hostname";

  final ResourceRegistry resources = new ResourceRegistry();
  final LabelInterner labels = new LabelInterner();
  final List<NodeInfo> nodes;
  final Snapshot snapshot;
  final StaticHandle handle;
  final PodInfo pod;

  BenchmarkCluster(int nodeCount, int podsPerNode, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    nodes = new ArrayList<>(nodeCount);
    for (int i = 0; i < nodeCount; i++) {
      NodeInfo info = new NodeInfo();
      info.setNode(node(i, rnd), resources, labels);
      for (int p = 0; p < podsPerNode; p++) {
        info.addPod(new PodInfo(runningPod(i, p, rnd), resources, labels));
      }
      nodes.add(info);
    }
    snapshot = Snapshot.of(nodes);
    handle = new StaticHandle(snapshot, resources, labels);
    pod = new PodInfo(incomingPod(), resources, labels);
  }

  static Node node(int i, SplittableRandom rnd) {
    String name = "node-" + i;
    Map<String, Quantity> capacity =
        Map.of("cpu", Quantity.parse("32"), "memory", Quantity.parse("128Gi"), "pods", Quantity.parse("110"));
    List<Taint> taints = new ArrayList<>();
    int t = rnd.nextInt(20);
    if (t == 0) {
      taints.add(new Taint("dedicated", "infra", "NoSchedule", null));
    } else if (t < 3) {
      taints.add(new Taint("spot", "true", "PreferNoSchedule", null));
    }
    List<ContainerImage> images =
        List.of(
            new ContainerImage(List.of("registry.example/app-" + rnd.nextInt(10) + ":v1"), 300L * 1024 * 1024),
            new ContainerImage(List.of("registry.k8s.io/pause:3.10.1"), 700L * 1024));
    return Node.of(
        ObjectMeta.named(null, name)
            .withLabels(Map.of(HOSTNAME, name, ZONE, "zone-" + (i % 3), "kubernetes.io/arch", "amd64")),
        NodeSpec.EMPTY.withTaints(taints),
        NodeStatus.EMPTY.withCapacity(capacity).withAllocatable(capacity).withImages(images));
  }

  static Pod runningPod(int node, int p, SplittableRandom rnd) {
    Map<String, Quantity> req =
        Map.of("cpu", Quantity.ofMilli(100 + rnd.nextInt(900)), "memory", Quantity.parse((64 + rnd.nextInt(1000)) + "Mi"));
    Container c = new Container("app", "registry.example/app:v1", null, null, new ResourceRequirements(req, Map.of()), List.of(), null);
    PodSpec spec = PodSpec.EMPTY.withContainers(List.of(c)).withNodeName("node-" + node);
    return Pod.of(
        ObjectMeta.named("default", "run-" + node + "-" + p)
            .withUid("run-" + node + "-" + p)
            .withLabels(Map.of("app", "app-" + rnd.nextInt(10))),
        spec,
        PodStatus.EMPTY);
  }

  static Pod incomingPod() {
    Map<String, Quantity> req = Map.of("cpu", Quantity.parse("500m"), "memory", Quantity.parse("1Gi"));
    Container c =
        new Container(
            "web", "registry.example/app-3:v1", null, null, new ResourceRequirements(req, Map.of()),
            List.of(new ContainerPort("http", 8080, 8080, "TCP", null)), null);
    LabelSelector app = new LabelSelector(Map.of("app", "app-3"), List.of());
    NodeAffinity nodeAffinity =
        new NodeAffinity(
            new NodeSelector(
                List.of(new NodeSelectorTerm(
                    List.of(new NodeSelectorRequirement(ZONE, "In", List.of("zone-0", "zone-1"))), List.of()))),
            List.of(new PreferredSchedulingTerm(
                10, new NodeSelectorTerm(
                    List.of(new NodeSelectorRequirement(ZONE, "In", List.of("zone-1"))), List.of()))));
    // Required anti-affinity makes InterPodAffinity's Filter do real work (no PreFilter Skip).
    PodAntiAffinity anti =
        new PodAntiAffinity(
            List.of(new PodAffinityTerm(
                new LabelSelector(Map.of("app", "app-7"), List.of()), List.of(), HOSTNAME, null, List.of(), List.of())),
            List.of(new WeightedPodAffinityTerm(
                50, new PodAffinityTerm(app, List.of(), HOSTNAME, null, List.of(), List.of()))));
    PodSpec spec =
        PodSpec.EMPTY
            .withContainers(List.of(c))
            .withAffinity(new Affinity(nodeAffinity, null, anti))
            .withTolerations(List.of(new Toleration("spot", "Equal", "true", "PreferNoSchedule", null)))
            .withTopologySpreadConstraints(
                List.of(
                    new TopologySpreadConstraint(1, ZONE, "DoNotSchedule", app, null, null, null, List.of()),
                    new TopologySpreadConstraint(2, HOSTNAME, "ScheduleAnyway", app, null, null, null, List.of())));
    return Pod.of(
        ObjectMeta.named("default", "incoming").withUid("incoming").withLabels(Map.of("app", "app-3")),
        spec,
        PodStatus.EMPTY);
  }
}
