package io.schedlab.plugins.interpodaffinity;

import io.schedlab.api.Affinity;
import io.schedlab.api.Namespace;
import io.schedlab.framework.ClusterEvent;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.EnqueueExtensions;
import io.schedlab.framework.FilterPlugin;
import io.schedlab.framework.Handle;
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
import io.schedlab.framework.ImmutableStateData;
import io.schedlab.framework.StateData;
import io.schedlab.framework.Status;
import io.schedlab.framework.StatusException;
import java.util.List;
import java.util.Map;

/**
 * Upstream's InterPodAffinity. Filter: the node must be in a topology domain holding a pod that
 * matches all the incoming pod's required affinity terms (or no pod anywhere matches them and the
 * pod matches them itself), in no domain holding a pod that matches one of its required
 * anti-affinity terms, and in no domain where an existing pod's required anti-affinity term
 * matches the incoming pod. Score: per topology domain, the weights of the preferred terms that
 * match in either direction, plus {@code hardPodAffinityWeight} for existing pods' required
 * affinity terms that match the incoming pod; NormalizeScore scales min..max to 0..100.
 *
 * <p>Implementation note: a topology pair (label key, value) is two interned ids packed in a
 * long, and the per-pair counts and scores live in {@link TopologyPairMap}s. Existing pods'
 * terms are compiled once per PodInfo and equal terms share one instance ({@link
 * PodAffinityTerms.Cache}). What PreFilter and PreScore need from each node is kept from cycle
 * to cycle, per node index and tagged with the node's generation, so a cycle only recomputes the
 * nodes whose pods or labels changed: the node's terms merged by instance ({@link NodeTerms}),
 * and how many of its pods each term of the incoming pod selects ({@link TermPodCounts}); both
 * keep running pair sums that become the cycle's maps when every node was refreshed. Matching
 * the incoming pod against existing terms is decided once per distinct term ({@link
 * TermMatches}). Filter and Score read node values from those tables and probe the maps. The
 * incoming pod's namespace selectors are unrolled against the Namespace objects each cycle, as
 * upstream does.
 */
public final class InterPodAffinity
    implements PreFilterPlugin, PreFilterExtensions, FilterPlugin, PreScorePlugin, ScorePlugin,
        ScoreExtensions, EnqueueExtensions {
  public static final String NAME = "InterPodAffinity";

  public static final String ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH =
      "node(s) didn't satisfy existing pods anti-affinity rules";
  public static final String ERR_REASON_AFFINITY_RULES_NOT_MATCH =
      "node(s) didn't match pod affinity rules";
  public static final String ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH =
      "node(s) didn't match pod anti-affinity rules";

  static final int MIN_HARD_POD_AFFINITY_WEIGHT = 0;
  static final int MAX_HARD_POD_AFFINITY_WEIGHT = 100;

  private static final String PRE_FILTER_KEY_NAME = "PreFilter" + NAME;
  private static final String PRE_SCORE_KEY_NAME = "PreScore" + NAME;
  static final CycleState.Key<PreFilterState> PRE_FILTER_KEY =
      CycleState.Key.of(PRE_FILTER_KEY_NAME);
  static final CycleState.Key<PreScoreState> PRE_SCORE_KEY =
      CycleState.Key.of(PRE_SCORE_KEY_NAME);

  private static final Status AFFINITY_REJECT =
      Status.unresolvable(ERR_REASON_AFFINITY_RULES_NOT_MATCH);
  private static final Status ANTI_AFFINITY_REJECT =
      Status.unschedulable(ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH);
  private static final Status EXISTING_ANTI_AFFINITY_REJECT =
      Status.unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH);

  /** Upstream passes a nil label set for terms whose namespace selector was already unrolled. */
  private static final Map<String, String> NO_LABELS = Map.of();

  private final Handle handle;
  private final int hardPodAffinityWeight;
  private final boolean ignorePreferredTermsOfExistingPods;
  private final PodAffinityTerms.Cache terms;
  // Kept from cycle to cycle; used only by PreFilter and PreScore, under the monitor of podCounts.
  private final TermPodCounts.Tables podCounts = new TermPodCounts.Tables();
  private final NodeTerms.Table nodeTerms;
  // The sizes of the last cycle's maps, so this cycle's start large enough.
  private int existingAntiHint;
  private int scoreHint;

  public InterPodAffinity(InterPodAffinityArgs args, Handle handle) {
    validate(args);
    this.handle = handle;
    this.hardPodAffinityWeight = args.hardPodAffinityWeight();
    this.ignorePreferredTermsOfExistingPods = args.ignorePreferredTermsOfExistingPods();
    this.terms = new PodAffinityTerms.Cache(handle.labels());
    this.nodeTerms = new NodeTerms.Table(terms);
  }

  /** Upstream's ValidateInterPodAffinityArgs. */
  static void validate(InterPodAffinityArgs args) {
    int w = args.hardPodAffinityWeight();
    if (w < MIN_HARD_POD_AFFINITY_WEIGHT || w > MAX_HARD_POD_AFFINITY_WEIGHT) {
      throw new PluginArgsException("hardPodAffinityWeight",
          "Invalid value: " + w + ": not in valid range [" + MIN_HARD_POD_AFFINITY_WEIGHT + "-"
              + MAX_HARD_POD_AFFINITY_WEIGHT + "]");
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  // ---- PreFilter ----

  /** Counts per topology pair computed in PreFilter; AddPod/RemovePod adjust a copy. */
  static final class PreFilterState implements StateData {
    final PodInfo pod;
    /** The incoming pod's required terms, namespace selectors unrolled. */
    final AffinityTerm[] affinityTerms;
    final AffinityTerm[] antiAffinityTerms;
    final Map<String, String> namespaceLabels;
    /** Whether the incoming pod matches all its own required affinity terms. */
    final boolean podMatchesOwnAffinity;
    /** Pairs where existing pods have a required anti-affinity term matching the incoming pod. */
    final TopologyPairMap existingAntiAffinityCounts;
    /** Pairs where existing pods match all the incoming pod's required affinity terms. */
    final TopologyPairMap affinityCounts;
    /** Pairs where existing pods match one of the incoming pod's required anti-affinity terms. */
    final TopologyPairMap antiAffinityCounts;
    /**
     * Where Filter reads a node's value for a topology key: the count tables PreFilter just
     * refreshed hold it for every node, which spares Filter a search of each node's labels.
     * {@code valueTables[i]} holds key {@code valueKeys[i]} as its term {@code valueTerms[i]}.
     */
    final int[] valueKeys;
    final TermPodCounts[] valueTables;
    final int[] valueTerms;

    PreFilterState(PodInfo pod, AffinityTerm[] affinityTerms, AffinityTerm[] antiAffinityTerms,
        Map<String, String> namespaceLabels, boolean podMatchesOwnAffinity,
        TopologyPairMap existingAntiAffinityCounts, TopologyPairMap affinityCounts,
        TopologyPairMap antiAffinityCounts, int[] valueKeys, TermPodCounts[] valueTables,
        int[] valueTerms) {
      this.valueKeys = valueKeys;
      this.valueTables = valueTables;
      this.valueTerms = valueTerms;
      this.pod = pod;
      this.affinityTerms = affinityTerms;
      this.antiAffinityTerms = antiAffinityTerms;
      this.namespaceLabels = namespaceLabels;
      this.podMatchesOwnAffinity = podMatchesOwnAffinity;
      this.existingAntiAffinityCounts = existingAntiAffinityCounts;
      this.affinityCounts = affinityCounts;
      this.antiAffinityCounts = antiAffinityCounts;
    }

    @Override
    public StateData copy() {
      return new PreFilterState(pod, affinityTerms, antiAffinityTerms, namespaceLabels,
          podMatchesOwnAffinity, existingAntiAffinityCounts.copy(), affinityCounts.copy(),
          antiAffinityCounts.copy(), valueKeys, valueTables, valueTerms);
    }

    /** The node's value id for a topology key, or -1. */
    int value(NodeInfo node, int keyId) {
      for (int i = 0; i < valueKeys.length; i++) {
        if (valueKeys[i] == keyId) {
          return valueTables[i].value(node, valueTerms[i]);
        }
      }
      return node.labels().get(keyId);
    }
  }

  private static final int[] NO_KEYS = new int[0];
  private static final TermPodCounts[] NO_TABLES = new TermPodCounts[0];

  @Override
  public PreFilterResult preFilter(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
    PodAffinityTerms own = terms.of(pod);
    if (own.parseError != null) {
      return PreFilterResult.of(Status.unresolvable("parsing pod: " + own.parseError));
    }
    AffinityTerm[] affinity = own.requiredAffinity;
    AffinityTerm[] antiAffinity = own.requiredAntiAffinity;
    if (PodAffinityTerms.anySelectsSomeNamespaces(affinity)
        || PodAffinityTerms.anySelectsSomeNamespaces(antiAffinity)) {
      List<Namespace> namespaces = namespaces();
      affinity = PodAffinityTerms.withSelectedNamespaces(affinity, namespaces);
      antiAffinity = PodAffinityTerms.withSelectedNamespaces(antiAffinity, namespaces);
    }
    Map<String, String> nsLabels = namespaceLabels(pod.namespace());

    TopologyPairMap existingAnti;
    TopologyPairMap affinityCounts;
    TopologyPairMap antiAffinityCounts;
    int[] valueKeys = NO_KEYS;
    TermPodCounts[] valueTables = NO_TABLES;
    int[] valueTerms = NO_KEYS;
    synchronized (podCounts) {
      affinityCounts = new TopologyPairMap();
      antiAffinityCounts = new TopologyPairMap();
      TermMatches incoming = new TermMatches(pod, nsLabels);
      if (affinity.length == 0 && antiAffinity.length == 0) {
        existingAnti = existingAntiByAdding(incoming);
      } else {
        TermPodCounts all = affinity.length > 0 ? podCounts.all(affinity) : null;
        TermPodCounts[] any = new TermPodCounts[antiAffinity.length];
        for (int j = 0; j < any.length; j++) {
          any[j] = podCounts.any(antiAffinity[j]);
        }
        int n = affinity.length + antiAffinity.length;
        valueKeys = new int[n];
        valueTables = new TermPodCounts[n];
        valueTerms = new int[n];
        for (int j = 0; j < affinity.length; j++) {
          valueKeys[j] = affinity[j].topologyKeyId;
          valueTables[j] = all;
          valueTerms[j] = j;
        }
        for (int j = 0; j < antiAffinity.length; j++) {
          valueKeys[affinity.length + j] = antiAffinity[j].topologyKeyId;
          valueTables[affinity.length + j] = any[j];
        }
        // Refresh every node's tables; when the nodes are the snapshot's, in index order (always,
        // in the scheduler), the tables' running sums are this cycle's pair counts.
        boolean inIndexOrder = nodes.size() == handle.snapshot().size();
        for (int k = 0, size = nodes.size(); k < size; k++) {
          NodeInfo node = nodes.get(k);
          inIndexOrder &= node.index() == k;
          nodeTerms.refresh(node);
          if (all != null) {
            all.count(node);
          }
          for (int j = 0; j < any.length; j++) {
            any[j].count(node);
          }
        }
        if (inIndexOrder) {
          existingAnti = nodeTerms.existingAntiCounts(nodes.size(), incoming);
          if (all != null) {
            affinityCounts = all.pairCounts(nodes.size(), null);
          }
          for (int j = 0; j < any.length; j++) {
            antiAffinityCounts = j == 0
                ? any[j].pairCounts(nodes.size(), null)
                : any[j].pairCounts(nodes.size(), antiAffinityCounts);
          }
        } else {
          existingAnti = existingAntiByAdding(incoming);
          for (int k = 0, size = nodes.size(); k < size; k++) {
            NodeInfo node = nodes.get(k);
            if (all != null) {
              addCounted(affinityCounts, all, affinity, node);
            }
            for (int j = 0; j < any.length; j++) {
              int c = any[j].count(node);
              if (c > 0) {
                int value = any[j].value(node, 0);
                if (value >= 0) {
                  antiAffinityCounts.add(
                      TopologyPairMap.pair(antiAffinity[j].topologyKeyId, value), c);
                }
              }
            }
          }
        }
      }
    }

    if (existingAnti.nonZero() == 0 && affinity.length == 0 && antiAffinity.length == 0) {
      return PreFilterResult.SKIP;
    }
    state.write(PRE_FILTER_KEY, new PreFilterState(pod, affinity, antiAffinity, nsLabels,
        matchesAll(affinity, pod), existingAnti, affinityCounts, antiAffinityCounts, valueKeys,
        valueTables, valueTerms));
    return PreFilterResult.SUCCESS;
  }

  /**
   * Upstream's existing anti-affinity counts, built pair by pair from the nodes that hold pods
   * with required anti-affinity (caller holds the monitor of podCounts).
   */
  private TopologyPairMap existingAntiByAdding(TermMatches incoming) {
    TopologyPairMap existingAnti = TopologyPairMap.withExpected(existingAntiHint);
    List<NodeInfo> withAnti = handle.snapshot().havePodsWithRequiredAntiAffinity();
    for (int k = 0, size = withAnti.size(); k < size; k++) {
      NodeInfo node = withAnti.get(k);
      int slot = nodeTerms.refresh(node);
      AffinityTerm single = slot < 0 ? null : nodeTerms.singleAntiTerm(slot);
      if (single != null) {
        int value = nodeTerms.singleAntiValue(slot);
        if (value >= 0 && incoming.matches(single)) {
          existingAnti.add(TopologyPairMap.pair(single.topologyKeyId, value),
              nodeTerms.singleAntiPods(slot));
        }
        continue;
      }
      NodeTerms.Group g = nodeTerms.of(node).requiredAntiAffinity;
      for (int j = 0; j < g.size; j++) {
        if (g.values[j] >= 0 && incoming.matches(g.terms[j])) {
          existingAnti.add(TopologyPairMap.pair(g.terms[j].topologyKeyId, g.values[j]), g.pods[j]);
        }
      }
    }
    existingAntiHint = existingAnti.entries();
    return existingAnti;
  }

  /** Adds the node's pods that match every affinity term to the node's pair of each term. */
  private static void addCounted(TopologyPairMap counts, TermPodCounts table, AffinityTerm[] terms,
      NodeInfo node) {
    int c = table.count(node);
    if (c == 0) {
      return;
    }
    for (int j = 0; j < terms.length; j++) {
      int value = table.value(node, j);
      if (value >= 0) {
        counts.add(TopologyPairMap.pair(terms[j].topologyKeyId, value), c);
      }
    }
  }

  /** For each term {@code target} matches, adds {@code delta} to the node's pair for its topology key. */
  private static void addMatchingAntiAffinity(TopologyPairMap counts, AffinityTerm[] terms,
      PodInfo target, Map<String, String> nsLabels, LabelSet nodeLabels, long delta) {
    for (AffinityTerm t : terms) {
      if (t.matches(target, nsLabels)) {
        addForTopology(counts, nodeLabels, t.topologyKeyId, delta);
      }
    }
  }

  /** When {@code target} matches every term, adds {@code delta} to the node's pair of each. */
  private static void addIfMatchesAll(TopologyPairMap counts, AffinityTerm[] terms,
      PodInfo target, LabelSet nodeLabels, long delta) {
    if (matchesAll(terms, target)) {
      for (AffinityTerm t : terms) {
        addForTopology(counts, nodeLabels, t.topologyKeyId, delta);
      }
    }
  }

  private static void addForTopology(TopologyPairMap counts, LabelSet nodeLabels, int keyId,
      long delta) {
    int value = nodeLabels.get(keyId);
    if (value >= 0) {
      counts.add(TopologyPairMap.pair(keyId, value), delta);
    }
  }

  /** Upstream's podMatchesAllAffinityTerms: false for no terms. */
  private static boolean matchesAll(AffinityTerm[] terms, PodInfo pod) {
    if (terms.length == 0) {
      return false;
    }
    for (AffinityTerm t : terms) {
      // The incoming pod's namespace selectors are unrolled, so no namespace labels are needed.
      if (!t.matches(pod, NO_LABELS)) {
        return false;
      }
    }
    return true;
  }

  private List<Namespace> namespaces() {
    ObjectLister objects = handle.objects();
    return objects == null ? List.of() : objects.list(Namespace.class, null);
  }

  /** Upstream's GetNamespaceLabelsSnapshot: the labels of the pod's namespace, empty if unknown. */
  private Map<String, String> namespaceLabels(String namespace) {
    ObjectLister objects = handle.objects();
    Namespace ns = objects == null ? null : objects.get(Namespace.class, null, namespace);
    return ns == null ? NO_LABELS : ns.metadata().labels();
  }

  @Override
  public PreFilterExtensions preFilterExtensions() {
    return this;
  }

  @Override
  public Status addPod(CycleState state, PodInfo podToSchedule, PodInfo podToAdd, NodeInfo node) {
    return updateWithPod(state, podToAdd, node, 1);
  }

  @Override
  public Status removePod(
      CycleState state, PodInfo podToSchedule, PodInfo podToRemove, NodeInfo node) {
    return updateWithPod(state, podToRemove, node, -1);
  }

  private Status updateWithPod(CycleState state, PodInfo changed, NodeInfo node, long delta) {
    PreFilterState s = state.read(PRE_FILTER_KEY);
    if (s == null) {
      return Status.error(notFound(PRE_FILTER_KEY_NAME));
    }
    LabelSet nodeLabels = node.labels();
    addMatchingAntiAffinity(s.existingAntiAffinityCounts, terms.of(changed).requiredAntiAffinity,
        s.pod, s.namespaceLabels, nodeLabels, delta);
    addIfMatchesAll(s.affinityCounts, s.affinityTerms, changed, nodeLabels, delta);
    addMatchingAntiAffinity(s.antiAffinityCounts, s.antiAffinityTerms, changed, NO_LABELS,
        nodeLabels, delta);
    return Status.SUCCESS;
  }

  private static String notFound(String key) {
    return "error reading \"" + key + "\" from cycleState: not found";
  }

  // ---- Filter ----

  @Override
  public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
    PreFilterState s = state.read(PRE_FILTER_KEY);
    if (s == null) {
      return Status.error(notFound(PRE_FILTER_KEY_NAME));
    }
    if (!satisfiesPodAffinity(s, node)) {
      return AFFINITY_REJECT;
    }
    if (!satisfiesPodAntiAffinity(s, node)) {
      return ANTI_AFFINITY_REJECT;
    }
    if (!satisfiesExistingPodsAntiAffinity(s, node)) {
      return EXISTING_ANTI_AFFINITY_REJECT;
    }
    return Status.SUCCESS;
  }

  private static boolean satisfiesPodAffinity(PreFilterState s, NodeInfo node) {
    boolean podsExist = true;
    for (AffinityTerm t : s.affinityTerms) {
      int value = s.value(node, t.topologyKeyId);
      if (value < 0) {
        // Every topology key must be a label of the node.
        return false;
      }
      if (s.affinityCounts.get(TopologyPairMap.pair(t.topologyKeyId, value)) <= 0) {
        podsExist = false;
      }
    }
    if (podsExist) {
      return true;
    }
    // The first pod of a group with affinity to itself: no pod matches anywhere yet, and the pod
    // matches its own terms, so it may go to any node that has the topology keys.
    return s.affinityCounts.nonZero() == 0 && s.podMatchesOwnAffinity;
  }

  private static boolean satisfiesPodAntiAffinity(PreFilterState s, NodeInfo node) {
    if (s.antiAffinityCounts.nonZero() == 0) {
      return true;
    }
    for (AffinityTerm t : s.antiAffinityTerms) {
      int value = s.value(node, t.topologyKeyId);
      if (value >= 0 && s.antiAffinityCounts.get(TopologyPairMap.pair(t.topologyKeyId, value)) > 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Upstream walks the node's labels looking for a pair with a count; only pairs of keys that
   * ever got a count can have one, so this walks those few keys instead.
   */
  private static boolean satisfiesExistingPodsAntiAffinity(PreFilterState s, NodeInfo node) {
    TopologyPairMap counts = s.existingAntiAffinityCounts;
    if (counts.nonZero() == 0) {
      return true;
    }
    for (int k = 0, n = counts.keyCount(); k < n; k++) {
      int keyId = counts.keyId(k);
      int value = s.value(node, keyId);
      if (value >= 0 && counts.get(TopologyPairMap.pair(keyId, value)) > 0) {
        return false;
      }
    }
    return true;
  }

  // ---- PreScore / Score ----

  /** Scores per topology pair, and the distinct topology keys Score must look up. */
  record PreScoreState(TopologyPairMap scores, int[] topologyKeyIds, int[] valueKeys,
      TermPodCounts[] valueTables) implements ImmutableStateData {
    /**
     * The node's value id for a topology key, or -1: from the count table PreScore refreshed
     * for every node when one has that key, which spares Score a search of the node's labels.
     */
    int value(NodeInfo node, int keyId) {
      for (int i = 0; i < valueKeys.length; i++) {
        if (valueKeys[i] == keyId) {
          return valueTables[i].value(node, 0);
        }
      }
      return node.labels().get(keyId);
    }
  }

  private TermPodCounts[] anyTables(AffinityTerm[] ts) {
    TermPodCounts[] tables = new TermPodCounts[ts.length];
    for (int j = 0; j < ts.length; j++) {
      tables[j] = podCounts.any(ts[j]);
    }
    return tables;
  }

  /** Accumulates PreScore's per-pair scores. */
  private static final class ScoreBuilder {
    final TopologyPairMap scores;
    // Consecutive adds to one pair (a node's terms share its domain) are summed before the map
    // sees them: the same sums and the same pairs, in fewer probes.
    private long pendingPair = -1;
    private long pendingDelta;

    ScoreBuilder(int expected) {
      scores = TopologyPairMap.withExpected(expected);
    }

    /**
     * Upstream's processTerm for each of {@code count} pods holding the same term: the weight
     * times the multiplier in 32-bit arithmetic, as Go's int32, once per pod.
     */
    void addPods(int keyId, int valueId, int weight, int multiplier, int count) {
      add(keyId, valueId, (long) (weight * multiplier) * count);
    }

    /** The incoming pod's terms against the pods on {@code node}, counted by {@code tables}. */
    void processCounted(AffinityTerm[] terms, TermPodCounts[] tables, NodeInfo node,
        int multiplier) {
      for (int j = 0; j < terms.length; j++) {
        int c = tables[j].count(node);
        if (c > 0) {
          int value = tables[j].value(node, 0);
          if (value >= 0) {
            addPods(terms[j].topologyKeyId, value, terms[j].weight, multiplier, c);
          }
        }
      }
    }

    /** A node's existing terms against the incoming pod; {@code weight} 0 means each term's own. */
    void processGroup(NodeTerms.Group g, TermMatches incoming, int weight, int multiplier) {
      for (int j = 0; j < g.size; j++) {
        AffinityTerm t = g.terms[j];
        if (g.values[j] >= 0 && incoming.matches(t)) {
          addPods(t.topologyKeyId, g.values[j], weight == 0 ? t.weight : weight, multiplier,
              g.pods[j]);
        }
      }
    }

    void add(int keyId, int valueId, long delta) {
      long pair = TopologyPairMap.pair(keyId, valueId);
      if (pair == pendingPair) {
        pendingDelta += delta;
        return;
      }
      flush();
      pendingPair = pair;
      pendingDelta = delta;
    }

    /** The scores, every add applied. */
    TopologyPairMap finish() {
      flush();
      return scores;
    }

    private void flush() {
      if (pendingPair >= 0) {
        scores.add(pendingPair, pendingDelta);
        pendingPair = -1;
      }
    }

    /** The distinct topology keys of the scores, in first-added order. */
    int[] keyIds() {
      int[] ids = new int[scores.keyCount()];
      for (int k = 0; k < ids.length; k++) {
        ids[k] = scores.keyId(k);
      }
      return ids;
    }
  }

  @Override
  public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
    Affinity a = pod.pod().spec().affinity();
    boolean hasPreferredAffinity = a != null && a.podAffinity() != null
        && !a.podAffinity().preferredDuringSchedulingIgnoredDuringExecution().isEmpty();
    boolean hasPreferredAntiAffinity = a != null && a.podAntiAffinity() != null
        && !a.podAntiAffinity().preferredDuringSchedulingIgnoredDuringExecution().isEmpty();
    boolean hasConstraints = hasPreferredAffinity || hasPreferredAntiAffinity;
    if (ignorePreferredTermsOfExistingPods && !hasConstraints) {
      return Status.SKIP;
    }
    // Without preferred terms of its own, only pods with affinity can contribute.
    List<NodeInfo> candidates = hasConstraints
        ? handle.snapshot().list()
        : handle.snapshot().havePodsWithAffinity();

    PodAffinityTerms own = terms.of(pod);
    if (own.parseError != null) {
      return Status.error("failed to parse pod: " + own.parseError);
    }
    AffinityTerm[] preferredAffinity = own.preferredAffinity;
    AffinityTerm[] preferredAntiAffinity = own.preferredAntiAffinity;
    if (PodAffinityTerms.anySelectsSomeNamespaces(preferredAffinity)
        || PodAffinityTerms.anySelectsSomeNamespaces(preferredAntiAffinity)) {
      List<Namespace> namespaces = namespaces();
      preferredAffinity = PodAffinityTerms.withSelectedNamespaces(preferredAffinity, namespaces);
      preferredAntiAffinity =
          PodAffinityTerms.withSelectedNamespaces(preferredAntiAffinity, namespaces);
    }
    Map<String, String> nsLabels = namespaceLabels(pod.namespace());

    ScoreBuilder b;
    int[] valueKeys = NO_KEYS;
    TermPodCounts[] valueTables = NO_TABLES;
    synchronized (podCounts) {
      b = new ScoreBuilder(scoreHint);
      TermMatches incoming = new TermMatches(pod, nsLabels);
      TermPodCounts[] affinityTables = anyTables(preferredAffinity);
      TermPodCounts[] antiAffinityTables = anyTables(preferredAntiAffinity);
      if (candidates.size() == handle.snapshot().size()) {
        // Every node's tables are refreshed below, so Score can read node values from them.
        int n = preferredAffinity.length + preferredAntiAffinity.length;
        valueKeys = new int[n];
        valueTables = new TermPodCounts[n];
        for (int j = 0; j < preferredAffinity.length; j++) {
          valueKeys[j] = preferredAffinity[j].topologyKeyId;
          valueTables[j] = affinityTables[j];
        }
        for (int j = 0; j < preferredAntiAffinity.length; j++) {
          valueKeys[preferredAffinity.length + j] = preferredAntiAffinity[j].topologyKeyId;
          valueTables[preferredAffinity.length + j] = antiAffinityTables[j];
        }
      }
      // A node without labels has no topology value for any term, so it adds nothing.
      for (int k = 0, size = candidates.size(); k < size; k++) {
        NodeInfo node = candidates.get(k);
        // The incoming pod's preferred terms against the existing pods.
        b.processCounted(preferredAffinity, affinityTables, node, 1);
        b.processCounted(preferredAntiAffinity, antiAffinityTables, node, -1);
        // The existing pods' terms against the incoming pod.
        int slot = nodeTerms.refresh(node);
        byte kind = slot < 0 ? NodeTerms.SCORES_MANY : nodeTerms.scoreKind(slot);
        if (kind == NodeTerms.SCORES_NONE) {
          continue;
        }
        if (kind != NodeTerms.SCORES_MANY) {
          AffinityTerm t = nodeTerms.singleScoreTerm(slot);
          int value = nodeTerms.singleScoreValue(slot);
          boolean required = kind == NodeTerms.SCORES_REQUIRED_AFFINITY;
          if (value >= 0 && (!required || hardPodAffinityWeight > 0) && incoming.matches(t)) {
            b.addPods(t.topologyKeyId, value, required ? hardPodAffinityWeight : t.weight,
                kind == NodeTerms.SCORES_PREFERRED_ANTI_AFFINITY ? -1 : 1,
                nodeTerms.singleScorePods(slot));
          }
          continue;
        }
        NodeTerms theirs = slot >= 0 ? nodeTerms.terms(slot) : nodeTerms.of(node);
        if (hardPodAffinityWeight > 0) {
          b.processGroup(theirs.requiredAffinity, incoming, hardPodAffinityWeight, 1);
        }
        b.processGroup(theirs.preferredAffinity, incoming, 0, 1);
        b.processGroup(theirs.preferredAntiAffinity, incoming, 0, -1);
      }
      b.finish();
      scoreHint = b.scores.entries();
    }
    if (b.scores.entries() == 0) {
      return Status.SKIP;
    }
    state.write(PRE_SCORE_KEY,
        new PreScoreState(b.scores, b.keyIds(), valueKeys, valueTables));
    return Status.SUCCESS;
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo node) {
    PreScoreState s = preScoreState(state);
    long score = 0;
    for (int keyId : s.topologyKeyIds()) {
      int value = s.value(node, keyId);
      if (value >= 0) {
        score += s.scores().get(TopologyPairMap.pair(keyId, value));
      }
    }
    return score;
  }

  private static PreScoreState preScoreState(CycleState state) {
    PreScoreState s = state.read(PRE_SCORE_KEY);
    if (s == null) {
      throw new StatusException(Status.error(
          "failed to read \"" + PRE_SCORE_KEY_NAME + "\" from cycleState: not found"));
    }
    return s;
  }

  @Override
  public ScoreExtensions scoreExtensions() {
    return this;
  }

  /** Min-max scaling to 0..100 through float64, truncated, as upstream. */
  @Override
  public Status normalizeScore(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
    PreScoreState s = state.read(PRE_SCORE_KEY);
    if (s == null) {
      return Status.error(
          "failed to read \"" + PRE_SCORE_KEY_NAME + "\" from cycleState: not found");
    }
    if (s.scores().entries() == 0) {
      return Status.SUCCESS;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long v : scores) {
      if (v > max) {
        max = v;
      }
      if (v < min) {
        min = v;
      }
    }
    long diff = max - min;
    for (int i = 0; i < scores.length; i++) {
      double f = 0;
      if (diff > 0) {
        f = (double) MAX_NODE_SCORE * ((double) (scores[i] - min) / (double) diff);
      }
      scores[i] = (long) f;
    }
    return Status.SUCCESS;
  }

  @Override
  public List<ClusterEvent> eventsToRegister() {
    return List.of(
        new ClusterEvent(ClusterEvent.Resource.POD,
            ClusterEvent.ADD | ClusterEvent.UPDATE_POD_LABEL | ClusterEvent.DELETE),
        new ClusterEvent(ClusterEvent.Resource.NODE,
            ClusterEvent.ADD | ClusterEvent.UPDATE_NODE_LABEL | ClusterEvent.UPDATE_NODE_TAINT));
  }
}
