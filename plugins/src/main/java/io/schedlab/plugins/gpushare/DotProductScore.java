package io.schedlab.plugins.gpushare;

import io.schedlab.framework.Handle;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;

/**
 * DotProductScore, Tetris-style packing as the artifact scores it: {@link DotProduct#score} with
 * the args' {@code dimExtMethod} and {@code normMethod}, 100 × (1 − the best normalised dot
 * product of the node's leftovers and the pod's request); 0 when the node's CPU cannot hold the
 * pod or nothing matches. The node norm divides by the node's allocatable CPU and its GPUs. No
 * NormalizeScore.
 */
public final class DotProductScore extends GpuLedgerScore {
  public static final String NAME = "DotProductScore";

  private final DotProduct.DimExt dimExt;
  private final DotProduct.Norm norm;

  public DotProductScore(DotProductScoreArgs args, Handle handle) {
    super(NAME, handle);
    this.dimExt = GpuPluginArgs.dimExt("dimExtMethod", args.dimExtMethod());
    this.norm = GpuPluginArgs.norm("normMethod", args.normMethod());
  }

  @Override
  long score(PodGpuDemand demand, PodInfo pod, NodeInfo node) {
    GpuDemand d = demand.demand();
    GpuNodeView view = view(node);
    return DotProduct.score(view.state(), view.cpuCapacity(), d, dimExt, norm);
  }
}
