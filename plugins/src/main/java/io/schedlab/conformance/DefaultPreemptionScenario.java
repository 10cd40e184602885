package io.schedlab.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.schedlab.api.Pod;
import io.schedlab.api.PodDisruptionBudget;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.FilterRunner;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.NodeToStatus;
import io.schedlab.framework.Plugin;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PostFilterResult;
import io.schedlab.framework.PreFilterResult;
import io.schedlab.framework.StaticHandle;
import io.schedlab.framework.Status;
import io.schedlab.framework.runtime.Framework;
import io.schedlab.plugins.defaultpreemption.Candidate;
import io.schedlab.plugins.defaultpreemption.DefaultPreemption;
import io.schedlab.plugins.defaultpreemption.DryRunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * The preemption file (DefaultPreemption.json), evaluated the way upstream's test functions
 * drive the plugin. The profile's plugins run PreFilter first, to fill the cycle state.
 *
 * <ul>
 *   <li>{@code eligibleToPreempt}: PodEligibleToPreemptOthers with {@code nominatedNodeStatus}
 *       (null = none).
 *   <li>{@code candidates}: the dry run over every node sorted by name, from {@code offset} (the
 *       value upstream's seeded source drew), for as many candidates as the args ask for, as
 *       TestDryRunPreemption. Compared per node as the sorted victim names and the PDB
 *       violations.
 *   <li>{@code nominatedNode}, {@code nominatedNodeAnyOf}, {@code postFilterStatus},
 *       {@code postFilterMessage}, {@code victims}: PostFilter with {@code filterStatuses} (a node
 *       missing from it is UnschedulableAndUnresolvable), or with every node Unschedulable when
 *       the case has none, as TestPreempt and TestSelectBestCandidate. Victims are the pods the
 *       plugin deleted, by node.
 * </ul>
 *
 * <p>{@code parallelism} needs no setting: the plugin's dry run examines nodes one after another,
 * which is upstream's outcome with parallelism 1 and one of its possible outcomes with more.
 */
final class DefaultPreemptionScenario implements Scenario {
  static final String NAME = DefaultPreemption.NAME;

  private static final Set<String> POST_FILTER_KEYS =
      Set.of("nominatedNode", "nominatedNodeAnyOf", "postFilterStatus", "postFilterMessage", "victims");

  @Override
  public Set<String> inputKeys() {
    return Set.of("filterStatuses", "offset", "parallelism", "nominatedNodeStatus");
  }

  @Override
  public Set<String> expectKeys() {
    return Set.of(
        "candidates", "eligibleToPreempt", "nominatedNode", "nominatedNodeAnyOf",
        "postFilterStatus", "postFilterMessage", "victims");
  }

  @Override
  public void evaluate(ConformanceCase c, Mismatches out) {
    CaseWorld world = c.world();
    StaticHandle handle = world.handle();
    int offset = c.has("offset") ? (int) ExpectValues.integer(c.input("offset"), "offset") : 0;
    handle.setRandom(new FixedDraw(offset));
    Plugin plugin = c.createPlugin();
    if (!(plugin instanceof DefaultPreemption preemption)) {
      throw new NotEvaluatedException("plugin " + plugin.name() + " is not DefaultPreemption");
    }
    Map<String, JsonNode> expect = ExpectValues.object(c.expect(), "expect");
    PodInfo pod = world.pod();

    if (expect.containsKey("eligibleToPreempt")) {
      JsonNode code = c.input("nominatedNodeStatus");
      Status nominated = code == null ? null : Status.of(ExpectValues.code(code, "nominatedNodeStatus"));
      out.check(
          "eligibleToPreempt",
          ExpectValues.bool(expect.get("eligibleToPreempt"), "expect.eligibleToPreempt"),
          preemption.podEligibleToPreemptOthers(pod.pod(), nominated).eligible());
    }
    boolean wantsPostFilter = false;
    for (String key : POST_FILTER_KEYS) {
      wantsPostFilter |= expect.containsKey(key);
    }
    if (!expect.containsKey("candidates") && !wantsPostFilter) {
      return;
    }

    if (c.profile().isEmpty()) {
      throw new NotEvaluatedException("candidates and PostFilter expectations need a profile");
    }
    CycleState state = new CycleState();
    Status pre = preFilter(handle.filterRunner(), state, pod, world.nodes());
    if (!pre.isSuccess()) {
      out.mismatch("preFilter", "Success", pre.toString());
      return;
    }
    if (expect.containsKey("candidates")) {
      List<NodeInfo> byName = new ArrayList<>(world.nodes());
      byName.sort(Comparator.comparing(NodeInfo::name));
      List<PodDisruptionBudget> pdbs = c.decodeList("pdbs", PodDisruptionBudget.class);
      DryRunResult r =
          preemption.dryRunPreemption(
              state, pod, byName, pdbs, offset, preemption.calculateNumCandidates(byName.size()));
      out.check("candidates", expectedCandidates(expect.get("candidates")), candidates(r.candidates()));
    }
    if (wantsPostFilter) {
      PostFilterResult r = preemption.postFilter(state, pod, filterStatuses(c, world));
      String nominated = r.nominatedNodeName() == null || r.nominatedNodeName().isEmpty() ? null : r.nominatedNodeName();
      if (expect.containsKey("nominatedNode")) {
        JsonNode want = expect.get("nominatedNode");
        out.check("nominatedNode", want.isNull() ? null : ExpectValues.text(want, "expect.nominatedNode"), nominated);
      }
      if (expect.containsKey("nominatedNodeAnyOf")) {
        List<String> anyOf = ExpectValues.texts(expect.get("nominatedNodeAnyOf"), "expect.nominatedNodeAnyOf");
        if (!anyOf.contains(nominated)) {
          out.mismatch("nominatedNode", "one of " + Mismatches.show(anyOf), String.valueOf(nominated));
        }
      }
      if (expect.containsKey("postFilterStatus")) {
        out.check(
            "postFilterStatus",
            ExpectValues.code(expect.get("postFilterStatus"), "expect.postFilterStatus"),
            r.status().code());
      }
      if (expect.containsKey("postFilterMessage")) {
        out.check(
            "postFilterMessage",
            ExpectValues.text(expect.get("postFilterMessage"), "expect.postFilterMessage"),
            r.status().message());
      }
      if (expect.containsKey("victims")) {
        out.check("victims", expectedVictims(expect.get("victims")), victims(handle.client().deletedPods()));
      }
    }
  }

  private static Status preFilter(FilterRunner runner, CycleState state, PodInfo pod, List<NodeInfo> nodes) {
    if (!(runner instanceof Framework framework)) {
      throw new NotEvaluatedException("the case's profile does not run PreFilter");
    }
    PreFilterResult r = framework.runPreFilterPlugins(state, pod, nodes, new HashSet<>());
    return r.status();
  }

  private static NodeToStatus filterStatuses(ConformanceCase c, CaseWorld world) {
    NodeToStatus statuses = new NodeToStatus();
    JsonNode given = c.input("filterStatuses");
    if (given == null) {
      for (NodeInfo n : world.nodes()) {
        statuses.set(n.name(), Status.unschedulable());
      }
      return statuses;
    }
    for (Map.Entry<String, JsonNode> e : ExpectValues.object(given, "filterStatuses").entrySet()) {
      statuses.set(e.getKey(), Status.of(ExpectValues.code(e.getValue(), "filterStatuses." + e.getKey())));
    }
    return statuses;
  }

  /** {node: "[sorted victims] pdbViolations=N"}, so one comparison shows every difference. */
  private static Map<String, String> expectedCandidates(JsonNode want) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : ExpectValues.object(want, "expect.candidates").entrySet()) {
      String where = "expect.candidates." + e.getKey();
      List<String> victims = new ArrayList<>(ExpectValues.texts(e.getValue().get("victims"), where + ".victims"));
      victims.sort(null);
      long violations = ExpectValues.integer(e.getValue().get("numPDBViolations"), where + ".numPDBViolations");
      out.put(e.getKey(), describe(victims, violations));
    }
    return out;
  }

  private static Map<String, String> candidates(List<Candidate> got) {
    Map<String, String> out = new TreeMap<>();
    for (Candidate c : got) {
      List<String> victims = new ArrayList<>();
      for (PodInfo v : c.victims()) {
        victims.add(v.name());
      }
      victims.sort(null);
      out.put(c.nodeName(), describe(victims, c.numPdbViolations()));
    }
    return out;
  }

  private static String describe(List<String> victims, long violations) {
    return Mismatches.show(victims) + " pdbViolations=" + violations;
  }

  private static Map<String, List<String>> expectedVictims(JsonNode want) {
    Map<String, List<String>> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : ExpectValues.object(want, "expect.victims").entrySet()) {
      List<String> names = new ArrayList<>(ExpectValues.texts(e.getValue(), "expect.victims." + e.getKey()));
      names.sort(null);
      out.put(e.getKey(), names);
    }
    return out;
  }

  private static Map<String, List<String>> victims(List<Pod> deleted) {
    Map<String, List<String>> out = new TreeMap<>();
    for (Pod p : deleted) {
      out.computeIfAbsent(String.valueOf(p.spec().nodeName()), n -> new ArrayList<>()).add(p.metadata().name());
    }
    out.values().forEach(names -> names.sort(null));
    return out;
  }

  /** Upstream's tests draw the offset from a seeded source; the case states the value drawn. */
  private record FixedDraw(int value) implements RandomGenerator {
    @Override
    public int nextInt(int bound) {
      return value % bound;
    }

    @Override
    public long nextLong() {
      return value;
    }
  }
}
