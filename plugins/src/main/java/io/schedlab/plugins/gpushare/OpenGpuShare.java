package io.schedlab.plugins.gpushare;

import io.schedlab.framework.CycleState;
import io.schedlab.framework.FilterPlugin;
import io.schedlab.framework.Handle;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreFilterPlugin;
import io.schedlab.framework.PreFilterResult;
import io.schedlab.framework.ReservePlugin;
import io.schedlab.framework.Status;
import io.schedlab.framework.StatusException;
import java.util.List;

/**
 * Open-Gpu-Share, the FGD artifact's GPU-sharing plugin. Filter: a pod without GPU milli passes;
 * otherwise the node needs GPUs (capacity {@code alibabacloud.com/gpu-count}), a model the pod
 * accepts (label {@code alibabacloud.com/gpu-card-model}) and room on its devices ({@link
 * GpuShareFit}); each failure is Unschedulable, as in the artifact. Reserve picks the pod's
 * devices on the chosen node with {@code gpuSelMethod} (a pod that already names its devices in
 * {@code alibabacloud.com/gpu-index} keeps them) and records them in the scheduler's {@link
 * GpuDeviceLedger}; Unreserve releases them. PreFilter only reads the pod's demand once for the
 * cycle, and skips Filter for pods without GPU milli.
 */
public final class OpenGpuShare implements PreFilterPlugin, FilterPlugin, ReservePlugin {
  public static final String NAME = "Open-Gpu-Share";

  static final String NO_GPU = "node(s) had no GPU";
  static final String NO_MODEL = "node(s) had no GPU of model ";
  static final String INSUFFICIENT_GPU = "node(s) had insufficient GPU";

  private final Handle handle;
  private final GpuDeviceLedger ledger;
  private final ProfileTypicalPods typicalPods;
  private final GpuSelection selection;
  private final DotProduct.DimExt dimExt;
  private final DotProduct.Norm norm;

  public OpenGpuShare(OpenGpuShareArgs args, Handle handle) {
    this.selection = GpuPluginArgs.selection("gpuSelMethod", args.gpuSelMethod());
    this.dimExt = GpuPluginArgs.dimExt("dimExtMethod", args.dimExtMethod());
    this.norm = GpuPluginArgs.norm("normMethod", args.normMethod());
    this.handle = handle;
    this.ledger = GpuDeviceLedger.of(handle);
    this.typicalPods = ProfileTypicalPods.of(handle);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The device choice configured by {@code gpuSelMethod}. */
  public GpuSelection selection() {
    return selection;
  }

  @Override
  public PreFilterResult preFilter(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
    return PodGpuDemand.prepare(state, pod).demand().gpuMilli() > 0
        ? PreFilterResult.SUCCESS
        : PreFilterResult.SKIP;
  }

  @Override
  public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
    GpuDemand d = PodGpuDemand.read(state, pod).demand();
    if (d.gpuMilli() <= 0) {
      return Status.SUCCESS;
    }
    GpuNodeState n = ledger.view(node).state();
    if (n.gpuCount() == 0) {
      return Status.unschedulable(NO_GPU);
    }
    if (!d.acceptsModel(n.gpuModel())) {
      return Status.unschedulable(NO_MODEL + d.gpuModel());
    }
    if (!GpuShareFit.fits(n, d)) {
      return Status.unschedulable(INSUFFICIENT_GPU);
    }
    return Status.SUCCESS;
  }

  @Override
  public Status reserve(CycleState state, PodInfo pod, String nodeName) {
    // Reserve has no primitive result to escape from, and the framework expects a status here.
    try {
      return reserveDevices(state, pod, nodeName);
    } catch (StatusException e) {
      return e.status();
    }
  }

  private Status reserveDevices(CycleState state, PodInfo pod, String nodeName) {
    GpuDemand d = PodGpuDemand.read(state, pod).demand();
    if (d.gpuMilli() <= 0 || d.gpuCount() == 0) {
      return Status.SUCCESS;
    }
    NodeInfo node = handle.snapshot().get(nodeName);
    if (node == null) {
      return Status.error(
          "node(" + nodeName + ") of pod(" + pod.key() + ") is not in the snapshot");
    }
    ledger.sweep(node);
    GpuNodeView view = ledger.viewWithout(node, pod.uid());
    int[] devices = GpuDeviceLedger.annotatedDevices(pod, view.state().gpuCount(), d.gpuCount());
    if (devices == null) {
      devices = selection.select(view.state(), d, new GpuSelection.Context(typicalPodsFor(pod),
          view.cpuCapacity(), dimExt, norm, handle.random()));
    } else if (!roomOn(view.state(), devices, d.gpuMilli())) {
      devices = new int[0];
    }
    if (devices.length != d.gpuCount()) {
      return Status.error("failed to allocate GPU to pod(" + pod.key() + ") on node(" + nodeName
          + ")");
    }
    ledger.record(nodeName, pod.uid(), devices);
    return Status.SUCCESS;
  }

  @Override
  public void unreserve(CycleState state, PodInfo pod, String nodeName) {
    ledger.release(nodeName, pod.uid());
  }

  /** Only FGD's choice needs typical pods; the others must not trigger their derivation. */
  private TypicalPods typicalPodsFor(PodInfo pod) {
    return selection == GpuSelection.FGD ? typicalPods.get(handle.snapshot(), pod) : null;
  }

  private static boolean roomOn(GpuNodeState node, int[] devices, int milli) {
    int[] free = node.gpuMilliFree();
    for (int d : devices) {
      if (free[d] < milli) {
        return false;
      }
      free[d] -= milli;
    }
    return true;
  }
}
