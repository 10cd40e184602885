package io.schedlab.plugins.podtopologyspread;

import io.schedlab.framework.ImmutableStateData;
import io.schedlab.framework.NodeInfo;

/**
 * What PreScore computed for the soft (ScheduleAnyway) constraints, read by Score and
 * NormalizeScore, as upstream's {@code preScoreState}. Hostname constraints have no domains:
 * their count is the node's own, taken in Score.
 *
 * <p>Implementation note: upstream keeps the names of the nodes that miss a topology key in a set;
 * here "ignored" is recomputed from the node's values ({@link #ignored}), which is a few
 * int compares and needs no per-cycle set of strings. Read-only after PreScore, so copies share
 * it, as upstream's Clone returns the same object.
 */
final class PreScoreState implements ImmutableStateData {
  final SpreadConstraint[] constraints;
  final boolean requireAllTopologies;
  final String namespace;
  final Domains[] domains;
  final long[][] counts;
  final double[] weights;
  /** Where Score reads each constraint's node value: tables PreScore refreshed for these nodes. */
  final NodeLabelValues[] values;

  PreScoreState(
      SpreadConstraint[] constraints,
      boolean requireAllTopologies,
      String namespace,
      Domains[] domains,
      long[][] counts,
      double[] weights,
      NodeLabelValues[] values) {
    this.values = values;
    this.constraints = constraints;
    this.requireAllTopologies = requireAllTopologies;
    this.namespace = namespace;
    this.domains = domains;
    this.counts = counts;
    this.weights = weights;
  }

  /** Upstream's IgnoredNodes membership: spreading by explicit constraints needs every key. */
  boolean ignored(NodeInfo node) {
    if (!requireAllTopologies) {
      return false;
    }
    for (NodeLabelValues v : values) {
      if (v.peek(node) < 0) {
        return true;
      }
    }
    return false;
  }
}
