package io.schedlab.framework;

import java.util.List;

/**
 * A run of candidate nodes that one {@link FilterPlugin.RangeFilter} filters at once: positions
 * {@code [from, to)} of a Filter wave, each naming a node of the snapshot list (the wave starts
 * at a rotating node and wraps around), and each position's outcome so far.
 *
 * <p>Implementation note: a final class, so a plugin's loop calls these accessors directly; the
 * outcome of a position is null while no plugin has rejected its node.
 */
public final class FilterRun {
  /** Wraps a rejection from a plugin into the status the framework reports. */
  public interface Rejections {
    Status wrap(FilterPlugin plugin, Status raw);
  }

  private final List<NodeInfo> nodes;
  private final NodeTable table;
  private final int size;
  private final int start;
  private final int from;
  private final int to;
  private final Status[] outcomes;
  private final Rejections rejections;
  private FilterPlugin plugin;
  // True while no position holds an outcome, which is the rule in a wave of fitting nodes: then
  // alive() answers without reading the outcomes.
  private boolean noneDecided = true;

  /**
   * @param nodes the snapshot's node list
   * @param start the node index of wave position 0
   * @param outcomes per wave position; null where no plugin has rejected the node yet
   * @param table the rows of {@code nodes}, or null when there are none
   */
  public FilterRun(List<NodeInfo> nodes, NodeTable table, int start, int from, int to,
      Status[] outcomes, Rejections rejections) {
    this.nodes = nodes;
    this.table = table;
    this.size = nodes.size();
    this.start = start;
    this.outcomes = outcomes;
    this.rejections = rejections;
    this.from = from;
    this.to = to;
    for (int i = from; i < to; i++) {
      if (outcomes[i] != null) {
        noneDecided = false;
        break;
      }
    }
  }

  public int from() {
    return from;
  }

  public int to() {
    return to;
  }

  /** Whether no plugin has rejected the node at position {@code i} so far. */
  public boolean alive(int i) {
    return noneDecided || outcomes[i] == null;
  }

  /** The node at wave position {@code i}. */
  public NodeInfo node(int i) {
    return nodes.get(row(i));
  }

  /**
   * The rows of this run's nodes, or null; then a plugin reads each {@link #node} instead. A
   * plugin's loop over the rows must decide exactly as its Filter over the NodeInfo would.
   */
  public NodeTable table() {
    return table;
  }

  /** The position in the node list, and the {@link #table()} row, of wave position {@code i}. */
  public int row(int i) {
    int k = start + i;
    return k >= size ? k - size : k;
  }

  /** The node at position {@code i} fails the current plugin with {@code status}. */
  public void reject(int i, Status status) {
    outcomes[i] = rejections.wrap(plugin, status);
    noneDecided = false;
  }

  /** Sets the plugin whose rejections follow; the framework calls this. */
  public void setPlugin(FilterPlugin plugin) {
    this.plugin = plugin;
  }

  /** Sets the outcome of a node filtered another way (node by node); the framework calls this. */
  public void setOutcome(int i, Status status) {
    outcomes[i] = status;
    noneDecided = false;
  }
}
