package io.schedlab.plugins.gpushare;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Schedules pods one at a time onto GPU-sharing nodes, as the FGD artifact's simulator does with
 * kube-scheduler v1.20 and one score plugin: Filter (NodeResourcesFit on CPU, memory and pod
 * count; Open-Gpu-Share on GPU count, model and device room), Score with the policy's plugin on
 * every feasible node ({@code percentageOfNodesToScore: 100}), its normalisation where it has one,
 * selectHost, then Reserve (Open-Gpu-Share picks the devices). The artifact's kube-scheduler fork
 * breaks score ties by the smallest node name instead of at random, and names the nodes with a
 * seeded random four-digit prefix; so a tie goes to the node of lowest {@code tieRank}, a
 * permutation the protocol draws from the seed. A pod no node fits fails and is dropped; pods never leave. After every pod
 * the cluster's allocation and fragmentation are recorded.
 *
 * <p>Implementation note: node state is an array of {@link GpuNodeState} plus parallel primitive
 * arrays. One pod changes one node, so everything derived from a node is cached per node and
 * recomputed only for the node that changed: its fragmentation amount (the series and FGD's
 * "before"), and FGD's score per pod shape (CPU, per-GPU milli, GPU count), kept in a
 * node × shape table stamped with the node's version. Randomness (Random's pick, random devices,
 * the protocol's draws) comes from one generator, consumed in a fixed order, so a seed fixes the run.
 */
public final class GpuShareSimulation {
  private final GpuNode[] specs;
  private final GpuNodeState[] nodes;
  private final int[] podsFree;
  private final GpuKindCounts[] kinds;
  private final double[] fragAmount;
  private final int[] version;
  private final TypicalPods typical;
  private final double popularitySum;
  private final GpuPolicy policy;
  private final RandomGenerator random;
  private final int[] tieRank;
  private final GpuSelection.Context selectContext;

  private final Map<Long, Integer> shapeIds = new HashMap<>();
  private int[] scoreStamp = new int[0];
  private int[] scoreCache = new int[0];
  private int shapeCapacity;

  private final int[] feasible;
  private final long[] scores;

  private GpuShareSimulation(List<GpuNode> nodeList, TypicalPods typical, GpuPolicy policy,
      RandomGenerator random, int[] tieRank) {
    int n = nodeList.size();
    if (tieRank.length != n) {
      throw new IllegalArgumentException("tieRank: expected " + n + " ranks, got " + tieRank.length);
    }
    this.tieRank = tieRank.clone();
    this.specs = nodeList.toArray(new GpuNode[0]);
    this.nodes = new GpuNodeState[n];
    this.podsFree = new int[n];
    this.kinds = new GpuKindCounts[n];
    this.fragAmount = new double[n];
    this.version = new int[n];
    this.typical = typical;
    this.policy = policy;
    this.random = random;
    this.feasible = new int[n];
    this.scores = new long[n];
    double p = 0;
    for (int c = 0; c < typical.size(); c++) {
      double pc = typical.popularity(c);
      if (pc >= 0 && pc <= 1) {
        p += pc;
      }
    }
    this.popularitySum = p;
    Map<String, Double> idleAmounts = new HashMap<>();
    for (int i = 0; i < n; i++) {
      GpuNode s = specs[i];
      nodes[i] = GpuNodeState.idle(s.cpuMilli(), s.memory(), s.gpuModel(), s.gpus());
      podsFree[i] = s.maxPods();
      kinds[i] = new GpuKindCounts();
      version[i] = 1;
      // Idle nodes of one shape fragment alike; the trace has a dozen shapes for 1,213 nodes.
      String key = s.cpuMilli() + "/" + s.gpuModel() + "/" + s.gpus();
      Double amount = idleAmounts.get(key);
      if (amount == null) {
        amount = Fragmentation.nodeAmount(nodes[i], typical);
        idleAmounts.put(key, amount);
      }
      fragAmount[i] = amount;
    }
    this.selectContext = new GpuSelection.Context(typical, 0, policy.dimExt(), policy.norm(),
        random);
  }

  /**
   * Runs the pods in the given order and returns one record per pod.
   *
   * @param typical the workload's typical pods, for FGD and the fragmentation series
   * @param random the run's source of randomness (Random's pick, random devices)
   * @param tieRank per node, its place when scores tie: lowest wins
   */
  public static EventSeries run(List<GpuNode> nodes, List<GpuPod> pods, TypicalPods typical,
      GpuPolicy policy, RandomGenerator random, int[] tieRank) {
    GpuShareSimulation sim = new GpuShareSimulation(nodes, typical, policy, random, tieRank);
    EventSeries series = new EventSeries(pods.size(), totalGpuMilli(nodes));
    long arrived = 0;
    long used = 0;
    for (GpuPod pod : pods) {
      arrived += pod.demand().totalGpuMilli();
      int node = sim.schedule(pod);
      if (node >= 0) {
        used += pod.demand().totalGpuMilli();
      }
      series.add(node, arrived, used, sim.clusterFragAmount(), sim.clusterIdleMilli());
    }
    return series;
  }

  public static long totalGpuMilli(List<GpuNode> nodes) {
    long t = 0;
    for (GpuNode n : nodes) {
      t += (long) n.gpus() * GpuDemand.MILLI;
    }
    return t;
  }

  /** Schedules one pod; returns its node index, or -1 when no node fits it. */
  int schedule(GpuPod pod) {
    GpuDemand d = pod.demand();
    int count = 0;
    for (int i = 0; i < nodes.length; i++) {
      if (fits(i, pod)) {
        feasible[count++] = i;
      }
    }
    if (count == 0) {
      return -1;
    }
    int chosen = selectHost(d, count);
    bind(chosen, pod);
    return chosen;
  }

  private boolean fits(int i, GpuPod pod) {
    GpuNodeState n = nodes[i];
    return podsFree[i] > 0
        && n.cpuMilliFree() >= pod.cpuRequestMilli()
        && n.memoryFree() >= pod.memoryRequest()
        && GpuShareFit.fits(n, pod.demand());
  }

  private int selectHost(GpuDemand d, int count) {
    if (policy.score() == GpuPolicy.Score.RANDOM) {
      // RandomScore's PreScore draws one feasible node, which alone gets the top score.
      return feasible[random.nextInt(count)];
    }
    for (int k = 0; k < count; k++) {
      scores[k] = score(feasible[k], d);
    }
    if (policy.score() == GpuPolicy.Score.BEST_FIT) {
      GpuScores.normalize(scores, count);
    }
    long max = scores[0];
    int chosen = feasible[0];
    for (int k = 1; k < count; k++) {
      int i = feasible[k];
      if (scores[k] > max || (scores[k] == max && tieRank[i] < tieRank[chosen])) {
        max = scores[k];
        chosen = i;
      }
    }
    return chosen;
  }

  private long score(int i, GpuDemand d) {
    GpuNodeState n = nodes[i];
    return switch (policy.score()) {
      case FGD -> fgdScore(i, d);
      case BEST_FIT -> GpuScores.bestFit(n, d);
      case GPU_PACKING -> GpuScores.gpuPacking(n, d);
      case GPU_CLUSTERING -> GpuScores.gpuClustering(n, kinds[i], d);
      case DOT_PRODUCT -> DotProduct.score(n, specs[i].cpuMilli(), d, policy.dimExt(),
          policy.norm());
      case RANDOM -> 0;
    };
  }

  private int fgdScore(int i, GpuDemand d) {
    int shape = shapeId(d);
    int slot = i * shapeCapacity + shape;
    if (scoreStamp[slot] == version[i]) {
      return scoreCache[slot];
    }
    int s = Fragmentation.fgd(nodes[i], d, typical, fragAmount[i]).score();
    scoreStamp[slot] = version[i];
    scoreCache[slot] = s;
    return s;
  }

  private int shapeId(GpuDemand d) {
    long key = (d.cpuMilli() << 24) ^ ((long) d.gpuMilli() << 8) ^ d.gpuCount();
    Integer id = shapeIds.get(key);
    if (id == null) {
      id = shapeIds.size();
      shapeIds.put(key, id);
      if (id >= shapeCapacity) {
        growShapes(Math.max(64, shapeCapacity * 2));
      }
    }
    return id;
  }

  private void growShapes(int capacity) {
    int n = nodes.length;
    int[] stamp = new int[n * capacity];
    int[] cache = new int[n * capacity];
    for (int i = 0; i < n; i++) {
      System.arraycopy(scoreStamp, i * shapeCapacity, stamp, i * capacity, shapeCapacity);
      System.arraycopy(scoreCache, i * shapeCapacity, cache, i * capacity, shapeCapacity);
    }
    scoreStamp = stamp;
    scoreCache = cache;
    shapeCapacity = capacity;
  }

  private void bind(int i, GpuPod pod) {
    GpuDemand d = pod.demand();
    GpuNodeState n = nodes[i];
    int[] devices = policy.selection() == GpuSelection.DOT_PRODUCT
        ? policy.selection().select(n, d, new GpuSelection.Context(typical, specs[i].cpuMilli(),
            policy.dimExt(), policy.norm(), random))
        : policy.selection().select(n, d, selectContext);
    if (d.gpuMilli() > 0 && d.gpuCount() > 0 && devices.length != d.gpuCount()) {
      // Only a multi-GPU slice request can pass the filter (slices packed onto one device) and
      // find no whole devices here; the artifact stops at this point too.
      throw new IllegalStateException("node " + specs[i].name() + ": no devices for pod "
          + pod.name() + " " + d);
    }
    // NodeResourcesFit's bookkeeping: the node is charged the pod's requests as written, while
    // the pod's demand carries kube's non-zero CPU default for scoring.
    boolean gpu = d.gpuMilli() > 0 && d.gpuCount() > 0;
    GpuDemand charge = new GpuDemand(pod.cpuRequestMilli(), pod.memoryRequest(),
        gpu ? d.gpuCount() : 0, gpu ? d.gpuMilli() : 0, d.gpuModel());
    n.allocate(charge, devices);
    podsFree[i]--;
    kinds[i].add(d);
    version[i]++;
    fragAmount[i] = Fragmentation.nodeAmount(n, typical);
  }

  double clusterFragAmount() {
    double s = 0;
    for (double a : fragAmount) {
      s += a;
    }
    return s;
  }

  double clusterIdleMilli() {
    long idle = 0;
    for (GpuNodeState n : nodes) {
      idle += n.totalGpuMilliFree();
    }
    return idle * popularitySum;
  }
}
