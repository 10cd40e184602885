package io.schedlab.plugins.gpushare;

import io.schedlab.framework.Handle;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;

/**
 * GpuClusteringScore: {@link GpuScores#gpuClustering}, keeping pods of one GPU kind (a share, or N
 * whole GPUs) together. The kinds are counted from the GPU pods on the node's NodeInfo; within a
 * band a fuller node scores higher. A pod without GPUs scores 0. No NormalizeScore.
 */
public final class GpuClusteringScore extends GpuLedgerScore {
  public static final String NAME = "GpuClusteringScore";


  public GpuClusteringScore(Handle handle) {
    super(NAME, handle);
  }

  @Override
  long score(PodGpuDemand demand, PodInfo pod, NodeInfo node) {
    GpuDemand d = demand.demand();
    if (GpuScores.kindOf(d) < 0) {
      return MIN_NODE_SCORE;
    }
    GpuNodeView view = view(node);
    return GpuScores.gpuClustering(view.state(), view.kinds(), d);
  }
}
