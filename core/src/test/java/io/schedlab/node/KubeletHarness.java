package io.schedlab.node;

import io.schedlab.api.ContainerImage;
import io.schedlab.api.Container;
import io.schedlab.api.Node;
import io.schedlab.api.NodeSpec;
import io.schedlab.api.NodeStatus;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.Quantity;
import io.schedlab.api.ResourceRequirements;
import io.schedlab.api.Taint;
import io.schedlab.cluster.ClusterContext;
import io.schedlab.cluster.ClusterSettings;
import io.schedlab.cluster.EventLog;
import io.schedlab.cluster.SimEvent;
import io.schedlab.sim.Durations;
import io.schedlab.sim.EventLoop;
import io.schedlab.store.ClusterStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A loop, a store, a log and kubelets: the tiny cluster the node tests run in. */
final class KubeletHarness {
  static final String PRESENT_IMAGE = "registry.k8s.io/pause:3.10";

  final EventLoop loop = new EventLoop();
  final ClusterStore store = ClusterStore.simulated(loop, 1);
  final EventLog.InMemory log = new EventLog.InMemory();
  final ClusterContext ctx = new ClusterContext(store, loop, log, 1, ClusterSettings.DEFAULTS);
  final Ipv4Range internal = new Ipv4Range("10.0.0.0/16");

  Kubelet kubelet(Node template, KubeletConfig config) {
    Kubelet k = new Kubelet(template, config, internal);
    k.start(ctx);
    return k;
  }

  Kubelet kubelet(String name) {
    return kubelet(node(name, "4", "8Gi", List.of()), KubeletConfig.DEFAULTS);
  }

  static Node node(String name, String cpu, String memory, List<Taint> taints) {
    Map<String, Quantity> cap = new LinkedHashMap<>();
    cap.put("cpu", Quantity.parse(cpu));
    cap.put("memory", Quantity.parse(memory));
    cap.put("ephemeral-storage", Quantity.parse("100Gi"));
    NodeStatus status = new NodeStatus(cap, null, null, null,
        List.of(new ContainerImage(List.of(PRESENT_IMAGE), 700_000L)), null, null);
    return Node.of(ObjectMeta.named(null, name).withLabels(Map.of("zone", "a")),
        NodeSpec.EMPTY.withTaints(taints), status);
  }

  /** A pod bound to {@code node} with one container of {@code image} and the annotations. */
  static Pod pod(String name, String node, String image, Map<String, String> requests,
      Map<String, String> annotations) {
    Map<String, Quantity> req = new LinkedHashMap<>();
    requests.forEach((k, v) -> req.put(k, Quantity.parse(v)));
    Container c = new Container("main", image, null, null,
        new ResourceRequirements(req, null), null, null);
    return Pod.of(ObjectMeta.named("default", name).withAnnotations(annotations),
        PodSpec.EMPTY.withContainers(List.of(c)).withNodeName(node), null);
  }

  static Pod pod(String name, String node, Map<String, String> annotations) {
    return pod(name, node, PRESENT_IMAGE, Map.of(), annotations);
  }

  Pod get(String name) {
    return store.get(Pod.class, "default", name);
  }

  void runTo(double seconds) {
    loop.runUntil(Durations.seconds(seconds));
  }

  /** Times (seconds) of the events of a type, for one pod or node (null: all). */
  List<Double> times(String type, String podOrNode) {
    List<Double> out = new ArrayList<>();
    for (SimEvent e : log.ofType(type)) {
      if (podOrNode == null || podOrNode.equals(e.pod()) || podOrNode.equals(e.node())) {
        out.add(e.seconds());
      }
    }
    return out;
  }
}
