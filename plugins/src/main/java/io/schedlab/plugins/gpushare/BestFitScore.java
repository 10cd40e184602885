package io.schedlab.plugins.gpushare;

import io.schedlab.framework.CycleState;
import io.schedlab.framework.Handle;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.ScoreExtensions;
import io.schedlab.framework.Status;
import io.schedlab.framework.StatusException;
import java.util.List;

/**
 * BestFitScore: favours the node the pod leaves tightest, {@link GpuScores#bestFit} (100 × (1 −
 * the mean of the CPU and GPU left over, relative to the largest node)), then min-max normalised
 * over the feasible nodes ({@link GpuScores#normalize}: all 0 when they tie). A node whose model
 * the pod does not accept, or that cannot hold the pod's CPU (with kube's non-zero default) and
 * GPU milli, is an Error, as in the artifact.
 */
public final class BestFitScore extends GpuLedgerScore implements ScoreExtensions {
  public static final String NAME = "BestFitScore";


  public BestFitScore(Handle handle) {
    super(NAME, handle);
  }

  @Override
  long score(PodGpuDemand demand, PodInfo pod, NodeInfo node) {
    GpuDemand d = demand.demand();
    GpuNodeState n = view(node).state();
    GpuScoreChecks.requireModel(node, n, pod, d);
    long s = GpuScores.bestFit(n, d);
    if (s < 0) {
      throw new StatusException(Status.error("node(" + node.name() + ") cannot hold pod("
          + pod.key() + "): its best-fit score is negative"));
    }
    return s;
  }

  @Override
  public ScoreExtensions scoreExtensions() {
    return this;
  }

  @Override
  public Status normalizeScore(CycleState state, PodInfo pod, List<NodeInfo> nodes,
      long[] scores) {
    GpuScores.normalize(scores, scores.length);
    return Status.SUCCESS;
  }
}
