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
 * DotProductScore, Tetris-style packing as the artifact scores it: {@link DotProduct#score} with
 * the args' {@code dimExtMethod} and {@code normMethod}, 100 × (1 − the best normalised dot
 * product of the node's leftovers and the pod's request); 0 when the node's CPU cannot hold the
 * pod or nothing matches. The node norm divides by the node's allocatable CPU and its GPUs. No
 * NormalizeScore.
 */
public final class DotProductScore implements PreScorePlugin, ScorePlugin {
  public static final String NAME = "DotProductScore";

  private final GpuDeviceLedger ledger;
  private final DotProduct.DimExt dimExt;
  private final DotProduct.Norm norm;

  public DotProductScore(DotProductScoreArgs args, Handle handle) {
    this.dimExt = GpuPluginArgs.dimExt("dimExtMethod", args.dimExtMethod());
    this.norm = GpuPluginArgs.norm("normMethod", args.normMethod());
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
    GpuNodeView view = ledger.view(node);
    return DotProduct.score(view.state(), view.cpuCapacity(), d, dimExt, norm);
  }
}
