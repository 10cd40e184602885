package io.schedlab.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.LabelSelector;
import io.schedlab.api.Node;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodTemplateSpec;
import io.schedlab.api.ReplicaSet;
import io.schedlab.api.ReplicaSetSpec;
import io.schedlab.api.ReplicaSetStatus;
import io.schedlab.config.ExtensionPoint;
import io.schedlab.config.PluginRef;
import io.schedlab.config.ProfileConfig;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.framework.Registry;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.PodBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The default profile, end to end: upstream's plugin set and weights, and how it spreads pods. */
class DefaultProfileTest {
  private static final String ZONE = "topology.kubernetes.io/zone";

  private final Registry registry = InTreeRegistry.create();
  private final SchedulerConfig defaults = SchedulerConfig.defaults(registry);

  @Test
  void defaultProfileHasUpstreamPluginsAndWeights() {
    ProfileConfig p = defaults.profiles().get(0);
    assertThat(p.schedulerName()).isEqualTo("default-scheduler");
    assertThat(p.pluginsAt(ExtensionPoint.FILTER).stream().map(PluginRef::name))
        .containsExactly(
            "NodeUnschedulable", "NodeName", "TaintToleration", "NodeAffinity", "NodePorts",
            "NodeResourcesFit", "PodTopologySpread", "InterPodAffinity");
    assertThat(p.pluginsAt(ExtensionPoint.SCORE))
        .containsExactly(
            new PluginRef("TaintToleration", 3),
            new PluginRef("NodeAffinity", 2),
            new PluginRef("NodeResourcesFit", 1),
            new PluginRef("PodTopologySpread", 2),
            new PluginRef("InterPodAffinity", 2),
            new PluginRef("NodeResourcesBalancedAllocation", 1),
            new PluginRef("ImageLocality", 1));
    assertThat(p.pluginsAt(ExtensionPoint.POST_FILTER)).containsExactly(PluginRef.named("DefaultPreemption"));
    assertThat(defaults.droppedDefaults())
        .containsExactly("VolumeRestrictions", "NodeVolumeLimits", "VolumeBinding", "VolumeZone",
            "DynamicResources")
        .as("only volume plugins and DRA are left out");
  }

  @Test
  void replicasOfAReplicaSetSpreadEvenlyOverNodesAndZones() {
    List<Node> nodes = new ArrayList<>();
    for (String zone : List.of("zone-a", "zone-b", "zone-c")) {
      for (int i = 0; i < 2; i++) {
        nodes.add(NodeBuilder.node(zone + "-" + i)
            .label(ZONE, zone).label("kubernetes.io/hostname", zone + "-" + i)
            .capacity("cpu", "8").capacity("memory", "32Gi").build());
      }
    }
    ReplicaSet rs = replicaSet("web", 12);
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      pods.add(PodBuilder.pod("web-" + i).namespace("default").label("app", "web")
          .owner("ReplicaSet", "web").req("cpu", "250m").req("memory", "512Mi").build());
    }
    BatchRun.Result r = BatchRun.run(defaults, registry, List.of(rs), nodes, pods, 3);
    assertThat(r.scheduled()).isEqualTo(12);
    Map<String, Integer> perNode = new TreeMap<>();
    Map<String, Integer> perZone = new TreeMap<>();
    for (BatchRun.Outcome o : r.outcomes()) {
      perNode.merge(o.nodeName(), 1, Integer::sum);
      perZone.merge(o.nodeName().substring(0, 6), 1, Integer::sum);
    }
    assertThat(perNode.values()).containsOnly(2);
    assertThat(perZone).isEqualTo(Map.of("zone-a", 4, "zone-b", 4, "zone-c", 4));
  }

  @Test
  void requiredAntiAffinityKeepsReplicasApartAndReportsTheRest() {
    List<Node> nodes = List.of(
        NodeBuilder.node("n1").label("kubernetes.io/hostname", "n1").capacity("cpu", "8").build(),
        NodeBuilder.node("n2").label("kubernetes.io/hostname", "n2").capacity("cpu", "8").build());
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      pods.add(PodBuilder.pod("db-" + i).namespace("default").label("app", "db")
          .podAntiAffinityRequired(PodBuilder.term("kubernetes.io/hostname", "app", "db")).build());
    }
    BatchRun.Result r = BatchRun.run(defaults, registry, nodes, pods, 1);
    assertThat(r.outcomes().get(0).nodeName()).isNotEqualTo(r.outcomes().get(1).nodeName());
    assertThat(r.outcomes().get(2).message())
        .isEqualTo("0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules."
            + " preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.");
  }

  private static ReplicaSet replicaSet(String name, int replicas) {
    LabelSelector selector = new LabelSelector(Map.of("app", name), List.of());
    PodTemplateSpec template = new PodTemplateSpec(ObjectMeta.named("default", null).withLabels(Map.of("app", name)), null);
    return new ReplicaSet(null, null, ObjectMeta.named("default", name).withUid(name),
        new ReplicaSetSpec(replicas, selector, template, null), ReplicaSetStatus.EMPTY);
  }
}
