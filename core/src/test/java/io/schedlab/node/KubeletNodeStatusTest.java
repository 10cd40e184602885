package io.schedlab.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Lease;
import io.schedlab.api.Node;
import io.schedlab.api.NodeAddress;
import io.schedlab.api.NodeCondition;
import io.schedlab.api.Quantity;
import io.schedlab.sim.Durations;
import io.schedlab.store.WatchEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubeletNodeStatusTest {

  private static double seconds(String rfc3339) {
    return (Instant.parse(rfc3339).toEpochMilli()
        - Instant.parse("2026-01-01T00:00:00Z").toEpochMilli()) / 1000.0;
  }

  @Test
  void registrationWritesAddressesConditionsAndNodeInfo() {
    KubeletHarness h = new KubeletHarness();
    Kubelet k = new Kubelet(KubeletHarness.node("n1", "4", "8Gi", List.of()),
        KubeletConfig.DEFAULTS, h.internal, new Ipv4Range("198.18.0.0/15"));
    k.start(h.ctx);
    Node n = h.store.get(Node.class, null, "n1");
    assertThat(n.status().addresses()).containsExactly(
        new NodeAddress("InternalIP", "10.0.0.1"), new NodeAddress("ExternalIP", "198.18.0.1"),
        new NodeAddress("Hostname", "n1"));
    List<String> conds = new ArrayList<>();
    for (NodeCondition c : n.status().conditions()) {
      conds.add(c.type() + "=" + c.status() + "/" + c.reason());
    }
    assertThat(conds).containsExactly("NetworkUnavailable=False/RouteCreated",
        "MemoryPressure=False/KubeletHasSufficientMemory",
        "DiskPressure=False/KubeletHasNoDiskPressure", "PIDPressure=False/KubeletHasSufficientPID",
        "Ready=True/KubeletReady");
    assertThat(n.status().nodeInfo().kubeletVersion()).isEqualTo("v1.34.0");
    assertThat(n.metadata().labels()).containsEntry("kubernetes.io/hostname", "n1")
        .containsEntry("kubernetes.io/os", "linux").containsEntry("zone", "a");
    assertThat(n.status().images().get(0).names()).containsExactly(KubeletHarness.PRESENT_IMAGE);
  }

  @Test
  void allocatableSubtractsReservedAndHardEviction() {
    KubeletHarness h = new KubeletHarness();
    KubeletConfig config = KubeletConfig.DEFAULTS.withReserved(
        Map.of("cpu", Quantity.parse("100m"), "memory", Quantity.parse("256Mi")),
        Map.of("cpu", Quantity.parse("50m"), "memory", Quantity.parse("128Mi")));
    h.kubelet(KubeletHarness.node("n1", "4", "8Gi", List.of()), config);
    Map<String, Quantity> a = h.store.get(Node.class, null, "n1").status().allocatable();
    assertThat(a.get("cpu").milliValue()).isEqualTo(3850);
    assertThat(a.get("memory").value())
        .isEqualTo((8192L - 256 - 128 - 100) * 1024 * 1024); // evictionHard memory 100Mi
    long disk = 100L * 1024 * 1024 * 1024;
    assertThat(a.get("ephemeral-storage").value()).isEqualTo(disk - (long) (disk * (double) 0.1f));
    assertThat(a.get("pods").value()).isEqualTo(110); // maxPods
  }

  @Test
  void statedAllocatableIsKept() {
    KubeletHarness h = new KubeletHarness();
    Node template = KubeletHarness.node("n1", "4", "8Gi", List.of());
    Map<String, Quantity> stated = Map.of("cpu", Quantity.parse("3500m"),
        "memory", Quantity.parse("7Gi"), "pods", Quantity.parse("58"));
    h.kubelet(template.withStatus(template.status().withAllocatable(stated)),
        KubeletConfig.DEFAULTS);
    assertThat(h.store.get(Node.class, null, "n1").status().allocatable()).isEqualTo(stated);
  }

  @Test
  void leaseWrittenBySomeoneElseIsTakenBack() {
    KubeletHarness h = new KubeletHarness();
    h.kubelet("n1");
    h.runTo(15);
    h.store.update(Lease.class, Kubelet.LEASE_NAMESPACE, "n1",
        l -> l.withSpec(new io.schedlab.api.LeaseSpec("intruder", 40, null, null, null)));
    h.runTo(25);
    Lease lease = h.store.get(Lease.class, Kubelet.LEASE_NAMESPACE, "n1");
    assertThat(lease.spec().holderIdentity()).isEqualTo("n1");
    assertThat(seconds(lease.spec().renewTime())).isGreaterThanOrEqualTo(20.0);
  }

  @Test
  void deletedNodeIsNotRecreatedAndNothingBreaks() {
    KubeletHarness h = new KubeletHarness();
    h.kubelet("n1");
    h.runTo(15);
    h.store.delete(Node.class, null, "n1");
    h.runTo(700);
    assertThat(h.store.get(Node.class, null, "n1")).isNull();
  }

  @Test
  void leaseIsRenewedEveryTenSecondsWithJitter() {
    KubeletHarness h = new KubeletHarness();
    h.kubelet("n1");
    List<Double> renewals = new ArrayList<>();
    h.store.watch(Lease.class, e -> renewals.add(seconds(e.object().spec().renewTime())));
    h.runTo(600);
    Lease lease = h.store.get(Lease.class, Kubelet.LEASE_NAMESPACE, "n1");
    assertThat(lease.spec().leaseDurationSeconds()).isEqualTo(40);
    assertThat(lease.spec().holderIdentity()).isEqualTo("n1");
    assertThat(lease.metadata().ownerReferences().get(0).kind()).isEqualTo("Node");
    double prev = 0;
    for (double t : renewals) {
      assertThat(t - prev).as("renew interval").isBetween(10.0, 10.4); // 10 s, JitterUntil 0.04
      prev = t;
    }
    assertThat(renewals).hasSizeBetween(57, 60);
  }

  @Test
  void unchangedStatusIsWrittenEveryFiveMinutes() {
    KubeletHarness h = new KubeletHarness();
    h.kubelet("n1");
    List<Double> writes = new ArrayList<>();
    h.store.watch(Node.class, e -> {
      if (e.type() == WatchEvent.Type.MODIFIED) {
        writes.add(h.loop.nowNanos() / 1e9);
      }
    });
    h.runTo(1250);
    // nodeStatusReportFrequency 5m, checked every ~10 s: each write within one check of 300 s
    assertThat(writes).hasSize(4);
    double prev = 0;
    for (double t : writes) {
      assertThat(t - prev).isBetween(300.0, 310.4);
      prev = t;
    }
    NodeCondition ready = h.store.get(Node.class, null, "n1").status().conditions().get(4);
    assertThat(seconds(ready.lastHeartbeatTime())).isEqualTo(Math.floor(writes.get(3)));
    assertThat(seconds(ready.lastTransitionTime())).isEqualTo(0.0);
  }

  @Test
  void statusChangeIsWrittenAtTheNextCheck() {
    KubeletHarness h = new KubeletHarness();
    h.kubelet("n1");
    h.runTo(60);
    // A controller marks the node Unknown; the kubelet puts it back within one status period.
    h.store.update(Node.class, null, "n1", n -> n.withStatus(n.status().withConditions(
        List.of(new NodeCondition("Ready", "Unknown", "NodeStatusUnknown",
            "Kubelet stopped posting node status.", null, null)))));
    long at = h.loop.nowNanos();
    h.runTo(60 + 10.4);
    NodeCondition ready = null;
    for (NodeCondition c : h.store.get(Node.class, null, "n1").status().conditions()) {
      if (c.type().equals("Ready")) {
        ready = c;
      }
    }
    assertThat(ready.status()).isEqualTo("True");
    assertThat(seconds(ready.lastTransitionTime())).isGreaterThan(at / 1e9 - 1);
    assertThat(h.log.ofType("node_condition")).isNotEmpty();
  }

  @Test
  void idleNodesWriteLeasesEveryTenSecondsAndStatusEveryFiveMinutes() {
    KubeletHarness h = new KubeletHarness();
    for (int i = 0; i < 50; i++) {
      h.kubelet("n" + i);
    }
    int[] writes = new int[2];
    h.store.watch(Lease.class, e -> writes[0]++);
    h.store.watch(Node.class, e -> writes[1]++);
    h.runTo(3600);
    // 3600 s / [10, 10.4) s per renewal; 3600 s / [300, 310.4) s per report
    assertThat(writes[0] / 50.0).isBetween(346.0, 360.0);
    assertThat(writes[1] / 50.0).isBetween(11.0, 12.0);
  }

  @Test
  void sameSeedSameLog() {
    List<String> a = run();
    List<String> b = run();
    assertThat(a).isEqualTo(b).isNotEmpty();
  }

  private static List<String> run() {
    KubeletHarness h = new KubeletHarness();
    h.kubelet("n1");
    h.kubelet("n2");
    h.store.create(KubeletHarness.pod("p", "n1", Map.of(WorkloadAnnotations.DURATION, "3s")));
    h.store.create(KubeletHarness.pod("q", "n2", "img:1", Map.of(), Map.of()));
    h.loop.runUntil(Durations.MINUTE * 10);
    List<String> out = new ArrayList<>();
    h.log.events().forEach(e -> out.add(e.toJson()));
    out.add(h.store.get(Lease.class, Kubelet.LEASE_NAMESPACE, "n2").spec().renewTime());
    return out;
  }
}
