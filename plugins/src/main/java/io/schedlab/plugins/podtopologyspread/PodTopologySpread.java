package io.schedlab.plugins.podtopologyspread;

import io.schedlab.framework.InternedSelector;
import io.schedlab.api.Affinity;
import io.schedlab.api.LabelSelector;
import io.schedlab.api.Node;
import io.schedlab.api.OwnerReference;
import io.schedlab.api.Pod;
import io.schedlab.api.ReplicaSet;
import io.schedlab.api.Service;
import io.schedlab.api.StatefulSet;
import io.schedlab.api.Toleration;
import io.schedlab.api.TopologySpreadConstraint;
import io.schedlab.api.match.LabelSelectors;
import io.schedlab.api.match.NodeSelectors;
import io.schedlab.api.match.NodeSelectors.RequiredNodeAffinity;
import io.schedlab.api.match.Tolerations;
import io.schedlab.framework.ClusterEvent;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.EnqueueExtensions;
import io.schedlab.framework.FilterPlugin;
import io.schedlab.framework.Handle;
import io.schedlab.framework.LabelInterner;
import io.schedlab.framework.LabelSet;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.ObjectLister;
import io.schedlab.framework.PluginArgsException;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreFilterExtensions;
import io.schedlab.framework.PreFilterPlugin;
import io.schedlab.framework.PreFilterResult;
import io.schedlab.framework.PreScorePlugin;
import io.schedlab.framework.ScoreExtensions;
import io.schedlab.framework.ScorePlugin;
import io.schedlab.framework.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upstream's PodTopologySpread: spreads pods that match a constraint's selector evenly over the
 * domains of its topology key. Hard constraints (DoNotSchedule) filter: a node is rejected when
 * placing the pod there would make its domain exceed the global minimum by more than maxSkew.
 * Soft constraints (ScheduleAnyway) score: fewer matching pods in the node's domains, weighted by
 * log(number of domains + 2), score higher. Pods without constraints get the default ones (args),
 * with a selector taken from the Services, ReplicaSets and StatefulSets that select them.
 *
 * <p>Implementation note: PreFilter and PreScore do all per-pod work once per cycle: constraints
 * are compiled with interned keys ({@link SpreadConstraint}, {@link InternedSelector}), every
 * eligible node's matching pods are counted into per-domain arrays ({@link Domains}), and whether
 * the incoming pod matches its own selectors is decided up front. The per-node inputs of that
 * pass are kept from cycle to cycle: matching-pod counts per node, recounted only when the
 * node's generation moved ({@link MatchCounts}), and each node's topology values, reread only
 * when its label set changed ({@link NodeLabelValues}). Filter and Score then cost one table
 * read, one int-table probe and an array read per constraint; only hostname soft constraints
 * count the node's own pods in Score, as upstream does.
 */
public final class PodTopologySpread
    implements PreFilterPlugin,
        PreFilterExtensions,
        FilterPlugin,
        PreScorePlugin,
        ScorePlugin,
        ScoreExtensions,
        EnqueueExtensions {
  public static final String NAME = "PodTopologySpread";
  public static final String ERR_REASON_CONSTRAINTS_NOT_MATCH =
      "node(s) didn't match pod topology spread constraints";
  public static final String ERR_REASON_NODE_LABEL_NOT_MATCH =
      ERR_REASON_CONSTRAINTS_NOT_MATCH + " (missing required label)";

  public static final String DO_NOT_SCHEDULE = "DoNotSchedule";
  public static final String SCHEDULE_ANYWAY = "ScheduleAnyway";
  private static final String HONOR = "Honor";

  /** The constraints defaultingType System applies to pods that state none. */
  public static final List<TopologySpreadConstraint> SYSTEM_DEFAULT_CONSTRAINTS =
      List.of(
          new TopologySpreadConstraint(
              3, "kubernetes.io/hostname", SCHEDULE_ANYWAY, null, null, null, null, null),
          new TopologySpreadConstraint(
              5, "topology.kubernetes.io/zone", SCHEDULE_ANYWAY, null, null, null, null, null));

  private static final CycleState.Key<PreFilterState> PRE_FILTER_KEY =
      CycleState.Key.of("PreFilter" + NAME);
  private static final CycleState.Key<PreScoreState> PRE_SCORE_KEY =
      CycleState.Key.of("PreScore" + NAME);
  private static final Status LABEL_MISSING = Status.unresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH);
  private static final Status SKEW_EXCEEDED = Status.unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH);
  private static final SpreadConstraint[] NONE = new SpreadConstraint[0];
  private static final long INVALID_SCORE = -1;

  /**
   * The feature gates this plugin reads, as upstream's {@code feature.Features}. Defaults are
   * upstream's: matchLabelKeys and node inclusion policies on, taint comparison operators off.
   */
  public record Features(
      boolean matchLabelKeys, boolean nodeInclusionPolicy, boolean taintTolerationComparisonOperators) {
    public static final Features DEFAULTS = new Features(true, true, false);

    /** The upstream gate names {@link #fromGates} reads. */
    public static final Set<String> GATES = Set.of(
        "MatchLabelKeysInPodTopologySpread",
        "NodeInclusionPolicyInPodTopologySpread",
        "TaintTolerationComparisonOperators");

    /** The defaults with upstream gate names overridden; gates of other plugins are ignored. */
    public static Features fromGates(Map<String, Boolean> gates) {
      Features f = DEFAULTS;
      if (gates == null) {
        return f;
      }
      return new Features(
          gates.getOrDefault("MatchLabelKeysInPodTopologySpread", f.matchLabelKeys),
          gates.getOrDefault("NodeInclusionPolicyInPodTopologySpread", f.nodeInclusionPolicy),
          gates.getOrDefault(
              "TaintTolerationComparisonOperators", f.taintTolerationComparisonOperators));
    }
  }

  private final Handle handle;
  private final LabelInterner interner;
  private final Features features;
  private final List<TopologySpreadConstraint> defaultConstraints;
  private final boolean systemDefaulted;
  private final int emptyValueId;
  private final MatchCounts.Tables matchCounts = new MatchCounts.Tables();

  public PodTopologySpread(PodTopologySpreadArgs args, Handle handle) {
    this(args, handle, Features.DEFAULTS);
  }

  public PodTopologySpread(PodTopologySpreadArgs args, Handle handle, Features features) {
    validate(args);
    this.handle = handle;
    this.interner = handle.labels();
    this.features = features;
    this.systemDefaulted = PodTopologySpreadArgs.SYSTEM_DEFAULTING.equals(args.defaultingType());
    this.defaultConstraints = systemDefaulted ? SYSTEM_DEFAULT_CONSTRAINTS : args.defaultConstraints();
    // Upstream reads a missing label as "": nodes without the key share the "" domain.
    this.emptyValueId = interner.id("");
  }

  @Override
  public String name() {
    return NAME;
  }

  // ---- args ----

  /** Upstream's ValidatePodTopologySpreadArgs; the first error is thrown with its field path. */
  static void validate(PodTopologySpreadArgs args) {
    String type = args.defaultingType();
    if (!type.equals(PodTopologySpreadArgs.SYSTEM_DEFAULTING)
        && !type.equals(PodTopologySpreadArgs.LIST_DEFAULTING)) {
      throw new PluginArgsException(
          "defaultingType",
          "Unsupported value: \"" + type + "\": supported values: \"System\", \"List\"");
    }
    List<TopologySpreadConstraint> cs = args.defaultConstraints();
    if (type.equals(PodTopologySpreadArgs.SYSTEM_DEFAULTING) && !cs.isEmpty()) {
      throw new PluginArgsException(
          "defaultingType", "Invalid value: \"System\": when .defaultConstraints are not empty");
    }
    for (int i = 0; i < cs.size(); i++) {
      TopologySpreadConstraint c = cs.get(i);
      String p = "defaultConstraints[" + i + "]";
      if (c.maxSkew() <= 0) {
        throw new PluginArgsException(
            p + ".maxSkew", "Invalid value: " + c.maxSkew() + ": not in valid range (0, inf)");
      }
      String key = c.topologyKey();
      if (key == null || key.isEmpty()) {
        throw new PluginArgsException(p + ".topologyKey", "Required value: can not be empty");
      }
      String keyError = LabelSelectors.labelKeyError(key);
      if (keyError != null) {
        throw new PluginArgsException(
            p + ".topologyKey", "Invalid value: \"" + key + "\": " + keyError);
      }
      String when = c.whenUnsatisfiable();
      if (when == null || when.isEmpty()) {
        throw new PluginArgsException(p + ".whenUnsatisfiable", "Required value: can not be empty");
      }
      if (!when.equals(DO_NOT_SCHEDULE) && !when.equals(SCHEDULE_ANYWAY)) {
        throw new PluginArgsException(
            p + ".whenUnsatisfiable",
            "Unsupported value: \"" + when + "\": supported values: \"DoNotSchedule\", \"ScheduleAnyway\"");
      }
      if (c.labelSelector() != null) {
        throw new PluginArgsException(
            p + ".labelSelector",
            "Forbidden: constraint must not define a selector, as they deduced for each pod");
      }
      for (int j = 0; j < i; j++) {
        TopologySpreadConstraint o = cs.get(j);
        if (key.equals(o.topologyKey()) && when.equals(o.whenUnsatisfiable())) {
          throw new PluginArgsException(
              "defaultConstraints[" + i + "]", "Duplicate value: \"{" + key + ", " + when + "}\"");
        }
      }
    }
  }

  // ---- constraints ----

  /**
   * The pod's constraints with the given whenUnsatisfiable, or the default ones when the pod
   * states none (upstream's getConstraints / initPreScoreState).
   *
   * @throws IllegalArgumentException with upstream's message when a selector is invalid
   */
  SpreadConstraint[] constraints(PodInfo pod, String action) {
    List<TopologySpreadConstraint> own = pod.pod().spec().topologySpreadConstraints();
    if (!own.isEmpty()) {
      try {
        return compile(own, pod.pod().metadata().labels(), action);
      } catch (IllegalArgumentException e) {
        String kind = DO_NOT_SCHEDULE.equals(action) ? "hard" : "soft";
        throw new IllegalArgumentException(
            "obtaining pod's " + kind + " topology spread constraints: " + e.getMessage(), e);
      }
    }
    SpreadConstraint[] cs = compile(defaultConstraints, pod.pod().metadata().labels(), action);
    if (cs.length == 0) {
      return NONE;
    }
    DefaultSelector selector = defaultSelector(pod);
    if (selector.selector().isEmpty()) {
      return NONE;
    }
    for (int i = 0; i < cs.length; i++) {
      cs[i] = cs[i].withSelector(selector.selector(), selector.source());
    }
    return cs;
  }

  /** Where a pod's own constraint selector came from: the API selector and the matchLabelKeys values. */
  private record OwnSelectorSource(LabelSelector selector, Map<String, String> matchLabels) {}

  /** Where a default selector came from: the merged Service selectors and the owner's selector. */
  private record DefaultSelectorSource(Map<String, String> services, LabelSelector owner) {}

  /** A default selector with its source (see {@link SpreadConstraint#selectorSource}). */
  private record DefaultSelector(InternedSelector selector, Object source) {}

  /** Upstream's filterTopologySpreadConstraints. */
  private SpreadConstraint[] compile(
      List<TopologySpreadConstraint> constraints, Map<String, String> podLabels, String action) {
    List<SpreadConstraint> out = null;
    for (TopologySpreadConstraint c : constraints) {
      if (!action.equals(c.whenUnsatisfiable())) {
        continue;
      }
      InternedSelector selector = InternedSelector.of(c.labelSelector(), interner);
      Map<String, String> matchLabels = Map.of();
      if (features.matchLabelKeys() && !c.matchLabelKeys().isEmpty()) {
        matchLabels = new LinkedHashMap<>();
        for (String key : c.matchLabelKeys()) {
          String v = podLabels.get(key);
          if (v != null) {
            matchLabels.put(key, v);
          }
        }
        // A null selector has no requirements to merge into, so it stays "nothing".
        if (!matchLabels.isEmpty() && !selector.isNothing()) {
          selector = InternedSelector.fromSet(matchLabels, interner).and(selector);
        }
      }
      boolean honorAffinity = true;
      boolean honorTaints = false;
      if (features.nodeInclusionPolicy()) {
        if (c.nodeAffinityPolicy() != null) {
          honorAffinity = HONOR.equals(c.nodeAffinityPolicy());
        }
        if (c.nodeTaintsPolicy() != null) {
          honorTaints = HONOR.equals(c.nodeTaintsPolicy());
        }
      }
      if (out == null) {
        out = new ArrayList<>(constraints.size());
      }
      out.add(
          new SpreadConstraint(
              c.maxSkew(),
              c.topologyKey(),
              interner.id(c.topologyKey()),
              selector,
              new OwnSelectorSource(c.labelSelector(), matchLabels),
              c.minDomains() == null ? 1 : c.minDomains(),
              honorAffinity,
              honorTaints));
    }
    return out == null ? NONE : out.toArray(NONE);
  }

  /**
   * Upstream's helper.DefaultSelector: the selectors of the Services in the pod's namespace that
   * select it, merged, ANDed with the selector of the pod's controlling ReplicaSet or StatefulSet.
   */
  private DefaultSelector defaultSelector(PodInfo pod) {
    ObjectLister objects = handle.objects();
    String ns = pod.namespace();
    Map<String, String> podLabels = pod.pod().metadata().labels();
    Map<String, String> set = new LinkedHashMap<>();
    for (Service s : objects.list(Service.class, ns)) {
      Map<String, String> sel = s.spec().selector();
      // Services with no selector select nothing, so contribute nothing.
      if (!sel.isEmpty() && ns.equals(namespaceOf(s.metadata().namespace()))
          && LabelSelectors.matchesMap(sel, podLabels)) {
        set.putAll(sel);
      }
    }
    InternedSelector selector = InternedSelector.fromSet(set, interner);
    DefaultSelector servicesOnly =
        new DefaultSelector(selector, new DefaultSelectorSource(set, null));
    OwnerReference owner = pod.pod().metadata().controllerRef();
    if (owner == null || !"apps/v1".equals(owner.apiVersion())) {
      return servicesOnly; // ReplicationControllers are not modelled
    }
    LabelSelector ownerSelector = null;
    if ("ReplicaSet".equals(owner.kind())) {
      ReplicaSet rs = objects.get(ReplicaSet.class, ns, owner.name());
      ownerSelector = rs == null ? null : rs.spec().selector();
    } else if ("StatefulSet".equals(owner.kind())) {
      StatefulSet ss = objects.get(StatefulSet.class, ns, owner.name());
      ownerSelector = ss == null ? null : ss.spec().selector();
    }
    if (ownerSelector == null) {
      return servicesOnly;
    }
    try {
      return new DefaultSelector(
          selector.and(InternedSelector.of(ownerSelector, interner)),
          new DefaultSelectorSource(set, ownerSelector));
    } catch (IllegalArgumentException invalid) {
      return servicesOnly; // upstream skips an owner selector it cannot parse
    }
  }

  private static String namespaceOf(String ns) {
    return ns == null ? "" : ns;
  }

  /** The count table of each constraint; the caller holds the monitor of {@link #matchCounts}. */
  private MatchCounts[] tables(SpreadConstraint[] cs, String ns) {
    MatchCounts[] tables = new MatchCounts[cs.length];
    for (int i = 0; i < cs.length; i++) {
      tables[i] = matchCounts.of(cs[i].selectorSource, ns);
    }
    return tables;
  }

  /** The label value table of each constraint's key; the caller holds the monitor of {@link #matchCounts}. */
  private NodeLabelValues[] keyTables(SpreadConstraint[] cs) {
    NodeLabelValues[] keys = new NodeLabelValues[cs.length];
    for (int i = 0; i < cs.length; i++) {
      keys[i] = matchCounts.values(cs[i].keyId);
    }
    return keys;
  }

  /**
   * Puts the node's value id for each constraint's key in {@code into} (-1 when missing); true
   * when the node carries every key (upstream's nodeLabelsMatchSpreadConstraints).
   */
  private static boolean readValues(NodeInfo node, NodeLabelValues[] keys, int[] into) {
    boolean all = true;
    for (int i = 0; i < keys.length; i++) {
      int v = keys[i].valueOf(node);
      into[i] = v;
      all &= v >= 0;
    }
    return all;
  }

  /** True when the pod has neither a nodeSelector nor required node affinity, so every node matches. */
  private static boolean admitsEveryNode(Pod pod) {
    if (!pod.spec().nodeSelector().isEmpty()) {
      return false;
    }
    Affinity a = pod.spec().affinity();
    return a == null
        || a.nodeAffinity() == null
        || a.nodeAffinity().requiredDuringSchedulingIgnoredDuringExecution() == null;
  }

  private static boolean anyHonorAffinity(SpreadConstraint[] cs) {
    for (SpreadConstraint c : cs) {
      if (c.honorNodeAffinity) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyHonorTaints(SpreadConstraint[] cs) {
    for (SpreadConstraint c : cs) {
      if (c.honorNodeTaints) {
        return true;
      }
    }
    return false;
  }

  private boolean toleratesNode(Node node, List<Toleration> tolerations) {
    return Tolerations.findUntoleratedTaint(
            node.spec().taints(),
            tolerations,
            Tolerations.NO_SCHEDULE_OR_NO_EXECUTE,
            features.taintTolerationComparisonOperators())
        == null;
  }

  /** Upstream's matchNodeInclusionPolicies, with the node's two answers computed by the caller. */
  private static boolean included(SpreadConstraint c, boolean affinityOk, boolean taintsOk) {
    return (!c.honorNodeAffinity || affinityOk) && (!c.honorNodeTaints || taintsOk);
  }

  // ---- PreFilter / Filter ----

  @Override
  public PreFilterResult preFilter(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
    SpreadConstraint[] cs;
    try {
      cs = constraints(pod, DO_NOT_SCHEDULE);
    } catch (IllegalArgumentException e) {
      return PreFilterResult.of(Status.error("get constraints from pod: " + e.getMessage()));
    }
    if (cs.length == 0) {
      return PreFilterResult.SKIP;
    }
    Pod api = pod.pod();
    RequiredNodeAffinity affinity = NodeSelectors.requiredNodeAffinity(api);
    boolean anyNode = admitsEveryNode(api);
    List<Toleration> tolerations = api.spec().tolerations();
    boolean policies = features.nodeInclusionPolicy();
    boolean checkAffinity = policies && !anyNode && anyHonorAffinity(cs);
    boolean checkTaints = policies && anyHonorTaints(cs);
    boolean filterByAffinity = !policies && !anyNode;
    String ns = pod.namespace();
    int n = cs.length;
    Domains[] domains = new Domains[n];
    int[][] counts = new int[n][];
    for (int i = 0; i < n; i++) {
      int expected = cs[i].hostname ? nodes.size() : 8;
      domains[i] = new Domains(expected);
      counts[i] = new int[Math.max(4, expected)];
    }
    int[] values = new int[n];
    NodeLabelValues[] keys;
    synchronized (matchCounts) {
      MatchCounts[] tables = tables(cs, ns);
      keys = keyTables(cs);
      for (int k = 0, size = nodes.size(); k < size; k++) {
        NodeInfo node = nodes.get(k);
        Node apiNode = node.node();
        if (apiNode == null) {
          continue;
        }
        if (filterByAffinity && !affinity.matches(apiNode)) {
          continue;
        }
        if (!readValues(node, keys, values)) {
          continue;
        }
        boolean affinityOk = !checkAffinity || affinity.matches(apiNode);
        boolean taintsOk = !checkTaints || toleratesNode(apiNode, tolerations);
        for (int i = 0; i < n; i++) {
          SpreadConstraint c = cs[i];
          if (policies && !included(c, affinityOk, taintsOk)) {
            continue;
          }
          int d = domains[i].add(values[i]);
          if (d == counts[i].length) {
            counts[i] = Arrays.copyOf(counts[i], d * 2);
          }
          counts[i][d] += tables[i].count(node, c.selector, ns);
        }
      }
    }
    boolean[] selfMatch = new boolean[n];
    for (int i = 0; i < n; i++) {
      counts[i] = Arrays.copyOf(counts[i], domains[i].size());
      selfMatch[i] = cs[i].selector.matches(pod.labels());
    }
    state.write(
        PRE_FILTER_KEY,
        new PreFilterState(cs, selfMatch, affinity, tolerations, interner, domains, keys, counts));
    return PreFilterResult.SUCCESS;
  }

  /** The state PreFilter wrote in this cycle, or null when it skipped (the pod has no hard constraints). */
  public static PreFilterState preFilterState(CycleState state) {
    return state.read(PRE_FILTER_KEY);
  }

  @Override
  public PreFilterExtensions preFilterExtensions() {
    return this;
  }

  @Override
  public Status addPod(CycleState state, PodInfo podToSchedule, PodInfo podToAdd, NodeInfo node) {
    return updateWithPod(state, podToSchedule, podToAdd, node, 1);
  }

  @Override
  public Status removePod(
      CycleState state, PodInfo podToSchedule, PodInfo podToRemove, NodeInfo node) {
    return updateWithPod(state, podToSchedule, podToRemove, node, -1);
  }

  private Status updateWithPod(
      CycleState state, PodInfo preemptor, PodInfo updated, NodeInfo node, int delta) {
    PreFilterState s = state.read(PRE_FILTER_KEY);
    if (s == null) {
      return notFound(PRE_FILTER_KEY);
    }
    Node apiNode = node.node();
    if (!updated.namespace().equals(preemptor.namespace()) || apiNode == null) {
      return Status.SUCCESS;
    }
    LabelSet labels = node.labels();
    if (!SpreadConstraint.nodeHasAllKeys(labels, s.constraints)) {
      return Status.SUCCESS;
    }
    boolean policies = features.nodeInclusionPolicy();
    if (!policies && !s.requiredNodeAffinity.matches(apiNode)) {
      return Status.SUCCESS;
    }
    int affinityOk = -1;
    int taintsOk = -1;
    for (int i = 0; i < s.constraints.length; i++) {
      SpreadConstraint c = s.constraints[i];
      if (!c.selector.matches(updated.labels())) {
        continue;
      }
      if (policies) {
        if (c.honorNodeAffinity && affinityOk < 0) {
          affinityOk = s.requiredNodeAffinity.matches(apiNode) ? 1 : 0;
        }
        if (c.honorNodeTaints && taintsOk < 0) {
          taintsOk = toleratesNode(apiNode, s.tolerations) ? 1 : 0;
        }
        if (!included(c, affinityOk != 0, taintsOk != 0)) {
          continue;
        }
      }
      s.add(i, labels.get(c.keyId), delta);
    }
    return Status.SUCCESS;
  }

  @Override
  public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
    PreFilterState s = state.read(PRE_FILTER_KEY);
    if (s == null) {
      return notFound(PRE_FILTER_KEY);
    }
    SpreadConstraint[] cs = s.constraints;
    for (int i = 0; i < cs.length; i++) {
      SpreadConstraint c = cs[i];
      int value = s.values[i].peek(node);
      if (value < 0) {
        return LABEL_MISSING;
      }
      int d = s.domains[i].find(value);
      int matchNum = d < 0 ? 0 : s.counts[i][d];
      int selfMatchNum = s.selfMatch[i] ? 1 : 0;
      if (matchNum + selfMatchNum - s.minMatchNum(i) > c.maxSkew) {
        return SKEW_EXCEEDED;
      }
    }
    return Status.SUCCESS;
  }

  private static Status notFound(CycleState.Key<?> key) {
    return Status.error("reading \"" + key.name() + "\" from cycleState: not found");
  }

  // ---- PreScore / Score ----

  @Override
  public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> filteredNodes) {
    List<NodeInfo> allNodes = handle.snapshot().list();
    if (allNodes.isEmpty()) {
      return Status.SKIP;
    }
    Pod api = pod.pod();
    // Nodes missing a zone label still get hostname spreading under the system defaults.
    boolean requireAll = !api.spec().topologySpreadConstraints().isEmpty() || !systemDefaulted;
    SpreadConstraint[] cs;
    try {
      cs = constraints(pod, SCHEDULE_ANYWAY);
    } catch (IllegalArgumentException e) {
      return Status.error("calculating preScoreState: " + e.getMessage());
    }
    if (cs.length == 0) {
      return Status.SKIP;
    }
    int n = cs.length;
    Domains[] domains = new Domains[n];
    for (int i = 0; i < n; i++) {
      domains[i] = new Domains(8);
    }
    RequiredNodeAffinity affinity = NodeSelectors.requiredNodeAffinity(api);
    boolean anyNode = admitsEveryNode(api);
    List<Toleration> tolerations = api.spec().tolerations();
    boolean policies = features.nodeInclusionPolicy();
    boolean checkAffinity = policies && !anyNode && anyHonorAffinity(cs);
    boolean checkTaints = policies && anyHonorTaints(cs);
    boolean filterByAffinity = !policies && !anyNode;
    String ns = pod.namespace();
    long[][] counts = new long[n][];
    double[] weights = new double[n];
    int[] values = new int[n];
    NodeLabelValues[] keys;
    synchronized (matchCounts) {
      keys = keyTables(cs);
      int ignored = 0;
      for (int k = 0, size = filteredNodes.size(); k < size; k++) {
        if (!readValues(filteredNodes.get(k), keys, values) && requireAll) {
          ignored++;
          continue;
        }
        for (int i = 0; i < n; i++) {
          if (!cs[i].hostname) {
            domains[i].add(valueOrEmpty(values[i]));
          }
        }
      }
      boolean anyDomains = false;
      for (int i = 0; i < n; i++) {
        counts[i] = new long[domains[i].size()];
        int topologySize = cs[i].hostname ? filteredNodes.size() - ignored : domains[i].size();
        weights[i] = Math.log(topologySize + 2);
        anyDomains |= domains[i].size() > 0;
      }
      // Hostname constraints are counted per node in Score, so only domains need this pass.
      MatchCounts[] tables = anyDomains ? tables(cs, ns) : null;
      for (int k = 0, size = anyDomains ? allNodes.size() : 0; k < size; k++) {
        NodeInfo node = allNodes.get(k);
        Node apiNode = node.node();
        if (apiNode == null) {
          continue;
        }
        if (filterByAffinity && !affinity.matches(apiNode)) {
          continue;
        }
        if (!readValues(node, keys, values) && requireAll) {
          continue;
        }
        boolean affinityOk = !checkAffinity || affinity.matches(apiNode);
        boolean taintsOk = !checkTaints || toleratesNode(apiNode, tolerations);
        for (int i = 0; i < n; i++) {
          SpreadConstraint c = cs[i];
          if (c.hostname || (policies && !included(c, affinityOk, taintsOk))) {
            continue;
          }
          int d = domains[i].find(valueOrEmpty(values[i]));
          if (d >= 0) {
            counts[i][d] += tables[i].count(node, c.selector, ns);
          }
        }
      }
    }
    state.write(PRE_SCORE_KEY, new PreScoreState(cs, requireAll, ns, domains, counts, weights, keys));
    return Status.SUCCESS;
  }

  private int valueOrEmpty(int valueId) {
    return valueId >= 0 ? valueId : emptyValueId;
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo node) {
    PreScoreState s = state.require(PRE_SCORE_KEY);
    if (s.ignored(node)) {
      return 0;
    }
    double score = 0;
    SpreadConstraint[] cs = s.constraints;
    for (int i = 0; i < cs.length; i++) {
      SpreadConstraint c = cs[i];
      int value = s.values[i].peek(node);
      if (value < 0) {
        continue;
      }
      long count;
      if (c.hostname) {
        count = MatchCounts.countMatching(node.pods(), c.selector, s.namespace);
      } else {
        int d = s.domains[i].find(value);
        count = d < 0 ? 0 : s.counts[i][d];
      }
      // maxSkew-1 waters down small differences between domains, as upstream's scoreForCount.
      score += count * s.weights[i] + (c.maxSkew - 1);
    }
    return Math.round(score);
  }

  @Override
  public ScoreExtensions scoreExtensions() {
    return this;
  }

  /** Reverses and scales the raw scores into [0, 100]; nodes missing a topology key get 0. */
  @Override
  public Status normalizeScore(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
    PreScoreState s = state.read(PRE_SCORE_KEY);
    if (s == null) {
      return notFound(PRE_SCORE_KEY);
    }
    long minScore = Long.MAX_VALUE;
    long maxScore = 0;
    for (int i = 0; i < scores.length; i++) {
      if (s.ignored(nodes.get(i))) {
        scores[i] = INVALID_SCORE;
        continue;
      }
      minScore = Math.min(minScore, scores[i]);
      maxScore = Math.max(maxScore, scores[i]);
    }
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] == INVALID_SCORE) {
        scores[i] = 0;
      } else if (maxScore == 0) {
        scores[i] = MAX_NODE_SCORE;
      } else {
        scores[i] = MAX_NODE_SCORE * (maxScore + minScore - scores[i]) / maxScore;
      }
    }
    return Status.SUCCESS;
  }

  @Override
  public List<ClusterEvent> eventsToRegister() {
    return List.of(
        new ClusterEvent(
            ClusterEvent.Resource.POD,
            ClusterEvent.ADD
                | ClusterEvent.UPDATE_POD_LABEL
                | ClusterEvent.UPDATE_POD_TOLERATIONS
                | ClusterEvent.DELETE),
        new ClusterEvent(
            ClusterEvent.Resource.NODE,
            ClusterEvent.ADD
                | ClusterEvent.DELETE
                | ClusterEvent.UPDATE_NODE_LABEL
                | ClusterEvent.UPDATE_NODE_TAINT));
  }
}
