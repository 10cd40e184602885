package io.schedlab.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodStatus;
import io.schedlab.sim.Durations;
import io.schedlab.sim.EventLoop;
import org.junit.jupiter.api.Test;

class ClusterStoreGracefulDeleteTest {
  private final EventLoop loop = new EventLoop();
  private final ClusterStore store = ClusterStore.simulated(loop, 3);

  private Pod create() {
    return store.create(Pod.of(ObjectMeta.named("ns", "p"), null, null));
  }

  @Test
  void gracePeriodMarksInsteadOfDeleting() {
    create();
    loop.runUntil(5 * Durations.SECOND);
    Pod marked = store.deleteGracefully(Pod.class, "ns", "p", 30);
    assertThat(marked.metadata().deletionTimestamp()).isEqualTo("2026-01-01T00:00:35Z");
    assertThat(marked.metadata().deletionGracePeriodSeconds()).isEqualTo(30);
    assertThat(store.get(Pod.class, "ns", "p")).isEqualTo(marked);
  }

  @Test
  void statusUpdatesDuringTheGracePeriodKeepTheObject() {
    create();
    store.deleteGracefully(Pod.class, "ns", "p", 30);
    Pod updated = store.update(Pod.class, "ns", "p",
        p -> p.withStatus(PodStatus.EMPTY.withPhase("Running")));
    assertThat(store.get(Pod.class, "ns", "p")).isEqualTo(updated);
    assertThat(updated.metadata().deletionTimestamp()).isNotNull();
  }

  @Test
  void aSecondRequestOnlyShortensAndZeroDeletes() {
    create();
    store.deleteGracefully(Pod.class, "ns", "p", 30);
    assertThat(store.deleteGracefully(Pod.class, "ns", "p", 60).metadata()
        .deletionGracePeriodSeconds()).isEqualTo(30);
    assertThat(store.deleteGracefully(Pod.class, "ns", "p", 10).metadata()
        .deletionGracePeriodSeconds()).isEqualTo(10);
    store.deleteGracefully(Pod.class, "ns", "p", 0);
    assertThat(store.get(Pod.class, "ns", "p")).isNull();
  }
}
