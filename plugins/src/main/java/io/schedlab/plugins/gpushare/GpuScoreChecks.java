package io.schedlab.plugins.gpushare;

import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Status;
import io.schedlab.framework.StatusException;

/**
 * The artifact's score plugins fail with an Error on a node whose GPU model the pod does not
 * accept: Open-Gpu-Share's Filter should have removed it, so reaching Score means the profile is
 * missing that filter.
 */
final class GpuScoreChecks {
  private GpuScoreChecks() {}

  static void requireModel(NodeInfo node, GpuNodeState state, PodInfo pod, GpuDemand demand) {
    if (!demand.acceptsModel(state.gpuModel())) {
      throw new StatusException(Status.error("node(" + node.name() + ") with GPU model '"
          + state.gpuModel() + "' does not match the GPU model request '" + demand.gpuModel()
          + "' of pod(" + pod.key() + "); enable the Open-Gpu-Share filter"));
    }
  }
}
