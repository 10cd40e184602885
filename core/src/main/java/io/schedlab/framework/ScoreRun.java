package io.schedlab.framework;

import java.util.List;

/**
 * A run of nodes that one {@link ScorePlugin.RangeScorer} scores at once: positions
 * {@code [from, to)} of the cycle's feasible nodes, and where each sits in the snapshot's
 * {@link NodeTable} when the cycle has one.
 *
 * <p>Implementation note: a final class, so a plugin's loop calls these accessors directly.
 */
public final class ScoreRun {
  private final List<NodeInfo> nodes;
  private final NodeTable table;
  private final int[] rows;
  private final int from;
  private final int to;

  /**
   * @param nodes the feasible nodes
   * @param table the snapshot's rows, or null
   * @param rows the table row of each of {@code nodes}; unused when {@code table} is null
   */
  public ScoreRun(List<NodeInfo> nodes, NodeTable table, int[] rows, int from, int to) {
    this.nodes = nodes;
    this.table = table;
    this.rows = rows;
    this.from = from;
    this.to = to;
  }

  public int from() {
    return from;
  }

  public int to() {
    return to;
  }

  /** The node at position {@code i}. */
  public NodeInfo node(int i) {
    return nodes.get(i);
  }

  /**
   * The rows of this run's nodes, or null; then a plugin reads each {@link #node} instead. A
   * plugin's loop over the rows must score exactly as its Score over the NodeInfo would.
   */
  public NodeTable table() {
    return table;
  }

  /** The {@link #table()} row of position {@code i}. */
  public int row(int i) {
    return rows[i];
  }
}
