package io.schedlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class EventLoopTest {
  private final EventLoop loop = new EventLoop();
  private final List<String> log = new ArrayList<>();

  private Runnable record(String what) {
    return () -> log.add(what + "@" + loop.nowNanos());
  }

  @Test
  void runsEventsInTimeOrder() {
    loop.schedule(30, "c", record("c"));
    loop.schedule(10, "a", record("a"));
    loop.schedule(20, "b", record("b"));
    loop.runUntilIdle();
    assertThat(log).containsExactly("a@10", "b@20", "c@30");
    assertThat(loop.nowNanos()).isEqualTo(30);
    assertThat(loop.eventsRun()).isEqualTo(3);
  }

  @Test
  void breaksTimeTiesByInsertionOrder() {
    for (int i = 0; i < 50; i++) {
      loop.schedule(7, "e" + i, record("e" + i));
    }
    loop.runUntilIdle();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      expected.add("e" + i + "@7");
    }
    assertThat(log).isEqualTo(expected);
  }

  @Test
  void eventsScheduledNowByAnActionRunAfterThoseAlreadyDueNow() {
    loop.schedule(5, "first", () -> {
      log.add("first");
      loop.after(0, "spawned", record("spawned"));
      loop.schedule(5, "spawned-abs", record("spawned-abs"));
    });
    loop.schedule(5, "second", record("second"));
    loop.schedule(6, "later", record("later"));
    loop.runUntilIdle();
    assertThat(log).containsExactly("first", "second@5", "spawned@5", "spawned-abs@5", "later@6");
  }

  @Test
  void rejectsSchedulingInThePast() {
    loop.runUntil(100);
    assertThatThrownBy(() -> loop.schedule(99, "late", () -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot schedule \"late\" at 99ns: that is before now (100ns)");
    assertThatThrownBy(() -> loop.after(-1, "neg", () -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> loop.every(0, "zero", () -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("period must be positive");
    assertThatThrownBy(() -> loop.after(Long.MAX_VALUE, "overflow", () -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("overflows");
    assertThat(loop.pending()).isZero();
  }

  @Test
  void cancelledTimersDoNotRun() {
    Timer a = loop.schedule(10, "a", record("a"));
    Timer b = loop.schedule(20, "b", record("b"));
    loop.schedule(30, "c", record("c"));
    assertThat(loop.pending()).isEqualTo(3);

    assertThat(b.cancel()).isTrue();
    assertThat(b.cancel()).as("second cancel").isFalse();
    assertThat(b.isCancelled()).isTrue();
    assertThat(loop.pending()).isEqualTo(2);

    loop.runUntilIdle();
    assertThat(log).containsExactly("a@10", "c@30");
    assertThat(a.isPending()).isFalse();
    assertThat(a.cancel()).as("cancel after firing").isFalse();
    assertThat(loop.pending()).isZero();
  }

  @Test
  void anActionCanCancelALaterEventDueAtTheSameTime() {
    Timer[] victim = new Timer[1];
    loop.schedule(10, "killer", () -> victim[0].cancel());
    victim[0] = loop.schedule(10, "victim", record("victim"));
    loop.runUntilIdle();
    assertThat(log).isEmpty();
    assertThat(loop.eventsRun()).isEqualTo(1);
  }

  @Test
  void periodicTimersFireEveryPeriodFromNowPlusPeriod() {
    loop.runUntil(5);
    Timer tick = loop.every(10, "tick", record("tick"));
    loop.runUntil(35);
    assertThat(log).containsExactly("tick@15", "tick@25", "tick@35");
    assertThat(tick.atNanos()).isEqualTo(45);
    assertThat(loop.pending()).isEqualTo(1);
    tick.cancel();
    loop.runUntilIdle();
    assertThat(log).hasSize(3);
  }

  @Test
  void periodicTimersCanStartAfterAnInitialDelay() {
    loop.every(10, 0, "tick", record("tick"));
    loop.every(10, 3, "tock", record("tock"));
    loop.runUntil(20);
    assertThat(log).containsExactly("tick@0", "tock@3", "tick@10", "tock@13", "tick@20");
  }

  @Test
  void aPeriodicTimerCanCancelItself() {
    Timer[] self = new Timer[1];
    int[] runs = {0};
    self[0] = loop.every(10, "self", () -> {
      if (++runs[0] == 3) {
        self[0].cancel();
      }
    });
    loop.runUntilIdle(100);
    assertThat(runs[0]).isEqualTo(3);
    assertThat(loop.nowNanos()).isEqualTo(30);
    assertThat(loop.pending()).isZero();
  }

  @Test
  void runUntilRunsEventsAtTheBoundaryAndThenSetsTheClock() {
    loop.schedule(10, "a", record("a"));
    loop.schedule(20, "b", record("b"));
    loop.schedule(21, "c", record("c"));
    loop.runUntil(20);
    assertThat(log).containsExactly("a@10", "b@20");
    assertThat(loop.nowNanos()).isEqualTo(20);
    loop.runUntil(20);
    assertThat(log).hasSize(2);
    loop.runUntil(1_000);
    assertThat(log).containsExactly("a@10", "b@20", "c@21");
    assertThat(loop.nowNanos()).isEqualTo(1_000);
    assertThatThrownBy(() -> loop.runUntil(999))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before now");
  }

  @Test
  void runUntilIdleGuardStopsARunawayLoop() {
    loop.every(1, "forever", () -> {});
    assertThatThrownBy(() -> loop.runUntilIdle(1_000))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("event loop still busy after 1000 events: next is \"forever\" at 1.001\u00b5s, "
            + "1 pending");
    assertThat(loop.eventsRun()).isEqualTo(1_000);
  }

  @Test
  void runUntilIdleGuardReturnsTheCountWhenIdle() {
    loop.schedule(1, "a", () -> {});
    loop.schedule(2, "b", () -> {});
    assertThat(loop.runUntilIdle(2)).isEqualTo(2);
    assertThat(loop.step()).isFalse();
  }

  @Test
  void anActionsExceptionIsWrappedWithTheLabelAndTime() {
    IllegalStateException boom = new IllegalStateException("boom");
    loop.schedule(1_500_000_000L, "bind pod", () -> {
      throw boom;
    });
    loop.schedule(2_000_000_000L, "after", record("after"));
    assertThatThrownBy(loop::step)
        .isInstanceOf(SimulationException.class)
        .hasMessage("event \"bind pod\" at 1.5s failed: boom")
        .hasCause(boom)
        .satisfies(e -> {
          SimulationException se = (SimulationException) e;
          assertThat(se.label()).isEqualTo("bind pod");
          assertThat(se.atNanos()).isEqualTo(1_500_000_000L);
        });
    // The failed event is consumed; the loop carries on.
    loop.runUntilIdle();
    assertThat(log).containsExactly("after@2000000000");
  }

  @Test
  void stepCannotBeCalledFromInsideAnAction() {
    loop.schedule(1, "nested", loop::step);
    assertThatThrownBy(loop::step)
        .isInstanceOf(SimulationException.class)
        .hasMessageContaining("called from inside an event action");
  }

  @Test
  void executorRunsTasksNowAfterQueuedEvents() {
    Executor executor = loop.executor("task");
    loop.schedule(0, "queued", record("queued"));
    executor.execute(record("task"));
    assertThat(log).isEmpty();
    loop.runUntilIdle();
    assertThat(log).containsExactly("queued@0", "task@0");
  }

  @Test
  void stepOnAnEmptyLoopReturnsFalse() {
    assertThat(loop.step()).isFalse();
    assertThat(loop.nextEventNanos()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void massCancellationCompactsWithoutChangingOrder() {
    List<Timer> timers = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      int id = i;
      timers.add(loop.schedule(i % 97, "e" + i, () -> log.add(Integer.toString(id))));
    }
    List<String> expected = new ArrayList<>();
    for (int t = 0; t < 97; t++) {
      for (int i = t; i < 5_000; i += 97) {
        if (i % 5 == 0) {
          expected.add(Integer.toString(i));
        }
      }
    }
    for (int i = 0; i < 5_000; i++) {
      if (i % 5 != 0) {
        timers.get(i).cancel();
      }
    }
    assertThat(loop.pending()).isEqualTo(1_000);
    loop.runUntilIdle();
    assertThat(log).isEqualTo(expected);
  }
}
