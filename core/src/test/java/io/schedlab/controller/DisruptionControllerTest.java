package io.schedlab.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Deployment;
import io.schedlab.api.DeploymentSpec;
import io.schedlab.api.IntOrString;
import io.schedlab.api.LabelSelector;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.OwnerReference;
import io.schedlab.api.Pod;
import io.schedlab.api.PodCondition;
import io.schedlab.api.PodDisruptionBudget;
import io.schedlab.api.PodDisruptionBudgetSpec;
import io.schedlab.api.PodDisruptionBudgetStatus;
import io.schedlab.api.PodSpec;
import io.schedlab.api.PodStatus;
import io.schedlab.api.ReplicaSet;
import io.schedlab.api.ReplicaSetSpec;
import io.schedlab.api.StatefulSet;
import io.schedlab.api.StatefulSetSpec;
import io.schedlab.sim.Durations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisruptionControllerTest {
  private static final Map<String, String> APP = Map.of("app", "web");
  private final Harness h = new Harness();

  private PodDisruptionBudget pdb(String min, String max, LabelSelector selector) {
    return h.store.create(PodDisruptionBudget.of(
        ObjectMeta.named("default", "budget").withGeneration(4L),
        new PodDisruptionBudgetSpec(parse(min), parse(max), selector, null), null));
  }

  private static IntOrString parse(String v) {
    if (v == null || v.isEmpty()) {
      return null;
    }
    return v.endsWith("%") ? IntOrString.ofString(v) : IntOrString.ofInt(Integer.parseInt(v));
  }

  private void pods(int ready, int notReady, OwnerReference owner) {
    for (int i = 0; i < ready + notReady; i++) {
      String status = i < ready ? "True" : "False";
      ObjectMeta meta = ObjectMeta.named("default", "p" + i).withLabels(APP);
      if (owner != null) {
        meta = meta.withOwnerReferences(List.of(owner));
      }
      h.store.create(Pod.of(meta, PodSpec.EMPTY.withNodeName("n"), PodStatus.EMPTY
          .withPhase("Running").withCondition(new PodCondition("Ready", status, null, null, null))));
    }
  }

  private OwnerReference owner(String kind, int replicas) {
    String uid;
    switch (kind) {
      case "ReplicaSet" -> uid = h.store.create(ReplicaSet.of(ObjectMeta.named("default", "rs"),
          new ReplicaSetSpec(replicas, LabelSelector.of(APP), null, null), null)).metadata().uid();
      case "Deployment" -> {
        String dUid = h.store.create(Deployment.of(ObjectMeta.named("default", "d"),
            new DeploymentSpec(replicas, LabelSelector.of(APP), null, null, null, null, null, null),
            null)).metadata().uid();
        uid = h.store.create(ReplicaSet.of(ObjectMeta.named("default", "d-1").withOwnerReferences(
            List.of(new OwnerReference("apps/v1", "Deployment", "d", dUid, true, true))),
            new ReplicaSetSpec(99, LabelSelector.of(APP), null, null), null)).metadata().uid();
        kind = "ReplicaSet";
        return new OwnerReference("apps/v1", kind, "d-1", uid, true, true);
      }
      case "StatefulSet" -> uid = h.store.create(StatefulSet.of(ObjectMeta.named("default", "ss"),
          new StatefulSetSpec(replicas, LabelSelector.of(APP), null, null, null, null), null))
          .metadata().uid();
      default -> {
        return null;
      }
    }
    String name = kind.equals("ReplicaSet") ? "rs" : "ss";
    return new OwnerReference("apps/v1", kind, name, uid, true, true);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // name | minAvailable | maxUnavailable | owner | replicas | ready | notReady | expected, desired, healthy, allowed
      "minAvailable 2 of 3 ready pods | 2 | | none | 0 | 3 | 0 | 3, 2, 3, 1",
      "a not-ready pod is not healthy | 2 | | none | 0 | 2 | 1 | 3, 2, 2, 0",
      "minAvailable above healthy allows nothing | 5 | | none | 0 | 3 | 0 | 3, 5, 3, 0",
      "maxUnavailable 1 of a ReplicaSet of 5 | | 1 | ReplicaSet | 5 | 4 | 0 | 5, 4, 4, 0",
      "minAvailable 50% of a Deployment of 4 | 50% | | Deployment | 4 | 4 | 0 | 4, 2, 4, 2",
      "maxUnavailable 30% of 10 rounds up to 3 | | 30% | StatefulSet | 10 | 10 | 0 | 10, 7, 10, 3",
      "minAvailable 33% of 10 rounds up to 4 | 33% | | StatefulSet | 10 | 9 | 0 | 10, 4, 9, 5",
      "no matching pods: nothing allowed | 0 | | none | 0 | 0 | 0 | 0, 0, 0, 0",
  })
  void keepsTheBudgetStatus(String name, String min, String max, String ownerKind, int replicas,
      int ready, int notReady, String expectedStatus) {
    pods(ready, notReady, owner(ownerKind, replicas));
    pdb(min, max, LabelSelector.of(APP));
    h.start(new DisruptionController());
    h.runUntil(1);
    PodDisruptionBudgetStatus s = h.store.get(PodDisruptionBudget.class, "default", "budget")
        .status();
    assertThat(s.expectedPods() + ", " + s.desiredHealthy() + ", " + s.currentHealthy() + ", "
        + s.disruptionsAllowed()).isEqualTo(expectedStatus);
    assertThat(s.observedGeneration()).isEqualTo(4L);
  }

  @Test
  void aPercentageWithAPodWithoutControllerFailsSafe() {
    pods(3, 0, null);
    pdb(null, "1", LabelSelector.of(APP));
    h.start(new DisruptionController());
    h.runUntil(1);
    PodDisruptionBudget b = h.store.get(PodDisruptionBudget.class, "default", "budget");
    assertThat(b.status().disruptionsAllowed()).isZero();
    assertThat(h.first(io.schedlab.cluster.SimEvent.Types.CONTROLLER_ACTION, null, null)
        .detail()).containsEntry("action", "sync_failed")
        .containsEntry("reason", "found no controller ref for pod \"p0\"");
  }

  @Test
  void aNullSelectorMatchesNothingAndAnEmptyOneEverything() {
    pods(2, 0, null);
    h.store.create(PodDisruptionBudget.of(ObjectMeta.named("default", "none"),
        new PodDisruptionBudgetSpec(IntOrString.ofInt(0), null, null, null), null));
    h.store.create(PodDisruptionBudget.of(ObjectMeta.named("default", "all"),
        new PodDisruptionBudgetSpec(IntOrString.ofInt(0), null, LabelSelector.EMPTY, null), null));
    h.start(new DisruptionController());
    h.runUntil(1);
    assertThat(h.store.get(PodDisruptionBudget.class, "default", "none").status().expectedPods())
        .isZero();
    assertThat(h.store.get(PodDisruptionBudget.class, "default", "all").status().expectedPods())
        .isEqualTo(2);
  }

  @Test
  void followsPodsAsTheyChangeAndDisruptedPodsLapseAfterTwoMinutes() {
    pods(3, 0, null);
    h.start(new DisruptionController());
    pdb("2", null, LabelSelector.of(APP));
    h.runUntil(1);
    PodDisruptionBudget b = h.store.get(PodDisruptionBudget.class, "default", "budget");
    assertThat(b.status().disruptionsAllowed()).isEqualTo(1);
    // An eviction records p0 as disrupted at 1 s: it stops counting as healthy.
    h.loop.after(0, "evict p0", () -> h.store.update(PodDisruptionBudget.class, "default",
        "budget", p -> p.withStatus(new PodDisruptionBudgetStatus(4L,
            Map.of("p0", h.now()), 0, 3, 2, 3))));
    h.runUntil(2);
    b = h.store.get(PodDisruptionBudget.class, "default", "budget");
    assertThat(b.status().currentHealthy()).isEqualTo(2);
    assertThat(b.status().disruptedPods()).containsOnlyKeys("p0");
    h.runUntil(120.5);
    assertThat(h.store.get(PodDisruptionBudget.class, "default", "budget").status()
        .currentHealthy()).isEqualTo(2);
    h.runUntil(122);
    b = h.store.get(PodDisruptionBudget.class, "default", "budget");
    assertThat(b.status().disruptedPods()).isEmpty();
    assertThat(b.status().currentHealthy()).isEqualTo(3);
    h.loop.after(0, "p1 not ready", () -> h.store.update(Pod.class, "default", "p1",
        p -> p.withStatus(p.status().withCondition(
            new PodCondition("Ready", "False", null, null, null)))));
    h.runUntil(123);
    b = h.store.get(PodDisruptionBudget.class, "default", "budget");
    assertThat(b.status().currentHealthy()).isEqualTo(2);
    assertThat(b.status().disruptionsAllowed()).isZero();
    assertThat(Durations.format(DisruptionController.DELETION_TIMEOUT)).isEqualTo("2m0s");
  }
}
