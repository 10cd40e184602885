package io.schedlab.plugins.coscheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.KubeObject;
import io.schedlab.api.Node;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodGroup;
import io.schedlab.api.PodGroupSpec;
import io.schedlab.api.Quantity;
import io.schedlab.framework.Code;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.NodeToStatus;
import io.schedlab.framework.PermitResult;
import io.schedlab.framework.PluginArgsException;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.QueuedPodInfo;
import io.schedlab.framework.StaticHandle;
import io.schedlab.framework.StaticObjectLister;
import io.schedlab.framework.Status;
import io.schedlab.sim.VirtualClock;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.PodBuilder;
import io.schedlab.testing.TestHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Coscheduling's stages one at a time, on a static handle. */
class CoschedulingTest {
  private static final String NS = "default";

  private static PodGroup group(String name, int minMember, int createdSecond) {
    ObjectMeta meta = ObjectMeta.named(NS, name)
        .withCreationTimestamp(VirtualClock.DEFAULT_EPOCH.plusSeconds(createdSecond).toString());
    return new PodGroup(null, null, meta, new PodGroupSpec(minMember, null, null, null));
  }

  private static Pod member(String name, String group) {
    return PodBuilder.pod(name).namespace(NS).label(PodGroups.POD_GROUP_LABEL, group).req("cpu", "1").build();
  }

  private static Coscheduling plugin(StaticHandle h, List<? extends KubeObject> objects) {
    h.setObjects(new StaticObjectLister(objects));
    return new Coscheduling(CoschedulingArgs.defaults(), h);
  }

  private static QueuedPodInfo queued(StaticHandle h, Pod p, int priority, long queuedAtNanos) {
    Pod withPriority = p.withSpec(p.spec().withPriority(priority));
    QueuedPodInfo q = new QueuedPodInfo(h.compile(withPriority));
    q.timestamp = queuedAtNanos;
    q.initialAttemptTimestamp = queuedAtNanos;
    return q;
  }

  // ---- QueueSort ----

  @Test
  void queueSortPutsPriorityFirstThenGroupCreationThenGroupNameThenPodName() {
    StaticHandle h = TestHandles.of(List.of());
    Coscheduling cs = plugin(h, List.of(group("early", 2, 10), group("late", 2, 20), group("also-early", 2, 10)));
    QueuedPodInfo vip = queued(h, member("vip", "late"), 100, 99);
    QueuedPodInfo late = queued(h, member("late-0", "late"), 0, 1);
    QueuedPodInfo early1 = queued(h, member("early-1", "early"), 0, 50);
    QueuedPodInfo early0 = queued(h, member("early-0", "early"), 0, 60);
    QueuedPodInfo alsoEarly = queued(h, member("also-early-0", "also-early"), 0, 70);

    List<QueuedPodInfo> sorted = new ArrayList<>(List.of(late, early1, alsoEarly, early0, vip));
    sorted.sort((a, b) -> cs.less(a, b) ? -1 : cs.less(b, a) ? 1 : 0);

    assertThat(sorted).extracting(q -> q.pod().name())
        .containsExactly("vip", "also-early-0", "early-0", "early-1", "late-0");
  }

  @Test
  void queueSortRanksALabelOnlyGangByTheFirstTimeItSawAMember() {
    StaticHandle h = TestHandles.of(List.of());
    Coscheduling cs = plugin(h, List.of());
    QueuedPodInfo first = queued(h, member("gang-0", "gang"), 0, 5);
    QueuedPodInfo loose = queued(h, PodBuilder.pod("loose").namespace(NS).build(), 0, 7);
    QueuedPodInfo second = queued(h, member("gang-1", "gang"), 0, 10);

    assertThat(cs.less(first, loose)).isTrue();
    // Queued after the loose pod, but its gang was first seen before it.
    assertThat(cs.less(second, loose)).isTrue();
    assertThat(cs.less(loose, second)).isFalse();
  }

  @Test
  void queueSortOrdersPodsWithoutAGroupByQueueTimeThenName() {
    StaticHandle h = TestHandles.of(List.of());
    Coscheduling cs = plugin(h, List.of());
    QueuedPodInfo a = queued(h, PodBuilder.pod("a").namespace(NS).build(), 0, 9);
    QueuedPodInfo b = queued(h, PodBuilder.pod("b").namespace(NS).build(), 0, 3);
    QueuedPodInfo c = queued(h, PodBuilder.pod("c").namespace(NS).build(), 0, 3);

    assertThat(cs.less(b, a)).isTrue();
    assertThat(cs.less(a, b)).isFalse();
    assertThat(cs.less(b, c)).isTrue();
    assertThat(cs.less(c, b)).isFalse();
  }

  // ---- PreFilter ----

  static Stream<Arguments> preFilterCases() {
    Pod loose = PodBuilder.pod("loose").namespace(NS).build();
    Pod g0 = member("g-0", "g");
    Pod g1 = member("g-1", "g");
    Pod g2 = member("g-2", "g");
    Pod finished = PodBuilder.pod("g-done").namespace(NS).label(PodGroups.POD_GROUP_LABEL, "g").phase("Succeeded").build();
    Pod orphan = member("o-0", "nowhere");
    Pod badAnnotation = PodBuilder.pod("b-0").namespace(NS).label(PodGroups.POD_GROUP_LABEL, "b")
        .annotation(PodGroups.MIN_MEMBER_ANNOTATION, "three").build();
    Pod labelOnly = PodBuilder.pod("l-0").namespace(NS).label(PodGroups.POD_GROUP_LABEL, "l")
        .annotation(PodGroups.MIN_MEMBER_ANNOTATION, "2").build();
    PodGroup g3 = group("g", 3, 0);
    PodGroup hungry = new PodGroup(null, null, ObjectMeta.named(NS, "g"),
        new PodGroupSpec(3, null, Map.of("cpu", Quantity.parse("10")), null));
    return Stream.of(
        Arguments.of("no group", loose, List.of(g3, loose), Code.SUCCESS, ""),
        Arguments.of("enough members", g0, List.of(g3, g0, g1, g2), Code.SUCCESS, ""),
        Arguments.of("too few members", g0, List.of(g3, g0, g1), Code.UNSCHEDULABLE_AND_UNRESOLVABLE,
            "pre-filter pod g-0 cannot find enough sibling pods, current pods number: 2, minMember of group: 3"),
        Arguments.of("finished members do not count", g0, List.of(g3, g0, g1, finished),
            Code.UNSCHEDULABLE_AND_UNRESOLVABLE,
            "pre-filter pod g-0 cannot find enough sibling pods, current pods number: 2, minMember of group: 3"),
        Arguments.of("group not found passes to Permit", orphan, List.of(orphan), Code.SUCCESS, ""),
        Arguments.of("label-only gang too small", labelOnly, List.of(labelOnly), Code.UNSCHEDULABLE_AND_UNRESOLVABLE,
            "pre-filter pod l-0 cannot find enough sibling pods, current pods number: 1, minMember of group: 2"),
        Arguments.of("bad min-member annotation", badAnnotation, List.of(badAnnotation),
            Code.UNSCHEDULABLE_AND_UNRESOLVABLE,
            "annotation scheduling.x-k8s.io/min-member: expected a positive integer, got \"three\""),
        Arguments.of("minResources beyond the cluster", g0, List.of(hungry, g0, g1, g2),
            Code.UNSCHEDULABLE_AND_UNRESOLVABLE, "resource gap: map[cpu:6000m]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("preFilterCases")
  void preFilter(String name, Pod pod, List<KubeObject> objects, Code code, String message) {
    List<Node> nodes = List.of(
        NodeBuilder.node("n1").capacity("cpu", "2").capacity("memory", "4Gi").capacity("pods", "10").build(),
        NodeBuilder.node("n2").capacity("cpu", "2").capacity("memory", "4Gi").capacity("pods", "10").build());
    StaticHandle h = TestHandles.of(nodes);
    Coscheduling cs = plugin(h, objects);

    Status s = cs.preFilter(new CycleState(), h.compile(pod), h.snapshot().list()).status();

    assertThat(s.code()).isEqualTo(code);
    assertThat(s.message()).isEqualTo(message);
  }

  @Test
  void aGroupRejectedInPostFilterIsBackedOffForPodGroupBackoffSeconds() {
    Pod g0 = member("g-0", "g");
    Pod g1 = member("g-1", "g");
    StaticHandle h = TestHandles.of(List.of(NodeBuilder.node("n1").capacity("cpu", "1").build()));
    h.setObjects(new StaticObjectLister(List.of(group("g", 2, 0), g0, g1)));
    Coscheduling cs = new Coscheduling(new CoschedulingArgs(60, 30), h);
    PodInfo pod = h.compile(g0);

    Status post = cs.postFilter(new CycleState(), pod, new NodeToStatus()).status();
    Status during = cs.preFilter(new CycleState(), pod, h.snapshot().list()).status();
    h.setNowNanos(30_000_000_000L);
    Status after = cs.preFilter(new CycleState(), pod, h.snapshot().list()).status();

    assertThat(post.message())
        .isEqualTo("PodGroup default/g gets rejected due to Pod g-0 is unschedulable even after PostFilter");
    assertThat(during.code()).isEqualTo(Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
    assertThat(during.message()).isEqualTo("podGroup default/g failed recently");
    assertThat(after.isSuccess()).isTrue();
  }

  // ---- Permit ----

  @Test
  void permitWaitsForTheGroupsTimeoutUntilMinMemberMembersHoldNodes() {
    Node n1 = NodeBuilder.node("n1").capacity("cpu", "4").build();
    Pod bound = PodBuilder.pod("g-0").namespace(NS).label(PodGroups.POD_GROUP_LABEL, "g").nodeName("n1").build();
    Pod g1 = member("g-1", "g");
    Pod g2 = member("g-2", "g");
    PodGroup timed = new PodGroup(null, null, ObjectMeta.named(NS, "g"), new PodGroupSpec(3, 25, null, null));
    PodGroup two = new PodGroup(null, null, ObjectMeta.named(NS, "g"), new PodGroupSpec(2, null, null, null));
    StaticHandle h = TestHandles.of(List.of(n1), List.of(bound));

    PermitResult waits = plugin(h, List.of(timed, bound, g1, g2)).permit(new CycleState(), h.compile(g1), "n1");
    PermitResult allows = plugin(h, List.of(two, bound, g1)).permit(new CycleState(), h.compile(g1), "n1");
    PermitResult loose = plugin(h, List.of()).permit(
        new CycleState(), h.compile(PodBuilder.pod("x").namespace(NS).build()), "n1");
    PermitResult lost = plugin(h, List.of()).permit(new CycleState(), h.compile(g1), "n1");

    assertThat(waits.status().isWait()).isTrue();
    assertThat(waits.timeoutNanos()).isEqualTo(25_000_000_000L);
    assertThat(allows).isEqualTo(PermitResult.ALLOW);
    assertThat(loose).isEqualTo(PermitResult.ALLOW);
    assertThat(lost.status().code()).isEqualTo(Code.UNSCHEDULABLE);
    assertThat(lost.status().message()).isEqualTo("PodGroup not found");
  }

  // ---- args and groups ----

  @Test
  void argsDefaultToUpstreamsAndRefuseNegativeDurations() {
    assertThat(CoschedulingArgs.defaults()).isEqualTo(new CoschedulingArgs(60, 0));
    StaticHandle h = TestHandles.of(List.of());
    assertThatThrownBy(() -> new Coscheduling(new CoschedulingArgs(-1, 0), h))
        .isInstanceOf(PluginArgsException.class)
        .hasMessageContaining("permitWaitingTimeSeconds")
        .hasMessageContaining("must be greater than or equal to 0");
    assertThatThrownBy(() -> new Coscheduling(new CoschedulingArgs(60, -5), h))
        .isInstanceOf(PluginArgsException.class)
        .hasMessageContaining("podGroupBackoffSeconds");
  }

  @Test
  void theLabelWinsOverSpecSchedulingGroupAndAnObjectOverTheAnnotations() {
    Pod both = member("p", "by-label");
    both = both.withSpec(both.spec().withSchedulingGroup(new io.schedlab.api.PodSchedulingGroup("by-spec")))
        .withMetadata(both.metadata().withAnnotations(Map.of(PodGroups.MIN_MEMBER_ANNOTATION, "9")));
    PodGroups groups = new PodGroups(new StaticObjectLister(List.of(group("by-label", 4, 0))));

    Gang g = groups.gangOf(both);

    assertThat(PodGroups.groupNameOf(both)).isEqualTo("by-label");
    assertThat(g.fullName()).isEqualTo("default/by-label");
    assertThat(g.minMember()).isEqualTo(4);
  }
}
