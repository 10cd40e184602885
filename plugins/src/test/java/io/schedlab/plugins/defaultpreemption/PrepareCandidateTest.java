package io.schedlab.plugins.defaultpreemption;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.PodCondition;
import io.schedlab.api.PodStatus;
import io.schedlab.framework.LabelInterner;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.RecordingClusterClient;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.framework.StaticHandle;
import io.schedlab.framework.Status;
import io.schedlab.scheduler.Snapshot;
import io.schedlab.testing.PodBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What preemption asks of the API server once it has chosen a node. */
class PrepareCandidateTest {
  private final ResourceRegistry resources = new ResourceRegistry();
  private final LabelInterner labels = new LabelInterner();
  private final StaticHandle handle = new StaticHandle(Snapshot.of(List.of()), resources, labels);
  private final DefaultPreemption plugin = new DefaultPreemption(DefaultPreemptionArgs.defaults(), handle);

  private PodInfo pod(PodBuilder b) {
    return new PodInfo(b.build(), resources, labels);
  }

  @Test
  void evictsVictimsWithTheDisruptionConditionAndClearsLowerPriorityNominations() {
    PodInfo preemptor = pod(PodBuilder.pod("urgent").namespace("ns").priority(1000).schedulerName("my-scheduler"));
    PodInfo victim = pod(PodBuilder.pod("low").namespace("ns").priority(0).nodeName("node-a"));
    PodInfo terminating =
        pod(PodBuilder.pod("leaving").namespace("ns").priority(0).nodeName("node-a")
            .deletionTimestamp("2025-01-01T00:00:00Z"));
    handle.addNominatedPod(pod(PodBuilder.pod("mid").namespace("ns").priority(500).nominatedNodeName("node-a")), "node-a");
    handle.addNominatedPod(pod(PodBuilder.pod("vip").namespace("ns").priority(2000).nominatedNodeName("node-a")), "node-a");
    handle.addNominatedPod(pod(PodBuilder.pod("elsewhere").namespace("ns").priority(1).nominatedNodeName("node-b")), "node-b");

    Status s = plugin.prepareCandidate(new Candidate("node-a", List.of(victim, terminating), 0), preemptor);

    assertThat(s.isSuccess()).isTrue();
    RecordingClusterClient client = handle.client();
    // A victim already terminating is left to finish.
    assertThat(client.deletedPods()).extracting(p -> p.metadata().name()).containsExactly("low");
    assertThat(client.podConditions()).singleElement().satisfies(patch -> {
      assertThat(patch.pod().metadata().name()).isEqualTo("low");
      PodCondition c = patch.condition();
      assertThat(c.type()).isEqualTo("DisruptionTarget");
      assertThat(c.status()).isEqualTo("True");
      assertThat(c.reason()).isEqualTo("PreemptionByScheduler");
      assertThat(c.message()).isEqualTo("my-scheduler: preempting to accommodate a higher priority pod");
    });
    // Only the lower-priority pod nominated to the chosen node loses its nomination.
    Map<String, String> cleared = new HashMap<>();
    cleared.put("ns/mid", null);
    assertThat(client.nominations()).isEqualTo(cleared);
  }

  @Test
  void aVictimThatAlreadyHasTheConditionIsOnlyDeleted() {
    PodInfo preemptor = pod(PodBuilder.pod("urgent").priority(1000));
    PodInfo victim =
        new PodInfo(
            PodBuilder.pod("low").priority(0).nodeName("node-a").build()
                .withStatus(PodStatus.EMPTY.withCondition(new PodCondition(
                    "DisruptionTarget", "True", "PreemptionByScheduler",
                    "default-scheduler: preempting to accommodate a higher priority pod", "2025-01-01T00:00:00Z"))),
            resources, labels);

    plugin.prepareCandidate(new Candidate("node-a", List.of(victim), 0), preemptor);

    assertThat(handle.client().podConditions()).isEmpty();
    assertThat(handle.client().deletedPods()).extracting(p -> p.metadata().name()).containsExactly("low");
    assertThat(handle.client().nominations()).isEqualTo(Map.of());
  }
}
