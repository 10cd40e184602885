package io.schedlab.plugins.podtopologyspread;

import io.schedlab.framework.LabelSet;
import io.schedlab.framework.NodeInfo;
import java.util.Arrays;

/**
 * Each node's value id for one label key, remembered from cycle to cycle, so the pass over every
 * node in PreFilter and PreScore does not search each node's labels again.
 *
 * <p>Implementation note: slots are indexed by {@link NodeInfo#index()} and tagged with the
 * {@link LabelSet} the value was read from. A LabelSet is immutable and replaced whenever the node
 * object is, so an identical reference means the same answer; checking it reads a field of the
 * NodeInfo and never the label arrays, which would cost a cache miss per node.
 */
final class NodeLabelValues {
  private final int keyId;
  private LabelSet[] labels = new LabelSet[0];
  private int[] values = new int[0];

  NodeLabelValues(int keyId) {
    this.keyId = keyId;
  }

  /**
   * {@link #valueOf} without remembering anything: safe from Filter's worker threads while no
   * PreFilter or PreScore runs, which is all of Filter.
   */
  int peek(NodeInfo node) {
    LabelSet l = node.labels();
    int i = node.index();
    LabelSet[] seen = labels;
    int[] known = values;
    if (i >= 0 && i < seen.length && i < known.length && seen[i] == l) {
      return known[i];
    }
    return l.get(keyId);
  }

  /** The node's value id for the key, or -1 when the node does not carry the key. */
  int valueOf(NodeInfo node) {
    LabelSet l = node.labels();
    int i = node.index();
    if (i < 0) {
      return l.get(keyId);
    }
    if (i >= labels.length) {
      int size = Math.max(i + 1, labels.length * 2);
      labels = Arrays.copyOf(labels, size);
      values = Arrays.copyOf(values, size);
    }
    if (labels[i] == l) {
      return values[i];
    }
    int v = l.get(keyId);
    values[i] = v;
    labels[i] = l;
    return v;
  }
}
