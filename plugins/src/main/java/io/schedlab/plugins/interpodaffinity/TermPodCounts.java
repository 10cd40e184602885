package io.schedlab.plugins.interpodaffinity;

import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many pods on each node one term of the incoming pod selects (or, for required affinity,
 * how many match all its terms), with the node's value for each term's topology key; kept from
 * cycle to cycle so PreFilter and PreScore look only at the pods of nodes that changed.
 *
 * <p>Implementation note: slots are indexed by {@link NodeInfo#index()} and tagged with the
 * {@link NodeInfo#generation()} they were filled at, which changes with any pod or label change
 * (see {@code MatchCounts} in podtopologyspread). A table is found by the terms' sources
 * ({@link AffinityTerm#source}), so every pod of one template reuses it. Not thread safe: the
 * plugin uses tables under one lock.
 */
final class TermPodCounts {
  /** Upstream passes a nil label set for terms whose namespace selector was already unrolled. */
  private static final Map<String, String> NO_LABELS = Map.of();

  private final AffinityTerm[] terms;
  private final boolean all;
  private long[] generations = new long[0];
  private int[] counts = new int[0];
  private int[] values = new int[0];
  /**
   * The sum over the filled slots of each slot's count at each term's (key, value) pair: the
   * pair map PreFilter needs, kept up to date as slots change, so a cycle that refreshed every
   * slot copies it instead of adding thousands of pairs. Zeroed pairs stay as zero entries.
   */
  private final TopologyPairMap aggregate = new TopologyPairMap();
  /** One past the highest slot ever filled. */
  private int filled;

  private TermPodCounts(AffinityTerm[] terms, boolean all) {
    this.terms = terms;
    this.all = all;
  }

  /** The pods on {@code node} that match the term (or all the terms). */
  int count(NodeInfo node) {
    int i = node.index();
    if (i < 0) {
      return countPods(node.pods());
    }
    int k = terms.length;
    if (i >= generations.length) {
      int size = Math.max(i + 1, generations.length * 2);
      generations = Arrays.copyOf(generations, size);
      counts = Arrays.copyOf(counts, size);
      values = Arrays.copyOf(values, size * k);
    }
    long generation = node.generation();
    if (generations[i] != generation) {
      contribute(i, -1);
      counts[i] = countPods(node.pods());
      for (int j = 0; j < k; j++) {
        values[i * k + j] = node.labels().get(terms[j].topologyKeyId);
      }
      generations[i] = generation;
      contribute(i, 1);
      filled = Math.max(filled, i + 1);
    }
    return counts[i];
  }

  /** Adds (sign 1) or takes back (sign -1) slot {@code i}'s count at its pairs in the aggregate. */
  private void contribute(int i, int sign) {
    int c = counts[i];
    if (generations[i] == 0 || c == 0) {
      return;
    }
    int k = terms.length;
    for (int j = 0; j < k; j++) {
      int v = values[i * k + j];
      if (v >= 0) {
        aggregate.add(TopologyPairMap.pair(terms[j].topologyKeyId, v), (long) sign * c);
      }
    }
  }

  /**
   * The pair counts over nodes 0..size-1, after {@link #count} saw each of them at its own index
   * this cycle: slots from {@code size} on (nodes that left) are emptied first. Adds into {@code
   * into}, or returns a copy of the aggregate when {@code into} is null.
   */
  TopologyPairMap pairCounts(int size, TopologyPairMap into) {
    for (int i = size; i < filled; i++) {
      contribute(i, -1);
      generations[i] = 0;
      counts[i] = 0;
    }
    filled = Math.min(filled, size);
    if (into == null) {
      return aggregate.copy();
    }
    into.addAll(aggregate);
    return into;
  }

  /** The node's value for term {@code j}'s topology key, or -1. */
  int value(NodeInfo node, int j) {
    int i = node.index();
    if (i >= 0 && i < generations.length && generations[i] == node.generation()) {
      return values[i * terms.length + j];
    }
    return node.labels().get(terms[j].topologyKeyId);
  }

  private int countPods(List<PodInfo> pods) {
    int c = 0;
    for (int p = 0, n = pods.size(); p < n; p++) {
      if (matches(pods.get(p))) {
        c++;
      }
    }
    return c;
  }

  private boolean matches(PodInfo pod) {
    if (!all) {
      return terms[0].matches(pod, NO_LABELS);
    }
    for (AffinityTerm t : terms) {
      if (!t.matches(pod, NO_LABELS)) {
        return false;
      }
    }
    return true;
  }

  /** The tables of one plugin instance; the least recently used go beyond a few. */
  static final class Tables {
    private static final int MAX_TABLES = 16;

    private record Key(List<Object> sources, boolean all) {}

    private final Map<Key, TermPodCounts> tables =
        new LinkedHashMap<>(32, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, TermPodCounts> eldest) {
            return size() > MAX_TABLES;
          }
        };

    /** The table counting pods that match {@code term}. */
    TermPodCounts any(AffinityTerm term) {
      return tables.computeIfAbsent(new Key(List.of(term.source), false),
          k -> new TermPodCounts(new AffinityTerm[] {term}, false));
    }

    /** The table counting pods that match every one of {@code terms} (at least one). */
    TermPodCounts all(AffinityTerm[] terms) {
      Object[] sources = new Object[terms.length];
      for (int i = 0; i < terms.length; i++) {
        sources[i] = terms[i].source;
      }
      return tables.computeIfAbsent(new Key(List.of(sources), true),
          k -> new TermPodCounts(terms.clone(), true));
    }
  }
}
