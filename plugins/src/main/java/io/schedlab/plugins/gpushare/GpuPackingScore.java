package io.schedlab.plugins.gpushare;

import io.schedlab.framework.Handle;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Status;
import io.schedlab.framework.StatusException;

/**
 * GpuPackingScore: {@link GpuScores#gpuPacking}, in its three bands: partly used GPUs the pod fits
 * on (50..100, fuller higher), then fully free GPUs of a used node (33..50), then an idle node
 * (lowest). A pod without GPU milli scores 0; a node whose model the pod does not accept, or whose
 * devices cannot hold the pod, is an Error, as in the artifact. No NormalizeScore.
 */
public final class GpuPackingScore extends GpuLedgerScore {
  public static final String NAME = "GpuPackingScore";


  public GpuPackingScore(Handle handle) {
    super(NAME, handle);
  }

  @Override
  long score(PodGpuDemand demand, PodInfo pod, NodeInfo node) {
    GpuDemand d = demand.demand();
    if (d.gpuMilli() <= 0) {
      return MIN_NODE_SCORE;
    }
    GpuNodeState n = view(node).state();
    GpuScoreChecks.requireModel(node, n, pod, d);
    long s = GpuScores.gpuPacking(n, d);
    if (s < 0) {
      throw new StatusException(Status.error("failed to fit the GPUs of pod(" + pod.key()
          + ") on node(" + node.name() + ")"));
    }
    return s;
  }
}
