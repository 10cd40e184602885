package io.schedlab.plugins.podtopologyspread;

import static io.schedlab.testing.PodBuilder.pod;
import static io.schedlab.testing.PodBuilder.selector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedlab.api.KubeObject;
import io.schedlab.api.LabelSelector;
import io.schedlab.api.LabelSelectorRequirement;
import io.schedlab.api.Node;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.ReplicaSet;
import io.schedlab.api.ReplicaSetSpec;
import io.schedlab.api.Service;
import io.schedlab.api.ServiceSpec;
import io.schedlab.api.StatefulSet;
import io.schedlab.api.StatefulSetSpec;
import io.schedlab.api.TopologySpreadConstraint;
import io.schedlab.framework.ClusterEvent;
import io.schedlab.framework.Code;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.PluginArgsException;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Registry;
import io.schedlab.framework.Status;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.testing.NodeBuilder;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodTopologySpreadTest {
  private static final LabelSelector FOO = exists("foo");
  private static final LabelSelector BAR = exists("bar");
  private static final PodTopologySpreadArgs LIST = new PodTopologySpreadArgs(List.of(), "List");

  private static LabelSelector exists(String key) {
    return new LabelSelector(null, List.of(new LabelSelectorRequirement(key, "Exists", null)));
  }

  private static Node node(String name, String zone) {
    return NodeBuilder.node(name).label("zone", zone).label("node", name).build();
  }

  private static Pod running(String name, String nodeName, String... labels) {
    var b = pod(name).nodeName(nodeName);
    for (String l : labels) {
      b.label(l, "");
    }
    return b.build();
  }

  private static TopologySpreadConstraint hard(String key, LabelSelector s) {
    return new TopologySpreadConstraint(1, key, "DoNotSchedule", s, null, null, null, null);
  }

  // ---- AddPod / RemovePod ----

  record AddCase(
      Pod preemptor, List<Node> nodes, List<Pod> existing, Pod added,
      Map<String, Map<String, Integer>> wantCounts, Map<String, Integer> wantMin) {}

  static Stream<Arguments> addPodCases() {
    List<Node> ab = List.of(node("node-a", "zone1"), node("node-b", "zone1"));
    List<Node> abx =
        List.of(node("node-a", "zone1"), node("node-b", "zone1"), node("node-x", "zone2"));
    Pod onNode = pod("p").label("foo", "").spreadConstraint(hard("node", FOO)).build();
    Pod onZoneAndNode =
        pod("p").label("foo", "").spreadConstraint(hard("zone", FOO)).spreadConstraint(hard("node", FOO)).build();
    Pod differentSelectors =
        pod("p").label("foo", "").label("bar", "")
            .spreadConstraint(hard("zone", FOO)).spreadConstraint(hard("node", BAR)).build();
    return Stream.of(
        Arguments.of(Named.of("empty cluster: node-b becomes the minimum",
            new AddCase(onNode, ab, List.of(), running("p-a1", "node-a", "foo"),
                Map.of("node", Map.of("node-a", 1, "node-b", 0)), Map.of("node", 0)))),
        Arguments.of(Named.of("both nodes at one",
            new AddCase(onNode, ab, List.of(running("p-b1", "node-b", "foo")),
                running("p-a1", "node-a", "foo"),
                Map.of("node", Map.of("node-a", 1, "node-b", 1)), Map.of("node", 1)))),
        Arguments.of(Named.of("a pod of another namespace changes nothing",
            new AddCase(onNode, ab, List.of(running("p-b1", "node-b", "foo")),
                pod("p-a1").namespace("ns1").nodeName("node-a").label("foo", "").build(),
                Map.of("node", Map.of("node-a", 0, "node-b", 1)), Map.of("node", 0)))),
        Arguments.of(Named.of("a pod the selector does not match changes nothing",
            new AddCase(onNode, ab, List.of(), running("p-a1", "node-a", "bar"),
                Map.of("node", Map.of("node-a", 0, "node-b", 0)), Map.of("node", 0)))),
        Arguments.of(Named.of("zone and node both move",
            new AddCase(onZoneAndNode, abx,
                List.of(running("p-b1", "node-b", "foo"), running("p-b2", "node-b", "foo"),
                    running("p-x1", "node-x", "foo")),
                running("p-a1", "node-a", "foo"),
                Map.of("zone", Map.of("zone1", 3, "zone2", 1),
                    "node", Map.of("node-a", 1, "node-b", 2, "node-x", 1)),
                Map.of("zone", 1, "node", 1)))),
        Arguments.of(Named.of("different selectors: only the zone constraint counts the pod",
            new AddCase(differentSelectors, abx,
                List.of(running("p-b1", "node-b", "foo", "bar"), running("p-x1", "node-x", "foo", "bar"),
                    running("p-x2", "node-x", "bar")),
                running("p-a1", "node-a", "foo"),
                Map.of("zone", Map.of("zone1", 2, "zone2", 1),
                    "node", Map.of("node-a", 0, "node-b", 1, "node-x", 2)),
                Map.of("zone", 1, "node", 0)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("addPodCases")
  void addPodUpdatesCountsAndMinimum(AddCase c) {
    TestCluster cluster = new TestCluster(c.nodes(), c.existing(), List.of());
    PodTopologySpread plugin = new PodTopologySpread(LIST, cluster);
    PodInfo preemptor = cluster.compile(c.preemptor());
    CycleState state = new CycleState();
    assertThat(plugin.preFilter(state, preemptor, cluster.nodes()).status().isSuccess()).isTrue();
    PreFilterState before = PodTopologySpread.preFilterState(state);
    Map<String, Map<String, Integer>> countsBefore = before.tpPairToMatchNum();

    CycleState hypothesis = state.copy();
    PodInfo added = cluster.compile(c.added());
    assertThat(plugin.addPod(hypothesis, preemptor, added, cluster.node(c.added().spec().nodeName())))
        .isEqualTo(Status.SUCCESS);
    PreFilterState after = PodTopologySpread.preFilterState(hypothesis);
    assertThat(after.tpPairToMatchNum()).isEqualTo(c.wantCounts());
    for (int i = 0; i < after.constraintCount(); i++) {
      assertThat(after.criticalMatchNumber(i))
          .as("minimum of %s", after.topologyKey(i))
          .isEqualTo(c.wantMin().get(after.topologyKey(i)));
    }
    assertThat(before.tpPairToMatchNum()).as("the original state is untouched").isEqualTo(countsBefore);

    plugin.removePod(hypothesis, preemptor, added, cluster.node(c.added().spec().nodeName()));
    assertThat(after.tpPairToMatchNum()).as("RemovePod undoes AddPod").isEqualTo(countsBefore);
  }

  @Test
  void filterSeesAPodAddedByTheExtension() {
    TestCluster cluster =
        new TestCluster(List.of(node("node-a", "zone1"), node("node-b", "zone1")), List.of(), List.of());
    PodTopologySpread plugin = new PodTopologySpread(LIST, cluster);
    PodInfo p = cluster.compile(pod("p").label("foo", "").spreadConstraint(hard("node", FOO)).build());
    CycleState state = new CycleState();
    plugin.preFilter(state, p, cluster.nodes());
    assertThat(plugin.filter(state, p, cluster.node("node-a")).code()).isEqualTo(Code.SUCCESS);

    plugin.addPod(state, p, cluster.compile(running("nominated", "node-a", "foo")), cluster.node("node-a"));
    Status rejected = plugin.filter(state, p, cluster.node("node-a"));
    assertThat(rejected.code()).isEqualTo(Code.UNSCHEDULABLE);
    assertThat(rejected.reasons()).containsExactly(PodTopologySpread.ERR_REASON_CONSTRAINTS_NOT_MATCH);
    assertThat(plugin.filter(state, p, cluster.node("node-b")).code()).isEqualTo(Code.SUCCESS);
  }

  @Test
  void extensionsWithoutPreFilterStateReportAnError() {
    TestCluster cluster = new TestCluster(List.of(node("node-a", "zone1")), List.of(), List.of());
    PodTopologySpread plugin = new PodTopologySpread(LIST, cluster);
    PodInfo p = cluster.compile(pod("p").build());
    Status s = plugin.addPod(new CycleState(), p, p, cluster.node("node-a"));
    assertThat(s.code()).isEqualTo(Code.ERROR);
    assertThat(s.message()).isEqualTo("reading \"PreFilterPodTopologySpread\" from cycleState: not found");
  }

  // ---- critical paths ----

  record PathStep(int domain, int num) {}

  static Stream<Arguments> criticalPathCases() {
    return Stream.of(
        Arguments.of("first value becomes path 0", List.of(new PathStep(0, 3)), 0, 3),
        Arguments.of("smaller new value takes path 0",
            List.of(new PathStep(0, 3), new PathStep(1, 1)), 1, 1),
        Arguments.of("larger new value goes to path 1",
            List.of(new PathStep(0, 3), new PathStep(1, 5)), 0, 3),
        Arguments.of("raising the minimum swaps the paths",
            List.of(new PathStep(0, 1), new PathStep(1, 2), new PathStep(0, 4)), 1, 2),
        Arguments.of("lowering a tracked value below the minimum swaps",
            List.of(new PathStep(0, 2), new PathStep(1, 3), new PathStep(1, 0)), 1, 0),
        Arguments.of("an untracked value between the two replaces path 1",
            List.of(new PathStep(0, 1), new PathStep(1, 5), new PathStep(2, 3), new PathStep(0, 9)), 2, 3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("criticalPathCases")
  void criticalPathsTrackTheMinimum(String name, List<PathStep> steps, int wantDomain, int wantNum) {
    int[] p = PreFilterState.newPaths();
    for (PathStep s : steps) {
      PreFilterState.updatePaths(p, s.domain(), s.num());
    }
    assertThat(new int[] {p[0], p[1]}).containsExactly(wantDomain, wantNum);
    assertThat(p[3]).isGreaterThanOrEqualTo(p[1]);
  }

  // ---- args ----

  private static TopologySpreadConstraint dc(int skew, String key, String when, LabelSelector s) {
    return new TopologySpreadConstraint(skew, key, when, s, null, null, null, null);
  }

  static Stream<Arguments> invalidArgs() {
    return Stream.of(
        Arguments.of("unknown defaulting type", new PodTopologySpreadArgs(List.of(), "Cluster"),
            "defaultingType", "Unsupported value: \"Cluster\": supported values: \"System\", \"List\""),
        Arguments.of("System with constraints",
            new PodTopologySpreadArgs(List.of(dc(1, "zone", "DoNotSchedule", null)), "System"),
            "defaultingType", "Invalid value: \"System\": when .defaultConstraints are not empty"),
        Arguments.of("zero maxSkew",
            new PodTopologySpreadArgs(List.of(dc(0, "zone", "DoNotSchedule", null)), "List"),
            "defaultConstraints[0].maxSkew", "Invalid value: 0: not in valid range (0, inf)"),
        Arguments.of("empty topology key",
            new PodTopologySpreadArgs(List.of(dc(1, "", "DoNotSchedule", null)), "List"),
            "defaultConstraints[0].topologyKey", "Required value: can not be empty"),
        Arguments.of("malformed topology key",
            new PodTopologySpreadArgs(List.of(dc(1, "a/b/c", "DoNotSchedule", null)), "List"),
            "defaultConstraints[0].topologyKey", null),
        Arguments.of("missing whenUnsatisfiable",
            new PodTopologySpreadArgs(List.of(dc(1, "zone", null, null)), "List"),
            "defaultConstraints[0].whenUnsatisfiable", "Required value: can not be empty"),
        Arguments.of("unknown whenUnsatisfiable",
            new PodTopologySpreadArgs(List.of(dc(1, "zone", "Never", null)), "List"),
            "defaultConstraints[0].whenUnsatisfiable",
            "Unsupported value: \"Never\": supported values: \"DoNotSchedule\", \"ScheduleAnyway\""),
        Arguments.of("a selector",
            new PodTopologySpreadArgs(List.of(dc(1, "zone", "DoNotSchedule", FOO)), "List"),
            "defaultConstraints[0].labelSelector",
            "Forbidden: constraint must not define a selector, as they deduced for each pod"),
        Arguments.of("repeated key and action",
            new PodTopologySpreadArgs(
                List.of(dc(1, "zone", "DoNotSchedule", null), dc(1, "node", "DoNotSchedule", null),
                    dc(2, "zone", "DoNotSchedule", null)), "List"),
            "defaultConstraints[2]", "Duplicate value: \"{zone, DoNotSchedule}\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidArgs")
  void invalidArgsNameTheField(String name, PodTopologySpreadArgs args, String field, String detail) {
    TestCluster cluster = new TestCluster(List.of(), List.of(), List.of());
    assertThatThrownBy(() -> new PodTopologySpread(args, cluster))
        .isInstanceOfSatisfying(PluginArgsException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          if (detail != null) {
            assertThat(e.detail()).isEqualTo(detail);
          } else {
            assertThat(e.detail()).startsWith("Invalid value: \"a/b/c\": ");
          }
        });
  }

  @Test
  @SuppressWarnings("unchecked")
  void registryDefaultsToSystemAndAcceptsAList() throws Exception {
    Registry.Registration<PodTopologySpreadArgs> reg =
        (Registry.Registration<PodTopologySpreadArgs>) InTreeRegistry.create().get(PodTopologySpread.NAME);
    assertThat(Registry.decodeArgs(reg, null)).isEqualTo(new PodTopologySpreadArgs(List.of(), "System"));
    PodTopologySpreadArgs list = Registry.decodeArgs(reg, new ObjectMapper().readTree(
        "{\"defaultingType\":\"List\",\"defaultConstraints\":"
            + "[{\"maxSkew\":2,\"topologyKey\":\"zone\",\"whenUnsatisfiable\":\"ScheduleAnyway\"}]}"));
    assertThat(list.defaultingType()).isEqualTo("List");
    assertThat(list.defaultConstraints()).containsExactly(dc(2, "zone", "ScheduleAnyway", null));
    TestCluster cluster = new TestCluster(List.of(), List.of(), List.of());
    assertThat(InTreeRegistry.create().create(PodTopologySpread.NAME, null, cluster))
        .isInstanceOf(PodTopologySpread.class);
    assertThatThrownBy(() -> InTreeRegistry.create().create(PodTopologySpread.NAME,
            new ObjectMapper().readTree("{\"defaultConstraints\":[{\"maxSkew\":1,\"topologyKey\":\"zone\","
                + "\"whenUnsatisfiable\":\"DoNotSchedule\"}]}"), cluster))
        .isInstanceOf(PluginArgsException.class)
        .hasMessage("plugin PodTopologySpread args: defaultingType: Invalid value: \"System\": "
            + "when .defaultConstraints are not empty");
  }

  // ---- default constraints and their selector ----

  private static ObjectMeta meta(String ns, String name) {
    return ObjectMeta.named(ns, name);
  }

  static Stream<Arguments> defaultSelectorCases() {
    Service web = Service.of(meta("default", "web"),
        new ServiceSpec(Map.of("app", "web"), null, null, null, null), null);
    Service webTier = Service.of(meta("default", "web-tier"),
        new ServiceSpec(Map.of("tier", "front"), null, null, null, null), null);
    Service elsewhere = Service.of(meta("other", "web"),
        new ServiceSpec(Map.of("app", "web"), null, null, null, null), null);
    Service other = Service.of(meta("default", "db"),
        new ServiceSpec(Map.of("app", "db"), null, null, null, null), null);
    ReplicaSet rs = ReplicaSet.of(meta("default", "rs1"),
        new ReplicaSetSpec(null, selector("rev", "2"), null, null), null);
    ReplicaSet badRs = ReplicaSet.of(meta("default", "rs1"),
        new ReplicaSetSpec(null, new LabelSelector(null,
            List.of(new LabelSelectorRequirement("rev", "Bogus", List.of("x")))), null, null), null);
    StatefulSet ss = StatefulSet.of(meta("default", "ss1"),
        new StatefulSetSpec(null, selector("rev", "2"), null, null, null, null), null);
    // Existing pods on node-a: web/rev=1, web/rev=2 front, db.
    return Stream.of(
        Arguments.of("no object selects the pod: Skip", List.of(other), null, -1),
        Arguments.of("a service of another namespace does not count", List.of(elsewhere), null, -1),
        Arguments.of("one service", List.of(web, other), null, 2),
        Arguments.of("two services are ANDed", List.of(web, webTier), null, 1),
        Arguments.of("the owning ReplicaSet narrows the service", List.of(web, rs), "ReplicaSet", 1),
        Arguments.of("the owning ReplicaSet alone", List.<KubeObject>of(rs), "ReplicaSet", 1),
        Arguments.of("an unparsable ReplicaSet selector is ignored", List.of(web, badRs), "ReplicaSet", 2),
        Arguments.of("the owning StatefulSet alone", List.<KubeObject>of(ss), "StatefulSet", 1),
        Arguments.of("a missing owner is ignored", List.of(web), "StatefulSet", 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defaultSelectorCases")
  void defaultConstraintsTakeTheirSelectorFromServicesAndOwners(
      String name, List<KubeObject> objects, String ownerKind, int wantCountOnNodeA) {
    TestCluster cluster = new TestCluster(
        List.of(node("node-a", "zone1"), node("node-b", "zone2")),
        List.of(
            pod("w1").nodeName("node-a").label("app", "web").label("rev", "1").build(),
            pod("w2").nodeName("node-a").label("app", "web").label("rev", "2").label("tier", "front").build(),
            pod("d1").nodeName("node-a").label("app", "db").build()),
        objects);
    PodTopologySpreadArgs args = new PodTopologySpreadArgs(
        List.of(dc(1, "node", "DoNotSchedule", null), dc(1, "zone", "ScheduleAnyway", null)), "List");
    PodTopologySpread plugin = new PodTopologySpread(args, cluster);
    var b = pod("incoming").label("app", "web").label("rev", "2").label("tier", "front");
    if (ownerKind != null) {
      b.owner(ownerKind, ownerKind.equals("ReplicaSet") ? "rs1" : "ss1");
    }
    PodInfo p = cluster.compile(b.build());
    CycleState state = new CycleState();
    Status s = plugin.preFilter(state, p, cluster.nodes()).status();
    if (wantCountOnNodeA < 0) {
      assertThat(s.code()).isEqualTo(Code.SKIP);
      return;
    }
    assertThat(s.code()).isEqualTo(Code.SUCCESS);
    PreFilterState st = PodTopologySpread.preFilterState(state);
    assertThat(st.constraintCount()).as("only the hard default constraint").isEqualTo(1);
    assertThat(st.matchNumbers(0)).isEqualTo(Map.of("node-a", wantCountOnNodeA, "node-b", 0));
  }

  @Test
  void podConstraintsReplaceTheDefaults() {
    Service web = Service.of(meta("default", "web"),
        new ServiceSpec(Map.of("app", "web"), null, null, null, null), null);
    TestCluster cluster = new TestCluster(List.of(node("node-a", "zone1")), List.of(), List.of(web));
    PodTopologySpreadArgs args =
        new PodTopologySpreadArgs(List.of(dc(1, "node", "DoNotSchedule", null)), "List");
    PodTopologySpread plugin = new PodTopologySpread(args, cluster);
    PodInfo p = cluster.compile(pod("p").label("app", "web")
        .spreadConstraint(new TopologySpreadConstraint(1, "zone", "ScheduleAnyway", FOO, null, null, null, null))
        .build());
    assertThat(plugin.preFilter(new CycleState(), p, cluster.nodes()).status().code()).isEqualTo(Code.SKIP);
    assertThat(plugin.preScore(new CycleState(), p, cluster.nodes()).code()).isEqualTo(Code.SUCCESS);
  }

  // ---- errors and feature gates ----

  @Test
  void anInvalidSelectorIsAnError() {
    TestCluster cluster = new TestCluster(List.of(node("node-a", "zone1")), List.of(), List.of());
    PodTopologySpread plugin = new PodTopologySpread(LIST, cluster);
    LabelSelector bad = new LabelSelector(null, List.of(new LabelSelectorRequirement("foo", "In", List.of())));
    PodInfo hardPod = cluster.compile(pod("p").spreadConstraint(hard("zone", bad)).build());
    Status pre = plugin.preFilter(new CycleState(), hardPod, cluster.nodes()).status();
    assertThat(pre.code()).isEqualTo(Code.ERROR);
    assertThat(pre.message()).startsWith(
        "get constraints from pod: obtaining pod's hard topology spread constraints: invalid selector requirement");
    PodInfo softPod = cluster.compile(pod("p").spreadConstraint(
        new TopologySpreadConstraint(1, "zone", "ScheduleAnyway", bad, null, null, null, null)).build());
    Status score = plugin.preScore(new CycleState(), softPod, cluster.nodes());
    assertThat(score.code()).isEqualTo(Code.ERROR);
    assertThat(score.message()).startsWith(
        "calculating preScoreState: obtaining pod's soft topology spread constraints: ");
  }

  static Stream<Arguments> gateCases() {
    return Stream.of(
        Arguments.of("matchLabelKeys on: only pods of the same rev count", Map.of(), 1),
        Arguments.of("matchLabelKeys off: every app=web pod counts",
            Map.of("MatchLabelKeysInPodTopologySpread", false), 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gateCases")
  void matchLabelKeysFollowsItsGate(String name, Map<String, Boolean> gates, int wantOnNodeA) {
    TestCluster cluster = new TestCluster(List.of(node("node-a", "zone1")),
        List.of(pod("w1").nodeName("node-a").label("app", "web").label("rev", "1").build(),
            pod("w2").nodeName("node-a").label("app", "web").label("rev", "2").build()),
        List.of());
    PodTopologySpread plugin =
        new PodTopologySpread(LIST, cluster, PodTopologySpread.Features.fromGates(gates));
    PodInfo p = cluster.compile(pod("p").label("app", "web").label("rev", "2")
        .spreadConstraint(new TopologySpreadConstraint(1, "node", "DoNotSchedule",
            selector("app", "web"), null, null, null, List.of("rev", "absent")))
        .build());
    CycleState state = new CycleState();
    plugin.preFilter(state, p, cluster.nodes());
    assertThat(PodTopologySpread.preFilterState(state).matchNumbers(0)).isEqualTo(Map.of("node-a", wantOnNodeA));
  }

  @Test
  void withoutNodeInclusionPoliciesNodeAffinityAlwaysApplies() {
    List<Node> nodes = List.of(
        NodeBuilder.node("node-a").label("zone", "zone1").label("pool", "gpu").build(),
        NodeBuilder.node("node-b").label("zone", "zone2").build());
    TestCluster cluster = new TestCluster(nodes, List.of(), List.of());
    Pod pod = pod("p").label("foo", "").nodeSelector("pool", "gpu")
        .spreadConstraint(new TopologySpreadConstraint(1, "zone", "DoNotSchedule", FOO, null, "Ignore", null, null))
        .build();
    PodTopologySpread.Features off = new PodTopologySpread.Features(true, false, false);
    for (var c : List.of(Map.entry(PodTopologySpread.Features.DEFAULTS, 2), Map.entry(off, 1))) {
      PodTopologySpread plugin = new PodTopologySpread(LIST, cluster, c.getKey());
      CycleState state = new CycleState();
      plugin.preFilter(state, cluster.compile(pod), cluster.nodes());
      assertThat(PodTopologySpread.preFilterState(state).domainCount(0)).as("%s", c.getKey()).isEqualTo(c.getValue());
    }
  }

  @Test
  void registersUpstreamsEvents() {
    TestCluster cluster = new TestCluster(List.of(), List.of(), List.of());
    List<ClusterEvent> events = new PodTopologySpread(LIST, cluster).eventsToRegister();
    assertThat(events).containsExactly(
        new ClusterEvent(ClusterEvent.Resource.POD, ClusterEvent.ADD | ClusterEvent.UPDATE_POD_LABEL
            | ClusterEvent.UPDATE_POD_TOLERATIONS | ClusterEvent.DELETE),
        new ClusterEvent(ClusterEvent.Resource.NODE, ClusterEvent.ADD | ClusterEvent.DELETE
            | ClusterEvent.UPDATE_NODE_LABEL | ClusterEvent.UPDATE_NODE_TAINT));
  }
}
