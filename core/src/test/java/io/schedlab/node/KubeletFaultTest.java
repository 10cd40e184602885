package io.schedlab.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Lease;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.cluster.SimEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubeletFaultTest {

  private static double renewedAt(KubeletHarness h) {
    String t = h.store.get(Lease.class, Kubelet.LEASE_NAMESPACE, "n1").spec().renewTime();
    return (Instant.parse(t).toEpochMilli() - Instant.parse("2026-01-01T00:00:00Z").toEpochMilli())
        / 1000.0;
  }

  private static List<String> faults(KubeletHarness h) {
    List<String> out = new ArrayList<>();
    for (SimEvent e : h.log.ofType(SimEvent.Types.FAULT)) {
      out.add(e.seconds() + " " + e.detail().get("fault"));
    }
    return out;
  }

  @Test
  void crashStopsLeaseAndStatusRecoverRestartsContainers() {
    KubeletHarness h = new KubeletHarness();
    Kubelet k = h.kubelet("n1");
    h.store.create(KubeletHarness.pod("p", "n1", Map.of()));
    h.runTo(60);
    k.crash();
    double lastRenew = renewedAt(h);
    assertThat(lastRenew).isBetween(50.0, 60.0);
    h.runTo(200);
    assertThat(renewedAt(h)).as("no lease while down").isEqualTo(lastRenew);
    assertThat(h.get("p").status().phase()).as("the store's stale view").isEqualTo("Running");
    k.recover();
    h.runTo(201);
    assertThat(renewedAt(h)).isEqualTo(200.0);
    assertThat(h.times(SimEvent.Types.POD_RESTARTED, "default/p")).containsExactly(200.0);
    assertThat(h.get("p").status().containerStatuses().get(0).restartCount()).isEqualTo(1);
    assertThat(h.get("p").status().startTime()).as("kept across the restart")
        .isEqualTo("2026-01-01T00:00:00Z");
    assertThat(faults(h)).containsExactly("60.0 kubelet_crash", "200.0 kubelet_recover");
  }

  @Test
  void crashWithRestartPolicyNeverFailsThePod() {
    KubeletHarness h = new KubeletHarness();
    Kubelet k = h.kubelet("n1");
    Pod pod = KubeletHarness.pod("p", "n1", Map.of());
    PodSpec s = pod.spec();
    pod = pod.withSpec(new PodSpec(s.containers(), s.initContainers(), s.nodeName(),
        s.nodeSelector(), s.affinity(), s.tolerations(), s.priority(), s.priorityClassName(),
        s.schedulerName(), s.preemptionPolicy(), s.overhead(), s.resources(),
        s.schedulingGates(), s.topologySpreadConstraints(), "Never",
        s.terminationGracePeriodSeconds(), s.activeDeadlineSeconds(), s.serviceAccountName(),
        s.hostNetwork(), s.hostname(), s.subdomain()));
    h.store.create(pod);
    h.runTo(10);
    k.crash();
    h.runTo(20);
    k.recover();
    h.runTo(21);
    assertThat(h.get("p").status().phase()).isEqualTo("Failed");
    assertThat(h.times(SimEvent.Types.POD_FAILED, "default/p")).containsExactly(20.0);
  }

  @Test
  void partitionKeepsContainersRunningAndCatchesUpOnHeal() {
    KubeletHarness h = new KubeletHarness();
    Kubelet k = h.kubelet("n1");
    h.store.create(KubeletHarness.pod("done", "n1", Map.of(
        WorkloadAnnotations.DURATION, "100s")));
    h.runTo(50);
    k.partition(true);
    // While cut off: a new pod is bound, and an old one is removed behind the kubelet's back.
    h.store.create(KubeletHarness.pod("late", "n1", Map.of()));
    h.runTo(150);
    assertThat(renewedAt(h)).isLessThanOrEqualTo(50.0);
    assertThat(h.get("late").status().phase()).as("unseen while cut off").isNull();
    // The container restarted at 100 s on the node, but the store did not hear of it yet.
    assertThat(h.times(SimEvent.Types.POD_RESTARTED, "default/done")).containsExactly(100.0);
    assertThat(h.get("done").status().containerStatuses().get(0).restartCount()).isZero();
    k.partition(false);
    h.runTo(151);
    assertThat(renewedAt(h)).isEqualTo(150.0);
    assertThat(h.get("done").status().containerStatuses().get(0).restartCount()).isEqualTo(1);
    assertThat(h.get("late").status().phase()).isEqualTo("Running");
    assertThat(faults(h)).containsExactly("50.0 partition", "150.0 partition_healed");
  }

  @Test
  void podDeletedDuringPartitionIsStoppedOnHeal() {
    KubeletHarness h = new KubeletHarness();
    Kubelet k = h.kubelet("n1");
    h.store.create(KubeletHarness.pod("p", "n1", Map.of(WorkloadAnnotations.DURATION, "100s")));
    h.runTo(10);
    k.partition(true);
    h.store.delete(Pod.class, "default", "p");
    h.runTo(50);
    k.partition(false);
    h.runTo(300);
    assertThat(h.times(SimEvent.Types.POD_RESTARTED, "default/p")).isEmpty();
  }
}
