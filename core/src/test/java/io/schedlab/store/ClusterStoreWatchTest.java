package io.schedlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.sim.EventLoop;
import io.schedlab.sim.SimulationException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterStoreWatchTest {
  /** Renders an event as "TYPE key size@rv" for compact assertions. */
  private static String show(WatchEvent<Widget> e) {
    return e.type() + " " + e.object().key() + " " + e.object().size() + "@" + e.resourceVersion();
  }

  private static final class Recorder implements WatchHandler<Widget> {
    final List<String> seen = new ArrayList<>();
    final List<WatchEvent<Widget>> events = new ArrayList<>();

    @Override
    public void onEvent(WatchEvent<Widget> event) {
      seen.add(show(event));
      events.add(event);
    }
  }

  /** An executor that holds tasks until the test runs them: asynchronous delivery, by hand. */
  private static final class ManualExecutor implements java.util.concurrent.Executor {
    final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    void runAll() {
      while (!tasks.isEmpty()) {
        tasks.poll().run();
      }
    }
  }

  @Test
  void deliversEveryChangeInCommitOrder() {
    ClusterStore store = new ClusterStore();
    Recorder rec = new Recorder();
    store.watch(Widget.class, rec);
    Widget a = store.create(Widget.of("ns", "a", 1));
    store.update(a.withSize(2));
    store.create(Widget.of("ns", "b", 3));
    store.create(Gadget.of("g")); // another type: not delivered
    store.delete(Widget.class, "ns", "a");

    assertThat(rec.seen).containsExactly(
        "ADDED ns/a 1@2", "MODIFIED ns/a 2@3", "ADDED ns/b 3@4", "DELETED ns/a 2@6");
    WatchEvent<Widget> modified = rec.events.get(1);
    assertThat(modified.oldObject()).isEqualTo(a);
    assertThat(modified.object().metadata().resourceVersion()).isEqualTo("3");
    WatchEvent<Widget> deleted = rec.events.get(3);
    assertThat(deleted.object().metadata().resourceVersion()).isEqualTo("6");
    assertThat(deleted.oldObject().metadata().resourceVersion()).isEqualTo("3");
    assertThat(rec.events.get(0).oldObject()).isNull();
  }

  @Test
  void aHandlerThatWritesDoesNotReorderOtherWatchersEvents() {
    ClusterStore store = new ClusterStore();
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    store.watch(Widget.class, e -> {
      first.add(show(e));
      if (e.object().metadata().name().equals("a") && e.type() == WatchEvent.Type.ADDED) {
        // Commits b while a's ADDED is still being delivered.
        store.create(Widget.of("ns", "b", 2));
        store.update(Widget.class, "ns", "a", w -> w.withSize(10));
        first.add("handler returned");
      }
    });
    store.watch(Widget.class, e -> second.add(show(e)));

    store.create(Widget.of("ns", "a", 1));

    assertThat(first).containsExactly(
        "ADDED ns/a 1@2", "handler returned", "ADDED ns/b 2@3", "MODIFIED ns/a 10@4");
    assertThat(second).containsExactly("ADDED ns/a 1@2", "ADDED ns/b 2@3", "MODIFIED ns/a 10@4");
  }

  @Test
  void listAndWatchSkipsChangesAlreadyInTheList() {
    ManualExecutor executor = new ManualExecutor();
    ClusterStore store = new ClusterStore(1, () -> 0L, executor);
    Recorder early = new Recorder();
    store.watch(Widget.class, early);
    store.create(Widget.of("ns", "a", 1)); // committed, not yet delivered

    Recorder late = new Recorder();
    List<Widget> listed = store.listAndWatch(Widget.class, late);
    assertThat(listed).extracting(Widget::key).containsExactly("ns/a");

    store.create(Widget.of("ns", "b", 2));
    executor.runAll();
    assertThat(early.seen).containsExactly("ADDED ns/a 1@2", "ADDED ns/b 2@3");
    assertThat(late.seen).containsExactly("ADDED ns/b 2@3");
  }

  @Test
  void aWatchStartedFromAHandlerSeesOnlyLaterChanges() {
    ClusterStore store = new ClusterStore();
    Recorder late = new Recorder();
    List<List<Widget>> listed = new ArrayList<>();
    store.watch(Widget.class, e -> {
      if (listed.isEmpty()) {
        store.create(Widget.of("ns", "b", 2));
        listed.add(store.listAndWatch(Widget.class, late));
        store.create(Widget.of("ns", "c", 3));
      }
    });
    store.create(Widget.of("ns", "a", 1));
    assertThat(listed.get(0)).extracting(Widget::key).containsExactly("ns/a", "ns/b");
    assertThat(late.seen).containsExactly("ADDED ns/c 3@4");
  }

  @Test
  void closingAWatchStopsDeliveryAtOnce() {
    ManualExecutor executor = new ManualExecutor();
    ClusterStore store = new ClusterStore(1, () -> 0L, executor);
    Recorder rec = new Recorder();
    WatchHandle handle = store.watch(Widget.class, rec);
    store.create(Widget.of("ns", "a", 1));
    executor.runAll();
    store.create(Widget.of("ns", "b", 2)); // queued
    handle.close();
    handle.close(); // idempotent
    executor.runAll();
    store.create(Widget.of("ns", "c", 3));
    executor.runAll();
    assertThat(handle.isClosed()).isTrue();
    assertThat(rec.seen).containsExactly("ADDED ns/a 1@2");
  }

  @Test
  void aHandlerCanCloseItsOwnWatch() {
    ClusterStore store = new ClusterStore();
    List<String> seen = new ArrayList<>();
    WatchHandle[] self = new WatchHandle[1];
    self[0] = store.watch(Widget.class, e -> {
      seen.add(show(e));
      self[0].close();
    });
    store.create(Widget.of("ns", "a", 1));
    store.create(Widget.of("ns", "b", 2));
    assertThat(seen).containsExactly("ADDED ns/a 1@2");
  }

  @Test
  void filteredWatchesTurnTransitionsIntoAddedAndDeleted() {
    ClusterStore store = new ClusterStore();
    Recorder big = new Recorder();
    List<Widget> initial = store.listAndWatch(Widget.class, w -> w.size() > 10, big);
    assertThat(initial).isEmpty();

    store.create(Widget.of("ns", "a", 1));
    store.update(Widget.class, "ns", "a", w -> w.withSize(20));
    store.update(Widget.class, "ns", "a", w -> w.withSize(30));
    store.update(Widget.class, "ns", "a", w -> w.withSize(5));
    store.update(Widget.class, "ns", "a", w -> w.withSize(6));
    store.create(Widget.of("ns", "b", 50));
    store.delete(Widget.class, "ns", "a");
    store.delete(Widget.class, "ns", "b");

    assertThat(big.seen).containsExactly(
        "ADDED ns/a 20@3", "MODIFIED ns/a 30@4", "DELETED ns/a 5@5", "ADDED ns/b 50@7",
        "DELETED ns/b 50@9");
    assertThat(store.listAndWatch(Widget.class, w -> w.size() > 10, e -> {})).isEmpty();
  }

  @Test
  void finalizerDeletionIsAModifiedThenADeleted() {
    ClusterStore store = new ClusterStore();
    Recorder rec = new Recorder();
    store.watch(Widget.class, rec);
    store.create(Widget.of("ns", "a", 1).withFinalizers(List.of("f")));
    store.delete(Widget.class, "ns", "a");
    store.update(Widget.class, "ns", "a", w -> w.withFinalizers(List.of()));
    assertThat(rec.seen).containsExactly("ADDED ns/a 1@2", "MODIFIED ns/a 1@3", "DELETED ns/a 1@4");
    assertThat(rec.events.get(2).oldObject().metadata().finalizers()).containsExactly("f");
  }

  @Test
  void noOpUpdatesProduceNoEvent() {
    ClusterStore store = new ClusterStore();
    Recorder rec = new Recorder();
    store.watch(Widget.class, rec);
    Widget a = store.create(Widget.of("ns", "a", 1));
    store.update(a);
    assertThat(rec.seen).containsExactly("ADDED ns/a 1@2");
  }

  @Test
  void aFailingHandlerDoesNotStarveOtherWatchers() {
    ClusterStore store = new ClusterStore();
    store.watch(Widget.class, e -> {
      if (e.object().size() == 1) {
        throw new IllegalStateException("handler broke");
      }
    });
    Recorder rec = new Recorder();
    store.watch(Widget.class, rec);
    assertThatThrownBy(() -> store.create(Widget.of("ns", "a", 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("handler broke");
    assertThat(store.get(Widget.class, "ns", "a")).as("the write committed").isNotNull();
    store.create(Widget.of("ns", "b", 2));
    assertThat(rec.seen).containsExactly("ADDED ns/a 1@2", "ADDED ns/b 2@3");
  }

  @Test
  void anEventLoopExecutorDeliversAfterTheWritingActionAtTheSameTime() {
    EventLoop loop = new EventLoop();
    ClusterStore store = ClusterStore.simulated(loop, 5);
    List<String> log = new ArrayList<>();
    store.watch(Widget.class, e -> log.add(show(e) + " at " + loop.nowNanos()));

    loop.schedule(5_000_000_000L, "writer", () -> {
      store.create(Widget.of("ns", "a", 1));
      store.update(Widget.class, "ns", "a", w -> w.withSize(2));
      log.add("writer done");
    });
    loop.schedule(5_000_000_000L, "bystander", () -> log.add("bystander"));
    loop.schedule(6_000_000_000L, "deleter", () -> store.delete(Widget.class, "ns", "a"));

    loop.runUntil(5_000_000_000L);
    assertThat(store.get(Widget.class, "ns", "a").metadata().creationTimestamp())
        .isEqualTo("2026-01-01T00:00:05Z");
    loop.runUntilIdle();
    assertThat(log).containsExactly(
        "writer done",
        "bystander",
        "ADDED ns/a 1@2 at 5000000000",
        "MODIFIED ns/a 2@3 at 5000000000",
        "DELETED ns/a 2@4 at 6000000000");
  }

  @Test
  void aFailingHandlerUnderAnEventLoopIsReportedAsThatEvent() {
    EventLoop loop = new EventLoop();
    ClusterStore store = ClusterStore.simulated(loop, 5);
    Recorder rec = new Recorder();
    store.watch(Widget.class, e -> {
      throw new IllegalStateException("informer bug");
    });
    store.watch(Widget.class, rec);
    store.create(Widget.of("ns", "a", 1));
    store.create(Widget.of("ns", "b", 2));
    assertThatThrownBy(loop::step)
        .isInstanceOf(SimulationException.class)
        .hasMessage("event \"watch-dispatch\" at 0s failed: informer bug");
    assertThat(rec.seen).containsExactly("ADDED ns/a 1@2");
    assertThatThrownBy(loop::step).isInstanceOf(SimulationException.class);
    assertThat(rec.seen).containsExactly("ADDED ns/a 1@2", "ADDED ns/b 2@3");
    assertThat(loop.step()).isFalse();
  }

  @Test
  void handlerIsRequired() {
    ClusterStore store = new ClusterStore();
    assertThatThrownBy(() -> store.watch(Widget.class, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("watch Widget: expected a handler, got null");
  }
}
