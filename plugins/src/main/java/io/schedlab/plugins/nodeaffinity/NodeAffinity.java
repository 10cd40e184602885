package io.schedlab.plugins.nodeaffinity;

import io.schedlab.api.Affinity;
import io.schedlab.api.NodeSelector;
import io.schedlab.api.NodeSelectorRequirement;
import io.schedlab.api.NodeSelectorTerm;
import io.schedlab.api.PreferredSchedulingTerm;
import io.schedlab.api.match.NodeSelectors;
import io.schedlab.framework.ClusterEvent;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.EnqueueExtensions;
import io.schedlab.framework.FilterPlugin;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PluginArgsException;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreFilterPlugin;
import io.schedlab.framework.PreFilterResult;
import io.schedlab.framework.PreScorePlugin;
import io.schedlab.framework.ScoreExtensions;
import io.schedlab.framework.ScoreNormalizer;
import io.schedlab.framework.ScorePlugin;
import io.schedlab.framework.ImmutableStateData;
import io.schedlab.framework.Status;
import io.schedlab.framework.StatusException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Filter: the node must match the pod's {@code nodeSelector} and required node affinity, and
 * the scheduler-enforced {@code addedAffinity} of the args. PreFilter narrows the nodes to those
 * named by {@code metadata.name} field terms. Score: the summed weights of the preferred terms
 * (the pod's and the added ones) the node matches, normalized so the best node gets 100.
 *
 * <p>Implementation note: the pod's selectors are parsed once per cycle (PreFilter, PreScore)
 * and the added affinity once per plugin; Filter and Score only run the parsed matchers.
 */
public final class NodeAffinity
    implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, ScoreExtensions, EnqueueExtensions {
  public static final String NAME = "NodeAffinity";
  /** The reason when the pod's own node affinity or selector does not match. */
  public static final String ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
  /** The reason when the args' added affinity does not match. */
  public static final String ERR_REASON_ENFORCED = "node(s) didn't match scheduler-enforced node affinity";
  /** The reason when the pod's metadata.name field terms leave no node. */
  public static final String ERR_REASON_CONFLICT = "pod affinity terms conflict";

  private static final String NAME_FIELD = "metadata.name";
  private static final String ADDED_REQUIRED = "addedAffinity.requiredDuringSchedulingIgnoredDuringExecution";
  private static final String ADDED_PREFERRED = "addedAffinity.preferredDuringSchedulingIgnoredDuringExecution";

  private static final Status REJECT_POD = Status.unresolvable(ERR_REASON_POD);
  private static final Status REJECT_ENFORCED = Status.unresolvable(ERR_REASON_ENFORCED);
  private static final CycleState.Key<PreFilterState> PRE_FILTER_KEY = CycleState.Key.of("PreFilter" + NAME);
  private static final CycleState.Key<PreScoreState> PRE_SCORE_KEY = CycleState.Key.of("PreScore" + NAME);

  /** The pod's nodeSelector and required affinity, interned for matching many nodes. */
  record PreFilterState(io.schedlab.framework.InternedNodeAffinity interned)
      implements ImmutableStateData {
  }

  /** The pod's parsed preferred terms; null when it has none. */
  record PreScoreState(PreferredTerms preferred) implements ImmutableStateData {
  }

  private final NodeSelectors.Compiled addedNodeSelector;
  private final PreferredTerms addedPreferred;
  private final io.schedlab.framework.LabelInterner labels;

  /** @param labels the scheduler's interner, which its NodeInfos' label sets use */
  public NodeAffinity(NodeAffinityArgs args, io.schedlab.framework.LabelInterner labels) {
    this.labels = labels;
    io.schedlab.api.NodeAffinity added = args.addedAffinity();
    NodeSelector required = added == null ? null : added.requiredDuringSchedulingIgnoredDuringExecution();
    List<PreferredSchedulingTerm> preferred =
        added == null ? List.of() : added.preferredDuringSchedulingIgnoredDuringExecution();
    if (required != null) {
      List<NodeSelectorTerm> terms = required.nodeSelectorTerms();
      for (int i = 0; i < terms.size(); i++) {
        SelectorErrors.Error e =
            SelectorErrors.firstError(terms.get(i), ADDED_REQUIRED + ".nodeSelectorTerms[" + i + "].");
        if (e != null) {
          throw new PluginArgsException(e.field(), e.message());
        }
      }
      this.addedNodeSelector = NodeSelectors.compile(required);
    } else {
      this.addedNodeSelector = null;
    }
    if (!preferred.isEmpty()) {
      try {
        this.addedPreferred = PreferredTerms.parse(preferred, ADDED_PREFERRED);
      } catch (PreferredTerms.InvalidTermException e) {
        throw new PluginArgsException(e.error().field(), e.error().message());
      }
    } else {
      this.addedPreferred = null;
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PreFilterResult preFilter(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
    NodeSelector required = requiredOf(pod);
    // The model does not keep an empty nodeSelector apart from an absent one; both count as absent.
    if (required == null && addedNodeSelector == null && pod.pod().spec().nodeSelector().isEmpty()) {
      return PreFilterResult.SKIP;
    }
    state.write(PRE_FILTER_KEY,
        new PreFilterState(io.schedlab.framework.InternedNodeAffinity.of(pod.pod(), labels)));
    if (required == null || required.nodeSelectorTerms().isEmpty()) {
      return PreFilterResult.SUCCESS;
    }
    // Terms are ORed: only when every term pins metadata.name can the node set be narrowed.
    Set<String> nodeNames = null;
    for (NodeSelectorTerm term : required.nodeSelectorTerms()) {
      Set<String> termNames = null;
      for (NodeSelectorRequirement r : term.matchFields()) {
        if (NAME_FIELD.equals(r.key()) && "In".equals(r.operator())) {
          Set<String> values = new HashSet<>(r.values());
          if (termNames == null) {
            termNames = values;
          } else {
            termNames.retainAll(values);
          }
        }
      }
      if (termNames == null) {
        return PreFilterResult.SUCCESS;
      }
      if (nodeNames == null) {
        nodeNames = termNames;
      } else {
        nodeNames.addAll(termNames);
      }
    }
    if (nodeNames.isEmpty()) {
      return new PreFilterResult(Status.unresolvable(ERR_REASON_CONFLICT), null);
    }
    return PreFilterResult.nodes(nodeNames);
  }

  private static NodeSelector requiredOf(PodInfo pod) {
    Affinity a = pod.pod().spec().affinity();
    return a == null || a.nodeAffinity() == null
        ? null
        : a.nodeAffinity().requiredDuringSchedulingIgnoredDuringExecution();
  }

  @Override
  public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
    if (addedNodeSelector != null && !addedNodeSelector.matches(node.node())) {
      return REJECT_ENFORCED;
    }
    PreFilterState s = state.read(PRE_FILTER_KEY);
    if (s != null) {
      return s.interned().matches(node) ? Status.SUCCESS : REJECT_POD;
    }
    // Without PreFilter (disabled, or it returned Skip) the selectors are parsed here.
    return NodeSelectors.requiredNodeAffinity(pod.pod()).matches(node.node())
        ? Status.SUCCESS : REJECT_POD;
  }

  @Override
  public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
    PreferredTerms preferred;
    try {
      preferred = podPreferred(pod);
    } catch (PreferredTerms.InvalidTermException e) {
      return Status.error(e.getMessage());
    }
    if (preferred == null && addedPreferred == null) {
      return Status.SKIP;
    }
    state.write(PRE_SCORE_KEY, new PreScoreState(preferred));
    return Status.SUCCESS;
  }

  /** The pod's preferred terms, or null when it states none (an empty list counts as none). */
  private static PreferredTerms podPreferred(PodInfo pod) {
    Affinity a = pod.pod().spec().affinity();
    if (a == null || a.nodeAffinity() == null
        || a.nodeAffinity().preferredDuringSchedulingIgnoredDuringExecution().isEmpty()) {
      return null;
    }
    return PreferredTerms.parse(a.nodeAffinity().preferredDuringSchedulingIgnoredDuringExecution(), "");
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo node) {
    long count = 0;
    if (addedPreferred != null) {
      count += addedPreferred.score(node.node());
    }
    PreScoreState s = state.read(PRE_SCORE_KEY);
    PreferredTerms preferred;
    if (s != null) {
      preferred = s.preferred();
    } else {
      try {
        preferred = podPreferred(pod);
      } catch (PreferredTerms.InvalidTermException e) {
        throw new StatusException(Status.error(e.getMessage()));
      }
    }
    if (preferred != null) {
      count += preferred.score(node.node());
    }
    return count;
  }

  @Override
  public ScoreExtensions scoreExtensions() {
    return this;
  }

  @Override
  public Status normalizeScore(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
    ScoreNormalizer.defaultNormalize(MAX_NODE_SCORE, false, scores);
    return Status.SUCCESS;
  }

  @Override
  public List<ClusterEvent> eventsToRegister() {
    // Upstream's set with scheduling queue hints on (the default): a node that appears or
    // changes labels may now match.
    return List.of(new ClusterEvent(ClusterEvent.Resource.NODE, ClusterEvent.ADD | ClusterEvent.UPDATE_NODE_LABEL));
  }

  // Written here, not shared, so the call to score has one receiver class and inlines.
  @Override
  public RangeScorer rangeScorer() {
    return (state, pod, run, out) -> {
      for (int i = run.from(), to = run.to(); i < to; i++) {
        out[i] = score(state, pod, run.node(i));
      }
    };
  }

  // Written here, not shared, so the call to filter has one receiver class and inlines.
  @Override
  public RangeFilter rangeFilter() {
    return (state, pod, run) -> {
      for (int i = run.from(), to = run.to(); i < to; i++) {
        if (run.alive(i)) {
          Status s = filter(state, pod, run.node(i));
          if (!s.isSuccess()) {
            run.reject(i, s);
          }
        }
      }
    };
  }
}
