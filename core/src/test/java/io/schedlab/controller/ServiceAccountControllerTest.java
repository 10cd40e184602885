package io.schedlab.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Namespace;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.ServiceAccount;
import io.schedlab.sim.Durations;
import org.junit.jupiter.api.Test;

class ServiceAccountControllerTest {
  private final Harness h = new Harness();

  private ServiceAccount sa(String ns) {
    return h.store.get(ServiceAccount.class, ns, "default");
  }

  @Test
  void everyNamespaceGetsADefaultServiceAccountAndKeepsIt() {
    h.store.create(Namespace.of(ObjectMeta.named(null, "before"), null));
    h.start(new ServiceAccountController());
    h.store.create(Namespace.of(ObjectMeta.named(null, "after"), null));
    h.runUntil(1);
    assertThat(sa("before")).isNotNull();
    assertThat(sa("after")).isNotNull();
    String uid = sa("after").metadata().uid();
    h.loop.after(0, "delete", () -> h.store.delete(ServiceAccount.class, "after", "default"));
    h.runUntil(2);
    assertThat(sa("after")).isNotNull();
    assertThat(sa("after").metadata().uid()).isNotEqualTo(uid);
  }

  @Test
  void aTerminatingNamespaceGetsNoNewServiceAccount() {
    h.start(new NamespaceController(), new ServiceAccountController());
    h.store.create(Namespace.of(ObjectMeta.named(null, "team"), null));
    h.runUntil(1);
    assertThat(sa("team")).isNotNull();
    h.loop.schedule(Durations.seconds(5), "delete ns",
        () -> h.store.delete(Namespace.class, null, "team"));
    h.runUntil(10);
    assertThat(sa("team")).isNull();
    assertThat(h.store.get(Namespace.class, null, "team")).isNull();
  }
}
