package io.schedlab.controller.workload;

import static io.schedlab.controller.workload.Harness.S;
import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.ReplicaSet;
import io.schedlab.api.ReplicaSetSpec;
import io.schedlab.api.ReplicaSetStatus;
import io.schedlab.cluster.SimEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaSetControllerTest {
  private static final Map<String, String> APP = Map.of("app", "web");

  private static ReplicaSet rs(int replicas, Integer minReadySeconds) {
    return ReplicaSet.of(Harness.meta("web", 1),
        new ReplicaSetSpec(replicas, Harness.selector(APP), Harness.template(APP),
            minReadySeconds), null);
  }

  @Test
  void createsReplicasAtTheSameInstantWithOwnerReferenceAndGeneratedNames() {
    Harness h = new Harness(new ReplicaSetController());
    h.runFor(5 * S);
    h.store.create(rs(3, null));
    h.settle();
    List<Pod> pods = h.podsOwnedBy("web");
    assertThat(pods).hasSize(3);
    for (Pod p : pods) {
      assertThat(p.metadata().name()).matches("web-[bcdfghjklmnpqrstvwxz2456789]{5}");
      assertThat(p.metadata().generateName()).isEqualTo("web-");
      assertThat(p.metadata().controllerRef().kind()).isEqualTo("ReplicaSet");
      assertThat(p.metadata().labels()).containsAllEntriesOf(APP);
    }
    assertThat(h.actions("create_pod")).hasSize(3)
        .allSatisfy(e -> assertThat(e.seconds()).isEqualTo(5.0));
    ReplicaSet stored = h.store.get(ReplicaSet.class, "default", "web");
    assertThat(stored.status()).isEqualTo(new ReplicaSetStatus(3, 3, 0, 0, 1L));
  }

  @Test
  void sameSeedSameNamesAndLog() {
    List<String> first = runAndName();
    assertThat(runAndName()).isEqualTo(first);
  }

  private static List<String> runAndName() {
    Harness h = new Harness(new ReplicaSetController());
    h.store.create(rs(4, null));
    h.settle();
    List<String> out = new ArrayList<>();
    for (SimEvent e : h.log.events()) {
      out.add(e.toJson());
    }
    return out;
  }

  @Test
  void failedPodIsReplaced() {
    Harness h = new Harness(new ReplicaSetController());
    h.store.create(rs(2, null));
    h.settle();
    Pod victim = h.podsOwnedBy("web").get(0);
    h.runFor(10 * S);
    h.setPhase(victim, "Failed");
    h.settle();
    assertThat(h.podsOwnedBy("web")).hasSize(3);
    List<SimEvent> creates = h.actions("create_pod");
    assertThat(creates).hasSize(3);
    assertThat(creates.get(2).seconds()).isEqualTo(10.0);
    assertThat(h.store.get(ReplicaSet.class, "default", "web").status().replicas()).isEqualTo(2);
  }

  @Test
  void scaleDownRankingPrefersUnassignedThenPendingThenNotReadyThenDoubledUp() {
    Harness h = new Harness(new ReplicaSetController());
    h.store.create(rs(5, null));
    h.settle();
    List<Pod> pods = h.podsOwnedBy("web");
    // pods[0] unassigned; pods[1] assigned Pending; pods[2] Running not ready;
    // pods[3] and pods[4] Running+Ready on n1 and n2, plus pods[2] on n1 (doubled up).
    h.store.update(Pod.class, "default", pods.get(1).metadata().name(),
        p -> p.withNodeName("n3").withStatus(p.status().withPhase("Pending")));
    h.store.update(Pod.class, "default", pods.get(2).metadata().name(),
        p -> p.withNodeName("n1").withStatus(p.status().withPhase("Running")));
    h.runReady(pods.get(3), "n1");
    h.runReady(pods.get(4), "n2");
    h.settle();
    String[] expectedOrder = {
        pods.get(0).metadata().name(), pods.get(1).metadata().name(),
        pods.get(2).metadata().name(), pods.get(3).metadata().name()};
    for (int replicas = 4; replicas >= 1; replicas--) {
      int r = replicas;
      h.store.update(ReplicaSet.class, "default", "web",
          cur -> cur.withSpec(cur.spec().withReplicas(r)));
      h.settle();
      List<SimEvent> deletes = h.actions("delete_pod");
      assertThat(deletes).hasSize(5 - replicas);
      assertThat(deletes.get(4 - replicas).pod())
          .as("deletion %d", 5 - replicas).isEqualTo("default/" + expectedOrder[4 - replicas]);
    }
    assertThat(h.podsOwnedBy("web")).extracting(p -> p.metadata().name())
        .containsExactly(pods.get(4).metadata().name());
  }

  @Test
  void availableReplicasWaitForMinReadySeconds() {
    Harness h = new Harness(new ReplicaSetController());
    h.store.create(rs(1, 10));
    h.settle();
    Pod pod = h.podsOwnedBy("web").get(0);
    h.runFor(2 * S);
    h.runReady(pod, "n1");
    h.settle();
    ReplicaSetStatus atReady = h.store.get(ReplicaSet.class, "default", "web").status();
    assertThat(atReady.readyReplicas()).isEqualTo(1);
    assertThat(atReady.availableReplicas()).isZero();
    // Ready at 2 s: available strictly after 12 s, so the re-queue at exactly 12 s (all ready,
    // AddAfter minReadySeconds) still sees none; upstream's re-queue 10 s + 1 s after the pod
    // turned ready counts it at 13 s.
    h.loop.runUntil(12 * S);
    assertThat(h.store.get(ReplicaSet.class, "default", "web").status().availableReplicas())
        .isZero();
    h.loop.runUntil(13 * S);
    assertThat(h.store.get(ReplicaSet.class, "default", "web").status().availableReplicas())
        .isEqualTo(1);
  }

  @Test
  void adoptsMatchingOrphans() {
    Harness h = new Harness(new ReplicaSetController());
    h.store.create(Pod.of(ObjectMeta.named("default", "orphan").withLabels(APP), null, null));
    h.store.create(rs(2, null));
    h.settle();
    assertThat(h.podsOwnedBy("web")).hasSize(2)
        .extracting(p -> p.metadata().name()).contains("orphan");
    assertThat(h.actions("adopt_pod")).hasSize(1);
  }
}
