package io.schedlab.plugins.interpodaffinity;

import io.schedlab.framework.LabelSet;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The (anti-)affinity terms of the pods on one node, equal terms merged with a multiplicity, each
 * with the node's value for its topology key: what PreFilter and PreScore need from a node's
 * existing pods, without looking each pod's terms up again every cycle.
 *
 * <p>Implementation note: terms are the canonical instances of {@link PodAffinityTerms.Cache}, so
 * the many pods of one template share one entry per node. A {@link Table} keeps one NodeTerms per
 * {@link NodeInfo#index()}, tagged with the {@link NodeInfo#generation()} it was built at (see
 * {@code MatchCounts} in podtopologyspread for why that tag is enough).
 */
final class NodeTerms {
  static final byte SCORES_NONE = 0;
  static final byte SCORES_REQUIRED_AFFINITY = 1;
  static final byte SCORES_PREFERRED_AFFINITY = 2;
  static final byte SCORES_PREFERRED_ANTI_AFFINITY = 3;
  static final byte SCORES_MANY = 4;

  static final NodeTerms NONE = new NodeTerms(Group.EMPTY, Group.EMPTY, Group.EMPTY, Group.EMPTY);

  final Group requiredAffinity;
  final Group requiredAntiAffinity;
  final Group preferredAffinity;
  final Group preferredAntiAffinity;

  private NodeTerms(Group requiredAffinity, Group requiredAntiAffinity, Group preferredAffinity,
      Group preferredAntiAffinity) {
    this.requiredAffinity = requiredAffinity;
    this.requiredAntiAffinity = requiredAntiAffinity;
    this.preferredAffinity = preferredAffinity;
    this.preferredAntiAffinity = preferredAntiAffinity;
  }

  boolean isEmpty() {
    return requiredAffinity.size == 0 && requiredAntiAffinity.size == 0
        && preferredAffinity.size == 0 && preferredAntiAffinity.size == 0;
  }

  /** Distinct terms, how many pods on the node hold each, and the node's value for its key (-1: none). */
  static final class Group {
    static final Group EMPTY = new Group(new AffinityTerm[0], new int[0], new int[0], 0);

    final AffinityTerm[] terms;
    final int[] pods;
    final int[] values;
    final int size;

    private Group(AffinityTerm[] terms, int[] pods, int[] values, int size) {
      this.terms = terms;
      this.pods = pods;
      this.values = values;
      this.size = size;
    }
  }

  /** Collects one group's terms over a node's pods. */
  private static final class GroupBuilder {
    private AffinityTerm[] terms = new AffinityTerm[2];
    private int[] pods = new int[2];
    private int size;

    void add(AffinityTerm[] ts) {
      for (AffinityTerm t : ts) {
        int i = 0;
        while (i < size && terms[i] != t) {
          i++;
        }
        if (i == size) {
          if (size == terms.length) {
            terms = Arrays.copyOf(terms, size * 2);
            pods = Arrays.copyOf(pods, size * 2);
          }
          terms[size++] = t;
        }
        pods[i]++;
      }
    }

    Group build(LabelSet nodeLabels) {
      if (size == 0) {
        return Group.EMPTY;
      }
      int[] values = new int[size];
      for (int i = 0; i < size; i++) {
        values[i] = nodeLabels.get(terms[i].topologyKeyId);
      }
      return new Group(Arrays.copyOf(terms, size), Arrays.copyOf(pods, size), values, size);
    }
  }

  /** The terms of the pods with affinity on {@code node}. */
  static NodeTerms of(NodeInfo node, PodAffinityTerms.Cache cache) {
    List<PodInfo> pods = node.podsWithAffinity();
    if (pods.isEmpty()) {
      return NONE;
    }
    GroupBuilder reqAff = new GroupBuilder();
    GroupBuilder reqAnti = new GroupBuilder();
    GroupBuilder prefAff = new GroupBuilder();
    GroupBuilder prefAnti = new GroupBuilder();
    for (int i = 0, n = pods.size(); i < n; i++) {
      PodAffinityTerms t = cache.of(pods.get(i));
      reqAff.add(t.requiredAffinity);
      reqAnti.add(t.requiredAntiAffinity);
      prefAff.add(t.preferredAffinity);
      prefAnti.add(t.preferredAntiAffinity);
    }
    LabelSet labels = node.labels();
    NodeTerms built = new NodeTerms(reqAff.build(labels), reqAnti.build(labels),
        prefAff.build(labels), prefAnti.build(labels));
    return built.isEmpty() ? NONE : built;
  }

  /**
   * NodeTerms per node index, rebuilt when the node's generation moves. Not thread safe.
   *
   * <p>Beside each entry the table keeps, in flat arrays read in node order, what the pass over
   * every node asks first: the node's required anti-affinity and its scoring term when each is a
   * single term (the usual case: all pods of one template), so such a node costs no visit to its
   * NodeTerms object.
   */
  static final class Table {
    private final PodAffinityTerms.Cache cache;
    private long[] generations = new long[0];
    private NodeTerms[] terms = new NodeTerms[0];
    private byte[] scoreKind = new byte[0];
    /** The node's one scoring term (kind below), or null. */
    private AffinityTerm[] scoreTerm = new AffinityTerm[0];
    private int[] scoreValue = new int[0];
    private int[] scorePods = new int[0];
    /** The node's one required anti-affinity term, or null when it has none or several. */
    private AffinityTerm[] antiTerm = new AffinityTerm[0];
    private int[] antiValue = new int[0];
    private int[] antiPods = new int[0];
    /**
     * Per required anti-affinity term, the pods holding it at each (key, node value) pair, summed
     * over the filled slots and kept up to date as slots change: PreFilter's existing
     * anti-affinity counts are the sums of the terms that match the incoming pod, once every
     * node has been refreshed.
     */
    private final Map<AffinityTerm, TopologyPairMap> antiSums = new IdentityHashMap<>();
    /** One past the highest slot ever filled. */
    private int filled;

    Table(PodAffinityTerms.Cache cache) {
      this.cache = cache;
    }

    /**
     * Brings the entry of {@code node} up to date and returns its slot for the accessors below,
     * or -1 for a node outside any snapshot (then use {@link NodeTerms#of} directly).
     */
    int refresh(NodeInfo node) {
      int i = node.index();
      if (i < 0) {
        return -1;
      }
      if (i >= generations.length) {
        int size = Math.max(i + 1, generations.length * 2);
        generations = Arrays.copyOf(generations, size);
        terms = Arrays.copyOf(terms, size);
        scoreKind = Arrays.copyOf(scoreKind, size);
        scoreTerm = Arrays.copyOf(scoreTerm, size);
        scoreValue = Arrays.copyOf(scoreValue, size);
        scorePods = Arrays.copyOf(scorePods, size);
        antiTerm = Arrays.copyOf(antiTerm, size);
        antiValue = Arrays.copyOf(antiValue, size);
        antiPods = Arrays.copyOf(antiPods, size);
      }
      long generation = node.generation();
      if (generations[i] != generation) {
        if (generations[i] != 0) {
          addAntiSums(terms[i].requiredAntiAffinity, -1);
        }
        NodeTerms t = NodeTerms.of(node, cache);
        terms[i] = t;
        addAntiSums(t.requiredAntiAffinity, 1);
        filled = Math.max(filled, i + 1);
        int scoring = t.requiredAffinity.size + t.preferredAffinity.size
            + t.preferredAntiAffinity.size;
        Group one = t.requiredAffinity.size == 1 ? t.requiredAffinity
            : t.preferredAffinity.size == 1 ? t.preferredAffinity : t.preferredAntiAffinity;
        scoreKind[i] = scoring == 0 ? SCORES_NONE : scoring > 1 ? SCORES_MANY
            : one == t.requiredAffinity ? SCORES_REQUIRED_AFFINITY
            : one == t.preferredAffinity ? SCORES_PREFERRED_AFFINITY
            : SCORES_PREFERRED_ANTI_AFFINITY;
        scoreTerm[i] = scoring == 1 ? one.terms[0] : null;
        scoreValue[i] = scoring == 1 ? one.values[0] : -1;
        scorePods[i] = scoring == 1 ? one.pods[0] : 0;
        Group anti = t.requiredAntiAffinity;
        antiTerm[i] = anti.size == 1 ? anti.terms[0] : null;
        antiValue[i] = anti.size == 1 ? anti.values[0] : -1;
        antiPods[i] = anti.size == 1 ? anti.pods[0] : 0;
        generations[i] = generation;
      }
      return i;
    }

    private void addAntiSums(Group g, int sign) {
      for (int j = 0; j < g.size; j++) {
        if (g.values[j] >= 0) {
          antiSums.computeIfAbsent(g.terms[j], t -> new TopologyPairMap())
              .add(TopologyPairMap.pair(g.terms[j].topologyKeyId, g.values[j]),
                  (long) sign * g.pods[j]);
        }
      }
    }

    /**
     * Upstream's existing anti-affinity counts over the nodes at indexes 0..size-1, which {@link
     * #refresh} must have seen this cycle (slots from {@code size} on, nodes that left, are
     * emptied first): the pods whose required anti-affinity terms {@code incoming} matches, per
     * (key, value) pair of their node. Pairs whose count fell to zero may remain as zero entries.
     */
    TopologyPairMap existingAntiCounts(int size, TermMatches incoming) {
      for (int i = size; i < filled; i++) {
        if (generations[i] != 0) {
          addAntiSums(terms[i].requiredAntiAffinity, -1);
          generations[i] = 0;
          terms[i] = null;
        }
      }
      filled = Math.min(filled, size);
      TopologyPairMap out = null;
      for (Iterator<Map.Entry<AffinityTerm, TopologyPairMap>> it = antiSums.entrySet().iterator();
          it.hasNext(); ) {
        Map.Entry<AffinityTerm, TopologyPairMap> e = it.next();
        TopologyPairMap sums = e.getValue();
        if (sums.nonZero() == 0) {
          it.remove(); // a term no pod holds any more: nothing to add, now or later
        } else if (incoming.matches(e.getKey())) {
          if (out == null) {
            out = sums.copy();
          } else {
            out.addAll(sums);
          }
        }
      }
      return out == null ? new TopologyPairMap() : out;
    }

    NodeTerms terms(int slot) {
      return terms[slot];
    }

    /** One of the SCORES_ constants: which group holds the node's only scoring term, if one does. */
    byte scoreKind(int slot) {
      return scoreKind[slot];
    }

    AffinityTerm singleScoreTerm(int slot) {
      return scoreTerm[slot];
    }

    int singleScoreValue(int slot) {
      return scoreValue[slot];
    }

    int singleScorePods(int slot) {
      return scorePods[slot];
    }

    AffinityTerm singleAntiTerm(int slot) {
      return antiTerm[slot];
    }

    int singleAntiValue(int slot) {
      return antiValue[slot];
    }

    int singleAntiPods(int slot) {
      return antiPods[slot];
    }

    NodeTerms of(NodeInfo node) {
      int i = refresh(node);
      return i < 0 ? NodeTerms.of(node, cache) : terms[i];
    }
  }
}
