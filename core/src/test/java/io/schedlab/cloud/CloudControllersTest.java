package io.schedlab.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.LoadBalancerIngress;
import io.schedlab.api.Node;
import io.schedlab.api.NodeCondition;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Service;
import io.schedlab.api.ServiceSpec;
import io.schedlab.api.Taint;
import io.schedlab.cluster.ClusterContext;
import io.schedlab.cluster.ClusterSettings;
import io.schedlab.cluster.EventLog;
import io.schedlab.sim.Durations;
import io.schedlab.sim.EventLoop;
import io.schedlab.store.ClusterStore;
import io.schedlab.testing.NodeBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cloud-controller-manager's controllers against the simulated provider, in virtual time. */
class CloudControllersTest {
  private final EventLoop loop = new EventLoop();
  private final ClusterStore store = ClusterStore.simulated(loop, 1);
  private final EventLog.InMemory log = new EventLog.InMemory();
  private final ClusterContext ctx =
      new ClusterContext(store, loop, log, 1, ClusterSettings.DEFAULTS);
  private final CloudProvider cloud = CloudProvider.withDefaults();

  private Node node(String name, String ready) {
    Node n = NodeBuilder.node(name).build();
    return n.withStatus(n.status().withConditions(
        List.of(new NodeCondition("Ready", ready, null, null, null, null))));
  }

  private void setReady(String name, String ready) {
    Node n = store.get(Node.class, "", name);
    store.update(n.withStatus(n.status().withConditions(
        List.of(new NodeCondition("Ready", ready, null, null, null, null)))));
  }

  @Test
  void notReadyNodesWithoutInstancesAreDeletedAndShutDownOnesTainted() {
    store.create(node("gone", "True"));
    store.create(node("off", "True"));
    store.create(node("fine", "Unknown"));
    cloud.launch("gone");
    cloud.launch("off");
    cloud.launch("fine");
    new CloudNodeLifecycleController(cloud).start(ctx);
    loop.runUntil(7 * Durations.SECOND);
    cloud.delete("gone");
    cloud.shutDown("off");
    setReady("gone", "Unknown");
    setReady("off", "False");
    loop.runUntil(9 * Durations.SECOND);
    assertThat(store.get(Node.class, "", "gone")).isNotNull();
    loop.runUntil(10 * Durations.SECOND);
    assertThat(store.get(Node.class, "", "gone")).isNull();
    assertThat(store.get(Node.class, "", "off").spec().taints()).containsExactly(
        new Taint(CloudNodeLifecycleController.SHUTDOWN_TAINT, null, "NoSchedule", null));
    assertThat(store.get(Node.class, "", "fine")).isNotNull();
    setReady("off", "True");
    loop.runUntil(15 * Durations.SECOND);
    assertThat(store.get(Node.class, "", "off").spec().taints()).isEmpty();
  }

  private static Service service(String name, String type) {
    return new Service(null, null, ObjectMeta.EMPTY.withName(name).withNamespace("default"),
        new ServiceSpec(Map.of("app", name), List.of(), type, null, null), null);
  }

  @Test
  void loadBalancersGetAddressesAndGiveThemBack() {
    new ServiceLoadBalancerController(cloud).start(ctx);
    store.create(service("a", "LoadBalancer"));
    store.create(service("b", "LoadBalancer"));
    store.create(service("c", "ClusterIP"));
    loop.runUntilIdle();
    assertThat(store.get(Service.class, "default", "a").status().loadBalancer().ingress())
        .containsExactly(new LoadBalancerIngress("203.0.113.1", null));
    assertThat(store.get(Service.class, "default", "b").status().loadBalancer().ingress())
        .containsExactly(new LoadBalancerIngress("203.0.113.2", null));
    assertThat(cloud.loadBalancers()).containsOnlyKeys("default/a", "default/b");
    store.delete(Service.class, "default", "a");
    loop.runUntilIdle();
    store.create(service("d", "LoadBalancer"));
    loop.runUntilIdle();
    assertThat(store.get(Service.class, "default", "d").status().loadBalancer().ingress())
        .containsExactly(new LoadBalancerIngress("203.0.113.1", null));
  }

  @Test
  void routesFollowPodCidrsEveryTenSeconds() {
    Node n = node("n1", "True");
    store.create(n.withSpec(new io.schedlab.api.NodeSpec(null, List.of(), "10.244.1.0/24",
        List.of("10.244.1.0/24"), null)));
    store.create(node("n2", "True"));
    new RouteController(cloud).start(ctx);
    loop.runUntil(9 * Durations.SECOND);
    assertThat(cloud.routes()).isEmpty();
    loop.runUntil(10 * Durations.SECOND);
    assertThat(cloud.routes()).containsExactly(new CloudProvider.Route("n1", "10.244.1.0/24"));
    assertThat(store.get(Node.class, "", "n1").status().conditions())
        .anyMatch(c -> c.type().equals("NetworkUnavailable") && c.status().equals("False")
            && c.reason().equals("RouteCreated"));
    store.delete(Node.class, "", "n1");
    loop.runUntil(20 * Durations.SECOND);
    assertThat(cloud.routes()).isEmpty();
  }
}
