package io.schedlab.plugins.gpushare;

import java.util.Arrays;

/**
 * The GPU pods on one node counted by kind ({@link GpuScores#kindOf}: 0 a GPU share, N for N whole
 * GPUs), for GpuClustering. A kind, once seen, stays counted as present until its count drops to
 * zero.
 */
public final class GpuKindCounts {
  private int[] counts = new int[9];
  private int distinct;

  public int count(int kind) {
    return kind < counts.length ? counts[kind] : 0;
  }

  /** How many kinds have at least one pod here. */
  public int distinct() {
    return distinct;
  }

  public void add(GpuDemand demand) {
    int kind = GpuScores.kindOf(demand);
    if (kind < 0) {
      return;
    }
    if (kind >= counts.length) {
      counts = Arrays.copyOf(counts, kind + 1);
    }
    if (counts[kind]++ == 0) {
      distinct++;
    }
  }

  public void remove(GpuDemand demand) {
    int kind = GpuScores.kindOf(demand);
    if (kind < 0 || kind >= counts.length || counts[kind] == 0) {
      return;
    }
    if (--counts[kind] == 0) {
      distinct--;
    }
  }

  public GpuKindCounts copy() {
    GpuKindCounts c = new GpuKindCounts();
    c.counts = counts.clone();
    c.distinct = distinct;
    return c;
  }
}
