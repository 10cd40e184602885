package io.schedlab.plugins.gpushare;

import java.util.Arrays;

/**
 * What the cluster looked like after each scheduling event of a run, as the artifact logs it:
 * GPU milli arrived so far (failed pods included), GPU milli allocated, the fragmentation amount
 * and the idle milli as the typical pods see it (the ratio's denominator), and the failed pods so
 * far.
 */
public final class EventSeries {
  private final long totalGpuMilli;
  private int size;
  private int[] node;
  private long[] arrived;
  private long[] used;
  private double[] frag;
  private double[] idle;
  private int[] failed;

  public EventSeries(int expected, long totalGpuMilli) {
    this.totalGpuMilli = totalGpuMilli;
    int cap = Math.max(expected, 1);
    node = new int[cap];
    arrived = new long[cap];
    used = new long[cap];
    frag = new double[cap];
    idle = new double[cap];
    failed = new int[cap];
  }

  void add(int nodeIndex, long arrivedMilli, long usedMilli, double fragMilli, double idleMilli) {
    if (size == node.length) {
      int cap = size * 2;
      node = Arrays.copyOf(node, cap);
      arrived = Arrays.copyOf(arrived, cap);
      used = Arrays.copyOf(used, cap);
      frag = Arrays.copyOf(frag, cap);
      idle = Arrays.copyOf(idle, cap);
      failed = Arrays.copyOf(failed, cap);
    }
    int before = size == 0 ? 0 : failed[size - 1];
    node[size] = nodeIndex;
    arrived[size] = arrivedMilli;
    used[size] = usedMilli;
    frag[size] = fragMilli;
    idle[size] = idleMilli;
    failed[size] = before + (nodeIndex < 0 ? 1 : 0);
    size++;
  }

  public int size() {
    return size;
  }

  /** The cluster's GPU capacity in milli. */
  public long totalGpuMilli() {
    return totalGpuMilli;
  }

  /** The node index event {@code i}'s pod went to, or -1 if it failed. */
  public int node(int i) {
    return node[i];
  }

  public long arrivedMilli(int i) {
    return arrived[i];
  }

  public long usedMilli(int i) {
    return used[i];
  }

  public double fragMilli(int i) {
    return frag[i];
  }

  /** Fragmentation ratio in percent (NaN when nothing is idle, as the artifact's division). */
  public double fragRatioPercent(int i) {
    return 100 * frag[i] / idle[i];
  }

  public int failed(int i) {
    return failed[i];
  }

  /** Allocated GPU milli as a percentage of capacity. */
  public double allocationPercent(int i) {
    return (double) used[i] / totalGpuMilli * 100;
  }

  /** Arrived GPU milli as a percentage of capacity. */
  public double arrivedPercent(int i) {
    return (double) arrived[i] / totalGpuMilli * 100;
  }

  /** Fragmented GPU milli as a percentage of capacity. */
  public double fragPercent(int i) {
    return frag[i] / totalGpuMilli * 100;
  }
}
