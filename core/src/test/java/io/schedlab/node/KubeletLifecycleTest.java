package io.schedlab.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.ContainerStatus;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.cluster.SimEvent;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class KubeletLifecycleTest {

  private static Pod withPolicy(Pod pod, String policy) {
    PodSpec s = pod.spec();
    return pod.withSpec(new PodSpec(s.containers(), s.initContainers(), s.nodeName(),
        s.nodeSelector(), s.affinity(), s.tolerations(), s.priority(), s.priorityClassName(),
        s.schedulerName(), s.preemptionPolicy(), s.overhead(), s.resources(),
        s.schedulingGates(), s.topologySpreadConstraints(), policy,
        s.terminationGracePeriodSeconds(), s.activeDeadlineSeconds(), s.serviceAccountName(),
        s.hostNetwork(), s.hostname(), s.subdomain()));
  }

  static Stream<Arguments> endings() {
    return Stream.of(
        Arguments.of("exit 0 with Never succeeds after the duration", "Never", "0", "Succeeded",
            SimEvent.Types.POD_COMPLETED),
        Arguments.of("exit 1 with Never fails after the duration", "Never", "1", "Failed",
            SimEvent.Types.POD_FAILED),
        Arguments.of("exit 0 with OnFailure succeeds", "OnFailure", "0", "Succeeded",
            SimEvent.Types.POD_COMPLETED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endings")
  void podEndsPerExitCodeAndPolicy(String name, String policy, String code, String phase,
      String event) {
    KubeletHarness h = new KubeletHarness();
    h.kubelet("n1");
    h.store.create(withPolicy(KubeletHarness.pod("p", "n1", Map.of(
        WorkloadAnnotations.DURATION, "90s", WorkloadAnnotations.EXIT_CODE, code)), policy));
    h.runTo(89);
    assertThat(h.get("p").status().phase()).isEqualTo("Running");
    assertThat(h.times(SimEvent.Types.POD_STARTED, "default/p")).containsExactly(0.0);
    h.runTo(200);
    Pod p = h.get("p");
    assertThat(p.status().phase()).isEqualTo(phase);
    assertThat(h.times(event, "default/p")).containsExactly(90.0);
    assertThat(p.status().condition("Ready").reason()).isEqualTo("PodCompleted");
    ContainerStatus cs = p.status().containerStatuses().get(0);
    assertThat(cs.state().terminated().exitCode()).isEqualTo(Integer.parseInt(code));
    assertThat(cs.state().terminated().reason()).isEqualTo(code.equals("0") ? "Completed" : "Error");
  }

  @Test
  void runningPodHasIpStartTimeAndReadyConditions() {
    KubeletHarness h = new KubeletHarness();
    h.kubelet("n1");
    h.store.create(KubeletHarness.pod("p", "n1", Map.of()));
    h.runTo(5);
    Pod p = h.get("p");
    assertThat(p.status().phase()).isEqualTo("Running");
    assertThat(p.status().podIP()).startsWith("10.244.");
    assertThat(p.status().hostIP()).isEqualTo("10.0.0.1");
    assertThat(p.status().startTime()).isEqualTo("2026-01-01T00:00:00Z");
    for (String c : List.of("Initialized", "ContainersReady", "Ready", "PodScheduled")) {
      assertThat(p.status().condition(c).status()).as(c).isEqualTo("True");
    }
  }

  @Test
  void podIpsOfFinishedPodsAreReused() {
    KubeletHarness h = new KubeletHarness();
    h.kubelet("n1");
    // 300 short pods one after another on a /24 (254 addresses): addresses must come back.
    for (int i = 0; i < 300; i++) {
      h.store.create(withPolicy(KubeletHarness.pod("p" + i, "n1",
          Map.of(WorkloadAnnotations.DURATION, "1s")), "Never"));
      h.runTo(2 * i + 2);
      h.store.delete(Pod.class, "default", "p" + i);
    }
    assertThat(h.log.ofType(SimEvent.Types.POD_COMPLETED)).hasSize(300);
  }

  @Test
  void crashLoopBackOffDoublesFrom10sAndCapsAt300s() {
    KubeletHarness h = new KubeletHarness();
    h.kubelet("n1");
    // Each run lasts 1 s and fails; Always restarts it.
    h.store.create(KubeletHarness.pod("p", "n1", Map.of(WorkloadAnnotations.DURATION, "1s",
        WorkloadAnnotations.EXIT_CODE, "2")));
    h.runTo(2000);
    List<Double> restarts = h.times(SimEvent.Types.POD_RESTARTED, "default/p");
    // exits at 1; immediate restart; then back-offs 10, 20, 40, 80, 160, 300, 300 after each exit
    assertThat(restarts.subList(0, 8)).containsExactly(1.0, 12.0, 33.0, 74.0, 155.0, 316.0,
        617.0, 918.0);
    assertThat(h.get("p").status().containerStatuses().get(0).restartCount())
        .isEqualTo(restarts.size());
  }

  @Test
  void backOffResetsAfterTenMinutesRunning() {
    KubeletHarness h = new KubeletHarness();
    h.kubelet("n1");
    h.store.create(withPolicy(KubeletHarness.pod("p", "n1", Map.of(
        WorkloadAnnotations.DURATION, "601s", WorkloadAnnotations.EXIT_CODE, "1")), "OnFailure"));
    h.runTo(2000);
    // Every run outlives the 10-minute expiry, so each restart is immediate.
    assertThat(h.times(SimEvent.Types.POD_RESTARTED, "default/p"))
        .containsExactly(601.0, 1202.0, 1803.0);
  }

  @Test
  void backOffStateShowsCrashLoopBackOff() {
    KubeletHarness h = new KubeletHarness();
    h.kubelet("n1");
    h.store.create(KubeletHarness.pod("p", "n1", Map.of(WorkloadAnnotations.DURATION, "1s",
        WorkloadAnnotations.EXIT_CODE, "1")));
    h.runTo(5);
    ContainerStatus cs = h.get("p").status().containerStatuses().get(0);
    assertThat(cs.state().waiting().reason()).isEqualTo("CrashLoopBackOff");
    assertThat(cs.state().waiting().message()).startsWith("back-off 10s restarting failed");
    assertThat(cs.lastState().terminated().exitCode()).isEqualTo(1);
    assertThat(h.get("p").status().phase()).isEqualTo("Running");
    assertThat(h.get("p").status().condition("Ready").status()).isEqualTo("False");
  }

  static Stream<Arguments> terminations() {
    return Stream.of(
        Arguments.of("default grace period 30 s", null, Map.of(), 30.0),
        Arguments.of("terminationGracePeriodSeconds 5", 5L, Map.of(), 15.0 - 10.0),
        Arguments.of("containers that exit on SIGTERM after 2 s", null,
            Map.of(WorkloadAnnotations.SHUTDOWN, "2s"), 2.0),
        Arguments.of("workload ending inside the grace period", null,
            Map.of(WorkloadAnnotations.DURATION, "20s"), 20.0 - 10.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("terminations")
  void gracefulDeletionStopsThenRemoves(String name, Long grace, Map<String, String> ann,
      double secondsAfterDelete) {
    KubeletHarness h = new KubeletHarness();
    h.kubelet("n1");
    Pod pod = KubeletHarness.pod("p", "n1", ann);
    if (grace != null) {
      PodSpec s = pod.spec();
      pod = pod.withSpec(new PodSpec(s.containers(), s.initContainers(), s.nodeName(),
          s.nodeSelector(), s.affinity(), s.tolerations(), s.priority(), s.priorityClassName(),
          s.schedulerName(), s.preemptionPolicy(), s.overhead(), s.resources(),
          s.schedulingGates(), s.topologySpreadConstraints(), s.restartPolicy(), grace,
          s.activeDeadlineSeconds(), s.serviceAccountName(), s.hostNetwork(), s.hostname(),
          s.subdomain()));
    }
    h.store.create(pod);
    h.runTo(10);
    PodDeletion.delete(h.store, "default", "p");
    h.runTo(10.001);
    assertThat(h.get("p")).as("marked, still there").isNotNull();
    assertThat(h.get("p").metadata().deletionTimestamp()).isNotNull();
    h.runTo(100);
    assertThat(h.get("p")).isNull();
    double expected = grace != null ? 15.0 : 10.0 + secondsAfterDelete;
    assertThat(h.times(SimEvent.Types.POD_TERMINATED, "default/p")).containsExactly(expected);
  }

  @Test
  void activeDeadlineFailsThePod() {
    KubeletHarness h = new KubeletHarness();
    h.kubelet("n1");
    Pod pod = KubeletHarness.pod("p", "n1", Map.of());
    PodSpec s = pod.spec();
    h.store.create(pod.withSpec(new PodSpec(s.containers(), s.initContainers(), s.nodeName(),
        s.nodeSelector(), s.affinity(), s.tolerations(), s.priority(), s.priorityClassName(),
        s.schedulerName(), s.preemptionPolicy(), s.overhead(), s.resources(),
        s.schedulingGates(), s.topologySpreadConstraints(), s.restartPolicy(),
        s.terminationGracePeriodSeconds(), 45L, s.serviceAccountName(), s.hostNetwork(),
        s.hostname(), s.subdomain())));
    h.runTo(100);
    assertThat(h.times(SimEvent.Types.POD_FAILED, "default/p")).containsExactly(45.0);
    assertThat(h.get("p").status().reason()).isEqualTo("DeadlineExceeded");
    assertThat(h.get("p").status().message())
        .isEqualTo("Pod was active on the node longer than the specified deadline");
  }

  @Test
  void hostNetworkPodUsesTheNodeAddress() {
    KubeletHarness h = new KubeletHarness();
    h.kubelet("n1");
    Pod pod = KubeletHarness.pod("p", "n1", Map.of());
    PodSpec s = pod.spec();
    h.store.create(pod.withSpec(new PodSpec(s.containers(), s.initContainers(), s.nodeName(),
        s.nodeSelector(), s.affinity(), s.tolerations(), s.priority(), s.priorityClassName(),
        s.schedulerName(), s.preemptionPolicy(), s.overhead(), s.resources(),
        s.schedulingGates(), s.topologySpreadConstraints(), s.restartPolicy(),
        s.terminationGracePeriodSeconds(), s.activeDeadlineSeconds(), s.serviceAccountName(),
        true, s.hostname(), s.subdomain())));
    h.runTo(1);
    assertThat(h.get("p").status().podIP()).isEqualTo("10.0.0.1");
  }

  @Test
  void podDeletedWhilePullingGoesAtOnce() {
    KubeletHarness h = new KubeletHarness();
    h.kubelet("n1");
    h.store.create(KubeletHarness.pod("p", "n1", "big:1", Map.of(),
        Map.of(WorkloadAnnotations.IMAGE_SIZE, "5000000000"))); // 100 s at 50 MB/s
    h.runTo(10);
    PodDeletion.delete(h.store, "default", "p");
    h.runTo(11);
    assertThat(h.get("p")).isNull();
    assertThat(h.times(SimEvent.Types.POD_TERMINATED, "default/p")).containsExactly(10.0);
    h.runTo(200);
    assertThat(h.log.ofType(SimEvent.Types.POD_STARTED)).isEmpty();
  }

  @Test
  void finishedPodIsDeletedAtOnce() {
    KubeletHarness h = new KubeletHarness();
    h.kubelet("n1");
    h.store.create(withPolicy(KubeletHarness.pod("p", "n1",
        Map.of(WorkloadAnnotations.DURATION, "5s")), "Never"));
    h.runTo(10);
    PodDeletion.delete(h.store, "default", "p");
    assertThat(h.get("p")).isNull();
  }

  @Test
  void forcedDeletionStopsTheContainers() {
    KubeletHarness h = new KubeletHarness();
    h.kubelet("n1");
    h.store.create(KubeletHarness.pod("p", "n1", Map.of(WorkloadAnnotations.DURATION, "30s")));
    h.runTo(10);
    h.store.delete(Pod.class, "default", "p");
    h.runTo(100);
    assertThat(h.times(SimEvent.Types.POD_RESTARTED, "default/p")).isEmpty();
    assertThat(h.times(SimEvent.Types.POD_TERMINATED, "default/p")).isEmpty();
  }
}
