package io.schedlab.framework;

import java.util.List;

/**
 * The numbers that Filter and Score read for every node, for all nodes of a snapshot in one
 * primitive array: a row of {@link #WIDTH} longs per node, in the order of the snapshot's node
 * list (row {@code i} is {@code nodes().get(i)}, whose {@link NodeInfo#index()} is {@code i}).
 *
 * <p>Why it exists: a NodeInfo and its resource vectors are three objects, which the garbage
 * collector places where it likes, often among the node's pods; a pass over a wave of nodes then
 * chases pointers across the heap, once per plugin. The rows are one object, in node order, so a
 * pass streams through them, and a wave of a few hundred nodes stays in the core's L1 cache from
 * the first plugin to the last. The NodeInfos remain the source: the snapshot rewrites a node's
 * row whenever it rewrites the node.
 */
public final class NodeTable {
  /** Longs per row. */
  public static final int WIDTH = 8;

  private static final int ALLOCATABLE_CPU = 0;
  private static final int ALLOCATABLE_MEMORY = 1;
  private static final int ALLOCATABLE_PODS = 2;
  private static final int REQUESTED_CPU = 3;
  private static final int REQUESTED_MEMORY = 4;
  private static final int NON_ZERO_CPU = 5;
  private static final int NON_ZERO_MEMORY = 6;
  // The pod count shifted left by FLAG_BITS, with the flags below it.
  private static final int COUNT_AND_FLAGS = 7;

  private static final int FLAG_BITS = 2;
  private static final long UNSCHEDULABLE = 1;
  private static final long TAINTED = 2;

  private final List<NodeInfo> nodes;
  private final long[] cells;

  private NodeTable(List<NodeInfo> nodes) {
    this.nodes = nodes;
    this.cells = new long[nodes.size() * WIDTH];
  }

  /**
   * A table over {@code nodes}, which must be a snapshot's node list in which each node's
   * {@link NodeInfo#index()} is its position; the list is kept, not copied.
   */
  public static NodeTable of(List<NodeInfo> nodes) {
    NodeTable t = new NodeTable(nodes);
    for (int i = 0, n = nodes.size(); i < n; i++) {
      NodeInfo node = nodes.get(i);
      if (node.index() != i) {
        throw new IllegalArgumentException(
            "node " + node.name() + " at position " + i + " has index " + node.index());
      }
      t.update(node);
    }
    return t;
  }

  /** Rewrites the row of {@code node} (at its {@link NodeInfo#index()}) from the node. */
  public void update(NodeInfo node) {
    int at = node.index() * WIDTH;
    cells[at + ALLOCATABLE_CPU] = node.allocatable(ResourceRegistry.CPU);
    cells[at + ALLOCATABLE_MEMORY] = node.allocatable(ResourceRegistry.MEMORY);
    cells[at + ALLOCATABLE_PODS] = node.allocatable(ResourceRegistry.PODS);
    cells[at + REQUESTED_CPU] = node.requested(ResourceRegistry.CPU);
    cells[at + REQUESTED_MEMORY] = node.requested(ResourceRegistry.MEMORY);
    cells[at + NON_ZERO_CPU] = node.nonZeroRequestedMilliCpu();
    cells[at + NON_ZERO_MEMORY] = node.nonZeroRequestedMemory();
    long flags = (node.unschedulable() ? UNSCHEDULABLE : 0) | (node.taints().isEmpty() ? 0 : TAINTED);
    cells[at + COUNT_AND_FLAGS] = ((long) node.podCount() << FLAG_BITS) | flags;
  }

  /**
   * Whether the rows follow {@code list}: true only for the very list the table was built over,
   * so a caller with another list (a subset, a copy) reads the NodeInfos instead.
   */
  public boolean follows(List<NodeInfo> list) {
    return list == nodes;
  }

  /** The node list the rows follow (do not modify). */
  public List<NodeInfo> nodes() {
    return nodes;
  }

  public int size() {
    return nodes.size();
  }

  public long allocatableCpu(int row) {
    return cells[row * WIDTH + ALLOCATABLE_CPU];
  }

  public long allocatableMemory(int row) {
    return cells[row * WIDTH + ALLOCATABLE_MEMORY];
  }

  public long allocatablePods(int row) {
    return cells[row * WIDTH + ALLOCATABLE_PODS];
  }

  public long requestedCpu(int row) {
    return cells[row * WIDTH + REQUESTED_CPU];
  }

  public long requestedMemory(int row) {
    return cells[row * WIDTH + REQUESTED_MEMORY];
  }

  /** As {@link NodeInfo#nonZeroRequestedMilliCpu()}. */
  public long nonZeroCpu(int row) {
    return cells[row * WIDTH + NON_ZERO_CPU];
  }

  /** As {@link NodeInfo#nonZeroRequestedMemory()}. */
  public long nonZeroMemory(int row) {
    return cells[row * WIDTH + NON_ZERO_MEMORY];
  }

  public int podCount(int row) {
    return (int) (cells[row * WIDTH + COUNT_AND_FLAGS] >>> FLAG_BITS);
  }

  /** Whether the node's spec says unschedulable. */
  public boolean unschedulable(int row) {
    return (cells[row * WIDTH + COUNT_AND_FLAGS] & UNSCHEDULABLE) != 0;
  }

  /** Whether the node has any taint. */
  public boolean tainted(int row) {
    return (cells[row * WIDTH + COUNT_AND_FLAGS] & TAINTED) != 0;
  }
}
