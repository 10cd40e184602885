package io.schedlab.framework;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * Some nodes of a node list (a cycle's feasible nodes, say), held as their positions in it: a
 * list whose elements are {@code all.get(row(i))}. Over a snapshot's node list the positions are
 * the nodes' {@link NodeTable} rows, which Score then reads without touching the NodeInfos.
 *
 * <p>Why it exists: collecting a wave's feasible nodes writes one int per node here, not one
 * object reference, which the garbage collector's write barrier makes dearer.
 */
public final class NodeSubset extends AbstractList<NodeInfo> implements RandomAccess {
  private final List<NodeInfo> all;
  private int[] rows;
  private int size;

  /** An empty subset of {@code all}, with room for {@code capacity} nodes before it grows. */
  public NodeSubset(List<NodeInfo> all, int capacity) {
    this.all = all;
    this.rows = new int[Math.max(capacity, 1)];
  }

  /** Adds the node at position {@code row} of {@link #all()}. */
  public void addRow(int row) {
    if (size == rows.length) {
      rows = Arrays.copyOf(rows, size * 2);
    }
    rows[size++] = row;
  }

  /**
   * Adds {@code node}, found by its {@link NodeInfo#index()}.
   *
   * @throws IllegalArgumentException if {@link #all()} does not hold the node at its index
   */
  @Override
  public boolean add(NodeInfo node) {
    int row = node.index();
    if (row < 0 || row >= all.size() || all.get(row) != node) {
      throw new IllegalArgumentException("node " + node.name() + " is not at its index " + row + " of the list");
    }
    addRow(row);
    return true;
  }

  @Override
  public NodeInfo get(int i) {
    return all.get(row(i));
  }

  /** The position in {@link #all()} of element {@code i}. */
  public int row(int i) {
    java.util.Objects.checkIndex(i, size);
    return rows[i];
  }

  /** The positions of the elements, in the first {@link #size()} entries (do not modify). */
  public int[] rows() {
    return rows;
  }

  /** The list the positions index. */
  public List<NodeInfo> all() {
    return all;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void clear() {
    size = 0;
  }
}
