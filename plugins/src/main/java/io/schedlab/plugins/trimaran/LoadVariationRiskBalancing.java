package io.schedlab.plugins.trimaran;

import io.schedlab.api.Pod;
import io.schedlab.api.Quantity;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.Handle;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PodRequests;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.framework.ScorePlugin;
import java.util.Map;

/**
 * Trimaran's LoadVariationRiskBalancing (scheduler-plugins pkg/trimaran/loadvariationriskbalancing
 * and pkg/trimaran/resourcestats.go): balances the risk of load variation, the mean plus a
 * share of the deviation of measured utilisation. Per resource (CPU in millicores, memory in MiB),
 * with capacity C the node's allocatable, used average A and deviation S (utilisation × C / 100)
 * and the pod's request R: μ = clamp((A + R) / C), σ = clamp(S / C), σ' = clamp(margin ×
 * σ^(1/sensitivity)), score = (1 − (μ + σ') / 2) × 100. The node's score is round(min) of the
 * two when both have metrics, else round(max) (the one with metrics, 0 for the other). A node
 * without NodeMetrics scores 0. No NormalizeScore.
 */
public final class LoadVariationRiskBalancing implements ScorePlugin {
  public static final String NAME = "LoadVariationRiskBalancing";
  /** Upstream's MegaFactor: bytes to MiB. */
  static final double MEGA_FACTOR = 1. / 1024. / 1024.;

  private final Handle handle;
  private final NodeLoad.Cache loads = new NodeLoad.Cache();
  private final double margin;
  private final double sensitivity;

  public LoadVariationRiskBalancing(LoadVariationRiskBalancingArgs args, Handle handle) {
    this.handle = handle;
    this.margin = args.safeVarianceMargin();
    this.sensitivity = args.safeVarianceSensitivity();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo node) {
    NodeLoad load = loads.get(handle, node.node());
    if (load == null) {
      return MIN_NODE_SCORE;
    }
    Map<String, Quantity> allocatable = node.node().status().allocatable();
    long[] request = requested(pod.pod(), handle.resources());
    double cpuScore = 0;
    if (load.cpuFound()) {
      double cap = Quantity.milliValueOrZero(allocatable.get("cpu"));
      cpuScore = computeScore(load.cpuPercent() * cap / 100, load.cpuStdPercent() * cap / 100,
          request[0], cap, margin, sensitivity);
    }
    double memoryScore = 0;
    if (load.memoryFound()) {
      double cap = Quantity.valueOrZero(allocatable.get("memory")) * MEGA_FACTOR;
      memoryScore = computeScore(load.memoryPercent() * cap / 100,
          load.memoryStdPercent() * cap / 100, request[1] * MEGA_FACTOR, cap, margin, sensitivity);
    }
    double total = load.cpuFound() && load.memoryFound()
        ? Math.min(cpuScore, memoryScore) : Math.max(cpuScore, memoryScore);
    return GoMath.round(total);
  }

  /**
   * Upstream's computeScore: (1 − risk) × 100 with risk = (μ + σ') / 2, all inputs absolute in
   * the same unit; 0 for a capacity ≤ 0.
   */
  static double computeScore(double usedAvg, double usedStdev, double req, double capacity,
      double margin, double sensitivity) {
    if (capacity <= 0) {
      return 0;
    }
    req = Math.max(req, 0);
    usedAvg = Math.max(Math.min(usedAvg, capacity), 0);
    usedStdev = Math.max(Math.min(usedStdev, capacity), 0);
    double mu = Math.max(Math.min((usedAvg + req) / capacity, 1), 0);
    double sigma = Math.max(Math.min(usedStdev / capacity, 1), 0);
    if (sensitivity >= 0) {
      sigma = GoMath.pow(sigma, 1 / sensitivity);
    }
    sigma = Math.max(Math.min(sigma * margin, 1), 0);
    double risk = (mu + sigma) / 2;
    return (1. - risk) * MAX_NODE_SCORE;
  }

  /**
   * Upstream's GetResourceRequested ({@link PodRequests#withoutSidecars}) as {cpu millicores,
   * memory bytes}.
   */
  static long[] requested(Pod pod, ResourceRegistry registry) {
    long[] r = PodRequests.withoutSidecars(pod, registry);
    return new long[] {
      ResourceRegistry.get(r, ResourceRegistry.CPU), ResourceRegistry.get(r, ResourceRegistry.MEMORY)
    };
  }
}
