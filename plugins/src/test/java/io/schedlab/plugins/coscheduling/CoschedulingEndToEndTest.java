package io.schedlab.plugins.coscheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.KubeObject;
import io.schedlab.api.Node;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodGroup;
import io.schedlab.api.PodGroupSpec;
import io.schedlab.api.PodSchedulingGroup;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.config.SchedulerConfigLoader;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Registry;
import io.schedlab.framework.Status;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.scheduler.BatchRun;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.PodBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Gangs through the whole scheduler, with the sample profile traces/samples/profiles/coscheduling.yaml. */
class CoschedulingEndToEndTest {
  private static final String NS = "default";
  private static final Registry REGISTRY = InTreeRegistry.create();
  private static final SchedulerConfig PROFILE = loadProfile();

  private static SchedulerConfig loadProfile() {
    try {
      Path file = Path.of("..", "traces", "samples", "profiles", "coscheduling.yaml");
      return SchedulerConfigLoader.parse(Files.readString(file), file.toString(), REGISTRY);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The three ways a pod names its gang. */
  enum Source {
    SIGS_OBJECT,
    UPSTREAM_OBJECT,
    LABELS_ONLY
  }

  private static Node node(String name, String cpu) {
    return NodeBuilder.node(name).capacity("cpu", cpu).capacity("memory", "16Gi").capacity("pods", "110").build();
  }

  private static List<Node> nodes(int count, String cpu) {
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(node("node-" + i, cpu));
    }
    return out;
  }

  private static PodGroup sigsGroup(String name, int minMember, Integer timeoutSeconds) {
    return new PodGroup(
        "scheduling.x-k8s.io/v1alpha1", "PodGroup", ObjectMeta.named(NS, name),
        new PodGroupSpec(minMember, timeoutSeconds, null, null));
  }

  private static PodGroup upstreamGroup(String name, int minCount) {
    return new PodGroup(
        "scheduling.k8s.io/v1beta1", "PodGroup", ObjectMeta.named(NS, name),
        new PodGroupSpec(null, null, null,
            new PodGroupSpec.SchedulingPolicy(new PodGroupSpec.Gang(minCount))));
  }

  /** A gang member of the given source; label-only members carry minMember themselves. */
  private static PodBuilder member(Source source, String group, int i, int minMember, String cpu) {
    PodBuilder b = PodBuilder.pod(group + "-" + i).namespace(NS).req("cpu", cpu);
    if (source != Source.UPSTREAM_OBJECT) {
      b.label(PodGroups.POD_GROUP_LABEL, group);
    }
    if (source == Source.LABELS_ONLY) {
      b.annotation(PodGroups.MIN_MEMBER_ANNOTATION, Integer.toString(minMember));
    }
    return b;
  }

  private static Pod build(Source source, PodBuilder b, String group) {
    Pod p = b.build();
    return source == Source.UPSTREAM_OBJECT
        ? p.withSpec(p.spec().withSchedulingGroup(new PodSchedulingGroup(group)))
        : p;
  }

  private static List<KubeObject> groupObjects(Source source, String group, int minMember) {
    return switch (source) {
      case SIGS_OBJECT -> List.of(sigsGroup(group, minMember, null));
      case UPSTREAM_OBJECT -> List.of(upstreamGroup(group, minMember));
      case LABELS_ONLY -> List.of();
    };
  }

  private static List<Pod> gang(Source source, String group, int size, int minMember, String cpu) {
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      pods.add(build(source, member(source, group, i, minMember, cpu), group));
    }
    return pods;
  }

  private static Map<String, BatchRun.Outcome> byKey(BatchRun.Result r) {
    Map<String, BatchRun.Outcome> m = new HashMap<>();
    for (BatchRun.Outcome o : r.outcomes()) {
      m.put(o.key(), o);
    }
    return m;
  }

  @Test
  void aGangOfEightWithRoomForSevenBindsNoneWhileOtherPodsSchedule() {
    List<Node> nodes = nodes(7, "1");
    nodes.add(NodeBuilder.node("small").label("pool", "small").capacity("cpu", "500m")
        .capacity("memory", "16Gi").capacity("pods", "110").build());
    List<Pod> pods = new ArrayList<>(gang(Source.SIGS_OBJECT, "big", 8, 8, "1"));
    // Kept off the gang's nodes, so the gang always has exactly seven places.
    pods.add(PodBuilder.pod("loose-0").namespace(NS).req("cpu", "200m").nodeSelector("pool", "small").build());
    pods.add(PodBuilder.pod("loose-1").namespace(NS).req("cpu", "200m").nodeSelector("pool", "small").build());

    BatchRun.Result r = BatchRun.run(PROFILE, REGISTRY, List.of(sigsGroup("big", 8, null)), nodes, pods, 1);

    Map<String, BatchRun.Outcome> out = byKey(r);
    for (int i = 0; i < 8; i++) {
      BatchRun.Outcome o = out.get(NS + "/big-" + i);
      assertThat(o.scheduled()).as(o.key()).isFalse();
      assertThat(o.attempts()).as(o.key()).isGreaterThan(1);
    }
    assertThat(out.get(NS + "/loose-0").scheduled()).isTrue();
    assertThat(out.get(NS + "/loose-1").scheduled()).isTrue();
  }

  @Test
  void theMemberThatFitsNowhereRejectsTheWaitingSiblingsInPostFilter() {
    List<Observed> seen = new ArrayList<>();
    BatchRun.run(PROFILE, REGISTRY, List.of(sigsGroup("big", 3, null)), nodes(2, "1"),
        gang(Source.SIGS_OBJECT, "big", 3, 3, "1"), 1, observer(seen));

    List<String> messages = new ArrayList<>();
    for (Observed o : seen) {
      messages.add(o.message);
    }
    assertThat(messages)
        .contains(
            "0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available:"
                + " 2 No preemption victims found for incoming pod., PodGroup default/big gets"
                + " rejected due to Pod big-2 is unschedulable even after PostFilter",
            "optimistic rejection in PostFilter");
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  void aGangThatFitsBindsEveryMemberAtTheSameVirtualTime(Source source) {
    List<Pod> pods = gang(source, "team", 4, 4, "1");

    BatchRun.Result r = BatchRun.run(PROFILE, REGISTRY, groupObjects(source, "team", 4), nodes(4, "1"), pods, 3);

    assertThat(r.scheduled()).isEqualTo(4);
    long first = r.outcomes().get(0).boundAtNanos();
    for (BatchRun.Outcome o : r.outcomes()) {
      assertThat(o.boundAtNanos()).as(o.key()).isEqualTo(first);
    }
    // The last member is created 3 ms after the first; none can bind before it exists.
    assertThat(first).isGreaterThanOrEqualTo(3 * BatchRun.SUBMIT_SPACING_NANOS);
  }

  @ParameterizedTest
  @EnumSource(Source.class)
  void eachSourceSetsMinMemberForPreFilter(Source source) {
    List<Pod> pods = gang(source, "team", 3, 4, "1");

    BatchRun.Result r = BatchRun.run(PROFILE, REGISTRY, groupObjects(source, "team", 4), nodes(4, "1"), pods, 3);

    assertThat(r.scheduled()).isZero();
    assertThat(r.outcomes().get(2).message())
        .startsWith(
            "0/4 nodes are available: pre-filter pod team-2 cannot find enough sibling pods,"
                + " current pods number: 3, minMember of group: 4.");
  }

  @Test
  void aPodNamingAGroupThatDoesNotExistIsRejectedInPermit() {
    Pod p = PodBuilder.pod("lost-0").namespace(NS).label(PodGroups.POD_GROUP_LABEL, "nowhere").build();

    BatchRun.Result r = BatchRun.run(PROFILE, REGISTRY, List.of(), nodes(1, "1"), List.of(p), 1);

    assertThat(r.outcomes().get(0).scheduled()).isFalse();
    assertThat(r.outcomes().get(0).message()).isEqualTo("PodGroup not found");
  }

  @ParameterizedTest
  @EnumSource(value = Source.class, names = {"SIGS_OBJECT", "LABELS_ONLY"})
  void aGangThatNeverCompletesIsRejectedAfterItsScheduleTimeout(Source source) {
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      PodBuilder b = member(source, "slow", i, 3, "1");
      if (source == Source.LABELS_ONLY) {
        b.annotation(PodGroups.SCHEDULE_TIMEOUT_ANNOTATION, "10");
      }
      if (i == 0) {
        // Never reaches a scheduling cycle. The last member created passes PreFilter and
        // brings the second back from the unschedulable pods; both then wait in vain.
        b.schedulingGate("example.com/hold");
      }
      pods.add(build(source, b, "slow"));
    }
    List<KubeObject> objects =
        source == Source.SIGS_OBJECT ? List.of(sigsGroup("slow", 3, 10)) : List.of();
    List<Observed> seen = new ArrayList<>();

    BatchRun.Result r = BatchRun.run(PROFILE, REGISTRY, objects, nodes(3, "1"), pods, 5, observer(seen));

    assertThat(r.scheduled()).isZero();
    Observed firstAssume = null;
    Observed firstTimeout = null;
    for (Observed o : seen) {
      if (o.message == null && firstAssume == null) {
        firstAssume = o;
      }
      if (o.message != null && o.message.startsWith("rejected due to timeout") && firstTimeout == null) {
        firstTimeout = o;
      }
    }
    assertThat(firstAssume).isNotNull();
    assertThat(firstTimeout).isNotNull();
    assertThat(firstTimeout.message).isEqualTo("rejected due to timeout after waiting 10s at plugin Coscheduling");
    assertThat(firstTimeout.nanos - firstAssume.nanos).isEqualTo(10_000_000_000L);
    long timedOutAt = firstTimeout.nanos;
    assertThat(seen)
        .filteredOn(o -> o.nanos == timedOutAt && o.message != null)
        .extracting(Observed::pod)
        .containsExactlyInAnyOrder(NS + "/slow-1", NS + "/slow-2");
  }

  @Test
  void withoutAScheduleTimeoutTheWaitIsPermitWaitingTimeSeconds() {
    List<Pod> pods = gang(Source.SIGS_OBJECT, "slow", 2, 2, "1");
    pods.set(0, PodBuilder.pod("slow-0").namespace(NS).req("cpu", "1")
        .label(PodGroups.POD_GROUP_LABEL, "slow").schedulingGate("example.com/hold").build());
    List<Observed> seen = new ArrayList<>();

    BatchRun.run(PROFILE, REGISTRY, List.of(sigsGroup("slow", 2, null)), nodes(2, "1"), pods, 5, observer(seen));

    assertThat(seen).anyMatch(o -> "rejected due to timeout after waiting 1m0s at plugin Coscheduling".equals(o.message));
  }

  /** An assume (message null) or a failure, with its virtual time. */
  private record Observed(String pod, String message, long nanos) {}

  private static BatchRun.Observer observer(List<Observed> seen) {
    return new BatchRun.Observer() {
      @Override
      public void onAssumed(PodInfo pod, String nodeName, long nowNanos) {
        seen.add(new Observed(pod.key(), null, nowNanos));
      }

      @Override
      public void onFailure(PodInfo pod, Status status, String message, long nowNanos) {
        seen.add(new Observed(pod.key(), message, nowNanos));
      }
    };
  }
}
