package io.schedlab.plugins.gpushare;

import io.schedlab.framework.CycleState;
import io.schedlab.framework.Handle;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreScorePlugin;
import io.schedlab.framework.ScorePlugin;
import io.schedlab.framework.Status;
import java.util.List;

/**
 * GpuClusteringScore: {@link GpuScores#gpuClustering}, keeping pods of one GPU kind (a share, or N
 * whole GPUs) together. The kinds are counted from the GPU pods on the node's NodeInfo; within a
 * band a fuller node scores higher. A pod without GPUs scores 0. No NormalizeScore.
 */
public final class GpuClusteringScore implements PreScorePlugin, ScorePlugin {
  public static final String NAME = "GpuClusteringScore";

  private final GpuDeviceLedger ledger;

  public GpuClusteringScore(Handle handle) {
    this.ledger = GpuDeviceLedger.of(handle);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
    PodGpuDemand.prepare(state, pod);
    return Status.SUCCESS;
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo node) {
    GpuDemand d = PodGpuDemand.read(state, pod).demand();
    if (GpuScores.kindOf(d) < 0) {
      return MIN_NODE_SCORE;
    }
    GpuNodeView view = ledger.view(node);
    return GpuScores.gpuClustering(view.state(), view.kinds(), d);
  }
}
