package io.schedlab.plugins.podtopologyspread;

import io.schedlab.framework.InternedSelector;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many pods on each node match one spreading selector in one namespace (upstream's
 * countPodsMatchSelector), remembered from cycle to cycle so PreFilter and PreScore recount only
 * the nodes whose pods changed.
 *
 * <p>Implementation note: slots are indexed by {@link NodeInfo#index()} and tagged with the
 * {@link NodeInfo#generation()} they were counted at. A generation is taken from a global counter
 * on every mutation and copies keep it, so an equal generation means the same pods whatever
 * snapshot the NodeInfo belongs to; a different one (or another node at that index) just
 * recounts. Generation 0 is never handed out, so a fresh slot never matches. The set of tables
 * ({@link Tables}) is keyed by where the selector came from, because compiled selectors have no
 * equality of their own; it keeps the few most recently used.
 */
final class MatchCounts {
  private long[] generations = new long[0];
  private int[] counts = new int[0];

  /** The number of pods on {@code node} that {@code selector} selects in namespace {@code ns}. */
  int count(NodeInfo node, InternedSelector selector, String ns) {
    int i = node.index();
    if (i < 0) {
      return countMatching(node.pods(), selector, ns);
    }
    if (i >= generations.length) {
      int size = Math.max(i + 1, generations.length * 2);
      generations = Arrays.copyOf(generations, size);
      counts = Arrays.copyOf(counts, size);
    }
    long generation = node.generation();
    if (generations[i] == generation) {
      return counts[i];
    }
    int c = countMatching(node.pods(), selector, ns);
    counts[i] = c;
    generations[i] = generation;
    return c;
  }

  /** Upstream's countPodsMatchSelector: same namespace, not terminating; an empty selector counts none. */
  static int countMatching(List<PodInfo> pods, InternedSelector selector, String ns) {
    if (selector.isEmpty()) {
      return 0;
    }
    int count = 0;
    for (int i = 0, n = pods.size(); i < n; i++) {
      PodInfo p = pods.get(i);
      if (p.pod().metadata().deletionTimestamp() != null || !p.namespace().equals(ns)) {
        continue;
      }
      if (selector.matches(p.labels())) {
        count++;
      }
    }
    return count;
  }

  /** What a count table is for: the source of a selector (equal sources compile equal) and a namespace. */
  record Key(Object selectorSource, String namespace) {}

  /**
   * The count tables (and {@link NodeLabelValues} tables, by key id) of one plugin instance, the
   * least recently used dropped beyond a few.
   * Callers hold the monitor of this object while they use a table.
   */
  static final class Tables {
    private static final int MAX_TABLES = 16;

    private final Map<Key, MatchCounts> tables =
        new LinkedHashMap<>(32, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, MatchCounts> eldest) {
            return size() > MAX_TABLES;
          }
        };

    private final Map<Integer, NodeLabelValues> values =
        new LinkedHashMap<>(32, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Integer, NodeLabelValues> eldest) {
            return size() > MAX_TABLES;
          }
        };

    MatchCounts of(Object selectorSource, String namespace) {
      return tables.computeIfAbsent(new Key(selectorSource, namespace), k -> new MatchCounts());
    }

    NodeLabelValues values(int keyId) {
      return values.computeIfAbsent(keyId, NodeLabelValues::new);
    }
  }
}
