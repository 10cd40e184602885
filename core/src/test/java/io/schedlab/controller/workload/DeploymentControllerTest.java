package io.schedlab.controller.workload;

import static io.schedlab.controller.workload.Harness.S;
import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Deployment;
import io.schedlab.api.DeploymentCondition;
import io.schedlab.api.DeploymentSpec;
import io.schedlab.api.DeploymentStrategy;
import io.schedlab.api.IntOrString;
import io.schedlab.api.Pod;
import io.schedlab.api.ReplicaSet;
import io.schedlab.api.RollingUpdateDeployment;
import io.schedlab.cluster.SimEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DeploymentControllerTest {
  private static final Map<String, String> APP = Map.of("app", "web");

  private static Deployment deployment(int replicas, DeploymentStrategy strategy,
      Integer progressDeadline) {
    return Deployment.of(Harness.meta("web", 1),
        new DeploymentSpec(replicas, Harness.selector(APP), Harness.template(APP, "nginx:1"),
            strategy, null, null, null, progressDeadline), null);
  }

  private static Harness harness() {
    return new Harness(new ReplicaSetController(), new DeploymentController());
  }

  /** Marks every active pod not yet ready Running and Ready, one at a time, settling between. */
  private static void readyAll(Harness h) {
    boolean any = true;
    while (any) {
      any = false;
      for (Pod p : h.pods()) {
        if (PodStates.isActive(p) && !PodStates.isReady(p)) {
          h.runReady(p, "n1");
          h.settle();
          any = true;
          break;
        }
      }
    }
  }

  private static List<ReplicaSet> sets(Harness h) {
    return h.store.list(ReplicaSet.class, "default");
  }

  private static Deployment stored(Harness h) {
    return h.store.get(Deployment.class, "default", "web");
  }

  @Test
  void createsOneHashedReplicaSetAndBecomesAvailableAndComplete() {
    Harness h = harness();
    h.store.create(deployment(4, null, null));
    h.settle();
    List<ReplicaSet> sets = sets(h);
    assertThat(sets).hasSize(1);
    ReplicaSet rs = sets.get(0);
    String hash = rs.metadata().labels().get("pod-template-hash");
    assertThat(rs.metadata().name()).isEqualTo("web-" + hash);
    assertThat(rs.spec().selector().matchLabels()).containsEntry("pod-template-hash", hash);
    assertThat(rs.metadata().annotations()).containsEntry("deployment.kubernetes.io/revision", "1")
        .containsEntry("deployment.kubernetes.io/desired-replicas", "4")
        .containsEntry("deployment.kubernetes.io/max-replicas", "5");
    assertThat(h.pods()).hasSize(4)
        .allSatisfy(p -> assertThat(p.metadata().labels())
            .containsEntry("pod-template-hash", hash));
    assertThat(stored(h).status().condition("Available").status()).isEqualTo("False");
    readyAll(h);
    Deployment d = stored(h);
    assertThat(d.metadata().annotations()).containsEntry("deployment.kubernetes.io/revision", "1");
    assertThat(d.status().replicas()).isEqualTo(4);
    assertThat(d.status().updatedReplicas()).isEqualTo(4);
    assertThat(d.status().availableReplicas()).isEqualTo(4);
    assertThat(d.status().condition("Available").status()).isEqualTo("True");
    DeploymentCondition progressing = d.status().condition("Progressing");
    assertThat(progressing.reason()).isEqualTo("NewReplicaSetAvailable");
    assertThat(progressing.message())
        .isEqualTo("ReplicaSet \"web-" + hash + "\" has successfully progressed.");
  }

  @Test
  void rollingUpdateStaysWithinSurgeAndUnavailability() {
    Harness h = harness();
    h.store.create(deployment(4, null, null));
    h.settle();
    readyAll(h);
    h.store.update(Deployment.class, "default", "web", d -> d.withSpec(new DeploymentSpec(4,
        d.spec().selector(), Harness.template(APP, "nginx:2"), null, null, null, null, null)));
    h.settle();
    // 25 % of 4: maxSurge 1 (rounded up), maxUnavailable 1 (rounded down).
    assertThat(sets(h)).hasSize(2);
    int steps = 0;
    while (true) {
      int total = 0;
      int available = 0;
      for (ReplicaSet rs : sets(h)) {
        total += DeploymentController.replicas(rs);
        available += rs.status().availableReplicas();
      }
      assertThat(total).as("replicas at step %d", steps).isLessThanOrEqualTo(5);
      assertThat(available).as("available at step %d", steps).isGreaterThanOrEqualTo(3);
      Pod next = null;
      for (Pod p : h.pods()) {
        if (PodStates.isActive(p) && !PodStates.isReady(p)) {
          next = p;
          break;
        }
      }
      if (next == null) {
        break;
      }
      h.runReady(next, "n1");
      h.settle();
      steps++;
    }
    Deployment d = stored(h);
    assertThat(d.metadata().annotations()).containsEntry("deployment.kubernetes.io/revision", "2");
    assertThat(d.status().updatedReplicas()).isEqualTo(4);
    assertThat(d.status().replicas()).isEqualTo(4);
    assertThat(d.status().condition("Progressing").reason()).isEqualTo("NewReplicaSetAvailable");
    List<Integer> replicas = new ArrayList<>();
    for (ReplicaSet rs : sets(h)) {
      replicas.add(DeploymentController.replicas(rs));
    }
    assertThat(replicas).containsExactlyInAnyOrder(0, 4);
    assertThat(h.pods()).hasSize(4).allSatisfy(p -> assertThat(
        p.spec().containers().get(0).image()).isEqualTo("nginx:2"));
  }

  private static void rollTo(Harness h, String image, Integer historyLimit, Boolean paused) {
    h.store.update(Deployment.class, "default", "web", d -> d.withSpec(new DeploymentSpec(
        d.spec().replicas(), d.spec().selector(), Harness.template(APP, image), null, null,
        historyLimit, paused, null)));
    h.settle();
  }

  @Test
  void oldReplicaSetsBeyondRevisionHistoryLimitAreDeleted() {
    Harness h = harness();
    h.store.create(deployment(2, null, null));
    h.settle();
    readyAll(h);
    for (String image : List.of("nginx:2", "nginx:3", "nginx:4")) {
      rollTo(h, image, 1, null);
      readyAll(h);
    }
    // Revisions 1..4; with a history of 1, only revision 3 stays beside the current 4.
    List<String> revisions = new ArrayList<>();
    for (ReplicaSet rs : sets(h)) {
      revisions.add(rs.metadata().annotations().get("deployment.kubernetes.io/revision"));
    }
    assertThat(revisions).containsExactlyInAnyOrder("3", "4");
    assertThat(h.actions("delete_replicaset")).hasSize(2);
  }

  @Test
  void pausedDeploymentDoesNotRollOutAndSaysSo() {
    Harness h = harness();
    h.store.create(deployment(2, null, null));
    h.settle();
    readyAll(h);
    rollTo(h, "nginx:2", null, true);
    assertThat(sets(h)).hasSize(1);
    DeploymentCondition c = stored(h).status().condition("Progressing");
    assertThat(c.status()).isEqualTo("Unknown");
    assertThat(c.reason()).isEqualTo("DeploymentPaused");
    rollTo(h, "nginx:2", null, false);
    assertThat(sets(h)).hasSize(2);
  }

  @Test
  void rolloutWaitsForMinReadySecondsBeforeRemovingOldPods() {
    Harness h = harness();
    DeploymentStrategy surgeOnly = new DeploymentStrategy("RollingUpdate",
        new RollingUpdateDeployment(IntOrString.ofInt(0), IntOrString.ofInt(1)));
    h.store.create(Deployment.of(Harness.meta("web", 1), new DeploymentSpec(1,
        Harness.selector(APP), Harness.template(APP, "nginx:1"), surgeOnly, 10, null, null, null),
        null));
    h.settle();
    h.runReady(h.pods().get(0), "n1");
    h.loop.runUntil(20 * S);
    h.store.update(Deployment.class, "default", "web", d -> d.withSpec(new DeploymentSpec(1,
        d.spec().selector(), Harness.template(APP, "nginx:2"), surgeOnly, 10, null, null, null)));
    h.settle();
    assertThat(h.pods()).hasSize(2);
    h.loop.runUntil(25 * S);
    for (Pod p : h.pods()) {
      if (!PodStates.isReady(p)) {
        h.runReady(p, "n1");
      }
    }
    // Ready at 25 s, available strictly after 35 s: the ReplicaSet looks again at 36 s
    // (minReadySeconds + 1 s), and only then may the old pod go.
    h.loop.runUntil(35 * S);
    assertThat(h.pods()).hasSize(2);
    h.loop.runUntil(36 * S);
    assertThat(h.pods()).singleElement().satisfies(
        p -> assertThat(p.spec().containers().get(0).image()).isEqualTo("nginx:2"));
    assertThat(h.actions("delete_pod")).singleElement()
        .satisfies(e -> assertThat(e.seconds()).isEqualTo(36.0));
  }

  @Test
  void recreateDeletesOldPodsBeforeCreatingNewOnes() {
    Harness h = harness();
    h.store.create(deployment(3, new DeploymentStrategy("Recreate", null), null));
    h.settle();
    readyAll(h);
    int before = h.log.events().size();
    h.store.update(Deployment.class, "default", "web", d -> d.withSpec(new DeploymentSpec(3,
        d.spec().selector(), Harness.template(APP, "nginx:2"), d.spec().strategy(), null, null,
        null, null)));
    h.settle();
    List<String> actions = new ArrayList<>();
    for (SimEvent e : h.log.events().subList(before, h.log.events().size())) {
      if (e.type().equals(SimEvent.Types.CONTROLLER_ACTION)) {
        actions.add(e.detail().get("action"));
      }
    }
    assertThat(actions).containsExactly("scale", "delete_pod", "delete_pod", "delete_pod",
        "create_replicaset", "create_pod", "create_pod", "create_pod");
  }

  @Test
  void scalingACompleteDeploymentScalesItsOnlyReplicaSet() {
    Harness h = harness();
    h.store.create(deployment(2, null, null));
    h.settle();
    readyAll(h);
    h.store.update(Deployment.class, "default", "web",
        d -> d.withSpec(d.spec().withReplicas(6)));
    h.settle();
    ReplicaSet rs = sets(h).get(0);
    assertThat(sets(h)).hasSize(1);
    assertThat(rs.spec().replicas()).isEqualTo(6);
    assertThat(rs.metadata().annotations())
        .containsEntry("deployment.kubernetes.io/desired-replicas", "6");
    assertThat(h.pods()).hasSize(6);
  }

  @Test
  void proportionalScalingDuringARollout() {
    Harness h = harness();
    h.store.create(deployment(10, null, null));
    h.settle();
    readyAll(h);
    h.store.update(Deployment.class, "default", "web", d -> d.withSpec(new DeploymentSpec(10,
        d.spec().selector(), Harness.template(APP, "nginx:2"), null, null, null, null, null)));
    h.settle();
    // 10 replicas: surge 3, unavailable 2. New up to 3 (13 = 10 + 3), old down by 2 to 8,
    // then new up to 5 again within 13.
    assertThat(replicasByImage(h)).isEqualTo(Map.of("nginx:1", 8, "nginx:2", 5));
    h.store.update(Deployment.class, "default", "web",
        d -> d.withSpec(d.spec().withReplicas(20)));
    h.settle();
    // Allowed 20 + 5 = 25, 12 to add: the larger old set gets round(8*25/13)-8 = 7, the new
    // one round(5*25/13)-5 = 5.
    assertThat(replicasByImage(h)).isEqualTo(Map.of("nginx:1", 15, "nginx:2", 10));
  }

  private static Map<String, Integer> replicasByImage(Harness h) {
    Map<String, Integer> out = new java.util.TreeMap<>();
    for (ReplicaSet rs : sets(h)) {
      out.put(rs.spec().template().spec().containers().get(0).image(),
          DeploymentController.replicas(rs));
    }
    return out;
  }

  @Test
  void progressDeadlineExceededAfterTheDeadlineWithoutProgress() {
    Harness h = harness();
    h.store.create(deployment(2, null, 30));
    h.settle();
    h.loop.runUntil(29 * S);
    assertThat(stored(h).status().condition("Progressing").status()).isEqualTo("True");
    h.loop.runUntil(31 * S);
    DeploymentCondition c = stored(h).status().condition("Progressing");
    assertThat(c.status()).isEqualTo("False");
    assertThat(c.reason()).isEqualTo("ProgressDeadlineExceeded");
    assertThat(c.lastTransitionTime()).isEqualTo("2026-01-01T00:00:30Z");
  }

  @ParameterizedTest(name = "{0} replicas, surge {1}, unavailable {2} -> {3}/{4}")
  @CsvSource({
      "4, 25%, 25%, 1, 1",
      "10, 25%, 25%, 3, 2",
      "1, 25%, 25%, 1, 0",
      "3, 0, 0, 0, 1",
      "5, 2, 50%, 2, 2",
      "0, 25%, 25%, 0, 0",
  })
  void fencepostsRoundSurgeUpAndUnavailableDown(int replicas, String surge, String unavailable,
      int wantSurge, int wantUnavailable) {
    Deployment d = deployment(replicas, new DeploymentStrategy("RollingUpdate",
        new RollingUpdateDeployment(intOrString(unavailable), intOrString(surge))), null);
    assertThat(DeploymentController.maxSurge(d)).isEqualTo(wantSurge);
    assertThat(DeploymentController.maxUnavailable(d)).isEqualTo(wantUnavailable);
  }

  @Test
  void invalidMaxSurgeNamesTheField() {
    Deployment d = deployment(4, new DeploymentStrategy("RollingUpdate",
        new RollingUpdateDeployment(null, IntOrString.ofString("lots"))), null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DeploymentController.maxSurge(d))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("deployment default/web: spec.strategy.rollingUpdate.maxSurge: ");
  }

  private static IntOrString intOrString(String s) {
    return s.endsWith("%") ? IntOrString.ofString(s) : IntOrString.ofInt(Integer.parseInt(s));
  }

  @Test
  void templateHashDependsOnlyOnTheTemplate() {
    String a = DeploymentController.templateHash(Harness.template(APP, "nginx:1"));
    assertThat(DeploymentController.templateHash(Harness.template(APP, "nginx:1"))).isEqualTo(a);
    assertThat(DeploymentController.templateHash(Harness.template(APP, "nginx:2"))).isNotEqualTo(a);
    assertThat(a).matches("[bcdfghjklmnpqrstvwxz2456789]{1,10}");
  }
}
