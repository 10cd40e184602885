package io.schedlab.plugins.interpodaffinity;

import static io.schedlab.testing.NodeBuilder.node;
import static io.schedlab.testing.PodBuilder.pod;
import static io.schedlab.testing.PodBuilder.selector;
import static io.schedlab.testing.PodBuilder.term;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedlab.api.LabelSelector;
import io.schedlab.api.LabelSelectorRequirement;
import io.schedlab.api.Namespace;
import io.schedlab.api.Node;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodAffinityTerm;
import io.schedlab.framework.ClusterEvent;
import io.schedlab.framework.Code;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PluginArgsException;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreFilterResult;
import io.schedlab.framework.Registry;
import io.schedlab.framework.Status;
import io.schedlab.framework.StatusException;
import io.schedlab.plugins.InTreeRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InterPodAffinityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<Node> ZONED_NODES = List.of(
      node("a1").label("zone", "z1").build(),
      node("a2").label("zone", "z1").build(),
      node("b1").label("zone", "z2").build());

  private static InterPodAffinity plugin(TestCluster cluster, String argsJson) throws Exception {
    return (InterPodAffinity) InTreeRegistry.create()
        .create(InterPodAffinity.NAME, JSON.readTree(argsJson), cluster);
  }

  private static Namespace namespace(String name, String labelKey, String labelValue) {
    return Namespace.of(ObjectMeta.named(null, name).withLabels(Map.of(labelKey, labelValue)), null);
  }

  // ---- args ----

  static Stream<Arguments> args() {
    return Stream.of(
        Arguments.of("no args: upstream defaults", "{}", 1, false, null),
        Arguments.of("null weight is defaulted", "{\"hardPodAffinityWeight\": null}", 1, false, null),
        Arguments.of("lowest weight", "{\"hardPodAffinityWeight\": 0}", 0, false, null),
        Arguments.of("highest weight and ignore flag",
            "{\"hardPodAffinityWeight\": 100, \"ignorePreferredTermsOfExistingPods\": true}",
            100, true, null),
        Arguments.of("weight below range", "{\"hardPodAffinityWeight\": -1}", 0, false,
            "hardPodAffinityWeight: Invalid value: -1: not in valid range [0-100]"),
        Arguments.of("weight above range", "{\"hardPodAffinityWeight\": 101}", 0, false,
            "hardPodAffinityWeight: Invalid value: 101: not in valid range [0-100]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("args")
  void argsAreDefaultedAndValidated(String name, String json, int weight, boolean ignore,
      String error) throws Exception {
    var registration = InTreeRegistry.create().get(InterPodAffinity.NAME);
    InterPodAffinityArgs args = (InterPodAffinityArgs)
        Registry.decodeArgs(registration, JSON.readTree(json));
    TestCluster cluster = new TestCluster(List.of(), List.of(), List.of());
    if (error == null) {
      assertThat(args.hardPodAffinityWeight()).isEqualTo(weight);
      assertThat(args.ignorePreferredTermsOfExistingPods()).isEqualTo(ignore);
      assertThat(plugin(cluster, json).name()).isEqualTo(InterPodAffinity.NAME);
    } else {
      assertThatThrownBy(() -> plugin(cluster, json))
          .isInstanceOf(PluginArgsException.class)
          .hasMessageEndingWith(error)
          .extracting(e -> ((PluginArgsException) e).field())
          .isEqualTo("hardPodAffinityWeight");
    }
  }

  // ---- AddPod / RemovePod ----

  /** What Filter says on each node after PreFilter and one AddPod, and after removing it again. */
  static Stream<Arguments> addAndRemove() {
    Pod antiWeb = pod("in").label("app", "x").podAntiAffinityRequired(term("zone", "app", "web")).build();
    Pod affinityDb = pod("in").label("app", "x").podAffinityRequired(term("zone", "app", "db")).build();
    Pod plain = pod("in").label("app", "x").build();
    Pod guard = pod("guard").label("app", "guard")
        .podAntiAffinityRequired(term("zone", "app", "x")).nodeName("b1").build();
    return Stream.of(
        Arguments.of("a matching pod added in z1 blocks z1 for the incoming anti-affinity",
            antiWeb, List.of(), pod("w").label("app", "web").nodeName("a1").build(), "a1",
            List.of("Unschedulable", "Unschedulable", "Success"),
            List.of("Success", "Success", "Success")),
        Arguments.of("a non-matching pod added changes nothing",
            antiWeb, List.of(), pod("w").label("app", "api").nodeName("a1").build(), "a1",
            List.of("Success", "Success", "Success"),
            List.of("Success", "Success", "Success")),
        Arguments.of("a pod the affinity wants, added in z2, opens z2 only",
            affinityDb, List.of(), pod("d").label("app", "db").nodeName("b1").build(), "b1",
            List.of("UnschedulableAndUnresolvable", "UnschedulableAndUnresolvable", "Success"),
            // After removal no db pod exists; the incoming pod does not match its own term.
            List.of("UnschedulableAndUnresolvable", "UnschedulableAndUnresolvable",
                "UnschedulableAndUnresolvable")),
        Arguments.of("an added pod whose anti-affinity matches the incoming pod blocks its zone",
            plain, List.of(guard), pod("g2").label("app", "guard")
                .podAntiAffinityRequired(term("zone", "app", "x")).nodeName("a1").build(), "a1",
            List.of("Unschedulable", "Unschedulable", "Unschedulable"),
            List.of("Success", "Success", "Unschedulable")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("addAndRemove")
  void addPodAndRemovePodUpdateTheCounts(String name, Pod incoming, List<Pod> existing, Pod added,
      String addedNode, List<String> afterAdd, List<String> afterRemove) throws Exception {
    TestCluster cluster = new TestCluster(ZONED_NODES, existing, List.of());
    InterPodAffinity pl = plugin(cluster, "{}");
    PodInfo in = cluster.compile(incoming);
    CycleState state = new CycleState();
    assertThat(pl.preFilter(state, in, cluster.snapshot().list()).status().isSuccess()).isTrue();
    List<String> before = filterCodes(pl, state, cluster, in);

    CycleState copy = state.copy();
    PodInfo addedInfo = cluster.compile(added);
    assertThat(pl.addPod(copy, in, addedInfo, cluster.node(addedNode))).isEqualTo(Status.SUCCESS);
    assertThat(filterCodes(pl, copy, cluster, in)).isEqualTo(afterAdd);
    assertThat(filterCodes(pl, state, cluster, in)).as("original state untouched").isEqualTo(before);

    assertThat(pl.removePod(copy, in, addedInfo, cluster.node(addedNode))).isEqualTo(Status.SUCCESS);
    assertThat(filterCodes(pl, copy, cluster, in)).isEqualTo(afterRemove);
  }

  @Test
  void removingAnExistingPodLiftsItsAntiAffinity() throws Exception {
    Pod guard = pod("guard").label("app", "guard")
        .podAntiAffinityRequired(term("zone", "app", "x")).nodeName("a1").build();
    TestCluster cluster = new TestCluster(ZONED_NODES, List.of(guard), List.of());
    InterPodAffinity pl = plugin(cluster, "{}");
    PodInfo in = cluster.compile(pod("in").label("app", "x").build());
    CycleState state = new CycleState();
    assertThat(pl.preFilter(state, in, cluster.snapshot().list()).status().isSuccess()).isTrue();
    assertThat(filterCodes(pl, state, cluster, in))
        .containsExactly("Unschedulable", "Unschedulable", "Success");
    PodInfo stored = cluster.node("a1").pods().get(0);
    assertThat(pl.removePod(state, in, stored, cluster.node("a1"))).isEqualTo(Status.SUCCESS);
    assertThat(filterCodes(pl, state, cluster, in)).containsExactly("Success", "Success", "Success");
  }

  @Test
  void addPodWithoutPreFilterStateIsAnError() throws Exception {
    TestCluster cluster = new TestCluster(ZONED_NODES, List.of(), List.of());
    InterPodAffinity pl = plugin(cluster, "{}");
    PodInfo in = cluster.compile(pod("in").build());
    Status s = pl.addPod(new CycleState(), in, in, cluster.node("a1"));
    assertThat(s.code()).isEqualTo(Code.ERROR);
    assertThat(s.message())
        .isEqualTo("error reading \"PreFilterInterPodAffinity\" from cycleState: not found");
  }

  private static List<String> filterCodes(InterPodAffinity pl, CycleState state,
      TestCluster cluster, PodInfo pod) {
    List<String> out = new ArrayList<>();
    for (NodeInfo n : cluster.snapshot().list()) {
      out.add(pl.filter(state, pod, n).code().upstreamName());
    }
    return out;
  }

  // ---- matchLabelKeys, mismatchLabelKeys, namespace selectors of existing pods ----

  static Stream<Arguments> labelKeysAndNamespaces() {
    PodAffinityTerm sameVersion = new PodAffinityTerm(selector("app", "web"), null, "zone", null,
        List.of("version"), null);
    PodAffinityTerm otherTenant = new PodAffinityTerm(LabelSelector.EMPTY, null, "zone", null,
        null, List.of("tenant"));
    PodAffinityTerm nilSelectorWithKeys = new PodAffinityTerm(null, null, "zone", null,
        List.of("version"), null);
    PodAffinityTerm teamA = new PodAffinityTerm(selector("app", "x"), null, "zone",
        LabelSelector.of(Map.of("team", "a")), null, null);
    Pod web = pod("in").label("app", "api").label("version", "v1").label("tenant", "t1")
        .podAffinityRequired(sameVersion).build();
    return Stream.of(
        Arguments.of("matchLabelKeys: a pod of another version does not satisfy affinity",
            web, List.of(pod("e").label("app", "web").label("version", "v2").nodeName("b1").build()),
            "UnschedulableAndUnresolvable", "UnschedulableAndUnresolvable"),
        Arguments.of("matchLabelKeys: a pod of the same version does",
            web, List.of(pod("e").label("app", "web").label("version", "v1").nodeName("b1").build()),
            "UnschedulableAndUnresolvable", "Success"),
        Arguments.of("mismatchLabelKeys: anti-affinity against other tenants only",
            pod("in").label("tenant", "t1").podAntiAffinityRequired(otherTenant).build(),
            List.of(pod("e1").label("tenant", "t1").nodeName("a1").build(),
                pod("e2").label("tenant", "t2").nodeName("b1").build()),
            "Success", "Unschedulable"),
        Arguments.of("matchLabelKeys leave a nil selector matching nothing",
            pod("in").label("version", "v1").podAntiAffinityRequired(nilSelectorWithKeys).build(),
            List.of(pod("e").label("version", "v1").nodeName("a1").build()),
            "Success", "Success"),
        Arguments.of("an existing pod's namespace selector matches the incoming pod's namespace",
            pod("in").namespace("ns-a").label("app", "x").build(),
            List.of(pod("g").namespace("other").podAntiAffinityRequired(teamA).nodeName("a1").build()),
            "Unschedulable", "Success"),
        Arguments.of("an existing pod's namespace selector ignores other namespaces",
            pod("in").namespace("ns-b").label("app", "x").build(),
            List.of(pod("g").namespace("other").podAntiAffinityRequired(teamA).nodeName("a1").build()),
            "Skip", "Skip"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labelKeysAndNamespaces")
  void labelKeysAndNamespaceSelectors(String name, Pod incoming, List<Pod> existing,
      String onA1, String onB1) throws Exception {
    TestCluster cluster = new TestCluster(ZONED_NODES, existing,
        List.of(namespace("ns-a", "team", "a"), namespace("ns-b", "team", "b")));
    InterPodAffinity pl = plugin(cluster, "{}");
    PodInfo in = cluster.compile(incoming);
    CycleState state = new CycleState();
    PreFilterResult pre = pl.preFilter(state, in, cluster.snapshot().list());
    if (pre.status().isSkip()) {
      assertThat(List.of(onA1, onB1)).containsOnly("Skip");
      return;
    }
    assertThat(pre.status().isSuccess()).as(pre.status().toString()).isTrue();
    assertThat(pl.filter(state, in, cluster.node("a1")).code().upstreamName()).isEqualTo(onA1);
    assertThat(pl.filter(state, in, cluster.node("b1")).code().upstreamName()).isEqualTo(onB1);
  }

  // ---- parse errors ----

  private static LabelSelector expr(String key, String op, String... values) {
    return new LabelSelector(null, List.of(new LabelSelectorRequirement(key, op, List.of(values))));
  }

  private static PodAffinityTerm on(LabelSelector s) {
    return new PodAffinityTerm(s, null, "zone", null, null, null);
  }

  private static final String VALUE_RULE = "a valid label must be an empty string or consist of"
      + " alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric"
      + " character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is"
      + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
  private static final String NAME_RULE = "name part must consist of alphanumeric characters,"
      + " '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', "
      + " or 'my.name',  or '123-abc', regex used for validation is"
      + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

  static Stream<Arguments> parseErrors() {
    return Stream.of(
        Arguments.of("unknown operator",
            pod("in").podAffinityRequired(on(expr("app", "Gt", "1"))).build(),
            "requiredAffinityTerms: \"Gt\" is not a valid label selector operator"),
        Arguments.of("In without values",
            pod("in").podAntiAffinityRequired(on(expr("app", "In"))).build(),
            "requiredAntiAffinityTerms: values: Invalid value: []string(nil): for 'in', 'notin'"
                + " operators, values set can't be empty"),
        Arguments.of("Exists with values",
            pod("in").podAffinityRequired(on(expr("app", "Exists", "a", "b"))).build(),
            "requiredAffinityTerms: values: Invalid value: []string{\"a\", \"b\"}: values set"
                + " must be empty for exists and does not exist"),
        Arguments.of("bad key in matchLabels",
            pod("in").podAffinityPreferred(3, on(selector("bad key", "v"))).build(),
            "preferredAffinityTerms: key: Invalid value: \"bad key\": " + NAME_RULE),
        Arguments.of("bad key and bad value in one requirement",
            pod("in").podAntiAffinityPreferred(3, on(expr("-k", "NotIn", "-v"))).build(),
            "preferredAntiAffinityTerms: [key: Invalid value: \"-k\": " + NAME_RULE
                + ", values[0][-k]: Invalid value: \"-v\": " + VALUE_RULE + "]"),
        Arguments.of("value too long and malformed",
            pod("in").podAffinityRequired(on(selector("app", "-" + "a".repeat(63)))).build(),
            "requiredAffinityTerms: values[0][app]: Invalid value: \"-" + "a".repeat(63)
                + "\": must be no more than 63 characters; " + VALUE_RULE),
        Arguments.of("bad namespace selector",
            pod("in").podAffinityRequired(new PodAffinityTerm(selector("app", "a"), null, "zone",
                expr("team", "In"), null, null)).build(),
            "requiredAffinityTerms: values: Invalid value: []string(nil): for 'in', 'notin'"
                + " operators, values set can't be empty"),
        Arguments.of("errors in two groups are aggregated",
            pod("in").podAffinityRequired(on(expr("app", "Foo")))
                .podAntiAffinityRequired(on(expr("app", "Bar"))).build(),
            "[requiredAffinityTerms: \"Foo\" is not a valid label selector operator,"
                + " requiredAntiAffinityTerms: \"Bar\" is not a valid label selector operator]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parseErrors")
  void invalidSelectorsRejectThePodWithUpstreamsMessage(String name, Pod incoming, String message)
      throws Exception {
    TestCluster cluster = new TestCluster(ZONED_NODES, List.of(), List.of());
    InterPodAffinity pl = plugin(cluster, "{}");
    PodInfo in = cluster.compile(incoming);
    PreFilterResult pre = pl.preFilter(new CycleState(), in, cluster.snapshot().list());
    assertThat(pre.status().code()).isEqualTo(Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
    assertThat(pre.status().message()).isEqualTo("parsing pod: " + message);
    Status preScore = pl.preScore(new CycleState(), in, cluster.snapshot().list());
    assertThat(preScore.code()).isEqualTo(Code.ERROR);
    assertThat(preScore.message()).isEqualTo("failed to parse pod: " + message);
  }

  @Test
  void anExistingPodWithAnInvalidTermKeepsItsOtherTerms() throws Exception {
    Pod broken = pod("e").label("app", "e")
        .podAffinityRequired(on(expr("app", "Foo")))
        .podAntiAffinityRequired(term("zone", "app", "x"))
        .nodeName("a1").build();
    TestCluster cluster = new TestCluster(ZONED_NODES, List.of(broken), List.of());
    InterPodAffinity pl = plugin(cluster, "{}");
    PodInfo in = cluster.compile(pod("in").label("app", "x").build());
    CycleState state = new CycleState();
    assertThat(pl.preFilter(state, in, cluster.snapshot().list()).status().isSuccess()).isTrue();
    assertThat(filterCodes(pl, state, cluster, in))
        .containsExactly("Unschedulable", "Unschedulable", "Success");
  }

  // ---- scoring ----

  static Stream<Arguments> scoring() {
    Pod requiresX = pod("e").podAffinityRequired(term("zone", "app", "x")).nodeName("a1").build();
    Pod prefersX = pod("e").podAffinityPreferred(7, term("zone", "app", "x")).nodeName("b1").build();
    Pod avoidsX = pod("e2").podAntiAffinityPreferred(3, term("zone", "app", "x")).nodeName("a1").build();
    Pod x = pod("in").label("app", "x").build();
    return Stream.of(
        Arguments.of("existing required affinity counts hardPodAffinityWeight",
            "{\"hardPodAffinityWeight\": 5}", x, List.of(requiresX),
            "Success", new long[] {5, 5, 0}, new long[] {100, 100, 0}),
        Arguments.of("hardPodAffinityWeight 0 ignores existing required affinity",
            "{\"hardPodAffinityWeight\": 0}", x, List.of(requiresX),
            "Skip", null, null),
        Arguments.of("existing preferred terms pull and push",
            "{}", x, List.of(prefersX, avoidsX),
            "Success", new long[] {-3, -3, 7}, new long[] {0, 0, 100}),
        Arguments.of("ignorePreferredTermsOfExistingPods skips a pod without preferences",
            "{\"ignorePreferredTermsOfExistingPods\": true}", x, List.of(prefersX, avoidsX),
            "Skip", null, null),
        Arguments.of("ignorePreferredTermsOfExistingPods still scores a pod with preferences",
            "{\"ignorePreferredTermsOfExistingPods\": true}",
            pod("in").label("app", "x").podAntiAffinityPreferred(10, term("zone", "app", "x"))
                .build(),
            List.of(pod("e").label("app", "x").nodeName("b1").build(), avoidsX),
            "Success", new long[] {-3, -3, -10}, new long[] {100, 100, 0}),
        Arguments.of("terms that cancel out still score (all equal)",
            "{}", x, List.of(pod("e").podAffinityPreferred(3, term("zone", "app", "x"))
                .podAntiAffinityPreferred(3, term("zone", "app", "x")).nodeName("a1").build()),
            "Success", new long[] {0, 0, 0}, new long[] {0, 0, 0}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scoring")
  void scoreAndNormalize(String name, String args, Pod incoming, List<Pod> existing,
      String preScore, long[] raw, long[] normalized) throws Exception {
    TestCluster cluster = new TestCluster(ZONED_NODES, existing, List.of());
    InterPodAffinity pl = plugin(cluster, args);
    PodInfo in = cluster.compile(incoming);
    CycleState state = new CycleState();
    List<NodeInfo> nodes = cluster.snapshot().list();
    Status s = pl.preScore(state, in, nodes);
    assertThat(s.code().upstreamName()).isEqualTo(preScore);
    if (!s.isSuccess()) {
      return;
    }
    long[] scores = new long[nodes.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = pl.score(state, in, nodes.get(i));
    }
    assertThat(scores).as("raw").containsExactly(raw);
    assertThat(pl.normalizeScore(state, in, nodes, scores)).isEqualTo(Status.SUCCESS);
    assertThat(scores).as("normalized").containsExactly(normalized);
  }

  static Stream<Arguments> normalization() {
    return Stream.of(
        Arguments.of("negative to positive", new long[] {-3, 0, 2}, new long[] {0, 60, 100}),
        Arguments.of("truncates toward zero", new long[] {0, 1, 3}, new long[] {0, 33, 100}),
        Arguments.of("all equal", new long[] {4, 4}, new long[] {0, 0}),
        Arguments.of("all negative", new long[] {-10, -5, -1}, new long[] {0, 55, 100}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("normalization")
  void normalizeScoreIsMinMax(String name, long[] in, long[] want) throws Exception {
    TestCluster cluster = new TestCluster(ZONED_NODES,
        List.of(pod("e").podAffinityPreferred(1, term("zone", "app", "x")).nodeName("a1").build()),
        List.of());
    InterPodAffinity pl = plugin(cluster, "{}");
    PodInfo pod = cluster.compile(pod("in").label("app", "x").build());
    CycleState state = new CycleState();
    assertThat(pl.preScore(state, pod, cluster.snapshot().list())).isEqualTo(Status.SUCCESS);
    long[] scores = Arrays.copyOf(in, in.length);
    pl.normalizeScore(state, pod, cluster.snapshot().list(), scores);
    assertThat(scores).containsExactly(want);
  }

  @Test
  void scoreWithoutPreScoreStateThrowsAnErrorStatus() throws Exception {
    TestCluster cluster = new TestCluster(ZONED_NODES, List.of(), List.of());
    InterPodAffinity pl = plugin(cluster, "{}");
    PodInfo pod = cluster.compile(pod("in").build());
    assertThatThrownBy(() -> pl.score(new CycleState(), pod, cluster.node("a1")))
        .isInstanceOf(StatusException.class)
        .hasMessageContaining("failed to read \"PreScoreInterPodAffinity\" from cycleState");
  }

  @Test
  void registersPodAndNodeEvents() throws Exception {
    TestCluster cluster = new TestCluster(List.of(), List.of(), List.of());
    assertThat(plugin(cluster, "{}").eventsToRegister()).containsExactly(
        new ClusterEvent(ClusterEvent.Resource.POD,
            ClusterEvent.ADD | ClusterEvent.UPDATE_POD_LABEL | ClusterEvent.DELETE),
        new ClusterEvent(ClusterEvent.Resource.NODE,
            ClusterEvent.ADD | ClusterEvent.UPDATE_NODE_LABEL | ClusterEvent.UPDATE_NODE_TAINT));
  }
}
