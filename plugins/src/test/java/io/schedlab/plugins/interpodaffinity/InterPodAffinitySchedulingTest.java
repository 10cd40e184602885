package io.schedlab.plugins.interpodaffinity;

import static io.schedlab.testing.PodBuilder.term;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** InterPodAffinity inside the default profile of a whole scheduler run. */
class InterPodAffinitySchedulingTest {
  private static final Registry REGISTRY = InTreeRegistry.create();

  private static List<Node> nodes() {
    List<Node> out = new ArrayList<>();
    for (String zone : List.of("z1", "z2")) {
      for (int i = 0; i < 2; i++) {
        out.add(NodeBuilder.node(zone + "-n" + i).label("zone", zone)
            .label("kubernetes.io/hostname", zone + "-n" + i)
            .capacity("cpu", "8").capacity("memory", "16Gi").capacity("pods", "110").build());
      }
    }
    return out;
  }

  private static Map<String, String> zoneOf() {
    return Map.of("z1-n0", "z1", "z1-n1", "z1", "z2-n0", "z2", "z2-n1", "z2");
  }

  @Test
  void requiredAntiAffinityAllowsOnePodPerZone() {
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      pods.add(PodBuilder.pod("web-" + i).label("app", "web").req("cpu", "100m")
          .podAntiAffinityRequired(term("zone", "app", "web")).build());
    }
    BatchRun.Result r = BatchRun.run(SchedulerConfig.defaults(REGISTRY), REGISTRY, nodes(), pods, 1);
    Set<String> zones = new HashSet<>();
    int unscheduled = 0;
    for (BatchRun.Outcome o : r.outcomes()) {
      if (o.scheduled()) {
        assertThat(zones.add(zoneOf().get(o.nodeName()))).as("zone of %s", o.key()).isTrue();
      } else {
        unscheduled++;
        assertThat(o.message()).contains("4 node(s) didn't match pod anti-affinity rules");
      }
    }
    assertThat(zones).containsExactlyInAnyOrder("z1", "z2");
    assertThat(unscheduled).isEqualTo(1);
  }

  @Test
  void requiredAffinityFollowsTheMatchingPodsZone() {
    List<Pod> pods = new ArrayList<>();
    pods.add(PodBuilder.pod("db").label("app", "db").nodeName("z2-n1").build());
    for (int i = 0; i < 4; i++) {
      pods.add(PodBuilder.pod("api-" + i).label("app", "api").req("cpu", "100m")
          .podAffinityRequired(term("zone", "app", "db")).build());
    }
    BatchRun.Result r = BatchRun.run(SchedulerConfig.defaults(REGISTRY), REGISTRY, nodes(), pods, 2);
    assertThat(r.outcomes()).hasSize(4).allSatisfy(o -> {
      assertThat(o.scheduled()).as(o.key() + ": " + o.message()).isTrue();
      assertThat(zoneOf().get(o.nodeName())).isEqualTo("z2");
    });
  }

  @Test
  void preferredAntiAffinitySpreadsAcrossZones() {
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      pods.add(PodBuilder.pod("cache-" + i).label("app", "cache").req("cpu", "100m")
          .podAntiAffinityPreferred(100, term("zone", "app", "cache")).build());
    }
    BatchRun.Result r = BatchRun.run(SchedulerConfig.defaults(REGISTRY), REGISTRY, nodes(), pods, 3);
    Set<String> zones = new HashSet<>();
    for (BatchRun.Outcome o : r.outcomes()) {
      assertThat(o.scheduled()).isTrue();
      zones.add(zoneOf().get(o.nodeName()));
    }
    assertThat(zones).containsExactlyInAnyOrder("z1", "z2");
  }
}
