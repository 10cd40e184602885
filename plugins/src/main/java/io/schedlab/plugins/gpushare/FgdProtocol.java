package io.schedlab.plugins.gpushare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The FGD artifact's experiment protocol around one run: the typical pods come from the whole pod
 * list; the pods are sorted by name and shuffled by the seed; then the workload is tuned until the
 * GPU it requests reaches {@code tune} × the cluster's GPU capacity, by removing random pods when
 * there are too many, or by appending copies of random pods (named {@code <name>-tuned-<i>})
 * while the next copy still fits under the target. The nodes, sorted by name, then get their
 * tie-break ranks: a random permutation (the artifact prefixes each node name with it, and its
 * scheduler prefers the smallest name among equal scores). The same generator then drives the
 * run.
 *
 * <p>One quirk is kept on purpose: when appending, the artifact compares the target with the
 * total plus the candidate's per-GPU milli, while it adds the candidate's whole GPU milli.
 */
public final class FgdProtocol {
  /** The artifact's typical-pod settings ({@code generate_config_and_run.py}): CPU pods count, 95 %, step 1. */
  public static final int TYPICAL_THRESHOLD_PERCENT = 95;

  public static final int TYPICAL_STEP = 1;

  private FgdProtocol() {}

  /** The typical pods of a pod list, with the artifact's settings. */
  public static TypicalPods typicalPods(List<GpuPod> pods) {
    List<GpuDemand> demands = new ArrayList<>(pods.size());
    for (GpuPod p : pods) {
      demands.add(p.demand());
    }
    return TypicalPods.of(demands, TYPICAL_THRESHOLD_PERCENT, TYPICAL_STEP, true, 0);
  }

  /** The pods of one run, in submission order. */
  public static List<GpuPod> workload(List<GpuPod> pods, long clusterGpuMilli, double tune,
      SplittableRandom random) {
    List<GpuPod> sorted = new ArrayList<>(pods);
    sorted.sort(Comparator.comparing(GpuPod::name));
    List<GpuPod> order = new ArrayList<>(sorted);
    for (int i = order.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      GpuPod t = order.get(i);
      order.set(i, order.get(j));
      order.set(j, t);
    }
    if (tune <= 0) {
      return order;
    }
    long total = 0;
    for (GpuPod p : order) {
      total += p.demand().totalGpuMilli();
    }
    double target = tune * clusterGpuMilli;
    if (total > target) {
      while (total > target) {
        GpuPod removed = order.remove(random.nextInt(order.size()));
        total -= removed.demand().totalGpuMilli();
      }
    } else if (total < target && !sorted.isEmpty()) {
      for (int i = 0; ; i++) {
        GpuPod pick = sorted.get(random.nextInt(sorted.size()));
        if (total + pick.demand().gpuMilli() > target) {
          break;
        }
        total += pick.demand().totalGpuMilli();
        order.add(pick.renamed(pick.name() + "-tuned-" + i));
      }
    }
    return order;
  }

  /** A random permutation of 0..n-1, drawn as Go's rand.Perm does. */
  public static int[] permutation(int n, SplittableRandom random) {
    int[] m = new int[n];
    for (int i = 0; i < n; i++) {
      int j = random.nextInt(i + 1);
      m[i] = m[j];
      m[j] = i;
    }
    return m;
  }

  /** One run's inputs as the protocol arranged them, and what happened. */
  public record Run(List<GpuNode> nodes, List<GpuPod> pods, EventSeries series) {}

  /**
   * One whole run: protocol, then the simulation, all from {@code seed}. The series' events
   * follow {@code pods} and its node indexes refer to {@code nodes}, both as returned.
   */
  public static Run run(List<GpuNode> nodes, List<GpuPod> pods, TypicalPods typical,
      GpuPolicy policy, double tune, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<GpuPod> order = workload(pods, GpuShareSimulation.totalGpuMilli(nodes), tune, random);
    List<GpuNode> sorted = new ArrayList<>(nodes);
    sorted.sort(Comparator.comparing(GpuNode::name));
    int[] rank = permutation(sorted.size(), random);
    EventSeries series = GpuShareSimulation.run(sorted, order, typical, policy, random, rank);
    return new Run(List.copyOf(sorted), List.copyOf(order), series);
  }
}
