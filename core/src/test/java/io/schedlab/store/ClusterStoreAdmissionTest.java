package io.schedlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterStoreAdmissionTest {
  private final ClusterStore store = new ClusterStore();

  @Test
  void hooksMutateCreatedObjectsInTheOrderTheyWereAdded() {
    store.addAdmission(Widget.class, w -> w.withSize(w.size() + 1));
    store.addAdmission(Widget.class, w -> w.withSize(w.size() * 10));
    Widget created = store.create(Widget.of("ns", "a", 1));
    assertThat(created.size()).isEqualTo(20);
    assertThat(store.get(Widget.class, "ns", "a").size()).isEqualTo(20);
  }

  @Test
  void hooksApplyOnlyToTheirTypeAndOnlyOnCreate() {
    store.addAdmission(Gadget.class, g -> {
      throw new AssertionError("a Widget must not reach a Gadget hook");
    });
    List<Integer> seen = new ArrayList<>();
    store.addAdmission(Widget.class, w -> {
      seen.add(w.size());
      return w;
    });
    Widget created = store.create(Widget.of("ns", "a", 1));
    store.update(created.withSize(5));
    assertThat(seen).containsExactly(1);
  }

  @Test
  void watchersSeeTheAdmittedObject() {
    store.addAdmission(Widget.class, w -> w.withSize(7));
    List<Integer> sizes = new ArrayList<>();
    store.watch(Widget.class, e -> sizes.add(e.object().size()));
    store.create(Widget.of("ns", "a", 1));
    assertThat(sizes).containsExactly(7);
  }

  @Test
  void aHookThatReturnsNullIsAnError() {
    store.addAdmission(Widget.class, w -> null);
    assertThatThrownBy(() -> store.create(Widget.of("ns", "a", 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("admission hook for Widget must return a Widget, got null");
    assertThat(store.count(Widget.class)).isZero();
  }
}
