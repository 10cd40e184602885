package io.schedlab.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.framework.ClusterEvent;
import io.schedlab.framework.LabelInterner;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.QueuedPodInfo;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.framework.Status;
import io.schedlab.sim.EventLoop;
import io.schedlab.testing.PodBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulingQueueTest {
  private static final long S = 1_000_000_000L;

  private final EventLoop loop = new EventLoop();
  private final ResourceRegistry resources = new ResourceRegistry();
  private final LabelInterner labels = new LabelInterner();

  private SchedulingQueue queue(SchedulingQueue.EventInterest interest) {
    return new SchedulingQueue(
        loop,
        SchedulingQueue.fromLess(
            (a, b) ->
                a.pod().priority() > b.pod().priority()
                    || (a.pod().priority() == b.pod().priority() && a.timestamp < b.timestamp)),
        1 * S,
        10 * S,
        p ->
            p.pod().spec().schedulingGates().isEmpty()
                ? Status.SUCCESS
                : Status.unresolvable("waiting for scheduling gates").withPlugin("SchedulingGates"),
        interest,
        () -> {});
  }

  private SchedulingQueue queue() {
    return queue((pod, plugin, event) -> true);
  }

  private PodInfo pod(String name, int priority) {
    return new PodInfo(PodBuilder.pod(name).uid(name).priority(priority).build(), resources, labels);
  }

  private static List<String> drain(SchedulingQueue q) {
    List<String> out = new ArrayList<>();
    QueuedPodInfo p;
    while ((p = q.pop()) != null) {
      out.add(p.pod().name());
    }
    return out;
  }

  @Test
  void activeQOrdersByPriorityThenArrival() {
    SchedulingQueue q = queue();
    q.add(pod("low", 1));
    loop.runUntil(1);
    q.add(pod("high", 10));
    loop.runUntil(2);
    q.add(pod("low2", 1));
    q.add(pod("high2", 10));
    assertThat(drain(q)).containsExactly("high", "high2", "low", "low2");
  }

  @Test
  void equalKeysKeepInsertionOrder() {
    SchedulingQueue q = queue();
    for (int i = 0; i < 20; i++) {
      q.add(pod("p" + i, 0));
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      expected.add("p" + i);
    }
    assertThat(drain(q)).isEqualTo(expected);
  }

  @Test
  void backoffDoublesFromInitialAndCapsAtMax() {
    SchedulingQueue q = queue();
    QueuedPodInfo info = new QueuedPodInfo(pod("a", 0));
    long[] expected = {1, 1, 2, 4, 8, 10, 10};
    for (int attempts = 0; attempts < expected.length; attempts++) {
      info.attempts = attempts;
      assertThat(q.backoffDuration(info)).as("attempts=%d", attempts).isEqualTo(expected[attempts] * S);
    }
  }

  @Test
  void failedPodWithEventInFlightBacksOffThenReturns() {
    SchedulingQueue q = queue();
    q.add(pod("a", 0));
    QueuedPodInfo a = q.pop();
    q.moveAllToActiveOrBackoff(ClusterEvent.NODE_ADD); // while "a" is being scheduled
    a.unschedulablePlugins.add("NodeResourcesFit");
    q.addUnschedulable(a);
    assertThat(q.backoffSize()).isEqualTo(1);
    assertThat(q.pop()).isNull();
    // attempts=1 -> 1s backoff; the flush runs on the 1s tick.
    loop.runUntil(1 * S);
    assertThat(q.activeSize()).isEqualTo(1);
    assertThat(q.pop().pod().name()).isEqualTo("a");
  }

  @Test
  void unschedulablePodIsFlushedAfterFiveMinutes() {
    SchedulingQueue q = queue((pod, plugin, event) -> false);
    q.add(pod("a", 0));
    QueuedPodInfo a = q.pop();
    a.unschedulablePlugins.add("NodeResourcesFit");
    q.addUnschedulable(a);
    assertThat(q.unschedulableSize()).isEqualTo(1);
    // No event can help; the leftover flush runs every 30 s and takes pods older than 5 min.
    loop.runUntil(5 * 60 * S);
    assertThat(q.unschedulableSize()).isEqualTo(1);
    loop.runUntil(5 * 60 * S + 30 * S);
    assertThat(q.unschedulableSize()).isZero();
    assertThat(q.activeSize()).isEqualTo(1);
  }

  @Test
  void eventMovesOnlyPodsWhoseRejectorsRegisteredIt() {
    SchedulingQueue q =
        queue((pod, plugin, event) ->
            plugin.equals("NodeResourcesFit") && event.resource() == ClusterEvent.Resource.NODE);
    q.add(pod("fit", 0));
    q.add(pod("taint", 0));
    QueuedPodInfo fit = q.pop();
    QueuedPodInfo taint = q.pop();
    fit.unschedulablePlugins.add("NodeResourcesFit");
    taint.unschedulablePlugins.add("TaintToleration");
    q.addUnschedulable(fit);
    q.addUnschedulable(taint);
    loop.runUntil(20 * S);
    q.moveAllToActiveOrBackoff(ClusterEvent.NODE_ADD);
    assertThat(q.isUnschedulable(taint.pod().uid())).isTrue();
    assertThat(q.isUnschedulable(fit.pod().uid())).isFalse();
    assertThat(q.pop().pod().name()).isEqualTo("fit");
  }

  @Test
  void gatedPodWaitsUntilItsGatesAreRemoved() {
    SchedulingQueue q = queue();
    PodInfo gated =
        new PodInfo(PodBuilder.pod("g").uid("g").schedulingGate("example.com/wait").build(), resources, labels);
    q.add(gated);
    assertThat(q.activeSize()).isZero();
    assertThat(q.isUnschedulable("g")).isTrue();
    q.moveAllToActiveOrBackoff(ClusterEvent.NODE_ADD);
    assertThat(q.activeSize()).isZero();
    PodInfo ungated = new PodInfo(PodBuilder.pod("g").uid("g").build(), resources, labels);
    q.update(ungated, p -> true);
    assertThat(q.pop().pod().name()).isEqualTo("g");
  }

  @Test
  void deleteRemovesFromEveryQueue() {
    SchedulingQueue q = queue();
    q.add(pod("a", 0));
    q.delete("a");
    assertThat(q.pop()).isNull();
    assertThat(q.get("a")).isNull();
  }
}
