package io.schedlab.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Registry;
import io.schedlab.framework.Status;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.sim.EventLoop;
import io.schedlab.store.ClusterStore;
import io.schedlab.store.WatchEvent;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.PodBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch run's observer hears the whole run and changes nothing about it. */
class BatchRunObserverTest {
  private final Registry registry = InTreeRegistry.create();
  private final SchedulerConfig defaults = SchedulerConfig.defaults(registry);

  // n1 holds a low-priority pod that "urgent" preempts; "small" fits n2; "huge" fits nowhere.
  private final List<Node> nodes = List.of(
      NodeBuilder.node("n1").capacity("cpu", "2").capacity("pods", "10").build(),
      NodeBuilder.node("n2").capacity("cpu", "1").capacity("pods", "10").build());
  private final List<Pod> pods = List.of(
      PodBuilder.pod("low").namespace("default").nodeName("n1").priority(0).req("cpu", "2").build(),
      PodBuilder.pod("urgent").namespace("default").priority(100).req("cpu", "2").build(),
      PodBuilder.pod("small").namespace("default").req("cpu", "1").build(),
      PodBuilder.pod("huge").namespace("default").req("cpu", "3").build());

  /** Writes down what it hears, one line per call. */
  private static final class Transcript implements BatchRun.Observer {
    final List<String> lines = new ArrayList<>();
    int nodesAtStart = -1;
    int podsAtStart = -1;
    long finishedAt = -1;

    @Override
    public void started(ClusterStore store, EventLoop loop, Scheduler scheduler) {
      nodesAtStart = store.list(Node.class).size();
      podsAtStart = store.list(Pod.class).size();
      store.watch(Pod.class, e -> {
        if (e.type() != WatchEvent.Type.MODIFIED) {
          lines.add(e.type() + " " + BatchRun.key(e.object()));
        }
      });
    }

    @Override
    public void finished(ClusterStore store, EventLoop loop) {
      finishedAt = loop.nowNanos();
    }

    @Override
    public void onAssumed(PodInfo pod, String nodeName, long now) {
      lines.add("assumed " + pod.key() + " " + nodeName);
    }

    @Override
    public void onBound(PodInfo pod, String nodeName, long now) {
      lines.add("bound " + pod.key() + " " + nodeName);
    }

    @Override
    public void onFailure(PodInfo pod, Status status, String message, long now) {
      lines.add("failed " + pod.key());
    }
  }

  @Test
  void observerSeesEveryPodCreatedPlacedAndDeleted() {
    Transcript t = new Transcript();
    BatchRun.Result r = BatchRun.run(defaults, registry, List.of(), nodes, pods, 7, t);
    assertThat(t.nodesAtStart).isZero();
    assertThat(t.podsAtStart).isZero();
    assertThat(t.lines).contains("ADDED default/low", "ADDED default/urgent",
        "ADDED default/small", "ADDED default/huge", "DELETED default/low",
        "assumed default/urgent n1", "bound default/urgent n1",
        "assumed default/small n2", "bound default/small n2", "failed default/huge");
    assertThat(t.lines.indexOf("DELETED default/low"))
        .isLessThan(t.lines.indexOf("bound default/urgent n1"));
    assertThat(t.finishedAt).isEqualTo(r.virtualNanos());
  }

  @Test
  void observerLeavesTheOutcomesAsTheyWere() {
    BatchRun.Result plain = BatchRun.run(defaults, registry, List.of(), nodes, pods, 7);
    BatchRun.Result watched = BatchRun.run(defaults, registry, List.of(), nodes, pods, 7,
        new Transcript());
    assertThat(watched).isEqualTo(plain);
    assertThat(plain.scheduled()).isEqualTo(2);
    assertThat(plain.deleted()).containsExactly("default/low");
  }
}
