package io.schedlab.plugins.podtopologyspread;

import io.schedlab.api.Toleration;
import io.schedlab.api.match.NodeSelectors.RequiredNodeAffinity;
import io.schedlab.framework.LabelInterner;
import io.schedlab.framework.StateData;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What PreFilter computed for the hard (DoNotSchedule) constraints, read by Filter and updated by
 * AddPod/RemovePod: per constraint, the number of matching pods in each eligible domain and the
 * two "critical paths" (domains with the fewest matches), as upstream's {@code preFilterState}.
 *
 * <p>Implementation note: domains are numbered per constraint ({@link Domains}) and counts are
 * {@code int[]} indexed by domain; a critical path is a (domain, count) pair. {@link #copy()}
 * copies the counts and paths, which AddPod/RemovePod mutate, and shares the immutable rest.
 * The public accessors decode ids back to strings for tests and reports; they are not for the hot
 * path.
 */
public final class PreFilterState implements StateData {
  final SpreadConstraint[] constraints;
  final boolean[] selfMatch;
  final RequiredNodeAffinity requiredNodeAffinity;
  final List<Toleration> tolerations;
  final LabelInterner interner;
  final Domains[] domains;
  /** Where Filter reads each constraint's node value: tables PreFilter just refreshed. */
  final NodeLabelValues[] values;
  final int[][] counts;
  /** Per constraint: {domain0, count0, domain1, count1}; path 0 always holds the minimum. */
  final int[][] paths;

  PreFilterState(
      SpreadConstraint[] constraints,
      boolean[] selfMatch,
      RequiredNodeAffinity requiredNodeAffinity,
      List<Toleration> tolerations,
      LabelInterner interner,
      Domains[] domains,
      NodeLabelValues[] values,
      int[][] counts) {
    this.values = values;
    this.constraints = constraints;
    this.selfMatch = selfMatch;
    this.requiredNodeAffinity = requiredNodeAffinity;
    this.tolerations = tolerations;
    this.interner = interner;
    this.domains = domains;
    this.counts = counts;
    this.paths = new int[constraints.length][];
    for (int i = 0; i < constraints.length; i++) {
      int[] p = newPaths();
      for (int d = 0; d < domains[i].size(); d++) {
        updatePaths(p, d, counts[i][d]);
      }
      paths[i] = p;
    }
  }

  private PreFilterState(PreFilterState o) {
    constraints = o.constraints;
    selfMatch = o.selfMatch;
    requiredNodeAffinity = o.requiredNodeAffinity;
    tolerations = o.tolerations;
    interner = o.interner;
    domains = o.domains.clone();
    values = o.values;
    counts = new int[o.counts.length][];
    paths = new int[o.paths.length][];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = o.counts[i].clone();
      paths[i] = o.paths[i].clone();
    }
  }

  @Override
  public PreFilterState copy() {
    return new PreFilterState(this);
  }

  static int[] newPaths() {
    return new int[] {-1, Integer.MAX_VALUE, -1, Integer.MAX_VALUE};
  }

  /**
   * Upstream's {@code criticalPaths.update}: keeps path 0 at the minimum after one domain's count
   * changed; path 1 is at least path 0 but not necessarily the second smallest.
   */
  static void updatePaths(int[] p, int domain, int num) {
    int i = domain == p[0] ? 0 : domain == p[2] ? 1 : -1;
    if (i >= 0) {
      p[2 * i + 1] = num;
      if (p[1] > p[3]) {
        int d = p[0];
        int c = p[1];
        p[0] = p[2];
        p[1] = p[3];
        p[2] = d;
        p[3] = c;
      }
    } else if (num < p[1]) {
      p[2] = p[0];
      p[3] = p[1];
      p[0] = domain;
      p[1] = num;
    } else if (num < p[3]) {
      p[2] = domain;
      p[3] = num;
    }
  }

  /** Adds {@code delta} matching pods to the domain of {@code valueId} for constraint {@code i}. */
  void add(int i, int valueId, int delta) {
    int d = domains[i].find(valueId);
    if (d < 0) {
      domains[i] = domains[i].with(valueId);
      d = domains[i].find(valueId);
      counts[i] = Arrays.copyOf(counts[i], domains[i].size());
    }
    counts[i][d] += delta;
    updatePaths(paths[i], d, counts[i][d]);
  }

  /** The global minimum Filter uses: 0 while there are fewer eligible domains than minDomains. */
  int minMatchNum(int i) {
    return domains[i].size() < constraints[i].minDomains ? 0 : paths[i][1];
  }

  // ---- read-only views, for tests and diagnostics ----

  /** The number of hard constraints (a Skip in PreFilter writes no state at all). */
  public int constraintCount() {
    return constraints.length;
  }

  public String topologyKey(int constraint) {
    return constraints[constraint].topologyKey;
  }

  /** The number of eligible domains of a constraint (upstream's tpKeyToDomainsNum entry). */
  public int domainCount(int constraint) {
    return domains[constraint].size();
  }

  /** Topology value to number of matching pods, for every eligible domain of a constraint. */
  public Map<String, Integer> matchNumbers(int constraint) {
    Map<String, Integer> m = new TreeMap<>();
    Domains d = domains[constraint];
    for (int i = 0; i < d.size(); i++) {
      m.put(interner.string(d.value(i)), counts[constraint][i]);
    }
    return Collections.unmodifiableMap(m);
  }

  /** The smallest match number over the eligible domains (critical path 0), ignoring minDomains. */
  public int criticalMatchNumber(int constraint) {
    return paths[constraint][1];
  }

  /**
   * Topology key to topology value to matching pods, the shape of upstream's {@code
   * tpPairToMatchNum}; where several hard constraints share a key, the first one is shown.
   */
  public Map<String, Map<String, Integer>> tpPairToMatchNum() {
    Map<String, Map<String, Integer>> m = new TreeMap<>();
    for (int i = 0; i < constraints.length; i++) {
      m.putIfAbsent(constraints[i].topologyKey, matchNumbers(i));
    }
    return Collections.unmodifiableMap(m);
  }

  /** Topology key to number of eligible domains, the shape of upstream's {@code tpKeyToDomainsNum}. */
  public Map<String, Integer> tpKeyToDomainsNum() {
    Map<String, Integer> m = new TreeMap<>();
    for (int i = 0; i < constraints.length; i++) {
      m.putIfAbsent(constraints[i].topologyKey, domains[i].size());
    }
    return Collections.unmodifiableMap(m);
  }
}
