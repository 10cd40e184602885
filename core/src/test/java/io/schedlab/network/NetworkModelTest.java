package io.schedlab.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.EndpointAddress;
import io.schedlab.api.EndpointSlice;
import io.schedlab.api.Endpoints;
import io.schedlab.api.IntOrString;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.Service;
import io.schedlab.api.ServicePort;
import io.schedlab.api.ServiceSpec;
import io.schedlab.cluster.ClusterContext;
import io.schedlab.cluster.ClusterSettings;
import io.schedlab.cluster.EventLog;
import io.schedlab.sim.EventLoop;
import io.schedlab.store.ClusterStore;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.PodBuilder;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** ClusterIPs, Endpoints, EndpointSlices, kube-proxy's rules and cluster DNS on one service. */
class NetworkModelTest {
  private final EventLoop loop = new EventLoop();
  private final ClusterStore store = ClusterStore.simulated(loop, 1);
  private final ClusterContext ctx =
      new ClusterContext(store, loop, new EventLog.InMemory(), 1, ClusterSettings.DEFAULTS);
  private final KubeProxy proxy = new KubeProxy();
  private final ClusterDns dns = new ClusterDns();

  NetworkModelTest() {
    new ServiceIpAllocator().start(ctx);
    new EndpointsController().start(ctx);
    new EndpointSliceController().start(ctx);
    proxy.start(ctx);
    dns.start(ctx);
    store.create(NodeBuilder.node("n1").build());
  }

  private Pod pod(String name, String ip, boolean ready) {
    return pod(name, ip, ready, "");
  }

  /** A running web pod serving port "web" (8080), from YAML as a user would write it. */
  private Pod pod(String name, String ip, boolean ready, String hostFields) {
    return (Pod) io.schedlab.api.codec.KubeCodec.readAllText("""
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, namespace: default, labels: {app: web}}
        spec:
          nodeName: n1
          %s
          containers: [{name: c, image: x, ports: [{name: web, containerPort: 8080}]}]
        status:
          phase: Running
          podIP: %s
          conditions: [{type: Ready, status: "%s"}]
        """.formatted(name, hostFields, ip, ready ? "True" : "False"), "test").get(0);
  }

  private static Service service(String name, String clusterIp) {
    return Service.of(ObjectMeta.EMPTY.withName(name).withNamespace("default"),
        new ServiceSpec(Map.of("app", "web"), List.of(new ServicePort("http", "TCP", 80,
            IntOrString.ofString("web"), null)), "ClusterIP", clusterIp, null), null);
  }

  @Test
  void aServiceGetsItsIpEndpointsSlicesRulesAndName() {
    store.create(pod("a", "10.244.0.5", true));
    store.create(pod("b", "10.244.0.6", true));
    store.create(pod("c", "10.244.0.7", false));
    store.create(PodBuilder.pod("pending").label("app", "web").build());
    store.create(service("web", null));
    loop.runUntilIdle();

    Service web = store.get(Service.class, "default", "web");
    assertThat(web.spec().clusterIP()).isEqualTo("10.96.0.2");
    Endpoints ep = store.get(Endpoints.class, "default", "web");
    assertThat(ep.subsets()).singleElement().satisfies(s -> {
      assertThat(s.addresses()).extracting(EndpointAddress::ip)
          .containsExactly("10.244.0.5", "10.244.0.6");
      assertThat(s.notReadyAddresses()).extracting(EndpointAddress::ip).containsExactly("10.244.0.7");
      assertThat(s.ports()).singleElement().satisfies(p -> assertThat(p.port()).isEqualTo(8080));
    });
    EndpointSlice slice = store.get(EndpointSlice.class, "default", "web-0");
    assertThat(slice.metadata().labels()).containsEntry(EndpointSlice.SERVICE_NAME_LABEL, "web");
    assertThat(slice.endpoints()).hasSize(3);

    KubeProxy.Rule rule = proxy.rules("n1").get("10.96.0.2:80/TCP");
    assertThat(rule.targets()).extracting(KubeProxy.Target::ip)
        .containsExactly("10.244.0.5", "10.244.0.6");
    Set<String> served = new HashSet<>();
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 50; i++) {
      served.add(proxy.serve("n1", "10.96.0.2", 80, r).orElseThrow().pod());
    }
    assertThat(served).containsExactlyInAnyOrder("default/a", "default/b");
    assertThat(proxy.rules("elsewhere")).isEmpty();

    assertThat(dns.resolve("web.default.svc.cluster.local")).containsExactly("10.96.0.2");
    assertThat(dns.resolve("10-244-0-6.default.pod.cluster.local")).containsExactly("10.244.0.6");
    assertThat(dns.resolve("10-9-9-9.default.pod.cluster.local")).isEmpty();
    assertThat(dns.resolve("nope.default.svc.cluster.local")).isEmpty();

    // A pod that terminates leaves the Endpoints and turns terminating in its slice.
    store.deleteGracefully("default", "a", 30);
    loop.runUntilIdle();
    assertThat(store.get(Endpoints.class, "default", "web").subsets().get(0).addresses())
        .extracting(EndpointAddress::ip).containsExactly("10.244.0.6");
    assertThat(store.get(EndpointSlice.class, "default", "web-0").endpoints())
        .filteredOn(e -> e.targetRef().name().equals("a"))
        .singleElement().satisfies(e -> assertThat(e.conditions().terminating()).isTrue());
    assertThat(proxy.rules("n1").get("10.96.0.2:80/TCP").targets()).hasSize(1);
  }

  @Test
  void headlessServicesResolveToPodsAndDeletedServicesGiveTheirIpBack() {
    store.create(pod("db-0", "10.244.0.9", true, "hostname: db-0\n  subdomain: db"));
    store.create(service("db", "None"));
    store.create(service("x", null));
    loop.runUntilIdle();
    assertThat(dns.resolve("db.default.svc.cluster.local")).containsExactly("10.244.0.9");
    assertThat(dns.resolve("db-0.db.default.svc.cluster.local")).containsExactly("10.244.0.9");
    assertThat(store.get(Service.class, "default", "x").spec().clusterIP()).isEqualTo("10.96.0.2");
    store.delete(Service.class, "default", "x");
    loop.runUntilIdle();
    assertThat(store.get(Endpoints.class, "default", "x")).isNull();
    assertThat(store.list(EndpointSlice.class, "default")).extracting(s -> s.metadata().name())
        .containsExactly("db-0");
    store.create(service("y", null));
    loop.runUntilIdle();
    assertThat(store.get(Service.class, "default", "y").spec().clusterIP()).isEqualTo("10.96.0.2");
  }
}
