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
 * What the GPU score plugins that read device state share: the scheduler's device ledger, and a
 * PreScore that reads the pod's GPU demand once for the cycle. A subclass scores one node from
 * that demand and the node's {@link GpuNodeView}.
 */
abstract class GpuLedgerScore implements PreScorePlugin, ScorePlugin {
  private final String name;
  private final GpuDeviceLedger ledger;

  GpuLedgerScore(String name, Handle handle) {
    this.name = name;
    this.ledger = GpuDeviceLedger.of(handle);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
    PodGpuDemand.prepare(state, pod);
    return Status.SUCCESS;
  }

  @Override
  public final long score(CycleState state, PodInfo pod, NodeInfo node) {
    return score(PodGpuDemand.read(state, pod), pod, node);
  }

  /** Reads the node's GPU view, built from the ledger and the node's pods. */
  final GpuNodeView view(NodeInfo node) {
    return ledger.view(node);
  }

  abstract long score(PodGpuDemand demand, PodInfo pod, NodeInfo node);
}
