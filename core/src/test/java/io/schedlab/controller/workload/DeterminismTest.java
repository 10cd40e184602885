package io.schedlab.controller.workload;

import static io.schedlab.controller.workload.Harness.S;
import static io.schedlab.testing.NodeBuilder.node;
import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.DaemonSet;
import io.schedlab.api.DaemonSetSpec;
import io.schedlab.api.Deployment;
import io.schedlab.api.DeploymentSpec;
import io.schedlab.api.Job;
import io.schedlab.api.JobSpec;
import io.schedlab.api.Pod;
import io.schedlab.api.StatefulSet;
import io.schedlab.api.StatefulSetSpec;
import io.schedlab.cluster.SimEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** All five controllers together: the same seed gives the same event log, line for line. */
class DeterminismTest {
  private static List<String> run() {
    Harness h = new Harness(new ReplicaSetController(), new DeploymentController(),
        new StatefulSetController(), new DaemonSetController(), new JobController());
    h.store.create(node("n1").build());
    h.store.create(node("n2").build());
    Map<String, String> web = Map.of("app", "web");
    h.store.create(Deployment.of(Harness.meta("web", 1), new DeploymentSpec(3,
        Harness.selector(web), Harness.template(web), null, null, null, null, null), null));
    Map<String, String> db = Map.of("app", "db");
    h.store.create(StatefulSet.of(Harness.meta("db", 1), new StatefulSetSpec(2,
        Harness.selector(db), Harness.template(db), "db", null, null), null));
    Map<String, String> agent = Map.of("app", "agent");
    h.store.create(DaemonSet.of(Harness.meta("agent", 1),
        new DaemonSetSpec(Harness.selector(agent), Harness.template(agent), null), null));
    h.store.create(Job.of(Harness.meta("work", 1), new JobSpec(2, 4, null, null, null,
        Harness.template(Map.of("app", "work")), null, null, null), null));
    // A crude scheduler and kubelet: every second, the first new pod runs on its daemon node
    // or n1 (or, for the Job, succeeds).
    h.loop.every(S, "fake-kubelet", () -> {
      for (Pod p : h.pods()) {
        if (p.status().phase() == null) {
          if (p.metadata().labels().containsKey("job-name")) {
            h.setPhase(p, "Succeeded");
          } else {
            String target = DaemonSetController.targetNode(p);
            h.runReady(p, target == null ? "n1" : target);
          }
          return;
        }
      }
    });
    h.loop.runUntil(60 * S);
    // 2 daemon pods, 3 Deployment pods, db-0 and db-1, and the Job's 4 succeeded pods.
    assertThat(h.pods()).hasSize(11);
    assertThat(h.store.get(Job.class, "default", "work").status().condition("Complete"))
        .isNotNull();
    List<String> lines = new ArrayList<>();
    for (SimEvent e : h.log.events()) {
      lines.add(e.toJson());
    }
    return lines;
  }

  @Test
  void sameSeedSameLog() {
    List<String> first = run();
    assertThat(first).hasSizeGreaterThan(10);
    assertThat(run()).isEqualTo(first);
  }
}
