package io.schedlab.plugins.defaultpreemption;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.framework.Registry;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.scheduler.BatchRun;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.PodBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Preemption through the whole scheduler, with the default profile. */
class PreemptionEndToEndTest {
  private static Node node(String name) {
    return NodeBuilder.node(name).capacity("cpu", "4").capacity("memory", "16Gi").capacity("pods", "110").build();
  }

  private static Pod pod(String name, int priority, String cpu, String nodeName) {
    PodBuilder b = PodBuilder.pod(name).namespace("default").priority(priority).req("cpu", cpu);
    return nodeName == null ? b.build() : b.nodeName(nodeName).build();
  }

  @Test
  void highPriorityPodEvictsTheFewestLowerPriorityPodsIsNominatedAndBound() {
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      pods.add(pod("low-" + i, 0, "1", "node-a"));
      pods.add(pod("vip-" + i, 2000, "1", "node-b"));
    }
    pods.add(pod("urgent", 1000, "2", null));
    pods.add(pod("late-low", 0, "1", null));
    Registry registry = InTreeRegistry.create();

    BatchRun.Result r = BatchRun.run(SchedulerConfig.defaults(registry), registry, List.of(node("node-a"), node("node-b")), pods, 7);

    // All four low pods are equally important, so they are put back in order until two no longer fit.
    assertThat(r.deleted()).containsExactly("default/low-2", "default/low-3");
    BatchRun.Outcome urgent = r.outcomes().get(0);
    assertThat(urgent.key()).isEqualTo("default/urgent");
    assertThat(urgent.nominatedNodeName()).isEqualTo("node-a");
    assertThat(urgent.nodeName()).isEqualTo("node-a");
    assertThat(urgent.attempts()).isEqualTo(2);
    BatchRun.Outcome late = r.outcomes().get(1);
    assertThat(late.scheduled()).isFalse();
    assertThat(late.nominatedNodeName()).isNull();
    assertThat(late.message())
        .isEqualTo(
            "0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available:"
                + " 2 No preemption victims found for incoming pod.");
  }
}
