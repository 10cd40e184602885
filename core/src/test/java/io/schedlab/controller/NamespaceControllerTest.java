package io.schedlab.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Lease;
import io.schedlab.api.Namespace;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodDisruptionBudget;
import io.schedlab.api.PodSpec;
import io.schedlab.api.ServiceAccount;
import io.schedlab.sim.Durations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamespaceControllerTest {
  private final Harness h = new Harness();

  private void at(double seconds, Runnable action) {
    h.loop.schedule(Durations.seconds(seconds), "test", action);
  }

  private Namespace ns(String name) {
    return h.store.get(Namespace.class, null, name);
  }

  @Test
  void createdNamespacesAreActiveWithTheKubernetesFinalizer() {
    h.start(new NamespaceController());
    Namespace created = h.store.create(Namespace.of(ObjectMeta.named(null, "team"), null));
    assertThat(created.status().phase()).isEqualTo("Active");
    assertThat(created.metadata().finalizers()).containsExactly("kubernetes");
  }

  @Test
  void deletingANamespaceDeletesItsContentThenTheNamespace() {
    h.start(new NamespaceController());
    h.store.create(Namespace.of(ObjectMeta.named(null, "team"), null));
    h.store.create(Namespace.of(ObjectMeta.named(null, "other"), null));
    h.addPod("team", "a", "n", Map.of());
    h.addPod("other", "b", "n", Map.of());
    h.store.create(Pod.of(ObjectMeta.named("team", "held").withFinalizers(List.of("test/hold")),
        PodSpec.EMPTY, null));
    h.store.create(ServiceAccount.of(ObjectMeta.named("team", "default")));
    h.store.create(PodDisruptionBudget.of(ObjectMeta.named("team", "pdb"), null, null));
    h.store.create(Lease.of(ObjectMeta.named("team", "lock"), null));
    at(10, () -> h.store.delete(Namespace.class, null, "team"));
    h.runUntil(10);
    assertThat(ns("team").status().phase()).isEqualTo("Terminating");
    assertThat(h.pod("team", "a")).isNull();
    assertThat(h.store.list(ServiceAccount.class, "team")).isEmpty();
    assertThat(h.store.list(PodDisruptionBudget.class, "team")).isEmpty();
    assertThat(h.store.list(Lease.class, "team")).isEmpty();
    // The held pod is terminating; the namespace waits for it, retrying every second.
    assertThat(h.pod("team", "held").metadata().deletionTimestamp()).isNotNull();
    at(20.5, () -> h.store.update(Pod.class, "team", "held",
        p -> p.withMetadata(p.metadata().withFinalizers(List.of()))));
    h.runUntil(20.9);
    assertThat(h.pod("team", "held")).isNull();
    assertThat(ns("team")).isNotNull();
    h.runUntil(21);
    assertThat(ns("team")).isNull();
    assertThat(ns("other").status().phase()).isEqualTo("Active");
    assertThat(h.pod("other", "b")).isNotNull();
  }

  @Test
  void aNamespaceCreatedBeforeTheControllerStillLosesItsContent() {
    h.store.create(Namespace.of(ObjectMeta.named(null, "early"), null));
    h.addPod("early", "a", "n", Map.of());
    h.start(new NamespaceController());
    at(5, () -> h.store.delete(Namespace.class, null, "early"));
    h.runUntil(6);
    assertThat(ns("early")).isNull();
    assertThat(h.pod("early", "a")).isNull();
  }
}
